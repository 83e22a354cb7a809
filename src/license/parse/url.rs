//! URLs of legal tools: deeds, legal codes and badges.
//!
//! `https://creativecommons.org/licenses/by-nc-nd/2.0/`, `creativecommons.org/licenses/by/4.0/deed.de`,
//! `http://creativecommons.org/publicdomain/zero/1.0/legalcode`,
//! `https://i.creativecommons.org/l/by-sa/3.0/88x31.png`, `licensebuttons.net/p/mark/1.0/80x15.png`.

use super::text::starts_ci;
use super::{Form, Mention};
use crate::license::{License, catalogue};

/// The most bytes a URL is read over, before and after its host: a license URL is short, and the
/// bound makes each host found cost O(1), so that a text of repeated hosts scans in linear time.
const MAX_BEFORE_HOST: usize = 64;
const MAX_AFTER_HOST: usize = 512;

fn is_url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~%+/:#?=&;@!$*,'".contains(&b)
}

/// Parses the URL whose host (`creativecommons.org`, `licensebuttons.net`: the scanner's
/// triggers) starts at `host` and is `host_len` bytes long.
pub(super) fn at(s: &str, host: usize, host_len: usize) -> Option<Mention> {
    let b = s.as_bytes();
    // Walk back over a subdomain (`www.`, `i.`) and a scheme (`https://`, `//`).
    let mut start = host;
    let floor = host.saturating_sub(MAX_BEFORE_HOST);
    while start > floor && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'.') {
        start -= 1;
    }
    if let Some(p) = s[..start].strip_suffix("//") {
        start = p.len();
        for scheme in ["https:", "http:"] {
            if start >= scheme.len() && starts_ci(s, start - scheme.len(), scheme).is_some() {
                start -= scheme.len();
            }
        }
    }
    let mut end = host + host_len;
    if let Some(&c) = b.get(end)
        && (c.is_ascii_alphanumeric() || c == b'-')
    {
        return None; // creativecommons.organic
    }
    let ceiling = (end + MAX_AFTER_HOST).min(b.len());
    while end < ceiling && is_url_byte(b[end]) {
        end += 1;
    }
    if end == ceiling && ceiling < b.len() && is_url_byte(b[end]) {
        return None; // longer than any license URL
    }
    // Trailing punctuation belongs to the sentence, not the URL.
    while end > host && b",.;:!?')\"*".contains(&b[end - 1]) {
        end -= 1;
    }
    let path = &s[host + host_len..end];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let license = license_for_path(path)?;
    Some(Mention {
        license,
        form: Form::Url,
        span: start..end,
        lang: None,
    })
}

/// Where the URL whose host starts at `host` ends (bounded like [`at`]). A creativecommons.org
/// URL that names no tool (`/choose/`, a cut-off path) is still not text: the scanner skips it
/// rather than read codes out of its path.
pub(super) fn extent(s: &str, host: usize, host_len: usize) -> usize {
    let b = s.as_bytes();
    let mut end = host + host_len;
    let ceiling = (end + MAX_AFTER_HOST).min(b.len());
    while end < ceiling && is_url_byte(b[end]) {
        end += 1;
    }
    end
}

/// Resolves a URL path (`/licenses/by-sa/3.0/de/deed.en`) to a legal tool, or a unit when the path
/// names no version. `None` when the path names no tool (`/about/`, `/choose/`).
pub(super) fn license_for_path(path: &str) -> Option<License> {
    let cat = catalogue();
    let mut segs = path.split('/').filter(|s| !s.is_empty());
    let kind = segs.next()?.to_ascii_lowercase();
    let rest: Vec<&str> = segs.collect();
    let (unit, rest) = match kind.as_str() {
        "licenses" | "l" => (*rest.first()?, &rest[1..]),
        "publicdomain" | "p" => {
            let first = *rest.first()?;
            if first.eq_ignore_ascii_case("zero") || first.eq_ignore_ascii_case("mark") {
                (first, &rest[1..])
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let unit = cat
        .units()
        .iter()
        .find(|u| u.name.eq_ignore_ascii_case(unit))?;
    let version = rest.first().filter(|v| unit.versions.contains(v));
    let Some(version) = version else {
        // `/licenses/publicdomain/` has no version; other units without one name only the unit.
        let key = unit.name;
        return Some(match cat.by_key(key) {
            Some(t) => License::Tool(t.id),
            None => License::Unit(unit.id),
        });
    };
    if let Some(j) = rest.get(1) {
        let key = format!("{}/{}/{}", unit.name, version, j.to_ascii_lowercase());
        if let Some(t) = cat.by_key(&key) {
            return Some(License::Tool(t.id));
        }
    }
    let key = format!("{}/{}", unit.name, version);
    Some(match cat.by_key(&key) {
        Some(t) => License::Tool(t.id),
        // A version that exists only as ports (2.1) without a known port: the unit is certain.
        None => License::Unit(unit.id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str) -> Option<&'static str> {
        license_for_path(path).map(License::key)
    }

    #[test]
    fn paths() {
        assert_eq!(key("/licenses/by-nc-nd/2.0/"), Some("by-nc-nd/2.0"));
        assert_eq!(key("/licenses/by-sa/3.0/de/deed.en"), Some("by-sa/3.0/de"));
        assert_eq!(key("/licenses/by/4.0/legalcode.fr"), Some("by/4.0"));
        assert_eq!(key("/licenses/by/4.0"), Some("by/4.0"));
        assert_eq!(key("/publicdomain/zero/1.0/"), Some("zero/1.0"));
        assert_eq!(key("/publicdomain/mark/1.0/deed.de"), Some("mark/1.0"));
        assert_eq!(key("/l/by-nc-nd/2.0/88x31.png"), Some("by-nc-nd/2.0"));
        assert_eq!(key("/p/zero/1.0/88x31.png"), Some("zero/1.0"));
        assert_eq!(key("/licenses/publicdomain/"), Some("publicdomain"));
        assert_eq!(key("/licenses/GPL/2.0/"), Some("GPL/2.0"));
        assert_eq!(key("/licenses/by-sa/"), Some("by-sa"));
        assert_eq!(key("/licenses/by/2.1/"), Some("by"));
        assert_eq!(key("/licenses/by/2.1/jp/"), Some("by/2.1/jp"));
        assert_eq!(key("/about/"), None);
        assert_eq!(key("/licenses/"), None);
        assert_eq!(key("/licenses/bogus/1.0/"), None);
        assert_eq!(key("/publicdomain/"), None);
    }
}
