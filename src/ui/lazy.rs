//! Split points: functions whose code, and whatever only they reach, leaves the main module in
//! the release build (`--features split`, run by the Trunk hook in `xtask/src/split.rs`) for a
//! module of its own, fetched by `__wasm_split.js` the first time one of them is called (#34).
//!
//! Without the feature (`trunk serve`, the wasm-bindgen tests, clippy) a split point is a plain
//! `async fn` with the same signature, so every caller is the same in both builds.
//!
//! A module can fail to arrive: the network is gone and the worker has not kept the files yet,
//! or Retrace was updated on the server while this page was open, so the files it asks for are
//! another build's (their names carry the build's version: a 404, never a wrong module). The
//! split point then returns [`PartMissing`] instead of aborting the whole app (`fallible`), and
//! a later call tries again.

use crate::domain::i18n::tr;
use std::future::Future;
use std::pin::Pin;

/// A part of Retrace (a screen's or the team space's module) could not be fetched or started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

/// What Home and the team space say when a module they need cannot be fetched (a screen says
/// more, in `app::screens`).
impl std::fmt::Display for PartMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(tr("That part of Retrace did not arrive: the network may be down, or Retrace was updated on the server. Reload the page to try again."))
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Work a split point hands back to be awaited by its caller: the boundary itself is a plain
/// function call, so async work crosses it as a boxed future.
pub type Work<T> = Pin<Box<dyn Future<Output = T>>>;

/// `split_point!(module, [pub] fn name(args) -> T => body)`: with `split`, a split point into
/// `module` (points naming the same module share it) whose load failure comes back as
/// `Err(PartMissing)`; without it, an `async fn` with the same signature. The body runs
/// synchronously once the module is in; async work returns a [`Work`].
macro_rules! split_point {
    ($(#[$doc:meta])* $module:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty => $body:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::lazy::PartMissing> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::lazy::PartMissing> {
            Ok($body)
        }
    };
}
pub(crate) use split_point;
