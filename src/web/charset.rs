//! A page's bytes → text, in the page's own character encoding.
//!
//! The encoding is chosen as browsers choose it (HTML Living Standard, "determining the
//! character encoding", simplified): a byte order mark; else the `charset` of the HTTP
//! `Content-Type`; else a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
//! 1024 bytes; else UTF-8. Labels are resolved by the WHATWG Encoding Standard (`encoding_rs`),
//! so `Shift_JIS`, `sjis`, `latin1` (= windows-1252) and the rest mean what browsers take them
//! to mean. Bytes that do not decode become U+FFFD; decoding never fails and is linear.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta>` charset is looked for.
const PRESCAN: usize = 1024;

/// A decoded page.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding used (WHATWG name: `UTF-8`, `Shift_JIS`, `windows-1252`, …).
    pub encoding: &'static str,
    /// Whether some bytes did not decode and were replaced.
    pub had_errors: bool,
}

/// The `charset` parameter of a `Content-Type` value.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// The charset a `<meta>` tag near the start of the page declares.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(j) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[j + b"charset".len()..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or(rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..len]) {
                    // A page cannot declare UTF-16 in its own ASCII bytes: the standard reads
                    // UTF-8 then, and x-user-defined as windows-1252.
                    return Some(match enc.name() {
                        "UTF-16LE" | "UTF-16BE" => UTF_8,
                        "x-user-defined" => encoding_rs::WINDOWS_1252,
                        _ => enc,
                    });
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

/// Decodes a page: `content_type` is the HTTP `Content-Type` header when the page came over
/// HTTP.
///
/// ```
/// let page = b"<meta charset=\"windows-1252\"><p>Caf\xe9</p>";
/// let d = licit::web::charset::decode_html(page, None);
/// assert_eq!(d.text, "<meta charset=\"windows-1252\"><p>Café</p>");
/// assert_eq!(d.encoding, "windows-1252");
/// ```
pub fn decode_html<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    let declared = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        .unwrap_or(UTF_8);
    // A byte order mark overrides what the page declares (`decode` sniffs it).
    let (text, used, had_errors) = declared.decode(bytes);
    Decoded {
        text,
        encoding: used.name(),
        had_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page in `enc` holding `body`, with `head` before it.
    fn page(enc: &'static Encoding, head: &str, body: &str) -> Vec<u8> {
        let mut out = head.as_bytes().to_vec();
        let (bytes, _, unmappable) = enc.encode(body);
        assert!(!unmappable);
        out.extend_from_slice(&bytes);
        out
    }

    const JA: &str =
        "<figure><img src=\"a.jpg\"><figcaption>写真：山田太郎（CC BY 4.0）</figcaption></figure>";

    #[test]
    fn shift_jis_by_meta_charset() {
        let bytes = page(
            encoding_rs::SHIFT_JIS,
            "<html><head><meta charset=\"Shift_JIS\"></head>",
            JA,
        );
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the fixture is not UTF-8"
        );
        let d = decode_html(&bytes, None);
        assert_eq!(d.encoding, "Shift_JIS");
        assert!(!d.had_errors);
        assert!(d.text.ends_with(JA), "{}", d.text);
    }

    #[test]
    fn shift_jis_by_http_equiv_and_by_header() {
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=sjis\">";
        let bytes = page(encoding_rs::SHIFT_JIS, head, JA);
        assert!(decode_html(&bytes, None).text.ends_with(JA));
        let bare = page(encoding_rs::SHIFT_JIS, "", JA);
        let d = decode_html(&bare, Some("text/html; charset=\"Shift_JIS\""));
        assert!(d.text.ends_with(JA));
        // Without any declaration the bytes are read as UTF-8, with replacements.
        assert!(decode_html(&bare, None).had_errors);
    }

    #[test]
    fn windows_1252_and_the_header_winning_over_meta() {
        let body = "<p>© Zoë Müller — café</p>";
        let bytes = page(encoding_rs::WINDOWS_1252, "<meta charset=iso-8859-1>", body);
        let d = decode_html(&bytes, None);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.ends_with(body));
        // The HTTP header is the transport's word: it comes before the page's.
        let d = decode_html(&bytes, Some("text/html;charset=windows-1252"));
        assert!(d.text.ends_with(body));
    }

    #[test]
    fn a_bom_overrides_and_utf8_is_the_default() {
        let mut bytes = b"\xEF\xBB\xBF<meta charset=windows-1252>".to_vec();
        bytes.extend_from_slice("Zoë".as_bytes());
        let d = decode_html(&bytes, Some("text/html; charset=shift_jis"));
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.ends_with("Zoë"));
        let d = decode_html("<p>Zoë</p>".as_bytes(), Some("text/html"));
        assert_eq!(d.encoding, "UTF-8");
        assert!(matches!(d.text, Cow::Borrowed(_)));
    }
}
