//! Writing credits: a ready-to-paste attribution for an image, in plain text, HTML or Markdown.
//!
//! The credit follows the TASL pattern (title, author, source, license) that every Creative
//! Commons version accepts: `"Title" by Author, CC BY-NC-ND 2.0`, with the title linked to the
//! source and the license to its deed in HTML and Markdown. A changed image says so ("Modified
//! from …"), as 4.0 §3(a)(1)(B), 3.0 §3(b) and the older credit clauses ask. Public-domain tools
//! read "… is marked with CC0 1.0".
//!
//! ```
//! use licit::attribution::{attribute, Style};
//! use licit::credit::Credit;
//! use licit::license::{License, Rights};
//!
//! let c = Credit {
//!     authors: vec!["Jane Doe".into()],
//!     title: Some("Harbour at dawn".into()),
//!     source: Some("https://example.org/p/1".into()),
//!     license: License::from_key("by-nc-nd/2.0"),
//!     rights: Rights::Cc,
//!     ..Credit::default()
//! };
//! assert_eq!(
//!     attribute(&c, Style::Markdown),
//!     "\"[Harbour at dawn](https://example.org/p/1)\" by Jane Doe, \
//!      [CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/)"
//! );
//! ```
//!
//! Everything taken from the credit is untrusted: text is escaped for the style, and only
//! `http` and `https` URLs become links.

use std::fmt::Write as _;

use crate::credit::Credit;
use crate::license::{Family, License, Rights};

/// The output format of a credit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// Plain text; URLs written out in parentheses.
    #[default]
    Text,
    Html,
    Markdown,
}

impl Style {
    pub const ALL: [Style; 3] = [Style::Text, Style::Html, Style::Markdown];

    pub const fn name(self) -> &'static str {
        match self {
            Style::Text => "text",
            Style::Html => "html",
            Style::Markdown => "markdown",
        }
    }
}

impl std::str::FromStr for Style {
    type Err = String;
    fn from_str(s: &str) -> Result<Style, String> {
        Style::ALL
            .into_iter()
            .find(|st| st.name().eq_ignore_ascii_case(s) || (s == "md" && *st == Style::Markdown))
            .ok_or_else(|| format!("unknown style {s:?}; valid styles: text, html, markdown"))
    }
}

/// Writes a credit for `credit` in `style`, complete as far as the credit's facts allow.
pub fn attribute(credit: &Credit, style: Style) -> String {
    let w = Writer { style };
    let mut out = String::new();
    let source_url = credit.source.as_deref().and_then(http_url);
    let public_domain_tool = credit.license.is_some_and(|l| {
        matches!(
            l.family(),
            Family::Zero | Family::Mark | Family::PublicDomainDedication
        )
    });

    // The work: "Title", or "Photo", linked to the source. Terms that forbid changes get no
    // "Modified from": the credit must not suggest a change they do not allow.
    let modified = credit.modified && credit.restrictions.no_derivatives.is_none();
    match (&credit.title, modified) {
        (Some(title), modified) => {
            if modified {
                out.push_str("Modified from ");
            }
            out.push('"');
            out.push_str(&w.link(&clean(title), source_url));
            out.push('"');
        }
        (None, false) => out.push_str(&w.link("Photo", source_url)),
        (None, true) => {
            out.push_str("Modified from a ");
            out.push_str(&w.link("photo", source_url));
        }
    }
    if !credit.authors.is_empty() {
        out.push_str(" by ");
        out.push_str(&w.text(&join_names(&credit.authors)));
    }
    match (&credit.source, source_url) {
        (Some(_), Some(url)) if style == Style::Text => {
            let _ = write!(out, " ({url})");
        }
        (Some(src), None) if !clean(src).is_empty() => {
            out.push_str(", via ");
            out.push_str(&w.text(&clean(src)));
            if public_domain_tool && !credit.modified {
                out.push(',');
            }
        }
        _ => {}
    }

    match credit.license {
        Some(l) => out.push_str(&license_part(&w, l, credit.modified)),
        None => match credit.rights {
            Rights::PublicDomain => out.push_str(", public domain"),
            // A "©" notice names a holder; it is not the words "all rights reserved".
            Rights::AllRightsReserved if credit.reserved_in_words => {
                out.push_str(", all rights reserved")
            }
            Rights::AllRightsReserved => {}
            Rights::Cc | Rights::Other | Rights::None => {}
        },
    }
    out
}

