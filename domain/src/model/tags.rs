//! Tags on a retrospective (schema 6): the service, the team, anything a group wants to filter
//! its history by. Free text, compared without regard to case, so "Payments" typed in one
//! retrospective and "payments" in the next are one tag.

use std::collections::BTreeSet;

/// The longest tag kept, in characters: a tag names a thing, it does not describe it.
pub const MAX_TAG_CHARS: usize = 40;

/// The tag as stored: trimmed, inner runs of whitespace made one space, lower case, at most
/// [`MAX_TAG_CHARS`]. `None` when nothing is left.
pub fn normalize_tag(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let tag: String = words.join(" ").to_lowercase().chars().take(MAX_TAG_CHARS).collect();
    let tag = tag.trim_end().to_string();
    (!tag.is_empty()).then_some(tag)
}

/// Tags typed in one field, separated by commas: each normalised, empty ones dropped.
pub fn parse_tags(text: &str) -> BTreeSet<String> {
    text.split(',').filter_map(normalize_tag).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_compared_without_case_or_stray_spaces() {
        assert_eq!(normalize_tag("  Payments   API "), Some("payments api".into()));
        assert_eq!(normalize_tag("   "), None);
        assert_eq!(normalize_tag(&"x".repeat(100)).map(|t| t.chars().count()), Some(MAX_TAG_CHARS));
        let tags = parse_tags("Checkout, checkout ,, team: web");
        assert_eq!(tags.into_iter().collect::<Vec<_>>(), ["checkout", "team: web"]);
    }
}
