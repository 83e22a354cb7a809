//! XMP: writes Creative Commons' recommended rights properties into a packet, merged into the
//! packet a file already has.
//!
//! The existing packet is parsed namespace-aware (roxmltree); every `rdf:Description` is written
//! back without the properties being set (matched on namespace URI and local name, whatever
//! prefix the file chose, in attribute or element form), then one `rdf:Description` holds the
//! new values. Everything else — other properties, structures, language alternatives — is
//! kept. Output is deterministic (no dates, namespace declarations sorted), so stamping a
//! stamped packet again gives the same bytes.

use std::fmt::Write as _;

use roxmltree::{Document, Node, ParsingOptions};

use super::ErrorKind;
use super::fields::Written;
use crate::metadata::vocab::ns::{CC, DC, PHOTOSHOP, PLUS, RDF, X, XML, XMP_RIGHTS};

/// Deeper than this an existing packet is refused rather than rewritten (real XMP nests a dozen
/// levels at most); the writer recurses on the depth.
const MAX_DEPTH: usize = 64;
const MAX_NODES: u32 = 500_000;

/// The header that opens an XMP packet; its `id` is fixed by the XMP specification.
const PACKET_BEGIN: &str = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
const PACKET_END: &str = "<?xpacket end=\"w\"?>";