/// The name of a license as a credit gives it: the short code for the BY/NC/ND/SA licenses
/// and CC0 (`CC BY-NC-ND 2.0`, `CC BY-SA 3.0 DE`, `CC0 1.0`), the title for tools known by it
/// (`Public Domain Mark 1.0`, `Sampling Plus 1.0`, `Developing Nations License 2.0`).
pub fn license_name(l: License) -> String {
    let Some(t) = l.tool() else {
        return l.short_code();
    };
    match t.family {
        Family::Mark | Family::Sampling => t.title.to_string(),
        Family::PublicDomainDedication => "Public Domain Dedication and Certification".to_string(),
        Family::DevelopingNations => match t.version {
            Some(v) if !t.title.contains(v) => format!("{} {v}", t.title),
            _ => t.title.to_string(),
        },
        Family::Elements(_) | Family::Zero | Family::SoftwareWrapper => t.short_code(),
    }
}

fn license_part(w: &Writer, l: License, modified: bool) -> String {
    let url = l.url();
    match l.family() {
        Family::Zero | Family::Mark | Family::PublicDomainDedication => {
            let name = match l.family() {
                Family::PublicDomainDedication => format!("the {}", license_name(l)),
                _ => license_name(l),
            };
            let verb = if modified {
                ", marked with "
            } else {
                " is marked with "
            };
            format!("{verb}{}", w.license_link(&name, url))
        }
        _ => format!(", {}", w.license_link(&license_name(l), url)),
    }
}

struct Writer {
    style: Style,
}

impl Writer {
    fn text(&self, s: &str) -> String {
        match self.style {
            Style::Text => s.to_string(),
            Style::Html => escape_html(s),
            Style::Markdown => escape_markdown(s),
        }
    }

    /// `text` (already clean, not yet escaped) linked to `url` when there is one.
    fn link(&self, text: &str, url: Option<&str>) -> String {
        match (self.style, url) {
            (Style::Text, _) | (_, None) => self.text(text),
            (Style::Html, Some(u)) => {
                format!("<a href=\"{}\">{}</a>", escape_html(u), escape_html(text))
            }
            (Style::Markdown, Some(u)) => {
                format!("[{}]({})", escape_markdown(text), markdown_url(u))
            }
        }
    }

    fn license_link(&self, name: &str, url: Option<&str>) -> String {
        match (self.style, url) {
            (Style::Text, Some(u)) => format!("{name} ({u})"),
            (Style::Html, Some(u)) => format!(
                "<a href=\"{}\" rel=\"license\">{}</a>",
                escape_html(u),
                escape_html(name)
            ),
            _ => self.link(name, url),
        }
    }
}

/// `A`, `A and B`, `A, B and C`.
fn join_names(names: &[String]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| clean(n))
        .filter(|n| !n.is_empty())
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One line of text: control characters and runs of whitespace become one space.
fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The string as a link target, when it is an absolute http(s) URL without spaces or controls.
fn http_url(s: &str) -> Option<&str> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let chars_ok = s.len() > 8 && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && chars_ok).then_some(s)
}

