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
