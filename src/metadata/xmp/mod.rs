//! XMP: RDF/XML read with a pull parser (quick-xml), keeping only the rights properties.
//!
//! Properties are matched on namespace URI and local name, never on the prefix a file chose
//! (prefixes are resolved here, against the `xmlns` declarations in scope). Both RDF forms are
//! read: attributes (`<rdf:Description cc:license="…">`) and elements (`<cc:license
//! rdf:resource="…"/>`, `<dc:rights><rdf:Alt><rdf:li …>`). Containers give one entry per
//! `rdf:li`; in an `rdf:Alt` the `x-default` item comes first. Properties nested in structures
//! (`plus:Licensor/rdf:Seq/rdf:li/plus:LicensorURL`) are found wherever they are. Evidence comes
//! in document order (a property's own values before anything found inside it).
//!
//! No tree is built: one pass over the events, with state only for the open elements. The work
//! is linear in the packet: attributes are not checked for duplicates (the check of a general
//! XML parser is quadratic in the attributes of one element), at most [`MAX_ATTRIBUTES`] are
//! looked at per element and [`MAX_NAMESPACES`] declarations are in scope at once (a prefix is
//! resolved by a scan of those), elements deeper than [`MAX_DEPTH`] are skipped, and at most
//! [`MAX_VALUES`] values are kept. Each limit hit is a problem naming it. A packet that is not
//! well-formed XML (mismatched or unclosed tags, an unbound prefix, an unknown entity, a DTD)
//! gives no evidence, only the problem.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

mod scan;

use super::text::{trim_nul, utf16};

use super::vocab::ns::{CC, DC, PHOTOSHOP, PLUS, RDF, XML, XMP_NOTE, XMP_RIGHTS};
use super::{Found, ProblemKind};
use crate::evidence::{Origin, origin};

/// Deeper than this, elements are not looked at (real XMP nests a dozen levels at most).
pub(crate) const MAX_DEPTH: usize = 64;
/// Attributes looked at per element. Camera Raw settings put a few hundred on one
/// `rdf:Description`; a packet with more is refused from that element on.
pub(crate) const MAX_ATTRIBUTES: usize = 4096;
/// Namespace declarations in scope at once (real packets declare a few dozen).
pub(crate) const MAX_NAMESPACES: usize = 512;
/// Rights values kept per packet.
pub(crate) const MAX_VALUES: usize = 4096;

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
    // Text-and-data-mining signals (IPTC 2023.1; the values in `vocab::dmi`).
    (PLUS, "DataMining", origin::XMP_PLUS_DATA_MINING),
    (PLUS, "OtherConstraints", origin::XMP_PLUS_OTHER_CONSTRAINTS),
];

/// Local names are matched regardless of case: some writers spell `dc:Creator` (exiftool
/// accepts it too); the origin keeps the standard spelling.
fn property(ns: Option<&str>, name: &str) -> Option<Origin> {
    let ns = ns?;
    // Most elements and attributes are RDF's or of a namespace this reader does not know.
    if ns == OTHER || ns == RDF {
        return None;
    }
    PROPERTIES
        .iter()
        .find(|(n, l, _)| *n == ns && l.eq_ignore_ascii_case(name))
        .map(|&(_, _, o)| o)
}

/// Reads one XMP packet found at file offset `base`. Returns the GUID of its Extended XMP
/// (`xmpNote:HasExtendedXMP`), if it names one.
pub(crate) fn read(bytes: &[u8], base: u64, found: &mut Found) -> Option<String> {
    #[cfg(test)]
    let scan = scan::ENABLED.get();
    #[cfg(not(test))]
    let scan = true;
    read_with(bytes, base, found, scan)
}

/// [`read`], with or without the scanner (the tests compare both).
fn read_with(bytes: &[u8], base: u64, found: &mut Found, scan: bool) -> Option<String> {
    if !found.spend(base, bytes.len(), "XMP packet") {
        return None;
    }
    let text = match packet_text(bytes) {
        Ok(t) => t,
        Err(msg) => {
            found.problem(base, ProblemKind::Malformed, msg);
            return None;
        }
    };
    // One state machine per thread, emptied between packets: its vectors keep their capacity
    // (bounded by the limits above) instead of growing again for every photo.
    PULL.with(|cell| match cell.try_borrow_mut() {
        Ok(mut pull) => finish(&mut pull, &text, base, found, scan),
        Err(_) => finish(&mut Pull::default(), &text, base, found, scan),
    })
}

thread_local! {
    static PULL: std::cell::RefCell<Pull> = std::cell::RefCell::default();
}

