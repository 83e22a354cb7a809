//! Helpers over the parsed document shared by the extractors: text of an element, attribute
//! tokens, bounded descendant walks, URL resolution and line numbers.
//!
//! Every walk here is bounded: by a byte count for text, by [`VISIT`] elements for descendants,
//! so that one image costs at most a constant amount of work whatever the page looks like.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, HtmlTreeSink, Node, Selector};
use url::Url;

use super::PageLimits;

/// Elements looked at, at most, when one extractor walks the inside of one element for one
/// image (a caption, a wrapper, a microdata scope).
pub(super) const VISIT: usize = 4096;

/// Parses a page as a browser without scripts does: the content of `noscript` is markup, so the
/// `<img>` a lazy-loading page puts there for readers without scripts is an element like any
/// other (with scripts on, the HTML parser keeps it as text and the image is lost).
pub(super) fn parse(html: &str) -> Html {
    use html5ever::tendril::TendrilSink;
    let opts = html5ever::driver::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html)
}

pub(super) fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selectors in this module are valid")
}

/// The text of an element, whitespace collapsed, gathering at most about `max` bytes.
pub(super) fn text_of(el: ElementRef<'_>, max: usize) -> String {
    let mut raw = String::new();
    for t in el.text() {
        // Text of two elements written edge to edge ("<span>Credit</span><span>Ann Lee</span>",
        // a label hidden for sighted readers) is two words, not one; punctuation after a
        // name ("<a>Kim</a>, CC BY") and an opening bracket before one stay attached.
        let joins = raw.chars().next_back().is_some_and(|c| {
            !c.is_whitespace() && !matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '/' | '-')
        }) && t.chars().next().is_some_and(char::is_alphanumeric);
        if joins {
            raw.push(' ');
        }
        raw.push_str(t);
        if raw.len() > max.saturating_mul(2) {
            break;
        }
    }
    let mut out = String::with_capacity(raw.len().min(max + 4));
    for w in raw.split_whitespace() {
        if out.len() + w.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Text length of an element, counting no further than `max`.
pub(super) fn text_len_upto(el: ElementRef<'_>, max: usize) -> usize {
    let mut n = 0;
    for t in el.text() {
        n += t.trim().len();
        if n > max {
            break;
        }
    }
    n
}

pub(super) fn is_element(node: NodeRef<'_, Node>, name: &str) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == name)
}

/// The whitespace-separated tokens of an attribute, lower case.
pub(super) fn tokens(s: Option<&str>) -> impl Iterator<Item = String> + '_ {
    s.unwrap_or("")
        .split_whitespace()
        .map(str::to_ascii_lowercase)
}

/// The class, id and itemprop of an element, lower case, space separated.
pub(super) fn names_of(el: ElementRef<'_>) -> String {
    let v = el.value();
    let mut words = String::new();
    for a in ["class", "id", "itemprop"] {
        if let Some(s) = v.attr(a) {
            words.push_str(&s.to_ascii_lowercase());
            words.push(' ');
        }
    }
    words
}

/// The element and its descendants in document order, at most [`VISIT`] of them.
pub(super) fn within(el: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    // `descendent_elements` starts with the element itself.
    el.descendent_elements().take(VISIT)
}

/// Elements that show a picture: `img`, and AMP's `amp-img` (whose `img` only a script makes).
pub(super) const IMG_TAGS: &[&str] = &["img", "amp-img"];

/// Whether an element shows a picture (see [`IMG_TAGS`]).
pub(super) fn is_img(el: ElementRef<'_>) -> bool {
    IMG_TAGS.contains(&el.value().name())
}

/// Whether `el` is or holds an `img`, looking at no more than [`VISIT`] elements.
pub(super) fn holds_img(el: ElementRef<'_>) -> bool {
    within(el).any(is_img)
}

/// Counts the `img`s in `el` that are shown with scripts on, stopping at `stop`, within
/// [`VISIT`] elements: an `img` in a `noscript` (up to 8 levels up, inside `el`) is the
/// fallback copy of a lazy image, not another picture.
pub(super) fn shown_imgs_in(el: ElementRef<'_>, stop: usize) -> usize {
    within(el)
        .filter(|d| {
            is_img(*d)
                && !d
                    .ancestors()
                    .take(8)
                    .take_while(|a| a.id() != el.id())
                    .any(|a| is_element(a, "noscript"))
        })
        .take(stop)
        .count()
}

/// What every extractor needs: the base URL, the limits, and the source for line numbers.
pub(super) struct Ctx<'a> {
    pub base: Option<Url>,
    pub limits: &'a PageLimits,
    /// Byte offsets of line starts, for line numbers.
    pub lines: Vec<usize>,
    pub source: &'a str,
    /// Where the last line search ended (elements come in document order).
    pub cursor: usize,
    /// Elements by `id` (the first of each), for `aria-describedby` references.
    pub ids: std::collections::HashMap<String, ego_tree::NodeId>,
}

/// How far back from a match the start of its tag is looked for: a tag longer than this is
/// not the one sought, and the bound keeps line search linear.
const TAG_LOOKBACK: usize = 4096;

impl Ctx<'_> {
    pub fn resolve(&self, s: &str) -> String {
        let s = s.trim();
        match &self.base {
            Some(b) => b.join(s).map_or_else(
                |_| s.to_string(),
                |mut u| {
                    u.set_fragment(None);
                    u.to_string()
                },
            ),
            None => s.to_string(),
        }
    }

    /// The line of the first occurrence of `needle` at or after the cursor (from the start
    /// when `from_start`), inside a tag named `tag` when one is given (so an `og:image` naming
    /// the same URL is not taken for the `img`).
    pub fn line_of(&mut self, needle: &str, tag: Option<&str>, from_start: bool) -> Option<usize> {
        let needle = needle.split('&').next().unwrap_or(needle);
        if needle.is_empty() {
            return None;
        }
        let bytes = self.source.as_bytes();
        let in_tag = |at: usize| {
            let Some(tag) = tag else { return true };
            let from = at.saturating_sub(TAG_LOOKBACK);
            let Some(lt) = memchr::memrchr(b'<', &bytes[from..at]).map(|i| from + i) else {
                return false;
            };
            let open = &bytes[lt + 1..];
            open.len() > tag.len()
                && open[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
                && !open[tag.len()].is_ascii_alphanumeric()
        };
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut from = if from_start { 0 } else { self.cursor };
        while let Some(i) = bytes.get(from..).and_then(|s| finder.find(s)) {
            let at = from + i;
            if in_tag(at) {
                self.cursor = at;
                return Some(self.lines.partition_point(|&l| l <= at));
            }
            from = at + needle.len();
        }
        None
    }
}
