//! XMP: RDF/XML read with a namespace-aware parser (roxmltree).
//!
//! Properties are matched on namespace URI and local name, never on the prefix a file chose.
//! Both RDF forms are read: attributes (`<rdf:Description cc:license="…">`) and elements
//! (`<cc:license rdf:resource="…"/>`, `<dc:rights><rdf:Alt><rdf:li …>`). Containers give one
//! entry per `rdf:li`; in an `rdf:Alt` the `x-default` item comes first. Properties nested in
//! structures (`plus:Licensor/rdf:Seq/rdf:li/plus:LicensorURL`) are found wherever they are.

use std::borrow::Cow;

use roxmltree::{Document, Node, ParsingOptions};

use super::text::{trim_nul, utf16};

use super::{Found, ProblemKind};
use crate::evidence::{Origin, origin};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
const CC: &str = "http://creativecommons.org/ns#";
const XMP_RIGHTS: &str = "http://ns.adobe.com/xap/1.0/rights/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
const PLUS: &str = "http://ns.useplus.org/ldf/xmp/1.0/";
const XMP_NOTE: &str = "http://ns.adobe.com/xmp/note/";

/// Deeper than this, elements are not looked at (real XMP nests a dozen levels at most).
pub(crate) const MAX_DEPTH: usize = 64;
/// roxmltree allocates per node; this bounds it well above any real packet.
const MAX_NODES: u32 = 500_000;

/// The rights properties, by namespace URI and local name.
const PROPERTIES: &[(&str, &str, Origin)] = &[
    (CC, "license", origin::XMP_CC_LICENSE),
    (CC, "attributionName", origin::XMP_CC_ATTRIBUTION_NAME),
    (CC, "attributionURL", origin::XMP_CC_ATTRIBUTION_URL),
    (CC, "morePermissions", origin::XMP_CC_MORE_PERMISSIONS),
    (XMP_RIGHTS, "UsageTerms", origin::XMP_RIGHTS_USAGE_TERMS),
    (XMP_RIGHTS, "WebStatement", origin::XMP_RIGHTS_WEB_STATEMENT),
    (XMP_RIGHTS, "Marked", origin::XMP_RIGHTS_MARKED),
    (XMP_RIGHTS, "Owner", origin::XMP_RIGHTS_OWNER),
    (DC, "rights", origin::XMP_DC_RIGHTS),
    (DC, "creator", origin::XMP_DC_CREATOR),
    (DC, "title", origin::XMP_DC_TITLE),
    (DC, "description", origin::XMP_DC_DESCRIPTION),
    (DC, "source", origin::XMP_DC_SOURCE),
    (DC, "publisher", origin::XMP_DC_PUBLISHER),
    (PHOTOSHOP, "Credit", origin::XMP_PHOTOSHOP_CREDIT),
    (PHOTOSHOP, "Source", origin::XMP_PHOTOSHOP_SOURCE),
    (
        PHOTOSHOP,
        "AuthorsPosition",
        origin::XMP_PHOTOSHOP_AUTHORS_POSITION,
    ),
    (PLUS, "LicensorURL", origin::XMP_PLUS_LICENSOR_URL),
    (PLUS, "LicensorName", origin::XMP_PLUS_LICENSOR_NAME),
    (
        PLUS,
        "CopyrightOwnerName",
        origin::XMP_PLUS_COPYRIGHT_OWNER_NAME,
    ),
    (
        PLUS,
        "ImageCreatorName",
        origin::XMP_PLUS_IMAGE_CREATOR_NAME,
    ),
];

/// Local names are matched regardless of case: some writers spell `dc:Creator` (exiftool
/// accepts it too); the origin keeps the standard spelling.
fn property(ns: Option<&str>, name: &str) -> Option<Origin> {
    let ns = ns?;
    PROPERTIES
        .iter()
        .find(|(n, l, _)| *n == ns && l.eq_ignore_ascii_case(name))
        .map(|&(_, _, o)| o)
}

