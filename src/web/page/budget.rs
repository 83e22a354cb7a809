//! The work budget of a page, enforced before the HTML parser sees it.
//!
//! html5ever is linear in the length of its input except in one place: on each start and end
//! tag the tree builder looks through the stack of open elements ("has an element in scope"),
//! so N nested elements cost N² steps (60,000 nested `<div>`s: 14 s). The parser cannot be told
//! to stop, so this module makes one linear pass over the markup first and hands the parser a
//! copy in which
//!
//! - elements opened deeper than [`PageLimits::max_depth`] are dropped (their start and end
//!   tags; the text and the void elements inside, `img` included, stay), which bounds the stack
//!   and so every scope check, and
//! - the markup after [`PageLimits::max_elements`] start tags is cut off.
//!
//! Each limit hit is a problem naming it. The depth counted here is the nesting a browser
//! would build, approximately: void elements and elements whose end tag may be left out (`p`,
//! `li`, `td`, …) do not count, and the contents of `script`, `style`, comments and the like
//! are skipped.

use std::borrow::Cow;
use std::collections::VecDeque;

use super::PageLimits;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "image", "frame", "basefont", "bgsound",
];

/// Elements a browser closes by itself when a sibling starts: they do not nest in practice.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp", "rtc", "caption", "html", "head", "body",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The markup the parser may read, and what was left out.
pub(super) struct Budgeted<'a> {
    pub html: Cow<'a, str>,
    pub problems: Vec<String>,
}

fn tag_name(bytes: &[u8], at: usize) -> (usize, String) {
    let mut end = at;
    while end < bytes.len()
        && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'-' | b':' | b'_'))
    {
        end += 1;
    }
    let name = String::from_utf8_lossy(&bytes[at..end]).to_ascii_lowercase();
    (end, name)
}

/// The end of the tag starting at `lt` (the index after its `>`), quotes honoured.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut quote = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            quote = b;
        } else if b == b'>' {
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// Where the raw text of `name` that starts at `from` ends: at its end tag, in any case.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    for f in memchr::memmem::find_iter(&bytes[from..], b"</") {
        let at = from + f + 2;
        if bytes.len() >= at + name.len()
            && bytes[at..at + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return from + f;
        }
    }
    bytes.len()
}

