//! Images that are chrome, not content: license badges, logos, icons, buttons, tracking
//! pixels, and the pictures of MediaWiki's license boxes. They are left out of a page's images
//! (and counted in [`super::PageScan::decorative`]): a page's `rel="license"` or a credit
//! next to them says nothing about them, and they are not what a reuser asks about.

use scraper::ElementRef;

use super::dom::tokens;
use super::words::{BADGE_URL_PARTS, DECORATIVE_CONTAINERS, DECORATIVE_ELEMENTS, DECORATIVE_WORDS};

/// Ancestors looked at for a decorative container.
const ANCESTORS: usize = 12;

/// An icon is no larger than this in both dimensions, in CSS pixels.
const ICON_PX: u32 = 48;

fn px(img: ElementRef<'_>, attr: &str) -> Option<u32> {
    let v = img.value().attr(attr)?.trim();
    let digits = v.strip_suffix("px").unwrap_or(v);
    digits.parse().ok()
}

/// The words of a name: split at anything that is not a letter or digit.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The file name of a URL, without query or fragment.
fn file_name(src: &str) -> &str {
    let path = src.split(['?', '#']).next().unwrap_or(src);
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether `img` is never shown: `hidden`, or styled `display: none` (a counter's image; the
/// parser moves the `noscript` counters of a page's head into its body, outside their
/// `noscript`).
fn is_hidden(img: ElementRef<'_>) -> bool {
    let v = img.value();
    let style: String = v
        .attr("style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    v.attr("hidden").is_some() || style.contains("display:none")
}

/// Whether `img` stands in a `noscript`, where pages put the counters that scripts would load.
fn in_noscript(img: ElementRef<'_>) -> bool {
    img.ancestors()
        .take(4)
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "noscript")
}

/// Whether a URL (lower case) names a picture file: a content image in a `noscript` fallback
/// does; a counter's URL (`/p?c1=2&…`, `/count/pv`) does not.
fn names_an_image_file(lower: &str) -> bool {
    let name = file_name(lower);
    [
        ".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".svg", ".jxl", ".tif", ".tiff",
    ]
    .iter()
    .any(|e| name.ends_with(e))
}

/// Whether `img` is the file a MediaWiki file page is about (shown small when the file is).
fn is_file_page_image(img: ElementRef<'_>) -> bool {
    img.ancestors()
        .take(3)
        .filter_map(ElementRef::wrap)
        .any(|a| {
            a.value().id() == Some("file")
                || tokens(a.value().attr("class")).any(|c| c == "fullimagelink")
        })
}

/// Why `img` (showing `src`) is decoration, or `None` when it is content.
pub(super) fn reason(img: ElementRef<'_>, src: &str) -> Option<&'static str> {
    // A dimension of 0 is "not set" (sized by CSS), not a pixel.
    let (w, h) = (
        px(img, "width").filter(|&v| v > 0),
        px(img, "height").filter(|&v| v > 0),
    );
    let tiny = |d: Option<u32>| d.is_some_and(|d| d <= 2);
    let unset_or_tiny = |d: Option<u32>| d.is_none_or(|d| d <= 2);
    if (tiny(w) && unset_or_tiny(h)) || (tiny(h) && unset_or_tiny(w)) {
        return Some("a tracking pixel");
    }
    let lower = src.to_ascii_lowercase();
    if is_hidden(img) && !names_an_image_file(&lower) {
        return Some("a tracking pixel");
    }
    if in_noscript(img)
        && !names_an_image_file(&lower)
        && img.value().attr("alt").is_none_or(|a| a.trim().is_empty())
    {
        return Some("a tracking pixel");
    }
    if BADGE_URL_PARTS.iter().any(|p| lower.contains(p)) || (w == Some(88) && h == Some(31)) {
        return Some("a badge");
    }
    if w.zip(h).is_some_and(|(w, h)| w <= ICON_PX && h <= ICON_PX) && !is_file_page_image(img) {
        return Some("an icon");
    }
    let v = img.value();
    let named = words(file_name(src))
        .chain(words(v.attr("class").unwrap_or("")))
        .chain(words(v.attr("id").unwrap_or("")))
        .any(|w| DECORATIVE_WORDS.contains(&w.as_str()));
    if named {
        return Some("a logo or icon");
    }
    for a in img.ancestors().take(ANCESTORS).filter_map(ElementRef::wrap) {
        let av = a.value();
        if DECORATIVE_ELEMENTS.contains(&av.name()) {
            return Some("in a footer or navigation");
        }
        if av.name() == "a" && tokens(av.attr("rel")).any(|r| r == "license") {
            return Some("a license link's badge");
        }
        let container = tokens(av.attr("class"))
            .chain(tokens(av.attr("id")))
            .any(|c| DECORATIVE_CONTAINERS.contains(&c.as_str()));
        if container {
            return Some("in a license box, footer or tool bar");
        }
    }
    None
}