/// Reads one XMP packet found at file offset `base`. Returns the GUID of its Extended XMP
/// (`xmpNote:HasExtendedXMP`), if it names one.
pub(crate) fn read(bytes: &[u8], base: u64, found: &mut Found) -> Option<String> {
    let text = match packet_text(bytes) {
        Ok(t) => t,
        Err(msg) => {
            found.problem(base, ProblemKind::Malformed, msg);
            return None;
        }
    };
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc = match Document::parse_with_options(&text, options) {
        Ok(d) => d,
        Err(e) => {
            found.problem(
                base,
                ProblemKind::Malformed,
                format!("XMP is not valid XML: {e}"),
            );
            return None;
        }
    };
    let mut extended = None;
    let mut too_deep = false;
    // Depth-first, in document order, with an explicit stack (no recursion on input depth).
    let mut stack: Vec<(Node, usize)> = vec![(doc.root_element(), 0)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            too_deep = true;
            continue;
        }
        for attr in node.attributes() {
            if let Some(o) = property(attr.namespace(), attr.name()) {
                found.push(o, attr.value());
            }
            if attr.namespace() == Some(XMP_NOTE) && attr.name() == "HasExtendedXMP" {
                extended = Some(attr.value().to_owned());
            }
        }
        let tag = node.tag_name();
        if let Some(o) = property(tag.namespace(), tag.name()) {
            values(node, o, found);
        } else if tag.namespace() == Some(XMP_NOTE) && tag.name() == "HasExtendedXMP" {
            extended = node.text().map(str::to_owned);
        }
        let children: Vec<Node> = node.children().filter(Node::is_element).collect();
        stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
    }
    if too_deep {
        found.problem(
            base,
            ProblemKind::TooLarge,
            format!("XMP nests deeper than {MAX_DEPTH} elements; the deeper part was not read"),
        );
    }
    extended
}

/// The values of a property element: its `rdf:resource`, its text, or the items of the
/// container it holds. A structure (element children other than a container) has no value of
/// its own; the walk finds its fields.
fn values(node: Node, o: Origin, found: &mut Found) {
    if let Some(r) = node.attribute((RDF, "resource")) {
        found.push(o, r);
        return;
    }
    let mut elements = node.children().filter(Node::is_element);
    let Some(first) = elements.next() else {
        found.push(o, &text_of(node));
        return;
    };
    if first.tag_name().namespace() != Some(RDF) {
        return;
    }
    match first.tag_name().name() {
        "Alt" => {
            let items: Vec<Node> = items(first).collect();
            let default = items
                .iter()
                .position(|li| li.attribute((XML, "lang")) == Some("x-default"));
            if let Some(i) = default {
                item(items[i], o, found);
            }
            for (j, li) in items.iter().enumerate() {
                if Some(j) != default {
                    item(*li, o, found);
                }
            }
        }
        "Seq" | "Bag" => items(first).for_each(|li| item(li, o, found)),
        _ => {}
    }
}

fn items<'a, 'i>(container: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    container.children().filter(|c| {
        c.is_element() && c.tag_name().namespace() == Some(RDF) && c.tag_name().name() == "li"
    })
}

fn item(li: Node, o: Origin, found: &mut Found) {
    if let Some(r) = li.attribute((RDF, "resource")) {
        found.push(o, r);
    } else if !li.children().any(|c| c.is_element()) {
        found.push(o, &text_of(li));
    }
}

fn text_of(node: Node) -> String {
    node.children()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect()
}