/// Reads the packet's text with `pull` and hands what it found to `found`.
fn finish(pull: &mut Pull, text: &str, base: u64, found: &mut Found, scan: bool) -> Option<String> {
    // The scanner reads the common forms of a packet; anything else (entities, CDATA, comments,
    // a DTD, a limit, an error) is read again, from the start, by the general pull parser, so
    // both give the same evidence and the same problems (see `scan.rs`).
    pull.reset();
    let outcome = if scan && scan::run(pull, text) {
        Ok(())
    } else {
        pull.reset();
        pull.run(text)
    };
    let (kind, message) = match outcome {
        Ok(()) => (None, None),
        Err(Stop::Invalid(msg)) => {
            found.problem(
                base,
                ProblemKind::Malformed,
                format!("XMP is not valid XML: {msg}"),
            );
            return None;
        }
        Err(Stop::Limit(msg)) => (Some(ProblemKind::TooLarge), Some(msg)),
    };
    // Values were recorded with their element's place in document order; a property's values
    // are known only at its end tag, after what its children gave.
    pull.values.sort_by_key(|v| v.key);
    for v in &pull.values {
        found.push(v.origin, &v.value);
    }
    if pull.too_deep {
        found.problem(
            base,
            ProblemKind::TooLarge,
            format!("XMP nests deeper than {MAX_DEPTH} elements; the deeper part was not read"),
        );
    }
    if let (Some(kind), Some(message)) = (kind, message) {
        found.problem(base, kind, message);
    }
    pull.extended.take()
}

/// Why reading stopped early.
pub(super) enum Stop {
    /// Not well-formed: nothing from the packet is kept.
    Invalid(String),
    /// A limit was hit: what was read before it is kept.
    Limit(String),
}

/// One value, with its place: (element number in document order, 0 for attributes and 1 for
/// the element's own values, index within those).
struct Value {
    key: (u32, u8, u32),
    origin: Origin,
    value: String,
}

/// What an open element is to the reader.
enum Role {
    Other,
    /// A rights property in element form.
    Property {
        node: u32,
        origin: Origin,
        /// It had `rdf:resource`: that is its value, nothing else is.
        resource: bool,
        text: String,
        element_children: u32,
        /// Its first element child is an RDF container: the items, and whether it is an Alt.
        items: Option<(bool, Vec<Item>)>,
    },
    /// The RDF container that is the first child of a property.
    Container,
    /// An `rdf:li` of such a container.
    Li {
        default: bool,
        resource: Option<String>,
        text: String,
        has_elements: bool,
    },
    /// `xmpNote:HasExtendedXMP` in element form.
    Extended {
        text: String,
    },
}

struct Item {
    default: bool,
    value: Option<String>,
}

/// An attribute of an element: its qualified name, and its value as written.
pub(super) struct Attr<'x> {
    key: &'x str,
    value: AttrValue<'x>,
}

enum AttrValue<'x> {
    /// A value the scanner saw needs no replacement (no `&`, tab or line break).
    Plain(&'x str),
    /// A value from quick-xml, normalized when asked for.
    Xml(quick_xml::events::attributes::Attribute<'x>),
}

impl<'x> Attr<'x> {
    pub(super) fn plain(key: &'x str, value: &'x str) -> Attr<'x> {
        Attr {
            key,
            value: AttrValue::Plain(value),
        }
    }

    /// The value with entities replaced and whitespace normalized (XML 1.0 §3.3.3).
    fn value(&self) -> Result<Cow<'x, str>, Stop> {
        match &self.value {
            AttrValue::Plain(v) => Ok(Cow::Borrowed(v)),
            AttrValue::Xml(a) => attribute_value(a),
        }
    }
}

/// The prefix an attribute declares (`xmlns` → "", `xmlns:p` → "p"), as quick-xml reads it.
fn binding(key: &str) -> Option<&str> {
    let rest = key.strip_prefix("xmlns")?;
    match rest.as_bytes().first() {
        None => Some(""),
        Some(b':') => Some(&rest[1..]),
        _ => None,
    }
}

/// (local name, prefix), split at the first colon as quick-xml does.
fn decompose(name: &str) -> (&str, Option<&str>) {
    match memchr::memchr(b':', name.as_bytes()) {
        Some(i) => (&name[i + 1..], Some(&name[..i])),
        None => (name, None),
    }
}

struct Frame {
    /// How many namespace declarations were in scope before this element's.
    scope: usize,
    role: Role,
}

/// Bytes of capacity a reused state machine keeps per vector between packets.
const KEPT_CAPACITY: usize = 64 * 1024;

