//! A scanner for the XML that XMP writers produce, feeding the same [`Pull`] state machine as
//! quick-xml does, about three times cheaper per packet (no event objects, no second UTF-8 check,
//! attributes split once).
//!
//! It reads only a narrow form of XML: start, empty and end tags whose attributes are written
//! `name="value"` or `name='value'` with whitespace between them; text; processing
//! instructions (the `<?xpacket …?>` wrappers). It gives up — returns `None`, and the packet is
//! read again from the start by quick-xml — on anything else: an entity or character reference
//! (`&`), a carriage return (line ends are normalized), a tab or line break inside an attribute
//! value (values are normalized), a comment, CDATA or DTD (`<!`), an end tag that does not match
//! its start tag or has trailing space, a document that ends inside an element or has no root,
//! and on every error or limit the state machine reports (unbound prefix, too many attributes,
//! namespaces or values, elements too deep). So a packet it reads, quick-xml reads the same way:
//! same elements, same attribute values, same text; and namespaces are resolved by the same code
//! (`Pull::start`), so a rebound prefix is seen as it is. The differential tests below and
//! `tests/it/metadata.rs` hold both readers to the same evidence.

use memchr::{memchr, memmem};

use super::{Attr, MAX_ATTRIBUTES, MAX_DEPTH, Pull};

#[cfg(test)]
thread_local! {
    /// Whether `xmp::read` uses the scanner on this thread (tests turn it off to compare).
    pub(super) static ENABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// XML's whitespace, as quick-xml splits names on it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Reads `text` into `pull` (freshly reset) if it is in the narrow form; `false` if it is not,
/// or if reading it met any problem (the general reader then reads it again and reports that
/// problem).
pub(super) fn run(pull: &mut Pull, text: &str) -> bool {
    scan(pull, text).is_some()
}

fn scan(pull: &mut Pull, text: &str) -> Option<()> {
    // The open start tags (`pull.open`), to check each end tag against (quick-xml's
    // `check_end_names`), and the attributes of a tag (`pull.attributes`), as byte ranges.
    let mut open = std::mem::take(&mut pull.open);
    let mut attributes = std::mem::take(&mut pull.attributes);
    let read = elements(pull, text, &mut open, &mut attributes);
    pull.open = open;
    pull.attributes = attributes;
    let roots = read?;
    if !pull.open.is_empty() || roots == 0 || pull.too_deep() {
        return None;
    }
    Some(())
}

/// The markup of `text`, handed to `pull`; the number of root elements.
fn elements(
    pull: &mut Pull,
    text: &str,
    open: &mut Vec<(usize, usize)>,
    attributes: &mut Vec<[usize; 4]>,
) -> Option<u32> {
    let b = text.as_bytes();
    let mut roots = 0u32;
    let mut pos = 0;
    while pos < b.len() {
        let lt = text_run(pull, text, pos)?;
        if lt == b.len() {
            break;
        }
        match *b.get(lt + 1)? {
            b'?' => {
                // A processing instruction or the XML declaration, up to the first `?>`
                // after `<?`, as quick-xml finds it; neither carries rights values.
                let end = lt + 2 + memmem::find(&b[lt + 2..], b"?>")?;
                pos = end + 2;
            }
            b'!' => return None,
            b'/' => {
                let end = lt + 2 + memchr(b'>', &b[lt + 2..])?;
                let (s, e) = open.pop()?;
                if text[s..e] != text[lt + 2..end] {
                    return None;
                }
                pull.end().ok()?;
                pos = end + 1;
            }
            _ => {
                let ((s, e), empty, next) = tag(text, lt + 1, attributes)?;
                roots += u32::from(pull.at_top());
                let attrs = attributes
                    .iter()
                    .map(|&[ks, ke, vs, ve]| Ok(Attr::plain(&text[ks..ke], &text[vs..ve])));
                pull.start(&text[s..e], attrs).ok()?;
                if empty {
                    pull.end().ok()?;
                } else if open.len() >= MAX_DEPTH {
                    // Deeper than the state machine reads: the general reader reports it
                    // (and this stack stays bounded).
                    return None;
                } else {
                    open.push((s, e));
                }
                pos = next;
            }
        }
    }
    Some(roots)
}

/// The text from `from` to the next `<` (returned; the end of `t` if none), handed to `pull`
/// with its references replaced as quick-xml's `GeneralRef` events and `Pull::run` replace
/// them; `None` on a carriage return inside an element (quick-xml normalizes line ends), an
/// entity XML does not predefine, or a reference quick-xml would refuse. One pass: a packet's
/// padding (kilobytes of spaces outside the root) is looked at once.
fn text_run(pull: &mut Pull, t: &str, from: usize) -> Option<usize> {
    let b = t.as_bytes();
    let mut run = from;
    let mut i = from;
    loop {
        let at = memchr::memchr3(b'<', b'&', b'\r', &b[i..]).map_or(b.len(), |k| i + k);
        match b.get(at) {
            Some(b'&') => {
                if at > run {
                    pull.text(&t[run..at]);
                }
                let semi = at + 1 + memchr(b';', &b[at + 1..])?;
                let c = reference(&t[at + 1..semi])?;
                pull.text(c.encode_utf8(&mut [0; 4]));
                run = semi + 1;
                i = run;
            }
            // Text outside every element is not read (only its references are checked).
            Some(b'\r') if pull.at_top() => i = at + 1,
            Some(b'\r') => return None,
            _ => {
                if at > run {
                    pull.text(&t[run..at]);
                }
                return Some(at);
            }
        }
    }
}

/// The character a reference (`amp`, `#169`, `#xA9`) stands for, as quick-xml reads it.
fn reference(name: &str) -> Option<char> {
    let Some(num) = name.strip_prefix('#') else {
        return super::predefined(name);
    };
    let (digits, radix) = match num.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (num, 10),
    };
    if digits.is_empty() || !digits.bytes().all(|d| (d as char).is_digit(radix)) {
        return None;
    }
    match u32::from_str_radix(digits, radix).ok()? {
        0 => None,
        code => char::from_u32(code),
    }
}