/// The XML text of a packet: UTF-8 or UTF-16 (told by a BOM or by the NUL byte of its first
/// `<`), without a BOM, trailing NULs, or anything after the closing `<?xpacket end…?>`
/// (padding and junk some writers leave).
fn packet_text(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    let text: Cow<'_, str> = match bytes {
        [0xFE, 0xFF, rest @ ..] => Cow::Owned(utf16(rest, false)),
        [0xFF, 0xFE, rest @ ..] => Cow::Owned(utf16(rest, true)),
        [0, b, ..] if *b != 0 => Cow::Owned(utf16(bytes, false)),
        [b, 0, ..] if *b != 0 => Cow::Owned(utf16(bytes, true)),
        _ => {
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            let bytes = trim_nul(bytes);
            Cow::Borrowed(std::str::from_utf8(bytes).map_err(|e| format!("XMP is not UTF-8: {e}"))?)
        }
    };
    let end = text
        .rfind("<?xpacket end")
        .and_then(|i| text[i..].find("?>").map(|j| i + j + 2));
    Ok(match (text, end) {
        (Cow::Borrowed(t), Some(e)) => Cow::Borrowed(&t[..e]),
        (Cow::Owned(mut t), Some(e)) => {
            t.truncate(e);
            Cow::Owned(t)
        }
        (t, None) => t,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> (Vec<(String, String)>, Found) {
        let mut f = Found::default();
        read(s.as_bytes(), 0, &mut f);
        let ev = f
            .evidence
            .iter()
            .map(|e| (e.origin.to_string(), e.value.clone()))
            .collect();
        (ev, f)
    }

    #[test]
    fn attribute_and_element_forms_any_prefix() {
        let (ev, f) = read_str(
            r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:lic="http://creativecommons.org/ns#" lic:attributionName="Jane Doe">
 <lic:license rdf:resource="https://creativecommons.org/licenses/by-sa/4.0/"/>
 <d:rights xmlns:d="http://purl.org/dc/elements/1.1/"><rdf:Alt>
   <rdf:li xml:lang="de">Deutsch</rdf:li><rdf:li xml:lang="x-default">Default</rdf:li>
 </rdf:Alt></d:rights>
 <dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Seq><rdf:li>A</rdf:li><rdf:li>B</rdf:li></rdf:Seq></dc:creator>
 <cc:license xmlns:cc="http://example.com/not-cc#">not cc</cc:license>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>garbage"#,
        );
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        let want = [
            ("xmp:cc:attributionName", "Jane Doe"),
            (
                "xmp:cc:license",
                "https://creativecommons.org/licenses/by-sa/4.0/",
            ),
            ("xmp:dc:rights", "Default"),
            ("xmp:dc:rights", "Deutsch"),
            ("xmp:dc:creator", "A"),
            ("xmp:dc:creator", "B"),
        ];
        let got: Vec<(&str, &str)> = ev.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn nested_struct_fields_are_found() {
        let (ev, _) = read_str(
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">
<rdf:Description><plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource">
<plus:LicensorName>Agency</plus:LicensorName><plus:LicensorURL>https://agency.example/</plus:LicensorURL>
</rdf:li></rdf:Seq></plus:Licensor></rdf:Description></rdf:RDF>"#,
        );
        assert_eq!(ev[0], ("xmp:plus:LicensorName".into(), "Agency".into()));
        assert_eq!(
            ev[1],
            (
                "xmp:plus:LicensorURL".into(),
                "https://agency.example/".into()
            )
        );
    }

    #[test]
    fn deep_nesting_is_a_problem_not_a_crash() {
        let depth = 100_000;
        let s = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
        let (ev, f) = read_str(&s);
        assert!(ev.is_empty());
        assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
    }

    #[test]
    fn utf16_packets() {
        let xml = r#"<?xpacket begin="\u{feff}"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:source="S"/></rdf:RDF><?xpacket end="w"?>"#;
        for le in [false, true] {
            let bytes: Vec<u8> = xml
                .encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let mut f = Found::default();
            read(&bytes, 0, &mut f);
            assert_eq!(f.evidence.len(), 1, "{:?}", f.problems);
            assert_eq!(f.evidence[0].value, "S");
        }
    }

    #[test]
    fn bad_xml_is_a_problem() {
        let (_, f) = read_str("<x:xmpmeta><unclosed>");
        assert_eq!(f.problems[0].kind, ProblemKind::Malformed);
    }

    #[test]
    fn extended_guid() {
        let mut f = Found::default();
        let g = read(
            br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="ABC"/></rdf:RDF>"#,
            0,
            &mut f,
        );
        assert_eq!(g.as_deref(), Some("ABC"));
    }
}