/// Escapes text for HTML element content and attribute values alike.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes the characters that CommonMark could read as markup (emphasis, links, code, HTML,
/// entities, tables) with a backslash.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL as a Markdown link destination: characters that would end or confuse it are
/// percent-encoded.
fn markdown_url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            '\'' => out.push_str("%27"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(key: Option<&str>) -> Credit {
        Credit {
            authors: vec!["Jane Doe".into()],
            title: Some("Harbour at dawn".into()),
            source: Some("https://example.org/p/1".into()),
            license: key.and_then(License::from_key),
            rights: if key.is_some() {
                Rights::Cc
            } else {
                Rights::None
            },
            ..Credit::default()
        }
    }

    #[test]
    fn text_html_markdown_for_a_license() {
        let c = credit(Some("by-nc-nd/2.0"));
        assert_eq!(
            attribute(&c, Style::Text),
            "\"Harbour at dawn\" by Jane Doe (https://example.org/p/1), CC BY-NC-ND 2.0 \
             (https://creativecommons.org/licenses/by-nc-nd/2.0/)"
        );
        assert_eq!(
            attribute(&c, Style::Html),
            "\"<a href=\"https://example.org/p/1\">Harbour at dawn</a>\" by Jane Doe, \
             <a href=\"https://creativecommons.org/licenses/by-nc-nd/2.0/\" rel=\"license\">CC \
             BY-NC-ND 2.0</a>"
        );
    }

    #[test]
    fn html_escapes_text_and_attributes() {
        let mut c = credit(Some("by/4.0"));
        c.title = Some("<script>alert(1)</script> & \"quotes\"".into());
        c.authors = vec!["O'Brien & <b>Sons</b>".into()];
        c.source = Some("https://example.org/?a=1&b=\"x\"".into());
        let h = attribute(&c, Style::Html);
        assert!(!h.contains("<script>") && !h.contains("<b>"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assert!(h.contains("O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;"));
        assert!(
            h.contains("href=\"https://example.org/?a=1&amp;b=&quot;x&quot;\""),
            "{h}"
        );
    }

    #[test]
    fn only_http_urls_become_links() {
        let mut c = credit(Some("by/4.0"));
        c.source = Some("javascript:alert(1)".into());
        let h = attribute(&c, Style::Html);
        assert!(!h.contains("href=\"javascript"), "{h}");
        assert!(h.contains(", via javascript:alert(1), "), "{h}");
        let m = attribute(&c, Style::Markdown);
        assert!(!m.contains("](javascript"), "{m}");
    }

    #[test]
    fn markdown_escapes_markup_and_link_targets() {
        let mut c = credit(Some("by-sa/3.0/de"));
        c.title = Some("*Bold* [link](http://evil) `code` <b> a_b".into());
        c.authors = vec!["A | B".into(), "C#".into()];
        c.source = Some("https://example.org/wiki/File:X_(1).jpg".into());
        let m = attribute(&c, Style::Markdown);
        assert_eq!(
            m,
            "\"[\\*Bold\\* \\[link\\](http://evil) \\`code\\` \\<b\\> a\\_b]\
             (https://example.org/wiki/File:X_%281%29.jpg)\" by A \\| B and C\\#, \
             [CC BY-SA 3.0 DE](https://creativecommons.org/licenses/by-sa/3.0/de/)"
        );
    }

    #[test]
    fn modified_untitled_and_named_source() {
        let mut c = credit(Some("by-sa/4.0"));
        c.title = None;
        c.modified = true;
        c.source = Some("Wikimedia Commons".into());
        c.authors = vec!["A".into(), "B".into(), "C".into()];
        assert_eq!(
            attribute(&c, Style::Text),
            "Modified from a photo by A, B and C, via Wikimedia Commons, CC BY-SA 4.0 \
             (https://creativecommons.org/licenses/by-sa/4.0/)"
        );
    }

    #[test]
    fn public_domain_tools_are_marked() {
        let c = credit(Some("zero/1.0"));
        assert_eq!(
            attribute(&c, Style::Markdown),
            "\"[Harbour at dawn](https://example.org/p/1)\" by Jane Doe is marked with \
             [CC0 1.0](https://creativecommons.org/publicdomain/zero/1.0/)"
        );
        let mut c = credit(Some("mark/1.0"));
        c.source = None;
        assert_eq!(
            attribute(&c, Style::Text),
            "\"Harbour at dawn\" by Jane Doe is marked with Public Domain Mark 1.0 \
             (https://creativecommons.org/publicdomain/mark/1.0/)"
        );
    }

    #[test]
    fn unit_without_version_has_no_link_and_newlines_are_flattened() {
        let mut c = credit(Some("by-sa"));
        c.title = Some("Two\nlines\t here".into());
        assert_eq!(
            attribute(&c, Style::Html),
            "\"<a href=\"https://example.org/p/1\">Two lines here</a>\" by Jane Doe, CC BY-SA"
        );
    }

    #[test]
    fn no_license_says_what_is_known() {
        let mut c = credit(None);
        c.rights = Rights::AllRightsReserved;
        c.source = None;
        // A "©" notice or an agency credit is not the words "all rights reserved".
        assert_eq!(
            attribute(&c, Style::Text),
            "\"Harbour at dawn\" by Jane Doe"
        );
        c.reserved_in_words = true;
        assert_eq!(
            attribute(&c, Style::Text),
            "\"Harbour at dawn\" by Jane Doe, all rights reserved"
        );
        c.rights = Rights::PublicDomain;
        c.title = None;
        assert_eq!(
            attribute(&c, Style::Text),
            "Photo by Jane Doe, public domain"
        );
    }
}
