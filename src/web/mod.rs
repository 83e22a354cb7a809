//! The web as a source: fetching with limits, pages and the credits they show, and the sites
//! that publish rights as data.
//!
//! - [`fetch`]: an HTTP client with a timeout per request and per run, a size cap, a redirect
//!   cap, a per-host limit, and Range requests that read of an image only the bytes its
//!   metadata needs ([`fetch::Fetcher::open`]).
//! - [`cache`]: an on-disk HTTP cache that honours `Cache-Control` and `ETag`.
//! - [`charset`]: a page's bytes to text in its declared encoding (HTTP header, BOM, `<meta>`).
//! - [`page`]: an HTML page → its images and, for each, the evidence around it (figcaption,
//!   credit classes, the credit paragraph next to it, alt/title, `rel="license"`, RDFa,
//!   microdata and JSON-LD `ImageObject`). No network: also used for local `.html` files.
//! - [`commons`], [`flickr`]: Wikimedia Commons' `extmetadata` and Flickr's oEmbed.
//! - [`tdm`]: text-and-data-mining signals: TDMRep headers, `<meta>` tags and `tdmrep.json`,
//!   robots `noai`.
//!
//! This module produces evidence; it knows nothing of verdicts (see [`crate::check::web`]).

pub mod cache;
pub mod charset;
pub mod commons;
pub mod fetch;
pub mod flickr;
pub mod page;
pub mod tdm;

pub use fetch::{FetchConfig, FetchError, FetchErrorKind, Fetcher, Sites};
pub use page::{PageImage, PageScan, images_in_html, scan_html};
pub use url::Url;

/// Whether a target names a URL licit fetches (`http://` or `https://`).
pub fn is_url(target: &str) -> bool {
    let t = target.trim_start();
    t.get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
        || t.get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
}

/// Whether a local file is read as an HTML page (by its extension).
pub fn is_html_path(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_html_paths() {
        assert!(is_url("https://example.org/a.jpg"));
        assert!(is_url("HTTP://example.org/"));
        assert!(!is_url("ftp://example.org/"));
        assert!(!is_url("photo.jpg"));
        assert!(is_html_path("site/index.HTML".as_ref()));
        assert!(!is_html_path("photo.jpg".as_ref()));
    }
}