/// How one property is written.
enum Value<'a> {
    /// `<p rdf:resource="…"/>`
    Resource(&'a str),
    /// `<p>text</p>`
    Text(&'a str),
    /// `<p><rdf:Alt><rdf:li xml:lang="x-default">…`
    Alt(&'a str),
    /// `<p><rdf:Seq><rdf:li>…` per item
    Seq(&'a [String]),
}

/// The properties written, in order: (namespace, prefix, local name, value).
fn properties(w: &Written) -> Vec<(&'static str, &'static str, &'static str, Value<'_>)> {
    let mut out = Vec::new();
    if let Some(v) = &w.license_url {
        out.push((CC, "cc", "license", Value::Resource(v)));
    }
    if let Some(v) = &w.joined_authors {
        out.push((CC, "cc", "attributionName", Value::Text(v)));
    }
    if let Some(v) = &w.attribution_url {
        out.push((CC, "cc", "attributionURL", Value::Resource(v)));
    }
    if !w.authors.is_empty() {
        out.push((DC, "dc", "creator", Value::Seq(&w.authors)));
    }
    if let Some(v) = &w.notice {
        out.push((DC, "dc", "rights", Value::Alt(v)));
    }
    if let Some(v) = &w.title {
        out.push((DC, "dc", "title", Value::Alt(v)));
    }
    if let Some(v) = &w.credit_line {
        // IPTC Core's Credit Line, the XMP twin of IIM 2:110.
        out.push((PHOTOSHOP, "photoshop", "Credit", Value::Text(v)));
    }
    if let Some(m) = w.marked {
        let v = if m { "True" } else { "False" };
        out.push((XMP_RIGHTS, "xmpRights", "Marked", Value::Text(v)));
    }
    if let Some(v) = &w.usage_terms {
        out.push((XMP_RIGHTS, "xmpRights", "UsageTerms", Value::Alt(v)));
    }
    if let Some(v) = &w.web_statement {
        out.push((XMP_RIGHTS, "xmpRights", "WebStatement", Value::Resource(v)));
    }
    if let Some(v) = &w.data_mining {
        // IPTC 2023.1 gives the value as the vocabulary URI in a text property (as exiftool
        // writes it); licit's reader takes the rdf:resource form too.
        out.push((PLUS, "plus", "DataMining", Value::Text(v)));
    }
    out
}

/// XML text escaping for element content and attribute values (double-quoted). Characters XML
/// 1.0 cannot hold (most C0 controls) are dropped: they cannot be written, only lost.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The UTF-8 text of an existing packet, without BOM, trailing NULs or padding after the
/// closing processing instruction.
fn packet_text(bytes: &[u8]) -> Result<&str, ErrorKind> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let text = std::str::from_utf8(&bytes[..end]).map_err(|e| {
        ErrorKind::Malformed(format!(
            "the existing XMP packet is not UTF-8 ({e}); not rewriting it"
        ))
    })?;
    Ok(text)
}

/// Writes the packet: the kept descriptions of `existing` (if any), then the new properties.
pub(crate) fn write(existing: Option<&[u8]>, w: &Written) -> Result<Vec<u8>, ErrorKind> {
    let props = properties(w);
    let mut body = String::new();
    if let Some(bytes) = existing {
        let text = packet_text(bytes)?;
        if !text.trim().is_empty() {
            let options = ParsingOptions {
                allow_dtd: false,
                nodes_limit: MAX_NODES,
                ..ParsingOptions::default()
            };
            let doc = Document::parse_with_options(text, options).map_err(|e| {
                ErrorKind::Malformed(format!(
                    "the existing XMP packet is not valid XML ({e}); not rewriting it"
                ))
            })?;
            let rdf = doc
                .descendants()
                .find(|n| n.is_element() && is(n, RDF, "RDF"))
                .ok_or_else(|| {
                    ErrorKind::Malformed(
                        "the existing XMP packet has no rdf:RDF element; not rewriting it".into(),
                    )
                })?;
            let drop = |ns: Option<&str>, name: &str| {
                props
                    .iter()
                    .any(|(pns, _, pname, _)| ns == Some(*pns) && pname.eq_ignore_ascii_case(name))
            };
            for child in rdf.children().filter(Node::is_element) {
                kept_description(&mut body, child, &drop)?;
            }
        }
    }
    new_description(&mut body, &props);
    let mut out = String::with_capacity(body.len() + 256);
    out.push_str(PACKET_BEGIN);
    let _ = writeln!(out, "<x:xmpmeta xmlns:x=\"{X}\">");
    let _ = writeln!(out, " <rdf:RDF xmlns:rdf=\"{RDF}\">");
    out.push_str(&body);
    out.push_str(" </rdf:RDF>\n</x:xmpmeta>\n");
    out.push_str(PACKET_END);
    Ok(out.into_bytes())
}

fn is(n: &Node, ns: &str, name: &str) -> bool {
    n.tag_name().namespace() == Some(ns) && n.tag_name().name() == name
}

/// The namespaces to declare on `node`: those in scope that its parent does not have (all in
/// scope for the top element written), sorted by prefix. `xml` is never declared.
fn declarations(node: Node, top: bool) -> Vec<(Option<String>, String)> {
    let parent: Vec<(Option<&str>, &str)> = match node.parent_element() {
        Some(p) if !top => p.namespaces().map(|n| (n.name(), n.uri())).collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<(Option<String>, String)> = node
        .namespaces()
        .filter(|n| n.uri() != XML)
        .filter(|n| !parent.contains(&(n.name(), n.uri())))
        .map(|n| (n.name().map(str::to_string), n.uri().to_string()))
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The qualified name of an element or attribute in namespace `ns`, as in scope at `node`.
fn qname(node: Node, ns: Option<&str>, local: &str, attribute: bool) -> Result<String, ErrorKind> {
    let Some(ns) = ns else {
        return Ok(local.to_string());
    };
    if ns == XML {
        return Ok(format!("xml:{local}"));
    }
    match node.lookup_prefix(ns) {
        Some(p) if !p.is_empty() => Ok(format!("{p}:{local}")),
        // The default namespace applies to elements only.
        _ if !attribute => Ok(local.to_string()),
        _ => Err(ErrorKind::Malformed(format!(
            "the existing XMP packet has an attribute {local} in a namespace without a prefix"
        ))),
    }
}

fn open_tag(
    out: &mut String,
    node: Node,
    top: bool,
    skip_attr: &dyn Fn(Option<&str>, &str) -> bool,
) -> Result<String, ErrorKind> {
    let tag = node.tag_name();
    let name = qname(node, tag.namespace(), tag.name(), false)?;
    out.push('<');
    out.push_str(&name);
    for (prefix, uri) in declarations(node, top) {
        match prefix {
            Some(p) => {
                let _ = write!(out, " xmlns:{p}=\"{}\"", escape(&uri));
            }
            None => {
                let _ = write!(out, " xmlns=\"{}\"", escape(&uri));
            }
        }
    }
    for a in node.attributes() {
        if skip_attr(a.namespace(), a.name()) {
            continue;
        }
        let an = qname(node, a.namespace(), a.name(), true)?;
        let _ = write!(out, " {an}=\"{}\"", escape(a.value()));
    }
    Ok(name)
}

/// Writes one child of the existing `rdf:RDF` without the properties `drop` names; a
/// description left with no property is not written.
fn kept_description(
    out: &mut String,
    node: Node,
    drop: &dyn Fn(Option<&str>, &str) -> bool,
) -> Result<(), ErrorKind> {
    if !is(&node, RDF, "Description") {
        return element(out, node, true, 2, 0);
    }
    let kept_attrs = node
        .attributes()
        .filter(|a| !(a.namespace() == Some(RDF) && a.name() == "about"))
        .any(|a| !drop(a.namespace(), a.name()));
    let kept_children: Vec<Node> = node
        .children()
        .filter(Node::is_element)
        .filter(|c| !drop(c.tag_name().namespace(), c.tag_name().name()))
        .collect();
    if !kept_attrs && kept_children.is_empty() {
        return Ok(());
    }
    out.push_str("  ");
    let name = open_tag(out, node, true, drop)?;
    if kept_children.is_empty() {
        out.push_str("/>\n");
        return Ok(());
    }
    out.push_str(">\n");
    for c in kept_children {
        element(out, c, false, 3, 1)?;
    }
    let _ = writeln!(out, "  </{name}>");
    Ok(())
}

/// Writes an element and its content as it was (comments and processing instructions aside;
/// whitespace between elements is re-indented).
fn element(
    out: &mut String,
    node: Node,
    top: bool,
    indent: usize,
    depth: usize,
) -> Result<(), ErrorKind> {
    if depth > MAX_DEPTH {
        return Err(ErrorKind::Malformed(format!(
            "the existing XMP packet nests deeper than {MAX_DEPTH} elements; not rewriting it"
        )));
    }
    let pad = " ".repeat(indent);
    out.push_str(&pad);
    let name = open_tag(out, node, top, &|_, _| false)?;
    let has_elements = node.children().any(|c| c.is_element());
    let text: String = node
        .children()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect();
    if !has_elements {
        if text.is_empty() {
            out.push_str("/>\n");
        } else {
            let _ = writeln!(out, ">{}</{name}>", escape(&text));
        }
        return Ok(());
    }
    out.push_str(">\n");
    for c in node.children() {
        if c.is_element() {
            element(out, c, false, indent + 1, depth + 1)?;
        } else if let Some(t) = c.text().filter(|t| c.is_text() && !t.trim().is_empty()) {
            // Mixed content does not occur in RDF; kept rather than lost if it does.
            let _ = writeln!(out, "{pad} {}", escape(t.trim()));
        }
    }
    let _ = writeln!(out, "{pad}</{name}>");
    Ok(())
}

fn new_description(out: &mut String, props: &[(&str, &str, &str, Value<'_>)]) {
    if props.is_empty() {
        return;
    }
    let mut namespaces: Vec<(&str, &str)> = props.iter().map(|(ns, p, _, _)| (*p, *ns)).collect();
    namespaces.sort();
    namespaces.dedup();
    out.push_str("  <rdf:Description rdf:about=\"\"");
    for (p, ns) in namespaces {
        let _ = write!(out, " xmlns:{p}=\"{ns}\"");
    }
    out.push_str(">\n");
    for (_, prefix, name, value) in props {
        let q = format!("{prefix}:{name}");
        match value {
            Value::Resource(v) => {
                let _ = writeln!(out, "   <{q} rdf:resource=\"{}\"/>", escape(v));
            }
            Value::Text(v) => {
                let _ = writeln!(out, "   <{q}>{}</{q}>", escape(v));
            }
            Value::Alt(v) => {
                let _ = writeln!(
                    out,
                    "   <{q}>\n    <rdf:Alt>\n     <rdf:li xml:lang=\"x-default\">{}</rdf:li>\n    </rdf:Alt>\n   </{q}>",
                    escape(v)
                );
            }
            Value::Seq(items) => {
                let _ = writeln!(out, "   <{q}>\n    <rdf:Seq>");
                for i in *items {
                    let _ = writeln!(out, "     <rdf:li>{}</rdf:li>", escape(i));
                }
                let _ = writeln!(out, "    </rdf:Seq>\n   </{q}>");
            }
        }
    }
    out.push_str("  </rdf:Description>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::origin as o;
    use crate::license::License;
    use crate::stamp::Stamp;

    fn written(authors: &[&str]) -> Written {
        Written::new(&Stamp {
            license: License::from_key("by-sa/4.0"),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            title: Some("Dunes & <sky>".into()),
            ..Stamp::default()
        })
    }

    fn read(packet: &[u8]) -> Vec<(String, String)> {
        let meta = crate::metadata::read_bytes(packet).expect("an XMP packet");
        assert!(meta.problems.is_empty(), "{:?}", meta.problems);
        meta.evidence
            .into_iter()
            .map(|e| (e.origin.to_string(), e.value))
            .collect()
    }

    #[test]
    fn a_new_packet_holds_every_property_and_reads_back() {
        let p = write(None, &written(&["Jane Doe", "John Roe"])).unwrap();
        let ev = read(&p);
        let get = |origin: crate::evidence::Origin| {
            ev.iter()
                .filter(|(k, _)| k == origin.as_str())
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            get(o::XMP_CC_LICENSE),
            ["https://creativecommons.org/licenses/by-sa/4.0/"]
        );
        assert_eq!(get(o::XMP_DC_CREATOR), ["Jane Doe", "John Roe"]);
        assert_eq!(get(o::XMP_DC_TITLE), ["Dunes & <sky>"]);
        assert_eq!(get(o::XMP_RIGHTS_MARKED), ["True"]);
        assert_eq!(get(o::XMP_CC_ATTRIBUTION_NAME), ["Jane Doe; John Roe"]);
    }

    const EXISTING: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" xmlns:d="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/" tiff:Make="Canon" xmp:CreatorTool="Darktable" d:title="Old title">
 <d:creator><rdf:Seq><rdf:li>Somebody Else</rdf:li></rdf:Seq></d:creator>
 <d:subject><rdf:Bag><rdf:li>sea</rdf:li><rdf:li>dunes</rdf:li></rdf:Bag></d:subject>
 <d:description><rdf:Alt><rdf:li xml:lang="x-default">A dune</rdf:li><rdf:li xml:lang="de">Eine Düne</rdf:li></rdf:Alt></d:description>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#;

    #[test]
    fn merging_replaces_the_rights_properties_whatever_their_prefix_and_keeps_the_rest() {
        let p = write(Some(EXISTING.as_bytes()), &written(&["Jane Doe"])).unwrap();
        let text = String::from_utf8(p.clone()).unwrap();
        assert!(!text.contains("Somebody Else"), "{text}");
        assert!(!text.contains("Old title"), "{text}");
        for kept in ["tiff:Make=\"Canon\"", "Darktable", "dunes", "Eine Düne"] {
            assert!(text.contains(kept), "{kept} lost:\n{text}");
        }
        let ev = read(&p);
        let creators: Vec<_> = ev
            .iter()
            .filter(|(k, _)| k == "xmp:dc:creator")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(creators, ["Jane Doe"]);
        assert!(
            ev.iter()
                .any(|(k, v)| k == "xmp:dc:description" && v == "Eine Düne")
        );
    }

    #[test]
    fn writing_twice_gives_the_same_bytes() {
        let w = written(&["Jane Doe"]);
        let once = write(Some(EXISTING.as_bytes()), &w).unwrap();
        let twice = write(Some(&once), &w).unwrap();
        assert_eq!(
            String::from_utf8(once).unwrap(),
            String::from_utf8(twice).unwrap()
        );
    }

    #[test]
    fn properties_not_given_are_kept() {
        let w = Written::new(&Stamp {
            license: License::from_key("by/4.0"),
            ..Stamp::default()
        });
        let p = write(Some(EXISTING.as_bytes()), &w).unwrap();
        let text = String::from_utf8(p).unwrap();
        assert!(
            text.contains("Old title") && text.contains("Somebody Else"),
            "{text}"
        );
    }

    #[test]
    fn broken_existing_packets_are_refused_not_overwritten() {
        let w = written(&["Jane Doe"]);
        for bad in [&b"<x:xmpmeta"[..], b"<a><b/></a>", b"\xff\xfe<\0"] {
            assert!(matches!(write(Some(bad), &w), Err(ErrorKind::Malformed(_))));
        }
        let deep = format!(
            "<rdf:RDF xmlns:rdf=\"{RDF}\"><rdf:Description xmlns:e=\"urn:e\">{}{}</rdf:Description></rdf:RDF>",
            "<e:a>".repeat(100),
            "</e:a>".repeat(100)
        );
        assert!(matches!(
            write(Some(deep.as_bytes()), &w),
            Err(ErrorKind::Malformed(_))
        ));
    }

    #[test]
    fn escaping_covers_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("a<b>&\"c\"\u{1}\n"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#10;"
        );
    }
}
