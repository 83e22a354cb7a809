//! The words the page reader looks for, in one place: how a credit line starts, which class or
//! id names mark a credit, and which mark an image as decoration.
//!
//! These are markup conventions, not license knowledge: whether a text names a license is
//! decided by `credit` (see `crate::credit::page`). The labels publishers print before a credit
//! are the ones `credit::line` reads, from the one shared copy in [`crate::lexicon`].

use crate::lexicon::{AUTHOR_LABELS, SOURCE_LABELS};

/// Marks a credit line may start with besides the author and source labels of
/// [`crate::lexicon`] (lower case; matched as a prefix).
const OTHER_STARTS: &[&str] = &["©", "(c)", "copyright", "graphic"];

/// Whether a text starts like a credit line: an author label of [`crate::lexicon`] as a whole
/// word ("Photo:", "Foto von", "Image courtesy …"), a source label followed by a colon
/// ("Source: …"; a sentence may start with "Sources say"), or a copyright sign or word.
pub(super) fn starts_like_credit(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let word_at_start = |label: &str| {
        lower.strip_prefix(label).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’')
        })
    };
    OTHER_STARTS.iter().any(|w| lower.starts_with(w))
        || AUTHOR_LABELS.iter().any(|l| word_at_start(l))
        || SOURCE_LABELS.iter().any(|l| {
            lower
                .strip_prefix(l)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
}

/// Class, id or itemprop words that mark a credit.
pub(super) const CREDIT_MARKS: &[&str] = &[
    "credit",
    "copyright",
    "byline",
    "attribution",
    "photographer",
    "license",
    "licence",
];

/// Class or id words that make an element beside an image (not inside its wrapper) that
/// image's credit: not "byline" nor "author", which beside a lead picture are the article's
/// writer.
pub(super) const SIBLING_CREDIT_MARKS: &[&str] = &["credit", "photographer", "attribution"];

/// Words besides the one-word labels of [`crate::lexicon`] that make a caption a credit
/// wherever they stand in it.
const OTHER_WORDS: &[&str] = &["copyright"];

/// Whether a word (lower case) makes a caption a credit wherever it stands in it: a one-word
/// author or source label ("… Photo: X", "… via X") or "copyright".
pub(super) fn is_credit_word(w: &str) -> bool {
    !w.is_empty()
        && (OTHER_WORDS.contains(&w) || AUTHOR_LABELS.contains(&w) || SOURCE_LABELS.contains(&w))
}

/// Class or id words of a credit for one thing (not a site's copyright line): a license link
/// inside one is about that thing, never page-wide.
pub(super) const ATTRIBUTION_MARKS: &[&str] = &["attribution", "credit", "byline", "photographer"];

/// Class, id or itemprop word that marks a caption.
pub(super) const CAPTION_MARK: &str = "caption";

/// Attributes of an `img` or its `figure` that CMSs fill with the picture's credit ("data-credit=
/// \"Jane Doe/Getty Images\""): read as a credit line.
pub(super) const CREDIT_ATTRS: &[&str] = &[
    "data-credit",
    "data-photo-credit",
    "data-image-credit",
    "data-photographer",
    "data-author",
    // Le Monde's "<span class=\"source_image\" data-copyright=\"AFP/Jane Doe\">" in the caption.
    "data-copyright",
];

/// Attributes that hold the picture's caption, which may end in its credit.
pub(super) const CAPTION_ATTRS: &[&str] = &["data-caption", "data-image-caption"];

/// Elements inside a `figure` but outside its `figcaption` whose text is the credit when it starts
/// like one ("<cite>Image: Jane Doe / Outlet</cite>" after the caption).
pub(super) const CREDIT_LEAVES: &[&str] = &["cite", "small", "span", "p", "em", "i"];

/// Elements never taken for an image's wrapper.
pub(super) const SECTIONING: &[&str] = &[
    "html", "body", "main", "article", "section", "header", "footer", "nav", "aside", "ul", "ol",
    "table", "tbody",
];

/// Pieces of an image URL that only license badges have.
pub(super) const BADGE_URL_PARTS: &[&str] = &[
    "licensebuttons.net/",
    "i.creativecommons.org/l/",
    "i.creativecommons.org/p/",
    "mirrors.creativecommons.org/presskit/buttons",
    "88x31",
    "80x15",
];

/// Words in an image's file name, class or id that say it is chrome, not content: logos,
/// icons, buttons, avatars, spacers and the like (matched as whole words of the name).
pub(super) const DECORATIVE_WORDS: &[&str] = &[
    "logo",
    "logos",
    "icon",
    "icons",
    "favicon",
    "sprite",
    "avatar",
    "emoji",
    "badge",
    "button",
    "spinner",
    "loader",
    "wordmark",
    "poweredby",
    "spacer",
    "pixel",
    "magnify",
];

/// Classes and ids of containers whose images are chrome: MediaWiki's license and message
/// boxes, the magnify link of a thumbnail, site footers and navigation.
pub(super) const DECORATIVE_CONTAINERS: &[&str] = &[
    "licensetpl",
    "licensetpl_wrapper",
    "imbox",
    "fmbox",
    "ombox",
    "tmbox",
    "cmbox",
    "mbox-image",
    "mbox-imageright",
    "rlicense-icons",
    "magnify",
    "noviewer",
    "footer",
    "footer-icons",
    "site-footer",
];

/// Elements whose images are chrome.
pub(super) const DECORATIVE_ELEMENTS: &[&str] = &["footer", "nav"];

/// Words after a label that make it introduce a name: "Photo by X", "Foto von X".
const AGENT_CONNECTORS: &[&str] = &["by", "von", "par", "por", "door"];

/// Whether a text starts with an agent word and a capitalized name: "By Jane Doe - Own work, …"
/// (Wikimedia Commons' older attribution), "Von Max Muster", "Par Jeanne Dupont".
pub(super) fn starts_with_agent(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    AGENT_CONNECTORS.contains(&first.to_lowercase().as_str())
        && second.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `lower` (lower case) has a credit label as a whole word at byte `i`, written as a
/// credit: followed by ":" or "/" ("Photo: X", "AP Photo/X"), by an agent word ("Photo by X"),
/// or by "of" after "courtesy" ("Image courtesy of X"); a label ending in "of"/"de" ("courtesy
/// of") is followed by the name. "Photo of a dog" is not written as a credit.
fn label_written_as_credit(lower: &str, i: usize) -> bool {
    let Some(at) = lower.get(i..) else {
        return false;
    };
    AUTHOR_LABELS.iter().any(|label| {
        let Some(rest) = at.strip_prefix(label) else {
            return false;
        };
        let trimmed = rest.trim_start();
        let next_word = trimmed
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let spaced = rest.starts_with(char::is_whitespace);
        trimmed.starts_with([':', '/'])
            || (spaced && AGENT_CONNECTORS.contains(&next_word) && trimmed.len() > next_word.len())
            || (spaced && label.ends_with("courtesy") && next_word == "of")
            || (spaced
                && [" of", " de", " di"].iter().any(|c| label.ends_with(c))
                && !trimmed.is_empty())
    })
}

/// Whether a short text is a credit as it is written: a copyright sign first, or a credit label
/// written as a credit (see [`label_written_as_credit`]) at its start or, when `lead` allows,
/// after at most `lead` words (an agency: "AP Photo/X", "U.S. Navy photo by X").
fn written_as_credit(text: &str, lead: usize) -> bool {
    let lower = text.trim().to_lowercase();
    if lower.len() < 4 || lower.len() > 200 {
        return false;
    }
    if lower.starts_with('©') || lower.starts_with("(c) ") {
        return true;
    }
    let starts = std::iter::once(0).chain(
        lower
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(k, c)| k + c.len_utf8())
            .filter(|k| lower[*k..].starts_with(|c: char| !c.is_whitespace())),
    );
    starts
        .take(lead + 1)
        .any(|i| label_written_as_credit(&lower, i))
}

/// Separators before a credit at the end of a caption or description: "A dog. Photo: X",
/// "A dog | Foto: X", "A dog · Credit: X".
const TRAILING_SEPARATORS: &[&str] = &[". ", " | ", " · ", " • ", " — ", " – ", " - "];

/// Whether a short text is "Name / Outlet": a person's name of two to four capitalized words
/// (initials allowed), a slash, and one to five capitalized words ("Ellen M. Banner / The
/// Seattle Times", "John Minchillo / AP"). "(Before / After)" has no person's name.
fn name_and_outlet(g: &str) -> bool {
    let Some((name, outlet)) = g.split_once('/') else {
        return false;
    };
    if g.len() > 80 || outlet.contains('/') {
        return false;
    }
    let capitalized = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let name: Vec<&str> = name.split_whitespace().collect();
    let outlet: Vec<&str> = outlet.split_whitespace().collect();
    (2..=4).contains(&name.len())
        && name.iter().all(|w| capitalized(w))
        && (1..=5).contains(&outlet.len())
        && outlet.iter().all(|w| capitalized(w))
}

/// The credit inside an image's `alt` or `title` text, when it is written as one: the last
/// parenthesized group that is ("… (AP Photo/John Doe)", "(Photo: Jane Doe)"), else the part
/// after the last separator ("A harbour. Photo: Jane Doe"), else the whole text ("Photo by
/// Jane Doe"). Ordinary descriptions ("Photo of a dog on a beach") give none.
pub(super) fn credit_in_description(text: &str) -> Option<&str> {
    let text = text.trim();
    if text.len() > 2000 {
        return None;
    }
    let mut groups = Vec::new();
    let mut open = None;
    for (k, c) in text.char_indices() {
        match c {
            '(' => open = Some(k),
            ')' => {
                if let Some(o) = open.take() {
                    groups.push(&text[o + 1..k]);
                }
            }
            _ => {}
        }
    }
    let last = groups.last().copied();
    if let Some(g) = groups.into_iter().rev().find(|g| written_as_credit(g, 3)) {
        return Some(g.trim());
    }
    // Newspapers end a caption with "(Name / Outlet)": the photographer and the paper.
    if let Some(g) = last.filter(|g| {
        text.trim_end_matches(['.', ' '])
            .ends_with(&format!("({g})"))
            && name_and_outlet(g)
    }) {
        return Some(g.trim());
    }
    let tail = TRAILING_SEPARATORS
        .iter()
        .filter_map(|s| text.rfind(s).map(|k| k + s.len()))
        .max()
        .map(|k| text[k..].trim());
    if let Some(t) = tail.filter(|t| written_as_credit(t, 0)) {
        return Some(t);
    }
    // "雨游黄鹤楼照样开心。城市摄影队 周斌 摄": a Chinese or Japanese caption ends its last
    // sentence with the photographer and "photographed" (or "supplied").
    let last = text
        .rsplit(['。', '．'])
        .find(|s| !s.trim().is_empty())
        .map(str::trim);
    if let Some(t) = last.filter(|t| {
        t.chars().count() <= 30
            && ["摄", "攝", "撮影", "拍摄", "拍攝", "供图", "供圖"]
                .iter()
                .any(|w| t.ends_with(w))
    }) {
        return Some(t);
    }
    written_as_credit(text, 0).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_written_into_a_description_is_found() {
        // A wire credit in parentheses after the description, with an agency before the label.
        assert_eq!(
            credit_in_description("Staff at work in 1953, New York. (XYZ Photo/Ann Brook)"),
            Some("XYZ Photo/Ann Brook")
        );
        assert_eq!(
            credit_in_description("A dam at dusk (Photo: Lee Park) (2019)"),
            Some("Photo: Lee Park")
        );
        assert_eq!(
            credit_in_description("A ship in dock (Navy photo by Sam Ortiz)"),
            Some("Navy photo by Sam Ortiz")
        );
        // A credit after a separator at the end.
        assert_eq!(
            credit_in_description("A dragon in the snow. Foto: Eva Novak"),
            Some("Foto: Eva Novak")
        );
        assert_eq!(
            credit_in_description("Harbour | Image courtesy of Port Authority"),
            Some("Image courtesy of Port Authority")
        );
        // The whole text.
        assert_eq!(
            credit_in_description("Photo by Kim Lee"),
            Some("Photo by Kim Lee")
        );
        assert_eq!(credit_in_description("© Kim Lee"), Some("© Kim Lee"));
        // A Chinese caption's last sentence: the photographer and "photographed".
        assert_eq!(
            credit_in_description("雨中游园照样开心。城市摄影队 王明 摄"),
            Some("城市摄影队 王明 摄")
        );
        assert_eq!(credit_in_description("游客在园中拍照。"), None);
        // A newspaper's "(Name / Outlet)" at the end.
        assert_eq!(
            credit_in_description("A skipper near his boat. (Ann M. Lee / The Daily Times)"),
            Some("Ann M. Lee / The Daily Times")
        );
    }

    #[test]
    fn ordinary_descriptions_name_nobody() {
        for alt in [
            "Photo of a dog on a beach",
            "photo",
            "A photo gallery (12 pictures)",
            "Image of the new bridge (opened 2020)",
            "The team. Photo of the day",
            "Photography workshop",
            "A poster: photos by the river",
            "Sunset - photo",
            "A grid of sixteen photos: dogs and muffins that look alike",
            "Lake at dawn, Utah Landscape Photography",
            "The bridge (Before / After)",
            "Prices (in dollars / per pound)",
            "A ship (Ann Lee / The Times) sails past the harbour",
        ] {
            assert_eq!(credit_in_description(alt), None, "{alt}");
        }
        assert_eq!(credit_in_description(&"(Photo: X)".repeat(300)), None);
    }

    #[test]
    fn credit_starts_and_words_come_from_the_shared_labels() {
        assert!(starts_like_credit("Photo: Jane Doe"));
        assert!(starts_like_credit("Bildnachweis: Jane Doe"));
        assert!(starts_like_credit("Source: Jane Doe"));
        assert!(starts_like_credit("© Jane Doe"));
        assert!(!starts_like_credit("Sources say the mayor resigned."));
        assert!(!starts_like_credit("Photographers' guide to the coast"));
        assert!(!starts_like_credit("Imagine a city without cars."));
        assert!(is_credit_word("foto"));
        assert!(is_credit_word("copyright"));
        assert!(!is_credit_word("harbour"));
        assert!(!is_credit_word(""));
    }
}