#[derive(Default)]
pub(super) struct Pull {
    /// Declarations in scope, innermost last: (end of the prefix in `prefixes`, namespace);
    /// the default namespace has prefix "". The namespace is one of the URIs this reader
    /// knows, [`OTHER`] for any other URI, or `None` where `xmlns=""` removes the default
    /// namespace.
    namespaces: Vec<(usize, Option<&'static str>)>,
    /// The prefixes of `namespaces`, one after the other (one buffer, not one string each).
    prefixes: String,
    frames: Vec<Frame>,
    /// Open elements below [`MAX_DEPTH`], not tracked.
    untracked: usize,
    too_deep: bool,
    nodes: u32,
    values: Vec<Value>,
    extended: Option<String>,
    /// The scanner's scratch: byte ranges of the open elements' names, and of the attribute
    /// names and values of the tag being read.
    open: Vec<(usize, usize)>,
    attributes: Vec<[usize; 4]>,
}

impl Pull {
    /// Ready for the next packet (capacities kept, up to [`KEPT_CAPACITY`] bytes each, so a
    /// hostile packet does not leave its memory held by the thread).
    fn reset(&mut self) {
        fn trim<T>(v: &mut Vec<T>) {
            let most = KEPT_CAPACITY / std::mem::size_of::<T>().max(1);
            if v.capacity() > most {
                *v = Vec::new();
            }
        }
        trim(&mut self.namespaces);
        trim(&mut self.frames);
        trim(&mut self.values);
        trim(&mut self.open);
        trim(&mut self.attributes);
        if self.prefixes.capacity() > KEPT_CAPACITY {
            self.prefixes = String::new();
        }
        self.namespaces.clear();
        self.prefixes.clear();
        self.frames.clear();
        self.untracked = 0;
        self.too_deep = false;
        self.nodes = 0;
        self.values.clear();
        self.extended = None;
        self.open.clear();
        self.attributes.clear();
    }

    /// The prefix of declaration `i`.
    fn prefix(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.namespaces[i - 1].0 };
        &self.prefixes[start..self.namespaces[i].0]
    }

    /// Whether no element is open (the next start tag is a root).
    pub(super) fn at_top(&self) -> bool {
        self.frames.is_empty() && self.untracked == 0
    }

    /// Whether a part of the packet was too deep to be read.
    pub(super) fn too_deep(&self) -> bool {
        self.too_deep
    }

