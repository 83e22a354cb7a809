//! Text-and-data-mining signals on the web, kept verbatim as evidence (what they mean is
//! `crate::tdm`'s business):
//!
//! - W3C TDMRep (<https://www.w3.org/community/reports/tdmrep/CG-FINAL-tdmrep-20240510/>): the
//!   `tdm-reservation` and `tdm-policy` HTTP headers (§3.2), the same names as `<meta>` tags of
//!   an HTML page (§3.3), and the site's `/.well-known/tdmrep.json` (§3.1), an array of rules
//!   `{"location": "/path/*", "tdm-reservation": 1, "tdm-policy": "https://…"}`, fetched once
//!   per host and run (cached in the [`Fetcher`]) with the limits of every fetch;
//! - `X-Robots-Tag` and `<meta name="robots">`, kept only when they say `noai` or
//!   `noimageai` (a convention, not a standard).
//!
//! The `<meta>` reader is a linear scan of the page's first [`MAX_HEAD`] bytes that looks at
//! `<meta …>` tags only: no DOM is built for it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use reqwest::header::HeaderMap;
use url::Url;

use super::fetch::{FetchErrorKind, Fetcher};
use crate::evidence::{Evidence, origin as o};

/// Bytes of a page looked at for `<meta>` tags (they belong in `<head>`).
pub const MAX_HEAD: usize = 256 * 1024;
/// Values of one kind kept from headers or tags (a page could repeat a tag many times).
const MAX_PER_KIND: usize = 8;
/// The longest value kept.
const MAX_VALUE: usize = 2048;
/// Rules read from one `tdmrep.json`.
pub const MAX_RULES: usize = 4096;
/// Hosts whose `tdmrep.json` is remembered per run; beyond, the memory starts again.
const MAX_HOSTS: usize = 4096;