/// A start or empty tag whose name begins at `from` (just after `<`): its name, whether it is
/// empty (`/>`), and where the text after it begins; its attributes go to `attributes`.
fn tag(
    text: &str,
    from: usize,
    attributes: &mut Vec<[usize; 4]>,
) -> Option<((usize, usize), bool, usize)> {
    let b = text.as_bytes();
    attributes.clear();
    let mut i = from;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        if matches!(b[i], b'<' | b'"' | b'\'' | b'=') {
            return None;
        }
        i += 1;
    }
    if i == from {
        return None;
    }
    let name = (from, i);
    loop {
        // Whitespace is required before an attribute; not before the tag's end.
        let spaced = i < b.len() && is_space(b[i]);
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some((name, false, i + 1)),
            b'/' => {
                return (b.get(i + 1) == Some(&b'>')).then_some((name, true, i + 2));
            }
            _ if !spaced => return None,
            _ => {}
        }
        let key_start = i;
        while i < b.len() && b[i] != b'=' {
            if is_space(b[i]) || matches!(b[i], b'<' | b'>' | b'/' | b'"' | b'\'') {
                return None;
            }
            i += 1;
        }
        if i == key_start || i >= b.len() {
            return None;
        }
        let key = (key_start, i);
        let quote = *b.get(i + 1)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let value_start = i + 2;
        let value_end = value_start + memchr(quote, b.get(value_start..)?)?;
        let value = &b[value_start..value_end];
        if value
            .iter()
            .any(|&c| matches!(c, b'&' | b'<' | b'\t' | b'\n' | b'\r'))
        {
            return None;
        }
        if attributes.len() >= MAX_ATTRIBUTES {
            // Over the limit: the general reader reports it, and this list stays bounded.
            return None;
        }
        attributes.push([key.0, key.1, value_start, value_end]);
        i = value_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Found, read_with};
    use super::*;

    /// What a packet gives: evidence, problems and the Extended XMP GUID.
    fn outcome(text: &str, fast: bool) -> (Vec<(String, String)>, Vec<String>, Option<String>) {
        let mut f = Found::default();
        let g = read_with(text.as_bytes(), 0, &mut f, fast);
        (
            f.evidence
                .iter()
                .map(|e| (e.origin.to_string(), e.value.clone()))
                .collect(),
            f.problems.iter().map(|p| p.to_string()).collect(),
            g,
        )
    }

    fn is_scanned(text: &str) -> bool {
        let mut pull = Pull::default();
        run(&mut pull, text)
    }

    /// Both readers agree on `text`; returns whether the scanner read it itself.
    fn agree(text: &str) -> bool {
        assert_eq!(outcome(text, true), outcome(text, false), "{text}");
        is_scanned(text)
    }

    const RDF_OPEN: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">"#;
    const RDF_CLOSE: &str = "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";

    #[test]
    fn the_common_forms_are_scanned() {
        let body = r#"<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#" cc:attributionName='Jane Doe'>
 <cc:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/>
 <dc:rights><rdf:Alt><rdf:li xml:lang="de">De</rdf:li><rdf:li xml:lang="x-default">Def</rdf:li></rdf:Alt></dc:rights>
 <dc:creator><rdf:Seq><rdf:li>A</rdf:li><rdf:li>B</rdf:li></rdf:Seq></dc:creator>
</rdf:Description>"#;
        let text = format!("{RDF_OPEN}{body}{RDF_CLOSE}");
        assert!(agree(&text));
        assert_eq!(outcome(&text, true).0.len(), 6);
    }

    #[test]
    fn a_rebound_prefix_is_resolved_by_its_uri() {
        // `dc` bound to another URI inside, `cc` bound to Dublin Core: the names do not count.
        let body = r#"<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://purl.org/dc/elements/1.1/">
<dc:source>S</dc:source><cc:license>really dc:license, not a rights property</cc:license><cc:rights>R</cc:rights>
<x:y xmlns:dc="http://example.com/other#"><dc:rights>not dc</dc:rights></x:y>
<rdf:Description xmlns="http://purl.org/dc/elements/1.1/"><publisher>P</publisher></rdf:Description>
</rdf:Description>"#;
        let text = format!("{RDF_OPEN}{body}{RDF_CLOSE}");
        assert!(agree(&text));
        let values: Vec<String> = outcome(&text, true).0.into_iter().map(|e| e.1).collect();
        assert_eq!(values, ["S", "R", "P"]);
    }

    #[test]
    fn other_forms_fall_back_to_the_general_reader() {
        let cases = [
            "<a>&nbsp;</a>",
            "<a>&#0;</a>",
            "<a>&#x110000;</a>",
            "<a>&#+1;</a>",
            "<a>&#X41;</a>",
            "<a>&amp</a>",
            "<a>&;</a>",
            "<a b=\"&#169;\"/>",
            "<a><![CDATA[x]]></a>",
            "<!-- c --><a/>",
            "<!DOCTYPE a><a/>",
            "<a>\r\n</a>",
            "<a b=\"x\ty\"/>",
            "<a b=x/>",
            "<a b='1'c='2'/>",
            "<a></b>",
            "<a></a >",
            "<a>",
            "</a>",
            "",
            "text only",
            "<a/><?pi",
            "<a b=\"1\"",
            "<a b/>",
            "<a/b>",
            "<q:x/>",
            "< a/>",
        ];
        for c in cases {
            assert!(!agree(c), "{c}");
        }
    }

    #[test]
    fn references_in_text_are_scanned() {
        let text = r#"<r xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights>&#169; A &amp; B&#xA;&lt;c&gt; &quot;&apos;</dc:rights></r>"#;
        assert!(agree(text));
        assert_eq!(outcome(text, true).0[0].1, "© A & B\n<c> \"'");
    }

    #[test]
    fn scratch_stays_bounded_on_hostile_packets() {
        let mut pull = Pull::default();
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        assert!(!run(&mut pull, &deep));
        assert!(pull.open.len() <= MAX_DEPTH);
        pull.reset();
        let many: String = (0..100_000).map(|i| format!(" a{i}='x'")).collect();
        assert!(!run(&mut pull, &format!("<a{many}/>")));
        assert!(pull.attributes.len() <= MAX_ATTRIBUTES);
        pull.reset();
        // And the thread does not keep what a large packet made it hold.
        let prefixes: String = (0..400)
            .map(|i| format!(" xmlns:{}{i}='u'", "p".repeat(1000)))
            .collect();
        assert!(run(&mut pull, &format!("<a{prefixes}/>")));
        assert!(pull.prefixes.capacity() > 64 * 1024);
        pull.reset();
        assert!(pull.prefixes.capacity() <= 64 * 1024);
    }

    #[test]
    fn limits_fall_back_and_report_the_same() {
        let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
        assert!(!agree(&deep));
        let many: String = (0..5000).map(|i| format!(" a{i}='x'")).collect();
        assert!(!agree(&format!("<a{many}/>")));
        let values: String = (0..5000)
            .map(|i| format!("<dc:source>{i}</dc:source>"))
            .collect();
        assert!(!agree(&format!(
            r#"<r xmlns:dc="http://purl.org/dc/elements/1.1/">{values}</r>"#
        )));
    }

    /// Every image fixture, and the real images of a corpus directory named by
    /// `LICIT_IMAGE_CORPUS` (opt-in, e.g. `../shared/corpus/images`), read whole with and
    /// without the scanner: the same metadata, problems included.
    #[test]
    fn both_readers_agree_on_every_image() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("tests/fixtures/images")];
        if let Some(d) = std::env::var_os("LICIT_IMAGE_CORPUS") {
            dirs.push(d.into());
        }
        let (mut files, mut scanned) = (0, 0);
        for dir in dirs {
            let mut paths: Vec<_> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect();
            paths.sort();
            for p in paths {
                let read = |on: bool| {
                    ENABLED.set(on);
                    let r = crate::metadata::read_path(&p);
                    ENABLED.set(true);
                    format!("{r:?}")
                };
                assert_eq!(read(true), read(false), "{}", p.display());
                files += 1;
                let bytes = std::fs::read(&p).unwrap();
                if let Some(i) = memmem::find(&bytes, b"<x:xmpmeta")
                    && let Some(j) = memmem::find(&bytes[i..], b"</x:xmpmeta>")
                    && let Ok(t) = std::str::from_utf8(&bytes[i..i + j + 12])
                {
                    scanned += usize::from(is_scanned(t));
                }
            }
        }
        eprintln!("{files} files, {scanned} packets read by the scanner");
        assert!(
            files >= 20 && scanned >= 5,
            "{files} files, {scanned} scanned"
        );
    }

    /// Packets put together from pieces of the forms above, with prefixes bound, rebound and
    /// unbound, odd spacing, entities and markup the scanner leaves to quick-xml: both readers
    /// must give the same outcome on every one.
    #[test]
    fn both_readers_agree_on_generated_packets() {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("<rdf:Description>".to_owned()),
            Just("</rdf:Description>".to_owned()),
            Just("<rdf:Description rdf:about=\"\" dc:rights=\"R\" cc:license='L'/>".to_owned()),
            Just("<dc:rights>".to_owned()),
            Just("</dc:rights>".to_owned()),
            Just("<dc:creator><rdf:Seq><rdf:li>A</rdf:li></rdf:Seq></dc:creator>".to_owned()),
            Just("<rdf:Alt>".to_owned()),
            Just("</rdf:Alt>".to_owned()),
            Just("<rdf:li xml:lang=\"x-default\">".to_owned()),
            Just("<rdf:li>".to_owned()),
            Just("</rdf:li>".to_owned()),
            Just(
                "<cc:license rdf:resource=\"https://creativecommons.org/licenses/by/4.0/\"/>"
                    .to_owned()
            ),
            Just("<xmpNote:HasExtendedXMP>G</xmpNote:HasExtendedXMP>".to_owned()),
            Just("<x:y xmlns:dc=\"http://example.com/\">".to_owned()),
            Just("<x:y xmlns:cc=\"http://purl.org/dc/elements/1.1/\">".to_owned()),
            Just("<x:y xmlns=\"http://purl.org/dc/elements/1.1/\">".to_owned()),
            Just("<x:y xmlns=\"\">".to_owned()),
            Just("</x:y>".to_owned()),
            Just("<rights>".to_owned()),
            Just("</rights>".to_owned()),
            Just("<u:v/>".to_owned()),
            Just(" text ".to_owned()),
            Just("\n  ".to_owned()),
            Just("&amp;".to_owned()),
            Just("&#169;".to_owned()),
            Just("&#x;".to_owned()),
            Just("&bogus;".to_owned()),
            Just("<!--c-->".to_owned()),
            Just("<?pi x?>".to_owned()),
            Just("<a b = \"1\">".to_owned()),
            Just("</a>".to_owned()),
            "[a-z<>/=\"' :&;!?\\[\\]\t\r\n]{1,6}",
        ];
        // A fixed seed: the same 2,000 packets on every run, so that the share the scanner reads
        // itself (checked below) cannot fall under its bound by chance (it did once in CI-like
        // runs with a random seed). The fuzz targets explore beyond these.
        let config = ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x006c_6963_6974),
            ..ProptestConfig::default()
        };
        let scanned = std::sync::atomic::AtomicUsize::new(0);
        proptest!(config, |(pieces in prop::collection::vec(piece, 0..24))| {
            let inner: String = pieces.concat();
            let text = format!(
                r#"<x:xmpmeta xmlns:x="adobe:ns:meta/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#" xmlns:xmpNote="http://ns.adobe.com/xmp/note/">{inner}</x:xmpmeta>"#
            );
            prop_assert_eq!(outcome(&text, true), outcome(&text, false));
            prop_assert_eq!(outcome(&inner, true), outcome(&inner, false));
            if is_scanned(&text) {
                scanned.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        });
        // The comparison means something only if the scanner read a good share itself.
        let scanned = scanned.into_inner();
        assert!(
            scanned >= 100,
            "only {scanned} packets of 2000 were scanned"
        );
    }
}
