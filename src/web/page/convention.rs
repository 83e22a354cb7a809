//! Credits a site writes the same way under every picture, which only the page as a whole
//! shows: a name in parentheses at the end of each image's `alt` ("A new street sign (Tahir
//! Della)", "Tahir Della (picture-alliance/dpa/L. Schwedes)"). One such group alone may be
//! anything (a party, a nickname, a place); when every described image of the page ends with
//! one, and at least one of them is written as a wire credit (`AGENCY/NAME`), they are the
//! site's credits.

use crate::evidence::{Evidence, origin as o};

use super::PageImage;

/// The group in parentheses that ends a description, when there is a description before it.
fn trailing_group(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches(['.', ' ']);
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let g = inner[open + 1..].trim();
    let before = &inner[..open];
    (!g.is_empty() && !g.contains(')') && before.chars().any(char::is_alphabetic)).then_some(g)
}

/// Lower-case words a name may hold ("Ursula von der Leyen", "Lula da Silva").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "das", "do", "dos", "del", "di", "du", "la", "le", "y",
    "bin", "al",
];

/// Whether a group is a name: one to five words, each capitalized (initials and hyphens
/// allowed) or a particle, no digits, and not a lone upper-case abbreviation ("(CDU)", which is
/// more often a party than a credit).
fn name_like(g: &str) -> bool {
    let words: Vec<&str> = g.split_whitespace().collect();
    if g.len() > 60 || words.is_empty() || words.len() > 5 || g.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    if words.len() == 1 && words[0].chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    words.iter().all(|w| {
        PARTICLES.contains(w)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
    })
}

/// Whether a group is a wire credit: two to four pieces joined by slashes with no space around
/// them ("DW/J. Hitz", "picture alliance/dpa/K-D.Gabbert"), the last a name. "(Before /
/// After)" has spaces around its slash.
fn wire_path(g: &str) -> bool {
    let pieces: Vec<&str> = g.split('/').collect();
    (2..=4).contains(&pieces.len())
        && !g.contains(" /")
        && !g.contains("/ ")
        && pieces.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 40
                && p.split_whitespace().count() <= 4
                && p.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
        })
        && pieces.last().is_some_and(|l| {
            // A person's name: more than one part ("J. Hitz", "K-D.Gabbert"), not "After".
            name_like(l) && l.split([' ', '.']).filter(|p| !p.is_empty()).count() >= 2
        })
}

/// Adds `html:alt-credit` to each image of a page whose descriptions all end with a credit in
/// parentheses (see the module's text). Images that already have a credit in their `alt` keep
/// it.
pub(super) fn trailing_alt_credits(images: &mut [PageImage]) {
    let alt_of = |im: &PageImage| {
        im.evidence
            .iter()
            .find(|e| e.origin == o::HTML_ALT && e.value.trim().len() > 3)
            .map(|e| e.value.clone())
    };
    let described: Vec<(usize, String)> = images
        .iter()
        .enumerate()
        .filter_map(|(i, im)| alt_of(im).map(|a| (i, a)))
        .collect();
    if described.len() < 2 {
        return;
    }
    let mut groups = Vec::with_capacity(described.len());
    for (i, alt) in &described {
        match trailing_group(alt) {
            Some(g) if name_like(g) || wire_path(g) => groups.push((*i, g.to_string())),
            _ => return,
        }
    }
    if !groups.iter().any(|(_, g)| wire_path(g)) {
        return;
    }
    for (i, g) in groups {
        let im = &mut images[i];
        if im.evidence.iter().any(|e| e.origin == o::HTML_ALT_CREDIT) {
            continue;
        }
        im.evidence.push(Evidence::new(o::HTML_ALT_CREDIT, g));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_names_and_wire_paths() {
        assert_eq!(trailing_group("A sign (Ann Lee)"), Some("Ann Lee"));
        assert_eq!(trailing_group("(Ann Lee)"), None);
        assert_eq!(trailing_group("A sign (Ann Lee) in Berlin"), None);
        assert!(name_like("Ann Lee"));
        assert!(name_like("Ursula von der Leyen"));
        assert!(name_like("Downluke"));
        assert!(!name_like("CDU"));
        assert!(!name_like("left"));
        assert!(!name_like("2019"));
        assert!(!name_like("Photo taken in the rain"));
        assert!(wire_path("DW/J. Hitz"));
        assert!(wire_path("picture-alliance/dpa/L. Schwedes"));
        assert!(!wire_path("Before / After"));
        assert!(!wire_path("Before/After"));
        assert!(wire_path("picture alliance/dpa/K-D.Gabbert"));
        assert!(!wire_path("in dollars/per pound"));
    }
}