fn cut(s: &str) -> String {
    let s = s.trim();
    let mut end = s.len().min(MAX_VALUE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// Whether a robots value names `noai` or `noimageai` (exact directives, any case).
fn says_no_ai(v: &str) -> bool {
    v.split([',', ' ', ':', ';']).any(|d| {
        let d = d.trim();
        d.eq_ignore_ascii_case("noai") || d.eq_ignore_ascii_case("noimageai")
    })
}

/// The TDMRep and robots headers of an answer, as evidence.
pub fn header_signals(h: &HeaderMap) -> Vec<Evidence> {
    let mut out = Vec::new();
    for (name, origin) in [
        ("tdm-reservation", o::HTTP_TDM_RESERVATION),
        ("tdm-policy", o::HTTP_TDM_POLICY),
        ("x-robots-tag", o::HTTP_X_ROBOTS_TAG),
    ] {
        for v in h.get_all(name).iter().take(MAX_PER_KIND) {
            let Ok(v) = v.to_str() else { continue };
            if v.trim().is_empty() || (origin == o::HTTP_X_ROBOTS_TAG && !says_no_ai(v)) {
                continue;
            }
            out.push(Evidence::new(origin, cut(v)));
        }
    }
    out
}

/// The value of attribute `name` in the inside of a tag (`meta name="x" content='y'`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let bytes = tag.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let before = i;
        // An attribute name.
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/')
        {
            i += 1;
        }
        let key = &tag[start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && matches!(bytes[i], b'"' | b'\'') {
                let q = bytes[i];
                let s = i + 1;
                let e = tag[s..]
                    .bytes()
                    .position(|b| b == q)
                    .map_or(tag.len(), |p| s + p);
                value = &tag[s..e];
                i = e + 1;
            } else {
                let s = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = &tag[s..i];
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        // No progress is possible only on an ASCII byte: stepping over it keeps `i` on a
        // char boundary.
        if i == before {
            i += 1;
        }
    }
    None
}

/// The TDMRep and robots `<meta>` tags of a page, as evidence, in document order.
pub fn meta_signals(html: &str) -> Vec<Evidence> {
    let mut end = html.len().min(MAX_HEAD);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let mut out: Vec<Evidence> = Vec::new();
    let mut counts = [0usize; 3];
    let mut rest = head;
    while let Some(p) = find_ci(rest, "<meta") {
        let after = &rest[p + 5..];
        // `<metadata>` and the like are other elements.
        if !after.starts_with(|c: char| c.is_ascii_whitespace() || c == '/') {
            rest = after;
            continue;
        }
        let close = after.find('>').unwrap_or(after.len());
        let tag = &after[..close];
        rest = &after[close..];
        let Some(name) = attribute(tag, "name") else {
            continue;
        };
        let (k, origin) = match name.trim().to_ascii_lowercase().as_str() {
            "tdm-reservation" => (0, o::HTML_META_TDM_RESERVATION),
            "tdm-policy" => (1, o::HTML_META_TDM_POLICY),
            "robots" => (2, o::HTML_META_ROBOTS),
            _ => continue,
        };
        let Some(content) = attribute(tag, "content") else {
            continue;
        };
        let content = decode_entities(content);
        if content.trim().is_empty()
            || (k == 2 && !says_no_ai(&content))
            || counts[k] >= MAX_PER_KIND
        {
            continue;
        }
        counts[k] += 1;
        out.push(Evidence::new(origin, cut(&content)));
    }
    out
}

/// The few entities a URL or a directive in an attribute may hold.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// One rule of a `tdmrep.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub location: String,
    pub reservation: Option<String>,
    pub policy: Option<String>,
}

/// What one host's `tdmrep.json` said: its rules, or why it could not be used (`None`: the
/// host has none, which is no problem).
type HostRules = Result<Vec<Rule>, Option<String>>;

/// The `tdmrep.json` of each host asked about in a run, fetched once: concurrent askers for
/// the same host wait for the first fetch.
#[derive(Default)]
pub struct WellKnownCache {
    hosts: Mutex<HashMap<String, Arc<OnceLock<HostRules>>>>,
}

/// Parses a `tdmrep.json` body: an array of rule objects; anything else is a problem.
pub fn parse_rules(body: &[u8]) -> Result<Vec<Rule>, String> {
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("not JSON: {e}"))?;
    let arr = v.as_array().ok_or("not a JSON array of rules")?;
    let mut rules = Vec::new();
    for r in arr.iter().take(MAX_RULES) {
        let Some(location) = r.get("location").and_then(|l| l.as_str()) else {
            continue;
        };
        let text = |k: &str| {
            r.get(k).and_then(|v| match v {
                serde_json::Value::String(s) => Some(cut(s)),
                serde_json::Value::Number(n) => Some(n.to_string()),
                serde_json::Value::Bool(b) => Some(u8::from(*b).to_string()),
                _ => None,
            })
        };
        rules.push(Rule {
            location: cut(location),
            reservation: text("tdm-reservation"),
            policy: text("tdm-policy"),
        });
    }
    Ok(rules)
}

/// Whether a rule's `location` pattern matches `path`: `*` matches any run of characters, a
/// final `$` anchors the end; otherwise the pattern is a prefix (TDMRep §3.1 follows the
/// robots.txt path patterns).
pub fn location_matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let first = parts[0];
    if !path.starts_with(first) {
        return false;
    }
    if parts.len() == 1 {
        return !anchored || path.len() == first.len();
    }
    let last = parts[parts.len() - 1];
    let mut pos = first.len();
    let end = if anchored {
        if path.len() < pos + last.len() || !path.ends_with(last) {
            return false;
        }
        path.len() - last.len()
    } else {
        path.len()
    };
    for part in &parts[1..parts.len() - 1] {
        match path[pos..end].find(part) {
            Some(p) => pos += p + part.len(),
            None => return false,
        }
    }
    anchored || path[pos..].contains(last)
}

