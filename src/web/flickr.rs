//! Flickr photo pages: the oEmbed answer (author, title, license and its URL, the image) and
//! the page's own license link.

use url::Url;

use super::fetch::{FetchError, FetchErrorKind, Fetcher, Sites};
use crate::evidence::{Evidence, Origin, origin as o};

/// Whether `url` is a photo page (`/photos/USER/ID…`) of a Flickr host.
pub fn is_photo_page(url: &Url, sites: &Sites) -> bool {
    let Some(h) = url.host_str() else {
        return false;
    };
    let with_port = url.port().map(|p| format!("{h}:{p}"));
    let host_ok = sites
        .flickr_hosts
        .iter()
        .any(|x| x.eq_ignore_ascii_case(h) || with_port.as_deref() == Some(x.as_str()));
    let mut segs = url.path().trim_matches('/').split('/');
    host_ok
        && segs.next() == Some("photos")
        && segs.next().is_some_and(|u| !u.is_empty())
        && segs
            .next()
            .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// What an oEmbed answer says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OEmbed {
    /// The image.
    pub url: Option<String>,
    pub evidence: Vec<Evidence>,
}

const FIELDS: &[(&str, Origin)] = &[
    ("author_name", o::OEMBED_AUTHOR_NAME),
    ("title", o::OEMBED_TITLE),
    ("license", o::OEMBED_LICENSE),
    ("license_url", o::OEMBED_LICENSE_URL),
    ("web_page", o::OEMBED_WEB_PAGE),
];

/// Reads an oEmbed JSON answer.
pub fn parse_oembed(json: &str) -> Result<OEmbed, String> {
    let v: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("the oEmbed answer is not JSON ({e})"))?;
    if !v.is_object() {
        return Err("the oEmbed answer is not an object".into());
    }
    let mut out = OEmbed {
        url: v["url"].as_str().map(str::to_string),
        evidence: Vec::new(),
    };
    for (k, origin) in FIELDS {
        if let Some(s) = v[*k].as_str().map(str::trim).filter(|s| !s.is_empty()) {
            out.evidence.push(Evidence::new(*origin, s));
        }
    }
    Ok(out)
}

/// Asks [`Sites::flickr_oembed`] about a photo page.
pub fn oembed(fetcher: &Fetcher, page: &Url) -> Result<OEmbed, FetchError> {
    let endpoint = &fetcher.config().sites.flickr_oembed;
    let mut url = Url::parse(endpoint)
        .map_err(|e| FetchError::new(endpoint, FetchErrorKind::InvalidUrl(e.to_string())))?;
    url.query_pairs_mut()
        .append_pair("format", "json")
        .append_pair("url", page.as_str());
    let answer = fetcher.fetch(&url, "application/json")?;
    parse_oembed(&answer.text()).map_err(|e| FetchError::new(&url, FetchErrorKind::Body(e)))
}

/// License links of a photo page: `rel="license"` links and links to Creative Commons legal
/// tools.
pub fn page_license_links(html: &str, base: &Url) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("a[href], link[href]").expect("a valid selector");
    let mut out: Vec<String> = Vec::new();
    for a in doc.select(&sel) {
        let href = a.value().attr("href").unwrap_or("");
        let rel = a.value().attr("rel").unwrap_or("").to_ascii_lowercase();
        let cc = href.contains("creativecommons.org/licenses/")
            || href.contains("creativecommons.org/publicdomain/");
        if rel.split_whitespace().any(|r| r == "license") || cc {
            let u = base
                .join(href)
                .map_or_else(|_| href.to_string(), |u| u.to_string());
            if !out.contains(&u) && out.len() < 8 {
                out.push(u);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_pages() {
        let s = Sites::default();
        let p = |u: &str| is_photo_page(&Url::parse(u).unwrap(), &s);
        assert!(p("https://www.flickr.com/photos/ihh/8650000000/"));
        assert!(p("https://flickr.com/photos/ihh/8650000000/in/album-1"));
        assert!(!p("https://www.flickr.com/photos/ihh/"));
        assert!(!p("https://example.org/photos/ihh/123"));
    }

    #[test]
    fn oembed_answer() {
        let o = parse_oembed(r#"{"type":"photo","title":"Atmeh","author_name":"IHH Humanitarian Relief Foundation","url":"https://live.example/1.jpg","license":"Attribution-NonCommercial-NoDerivs License","license_url":"https:\/\/creativecommons.org\/licenses\/by-nc-nd\/2.0\/"}"#).unwrap();
        assert_eq!(o.url.as_deref(), Some("https://live.example/1.jpg"));
        assert_eq!(o.evidence.len(), 4);
        assert_eq!(o.evidence[0].value, "IHH Humanitarian Relief Foundation");
        assert!(parse_oembed("[1]").is_err());
    }
}
