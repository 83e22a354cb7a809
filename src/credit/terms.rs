//! Restrictive terms written in words next to a photo ("Editorial use only", "Not for
//! commercial use", "No derivatives"): they decide what they clearly decide, whatever the
//! license says, and the credit must not suggest what they forbid.
//!
//! One pass of a case-insensitive automaton over the text: linear in its length.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The restrictions a text states, each with its words as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restrictions {
    /// "Editorial use only": no commercial use (advertising, merchandise).
    pub editorial_only: Option<String>,
    /// "Not for commercial use", "No unpaid use", "No resales".
    pub no_commercial: Option<String>,
    /// "No derivatives", "Do not alter": no changes.
    pub no_derivatives: Option<String>,
}

impl Restrictions {
    pub fn is_empty(&self) -> bool {
        self.editorial_only.is_none()
            && self.no_commercial.is_none()
            && self.no_derivatives.is_none()
    }

    /// Keeps what either says (the first words found for each).
    pub fn merge(&mut self, other: Restrictions) {
        self.editorial_only = self.editorial_only.take().or(other.editorial_only);
        self.no_commercial = self.no_commercial.take().or(other.no_commercial);
        self.no_derivatives = self.no_derivatives.take().or(other.no_derivatives);
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Editorial,
    NoCommercial,
    NoDerivatives,
}

const PHRASES: &[(&str, Kind)] = &[
    ("editorial use only", Kind::Editorial),
    ("for editorial use only", Kind::Editorial),
    ("editorial only", Kind::Editorial),
    ("editorial purposes only", Kind::Editorial),
    ("nur zur redaktionellen", Kind::Editorial),
    ("nur für redaktionelle", Kind::Editorial),
    ("nur redaktionelle", Kind::Editorial),
    ("usage éditorial uniquement", Kind::Editorial),
    ("usage éditorial seulement", Kind::Editorial),
    ("solo uso editorial", Kind::Editorial),
    ("sólo uso editorial", Kind::Editorial),
    ("uso exclusivamente editorial", Kind::Editorial),
    ("solo per uso editoriale", Kind::Editorial),
    ("uso editoriale", Kind::Editorial),
    ("uitsluitend redactioneel", Kind::Editorial),
    ("apenas uso editorial", Kind::Editorial),
    ("not for commercial use", Kind::NoCommercial),
    ("no commercial use", Kind::NoCommercial),
    ("not for commercial purposes", Kind::NoCommercial),
    ("non-commercial use only", Kind::NoCommercial),
    ("noncommercial use only", Kind::NoCommercial),
    ("no unpaid use", Kind::NoCommercial),
    ("no resales", Kind::NoCommercial),
    ("no sales", Kind::NoCommercial),
    ("keine kommerzielle nutzung", Kind::NoCommercial),
    ("pas d'utilisation commerciale", Kind::NoCommercial),
    ("no derivatives", Kind::NoDerivatives),
    ("no derivative works", Kind::NoDerivatives),
    ("no modifications", Kind::NoDerivatives),
    ("no alterations", Kind::NoDerivatives),
    ("do not alter", Kind::NoDerivatives),
    ("do not modify", Kind::NoDerivatives),
    ("must not be altered", Kind::NoDerivatives),
    ("may not be altered", Kind::NoDerivatives),
    ("must not be modified", Kind::NoDerivatives),
    ("may not be modified", Kind::NoDerivatives),
    ("no cropping", Kind::NoDerivatives),
    ("keine bearbeitung", Kind::NoDerivatives),
];

static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(PHRASES.iter().map(|(p, _)| p))
        .ok()
});

/// The restrictions `text` states in words. A CC license's own name ("Attribution-NoDerivs")
/// is not one: the license is assessed as such.
pub fn find(text: &str) -> Restrictions {
    let mut out = Restrictions::default();
    let Some(ac) = &*AUTOMATON else {
        return out;
    };
    for m in ac.find_iter(text) {
        let r = m.range();
        // Whole words only: "no sales" is not in "no salesman".
        let before = text[..r.start].chars().next_back();
        let after = text[r.end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let said = Some(text[r.clone()].to_string());
        let slot = match PHRASES[m.pattern().as_usize()].1 {
            Kind::Editorial => &mut out.editorial_only,
            Kind::NoCommercial => &mut out.no_commercial,
            Kind::NoDerivatives => &mut out.no_derivatives,
        };
        if slot.is_none() {
            *slot = said;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restrictions_in_words() {
        let r = find("REUTERS/Jane Doe. EDITORIAL USE ONLY. NO RESALES. NO ARCHIVES.");
        assert_eq!(r.editorial_only.as_deref(), Some("EDITORIAL USE ONLY"));
        assert_eq!(r.no_commercial.as_deref(), Some("NO RESALES"));
        assert!(r.no_derivatives.is_none());
        assert!(find("Photo: Jane Doe, CC BY-ND 4.0").is_empty());
        assert!(find("no salesman").is_empty());
        assert_eq!(
            find("Do not alter this image").no_derivatives.as_deref(),
            Some("Do not alter")
        );
    }
}