    fn run(&mut self, text: &str) -> Result<(), Stop> {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        let mut roots = 0u32;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| Stop::Invalid(format!("{e} (at byte {})", reader.error_position())))?;
            match event {
                Event::Start(e) => {
                    roots += u32::from(self.at_top());
                    self.start_xml(&e)?;
                }
                Event::Empty(e) => {
                    roots += u32::from(self.at_top());
                    self.start_xml(&e)?;
                    self.end()?;
                }
                Event::End(_) => self.end()?,
                Event::Text(t) => self.text(&t.xml10_content()),
                Event::CData(t) => {
                    let raw = t.into_inner();
                    self.text(&raw);
                }
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => predefined(&r)
                            .ok_or_else(|| Stop::Invalid(format!("unknown entity &{};", &*r)))?,
                        Err(e) => return Err(Stop::Invalid(e.to_string())),
                    };
                    self.text(c.encode_utf8(&mut [0; 4]));
                }
                Event::DocType(_) => {
                    return Err(Stop::Invalid("a DTD is not allowed in XMP".into()));
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
        if !self.frames.is_empty() || self.untracked > 0 {
            return Err(Stop::Invalid("the document ends inside an element".into()));
        }
        if roots == 0 {
            return Err(Stop::Invalid("no root element".into()));
        }
        Ok(())
    }

    fn limit(&self) -> Result<(), Stop> {
        if self.values.len() >= MAX_VALUES {
            return Err(Stop::Limit(format!(
                "XMP holds more than {MAX_VALUES} rights values; the rest were not read"
            )));
        }
        Ok(())
    }

    fn value(&mut self, key: (u32, u8, u32), origin: Origin, value: String) -> Result<(), Stop> {
        self.limit()?;
        self.values.push(Value { key, origin, value });
        Ok(())
    }

    fn resolve(&self, prefix: Option<&str>, attribute: bool) -> Result<Option<&'static str>, Stop> {
        let p = match prefix {
            None if attribute => return Ok(None),
            None => "",
            Some("xml") => return Ok(Some(XML)),
            Some(p) => p,
        };
        match (0..self.namespaces.len())
            .rev()
            .find(|&i| self.prefix(i) == p)
        {
            Some(i) => Ok(self.namespaces[i].1),
            None if p.is_empty() => Ok(None),
            None => Err(Stop::Invalid(format!("unbound namespace prefix {p:?}"))),
        }
    }

    /// A start tag read by quick-xml.
    fn start_xml(&mut self, e: &BytesStart<'_>) -> Result<(), Stop> {
        let mut attributes = e.attributes();
        attributes.with_checks(false);
        let attributes = attributes.map(|a| {
            a.map(|a| Attr {
                key: a.key.into_inner(),
                value: AttrValue::Xml(a),
            })
            .map_err(|err| Stop::Invalid(err.to_string()))
        });
        self.start(e.name().into_inner(), attributes)
    }

    /// A start tag: its qualified name and its attributes (read twice: declarations first).
    pub(super) fn start<'x>(
        &mut self,
        name: &'x str,
        attributes: impl Iterator<Item = Result<Attr<'x>, Stop>> + Clone,
    ) -> Result<(), Stop> {
        if self.frames.len() >= MAX_DEPTH || self.untracked > 0 {
            self.untracked += 1;
            self.too_deep = true;
            return Ok(());
        }
        self.nodes = self.nodes.saturating_add(1);
        let node = self.nodes;
        let scope = self.namespaces.len();
        let too_many = || {
            Stop::Limit(format!(
                "an XMP element has more than {MAX_ATTRIBUTES} attributes; the packet was read up to it"
            ))
        };
        // Declarations first: they apply to the element's own name and attributes.
        for (i, a) in attributes.clone().enumerate() {
            if i >= MAX_ATTRIBUTES {
                return Err(too_many());
            }
            let a = a?;
            let Some(prefix) = binding(a.key) else {
                continue;
            };
            if self.namespaces.len() >= MAX_NAMESPACES {
                return Err(Stop::Limit(format!(
                    "XMP declares more than {MAX_NAMESPACES} namespaces at once; the packet was read up to there"
                )));
            }
            let uri = a.value()?;
            self.prefixes.push_str(prefix);
            self.namespaces.push((self.prefixes.len(), known(&uri)));
        }
        let (local, prefix) = decompose(name);
        let ns = self.resolve(prefix, false)?;

        let mut lang_default = false;
        let mut resource: Option<String> = None;
        let mut attr_values = Vec::new();
        for (i, a) in attributes.enumerate() {
            if i >= MAX_ATTRIBUTES {
                return Err(too_many());
            }
            let a = a?;
            if binding(a.key).is_some() {
                continue;
            }
            let (alocal, aprefix) = decompose(a.key);
            let Some(ans) = self.resolve(aprefix, true)? else {
                continue;
            };
            if let Some(o) = property(Some(ans), alocal) {
                attr_values.push((o, a.value()?.into_owned()));
            } else if ans == XMP_NOTE && alocal == "HasExtendedXMP" {
                self.extended = Some(a.value()?.into_owned());
            } else if ans == RDF && alocal == "resource" {
                resource = Some(a.value()?.into_owned());
            } else if ans == XML && alocal == "lang" {
                lang_default = a.value()? == "x-default";
            }
        }
        for (i, (o, v)) in attr_values.into_iter().enumerate() {
            self.value((node, 0, i as u32), o, v)?;
        }

        let is_rdf = ns == Some(RDF);
        // What the element is to its parent.
        let mut role = Role::Other;
        match self.frames.last_mut().map(|f| &mut f.role) {
            Some(Role::Property {
                element_children,
                items,
                resource: false,
                ..
            }) => {
                *element_children += 1;
                if *element_children == 1 && is_rdf && matches!(local, "Alt" | "Seq" | "Bag") {
                    *items = Some((local == "Alt", Vec::new()));
                    role = Role::Container;
                }
            }
            Some(Role::Property {
                element_children, ..
            }) => *element_children += 1,
            Some(Role::Container) if is_rdf && local == "li" => {
                role = Role::Li {
                    default: lang_default,
                    resource: resource.clone(),
                    text: String::new(),
                    has_elements: false,
                };
            }
            Some(Role::Li { has_elements, .. }) => *has_elements = true,
            _ => {}
        }
        if let Some(o) = property(ns, local) {
            let resource = match resource {
                Some(r) => {
                    self.value((node, 1, 0), o, r)?;
                    true
                }
                None => false,
            };
            role = Role::Property {
                node,
                origin: o,
                resource,
                text: String::new(),
                element_children: 0,
                items: None,
            };
        } else if ns == Some(XMP_NOTE) && local == "HasExtendedXMP" {
            role = Role::Extended {
                text: String::new(),
            };
        }
        self.frames.push(Frame { scope, role });
        Ok(())
    }

    pub(super) fn text(&mut self, t: &str) {
        if self.untracked > 0 {
            return;
        }
        match self.frames.last_mut().map(|f| &mut f.role) {
            Some(Role::Property {
                text,
                element_children: 0,
                resource: false,
                ..
            })
            | Some(Role::Li {
                text,
                has_elements: false,
                resource: None,
                ..
            })
            | Some(Role::Extended { text }) => text.push_str(t),
            _ => {}
        }
    }

    pub(super) fn end(&mut self) -> Result<(), Stop> {
        if self.untracked > 0 {
            self.untracked -= 1;
            return Ok(());
        }
        let Some(frame) = self.frames.pop() else {
            return Ok(());
        };
        self.namespaces.truncate(frame.scope);
        self.prefixes
            .truncate(self.namespaces.last().map_or(0, |&(end, _)| end));
        match frame.role {
            Role::Property {
                node,
                origin,
                resource: false,
                text,
                element_children,
                items,
            } => {
                if element_children == 0 {
                    self.value((node, 1, 0), origin, text)?;
                } else if let Some((alt, items)) = items {
                    // In an Alt, the first x-default item comes first.
                    let default = if alt {
                        items.iter().position(|i| i.default)
                    } else {
                        None
                    };
                    let order = default
                        .into_iter()
                        .chain((0..items.len()).filter(|&j| Some(j) != default));
                    let mut items: Vec<Option<String>> =
                        items.into_iter().map(|i| i.value).collect();
                    for (k, j) in order.enumerate() {
                        if let Some(v) = items[j].take() {
                            self.value((node, 1, k as u32), origin, v)?;
                        }
                    }
                }
            }
            Role::Li {
                default,
                resource,
                text,
                has_elements,
            } => {
                let value = match resource {
                    Some(r) => Some(r),
                    None if !has_elements => Some(text),
                    None => None,
                };
                // The container's parent is the property collecting the items.
                let n = self.frames.len();
                if n >= 2
                    && let Role::Property {
                        items: Some((_, items)),
                        ..
                    } = &mut self.frames[n - 2].role
                {
                    if items.len() >= MAX_VALUES {
                        return self.limit().and(Err(Stop::Limit(format!(
                            "an XMP container holds more than {MAX_VALUES} items; the rest were not read"
                        ))));
                    }
                    items.push(Item { default, value });
                }
            }
            Role::Extended { text } => self.extended = Some(text),
            _ => {}
        }
        Ok(())
    }
}