/// Applies the depth and element budgets to `html` in one pass. Linear in `html.len()`.
pub(super) fn apply<'a>(html: &'a str, limits: &PageLimits) -> Budgeted<'a> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `html` already copied to `out` (or that would have been, when nothing changed).
    let mut copied = 0usize;
    let mut problems = Vec::new();
    // The open elements that count, by name; deeper ones are dropped and only counted.
    let mut stack: Vec<String> = Vec::new();
    let mut dropped_open: VecDeque<String> = VecDeque::new();
    let mut dropped = 0usize;
    let mut elements = 0usize;
    let mut i = 0usize;
    let skip_tag = |out: &mut Option<String>, copied: &mut usize, start: usize, end: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[*copied..start]);
        *copied = end;
    };
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(&bytes[lt + 4..], b"-->")
                .map_or(bytes.len(), |e| lt + 4 + e + 3);
            continue;
        }
        if rest.first().is_some_and(|b| *b == b'!' || *b == b'?') {
            i = tag_end(bytes, lt + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let (after_name, name) = tag_name(bytes, name_at);
        let end = tag_end(bytes, after_name);
        if closing {
            if dropped_open.back() == Some(&name) {
                dropped_open.pop_back();
                skip_tag(&mut out, &mut copied, lt, end);
            } else if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                // At most `max_depth` names are looked at: linear in the page for a fixed limit.
                // Closing an element also closes the ones opened inside it.
                stack.truncate(pos);
                dropped_open.clear();
            }
            i = end;
            continue;
        }
        elements += 1;
        if elements > limits.max_elements {
            problems.push(format!(
                "the page has more than {} elements (limit max_elements); the rest was not read",
                limits.max_elements
            ));
            let o = out.get_or_insert_with(String::new);
            o.push_str(&html[copied..lt]);
            copied = bytes.len();
            break;
        }
        let self_closed = end >= 2 && bytes[end - 2] == b'/';
        if RAW_TEXT.contains(&name.as_str()) {
            // Skip to the end tag (any case): its content is not markup.
            i = raw_text_end(bytes, end, &name);
            continue;
        }
        if self_closed
            || VOID.contains(&name.as_str())
            || SELF_CLOSING_SIBLINGS.contains(&name.as_str())
        {
            i = end;
            continue;
        }
        if stack.len() >= limits.max_depth {
            dropped += 1;
            dropped_open.push_back(name);
            if dropped_open.len() > limits.max_depth {
                // Beyond this many unclosed drops, the oldest need no matching end tag.
                dropped_open.pop_front();
            }
            skip_tag(&mut out, &mut copied, lt, end);
        } else {
            stack.push(name);
        }
        i = end;
    }
    if dropped > 0 {
        problems.insert(
            0,
            format!(
                "elements nest deeper than {} levels (limit max_depth); {dropped} deeper tags were ignored",
                limits.max_depth
            ),
        );
    }
    let html = match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    };
    Budgeted { html, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::page::scan_html;

    /// CPU time this thread has used, in seconds, where the platform tells (Linux).
    fn thread_cpu_seconds() -> Option<f64> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        // Fields after the command name (which is in parentheses and may hold spaces).
        let rest = &stat[stat.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split(' ').collect();
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
        let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
        Some(ticks / 100.0)
    }

    fn nested(depth: usize) -> String {
        format!(
            "<html><body>{}<img src=\"deep.jpg\"><p>Photo: Jane Doe</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    /// The deepest element of a parsed document.
    fn tree_depth(html: &str) -> usize {
        let doc = scraper::Html::parse_document(html);
        doc.root_element()
            .descendent_elements()
            .map(|e| e.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_nesting_is_flattened_before_parsing() {
        // Issue 12, class 9: 60,000 nested divs around one image (660 KB) took 14 s.
        let html = nested(60_000);
        let limits = PageLimits::default();
        let b = apply(&html, &limits);
        assert!(b.problems[0].contains("max_depth"), "{:?}", b.problems);
        // The parser's scope checks walk the stack of open elements: bounded depth, bounded
        // work per tag.
        assert!(tree_depth(&b.html) <= limits.max_depth + 8);
        let scan = scan_html(&html, None, &limits);
        assert_eq!(scan.images.len(), 1);
        assert_eq!(scan.images[0].src, "deep.jpg");
        assert!(scan.problems.iter().any(|p| p.contains("max_depth")));
    }

    #[test]
    fn a_deep_page_costs_little_cpu() {
        // 1.2 MB of nesting: more than 60 s before the budget.
        let html = nested(110_000);
        let before = thread_cpu_seconds();
        let scan = scan_html(&html, None, &PageLimits::default());
        assert_eq!(scan.images.len(), 1);
        if let (Some(a), Some(b)) = (before, thread_cpu_seconds()) {
            assert!(b - a < 4.0, "{:.2} s of CPU", b - a);
        }
    }

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let html = "<!doctype html><html><head><script>if (a < b) { x = '<div>'; }</script>\
            <!-- <div><div> --></head><body><ul><li>a<li>b</ul><p>one<p>two\
            <div><img src=a.jpg><br></div></body></html>";
        let b = apply(html, &PageLimits::default());
        assert!(matches!(b.html, Cow::Borrowed(_)));
        assert!(b.problems.is_empty());
    }

    #[test]
    fn raw_text_in_any_case_is_skipped_and_the_element_budget_cuts() {
        let limits = PageLimits {
            max_depth: 4,
            max_elements: 50,
            ..PageLimits::default()
        };
        let html = format!(
            "<SCRIPT>{}</script>{}",
            "<div>".repeat(10),
            "<div>".repeat(8)
        );
        let b = apply(&html, &limits);
        assert!(
            b.html.contains(&"<div>".repeat(10)),
            "script content is kept"
        );
        assert_eq!(b.html.matches("<div>").count(), 10 + 4);
        let many = "<span>x</span>".repeat(100);
        let b = apply(&many, &limits);
        assert!(b.problems[0].contains("max_elements"));
        assert_eq!(b.html.matches("<span>").count(), 50);
    }
}
