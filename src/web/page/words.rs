//! The words the page reader looks for, in one place: how a credit line starts, which class or
//! id names mark a credit, and which mark an image as decoration.
//!
//! These are markup conventions and the labels publishers print, not license knowledge: whether
//! a text names a license is decided by `credit` (see `crate::credit::page`). The credit labels
//! here duplicate the ones `credit::line` reads; they are kept in this one file until the two
//! share a public list.

/// Words a credit line starts with (lower case).
pub(super) const CREDIT_STARTS: &[&str] = &[
    "photo",
    "image",
    "picture",
    "pic:",
    "credit",
    "©",
    "(c)",
    "copyright",
    "foto",
    "source:",
    "courtesy",
    "illustration",
    "graphic",
    "bild",
    "crédit",
];

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

/// Words that make a caption a credit wherever they stand in it (whole words, lower case; `©`
/// and `(c)` anywhere).
pub(super) const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photography",
    "foto",
    "fotos",
    "fotografie",
    "credit",
    "credits",
    "crédit",
    "crédits",
    "copyright",
    "courtesy",
    "source",
    "bild",
    "image",
    "illustration",
    "picture",
];

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
