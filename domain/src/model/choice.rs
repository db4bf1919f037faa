//! Fixed choices (entry kinds, categories, priorities…): one declaration gives the enum, its
//! stable JSON key, its label for people, and the list of all values for pickers.

/// A closed set of values, so one picker component can serve every kind of choice.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order pickers show them.
    fn all() -> &'static [Self];
    /// The stable key used in JSON and in form values.
    fn key(self) -> &'static str;
    /// The name shown to people.
    fn label(self) -> &'static str;
    /// The value with this key, if any; `None` for a key no value uses.
    fn from_key(key: &str) -> Option<Self>;
}

/// Declares a closed set of choices. Keys are written to JSON and must never change;
/// labels are what people read and may be reworded freely.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($key:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[doc = $key] #[serde(rename = $key)] $variant),+
        }

        impl $name {
            /// Every value, in the order pickers show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable key used in JSON and in form values.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The name shown to people, in the active language.
            pub fn label(self) -> &'static str {
                $crate::i18n::tr(match self { $($name::$variant => $label),+ })
            }

            /// The value with this key, if any; `None` for a key no value uses.
            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        impl $crate::model::choice::Choice for $name {
            fn all() -> &'static [Self] { $name::ALL }
            fn key(self) -> &'static str { $name::key(self) }
            fn label(self) -> &'static str { $name::label(self) }
            fn from_key(key: &str) -> Option<Self> { $name::from_key(key) }
        }
    };
}

pub(crate) use choice;
