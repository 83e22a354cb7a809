//! The page: one HTML, one CSS and one JS file, hand-written, compiled into the binary (no
//! CDN, no framework: the page works offline and under a strict Content-Security-Policy).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

pub const INDEX_HTML: &str = include_str!("assets/index.html");
pub const APP_CSS: &str = include_str!("assets/app.css");
pub const APP_JS: &str = include_str!("assets/app.js");

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut res = body.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}

pub(super) async fn index() -> Response {
    asset(INDEX_HTML, "text/html; charset=utf-8")
}

pub(super) async fn css() -> Response {
    asset(APP_CSS, "text/css; charset=utf-8")
}

pub(super) async fn js() -> Response {
    asset(APP_JS, "text/javascript; charset=utf-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page must work under the CSP: no inline script or style, no external resource, and
    /// the script never parses strings as HTML.
    #[test]
    fn assets_stay_within_the_content_security_policy() {
        assert!(!INDEX_HTML.contains("<script>"), "no inline script");
        assert!(!INDEX_HTML.contains("style="), "no inline style");
        assert!(!INDEX_HTML.contains("<style"), "no inline style element");
        for text in [INDEX_HTML, APP_CSS, APP_JS] {
            assert!(!text.contains("http://") && !text.contains("https://cdn"));
        }
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ] {
            assert!(!APP_JS.contains(sink), "app.js uses {sink}");
        }
    }
}
