//! The page reader on arbitrary bytes: charset decoding, then `scan_html` with a base URL.
//! Never panics; every image it reports has a URL; each piece of evidence merges into a credit
//! without panicking. Run with `-timeout=2 -rss_limit_mb=512` to catch slow or hungry inputs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses a declared charset, as an HTTP header would.
    let (ct, body) = match data.split_first() {
        Some((b, rest)) if b % 4 == 1 => (Some("text/html; charset=shift_jis"), rest),
        Some((b, rest)) if b % 4 == 2 => (Some("text/html; charset=windows-1252"), rest),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let decoded = licit::web::charset::decode_html(body, ct);
    let base = licit::web::Url::parse("https://example.org/a/page.html").ok();
    let scan = licit::web::scan_html(&decoded.text, base.as_ref(), &Default::default());
    for im in &scan.images {
        assert!(!im.src.is_empty());
        let _ = licit::credit::merge(&im.evidence);
    }
});