/// The evidence the site's `/.well-known/tdmrep.json` gives for `url`: the first rule whose
/// location matches its path. A host without the file gives none; a file that cannot be read
/// or used is a problem naming its URL.
pub fn well_known(fetcher: &Fetcher, url: &Url) -> (Vec<Evidence>, Option<String>) {
    let Some(host) = url.host_str() else {
        return (Vec::new(), None);
    };
    let origin = format!(
        "{}://{}{}",
        url.scheme(),
        host,
        url.port().map(|p| format!(":{p}")).unwrap_or_default()
    );
    let cell = {
        let mut hosts = fetcher
            .tdmrep_cache()
            .hosts
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if hosts.len() >= MAX_HOSTS && !hosts.contains_key(&origin) {
            hosts.clear();
        }
        Arc::clone(hosts.entry(origin.clone()).or_default())
    };
    let file = format!("{origin}/.well-known/tdmrep.json");
    let rules = cell.get_or_init(|| {
        let Ok(u) = Url::parse(&file) else {
            return Err(None);
        };
        match fetcher.fetch(&u, "application/json,*/*;q=0.5") {
            Ok(f) => parse_rules(&f.body).map_err(|e| Some(format!("{file}: {e}"))),
            Err(e) if matches!(e.kind, FetchErrorKind::Status(404 | 410)) => Err(None),
            Err(e) => Err(Some(e.to_string())),
        }
    });
    let rules = match rules {
        Ok(r) => r,
        Err(problem) => return (Vec::new(), problem.clone()),
    };
    let path = url.path();
    let Some(rule) = rules.iter().find(|r| location_matches(&r.location, path)) else {
        return (Vec::new(), None);
    };
    let mut ev = Vec::new();
    if let Some(r) = &rule.reservation {
        ev.push(Evidence::new(o::TDMREP_RESERVATION, r.clone()).at(file.clone()));
    }
    if let Some(p) = &rule.policy {
        ev.push(Evidence::new(o::TDMREP_POLICY, p.clone()).at(file.clone()));
    }
    (ev, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_in_any_case_and_quoting() {
        let html = r#"<html><head><metadata></metadata>
<META NAME="tdm-reservation" CONTENT="1">
<meta content='https://example.org/policy.json?a=1&amp;b=2' name='tdm-policy'/>
<meta name=robots content=noindex>
<meta name="robots" content="noai, noimageai">
<meta name="description" content="tdm-reservation"></head>"#;
        let ev = meta_signals(html);
        let got: Vec<(&str, &str)> = ev
            .iter()
            .map(|e| (e.origin.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("html:meta-tdm-reservation", "1"),
                (
                    "html:meta-tdm-policy",
                    "https://example.org/policy.json?a=1&b=2"
                ),
                ("html:meta-robots", "noai, noimageai"),
            ]
        );
    }

    #[test]
    fn meta_scan_is_bounded() {
        let html = "<meta name=\"tdm-reservation\" content=\"1\">".repeat(100_000);
        assert_eq!(meta_signals(&html).len(), MAX_PER_KIND);
        assert!(meta_signals("<meta name=\"robots").is_empty());
        assert!(meta_signals(&"<meta".repeat(100_000)).is_empty());
    }

    #[test]
    fn headers() {
        let mut h = HeaderMap::new();
        h.insert("tdm-reservation", "1".parse().unwrap());
        h.insert("x-robots-tag", "noindex".parse().unwrap());
        h.append("x-robots-tag", "otherbot: noai".parse().unwrap());
        let ev = header_signals(&h);
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[1].value, "otherbot: noai");
    }

    #[test]
    fn rules_and_locations() {
        let rules = parse_rules(
            br#"[{"location":"/images/*.jpg$","tdm-reservation":1,"tdm-policy":"https://p.example/"},
                 {"location":"/","tdm-reservation":0}, {"no":"location"}]"#,
        )
        .unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0].reservation.as_deref(), Some("1"));
        assert!(location_matches(&rules[0].location, "/images/a/b.jpg"));
        assert!(!location_matches(&rules[0].location, "/images/a.jpg.html"));
        assert!(location_matches("/", "/anything"));
        assert!(!location_matches("/private/", "/public/x"));
        assert!(location_matches("/*", "/"));
        assert!(parse_rules(b"{}").is_err());
        assert!(parse_rules(b"not json").is_err());
    }
}