/// Any namespace other than those this reader knows.
const OTHER: &str = "";

/// The known namespace a URI names, or [`OTHER`]; `None` for the empty URI (`xmlns=""`).
fn known(uri: &str) -> Option<&'static str> {
    if uri.is_empty() {
        return None;
    }
    Some(
        [RDF, XML, CC, XMP_RIGHTS, DC, PHOTOSHOP, PLUS, XMP_NOTE]
            .into_iter()
            .find(|k| *k == uri)
            .unwrap_or(OTHER),
    )
}

/// An attribute's value with entities replaced and whitespace normalized (XML 1.0 §3.3.3).
fn attribute_value<'a>(
    a: &quick_xml::events::attributes::Attribute<'a>,
) -> Result<Cow<'a, str>, Stop> {
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map_err(|e| Stop::Invalid(e.to_string()))
}

/// The five entities XML predefines.
pub(super) fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
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

    #[test]
    fn many_attributes_stop_at_the_limit_with_a_problem() {
        let attrs: String = (0..20_000).map(|i| format!(" a{i}=\"x\"")).collect();
        let s = format!(
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description dc:source="S"/><rdf:Description{attrs}/></rdf:RDF>"#
        );
        let (ev, f) = read_str(&s);
        assert_eq!(ev, [("xmp:dc:source".to_owned(), "S".to_owned())]);
        assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
        assert!(f.problems[0].message.contains("4096"), "{}", f.problems[0]);
    }

    #[test]
    fn entities_cdata_and_unbound_prefixes() {
        let (ev, f) = read_str(
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description dc:publisher="A &amp; B"><dc:source>&#169; C &lt;<![CDATA[&x]]></dc:source></rdf:Description></rdf:RDF>"#,
        );
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        let got: Vec<&str> = ev.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(got, ["A & B", "© C <&x"]);
        let (ev, f) = read_str(r#"<rdf:RDF><q:x/></rdf:RDF>"#);
        assert!(ev.is_empty());
        assert_eq!(f.problems[0].kind, ProblemKind::Malformed);
    }
}
