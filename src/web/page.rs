//! An HTML page → the images it shows and, for each, the credit publishers put next to it.
//!
//! Images: `img` (its `src`, lazy-loading `data-src`, the largest `srcset` candidate, and the
//! `source`s of its `picture` as alternates), `og:image`, and `ImageObject`s of JSON-LD and
//! microdata that no `img` shows. For each image, in this order:
//!
//! | source | origin |
//! |---|---|
//! | `alt`, `title` | `html:alt`, `html:title` |
//! | the `figcaption` of its `figure` | `html:figcaption` |
//! | elements of its figure or wrapper whose class, id or itemprop says credit, copyright, byline, attribution, photographer (`html:credit`) or caption (`html:caption`) | `html:credit`, `html:caption` |
//! | `rel="license"` links there | `html:rel-license` |
//! | RDFa there or `about` the image: `cc:attributionName`, `dct:title`, `xhv:license`/`cc:license` | `rdfa:…` |
//! | the paragraph right after (or, failing that, before) the image or its wrapper, when it reads like a credit (`Photo by …`, a license, `©`) | `html:nearby-credit` |
//! | microdata `ImageObject` holding it or naming it | `microdata:…` |
//! | JSON-LD `ImageObject` naming it by `contentUrl`/`url` | `jsonld:…` |
//!
//! The "wrapper" of an image is the largest ancestor that holds no other image and little text
//! (so an article body is never taken for a caption). Page-wide `rel="license"` links (in the
//! head, in a footer) go to [`PageImage::page_wide`] only when the page shows a single image: a
//! site's license for its text says nothing about the photos of a gallery.
//!
//! Everything is bounded by [`PageLimits`]: the HTML read, the images reported, and the size
//! and depth of JSON-LD.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

use crate::evidence::{Evidence, Origin, origin as o};
use crate::license;

/// Limits on what one page may cost.
#[derive(Clone, Debug)]
pub struct PageLimits {
    /// HTML beyond this is not read.
    pub max_html_bytes: usize,
    /// Images beyond this are not reported.
    pub max_images: usize,
    /// A JSON-LD script larger than this is skipped.
    pub max_jsonld_bytes: usize,
    /// All JSON-LD of the page together.
    pub max_jsonld_total: usize,
    /// Nesting deeper than this is not searched for `ImageObject`s.
    pub max_jsonld_depth: usize,
}

impl Default for PageLimits {
    fn default() -> PageLimits {
        PageLimits {
            max_html_bytes: 8 * 1024 * 1024,
            max_images: 1000,
            max_jsonld_bytes: 512 * 1024,
            max_jsonld_total: 2 * 1024 * 1024,
            max_jsonld_depth: 24,
        }
    }
}

/// How an image was found on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FoundBy {
    Img,
    OgImage,
    JsonLd,
    Microdata,
}

/// One image of a page and the evidence about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageImage {
    /// The image URL: resolved against the page's URL (and `<base>`) when there is one, else
    /// as written.
    pub src: String,
    /// Other URLs of the same image (`srcset` candidates, `picture` sources, `og:image`).
    pub alternates: Vec<String>,
    /// Evidence found around the image (its `location` is left empty: the caller knows the
    /// page's name; see [`PageImage::line`]).
    pub evidence: Vec<Evidence>,
    /// Evidence about the whole page that applies to this, its only image.
    pub page_wide: Vec<Evidence>,
    /// 1-based line of the element in the HTML, when it could be found.
    pub line: Option<usize>,
    pub found_by: FoundBy,
}

/// What [`scan_html`] found.
#[derive(Clone, Debug, Default)]
pub struct PageScan {
    pub images: Vec<PageImage>,
    /// Limits hit and markup that could not be read, each saying what.
    pub problems: Vec<String>,
}

/// The images of a page with their evidence, within the default [`PageLimits`].
///
/// ```
/// let html = r#"<figure><img src="a.jpg" alt="A cat">
///   <figcaption>Photo: Jane Doe (CC BY 4.0)</figcaption></figure>"#;
/// let base = licit::web::Url::parse("https://example.org/post/").unwrap();
/// let images = licit::web::images_in_html(html, Some(&base));
/// assert_eq!(images[0].src, "https://example.org/post/a.jpg");
/// assert_eq!(images[0].evidence[1].origin.as_str(), "html:figcaption");
/// ```
pub fn images_in_html(html: &str, base_url: Option<&Url>) -> Vec<PageImage> {
    scan_html(html, base_url, &PageLimits::default()).images
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selectors in this module are valid")
}

/// The text of an element, whitespace collapsed, gathering at most about `max` bytes.
fn text_of(el: ElementRef<'_>, max: usize) -> String {
    let mut raw = String::new();
    for t in el.text() {
        raw.push_str(t);
        if raw.len() > max.saturating_mul(2) {
            break;
        }
    }
    let mut out = String::with_capacity(raw.len().min(max + 4));
    for w in raw.split_whitespace() {
        if out.len() + w.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Text length of an element, counting no further than `max`.
fn text_len_upto(el: ElementRef<'_>, max: usize) -> usize {
    let mut n = 0;
    for t in el.text() {
        n += t.trim().len();
        if n > max {
            break;
        }
    }
    n
}

/// Words a credit line starts with (lower case).
const CREDIT_STARTS: &[&str] = &[
    "photo",
    "image",
    "picture",
    "pic:",
    "credit",
    "©",
    "(c)",
    "copyright",
    "foto",
    "source:",
    "courtesy",
    "illustration",
    "graphic",
    "bild",
    "crédit",
];

/// Whether a short text reads like a credit: it starts like one, or names a license or a rights
/// statement.
fn looks_like_credit(text: &str) -> bool {
    if text.is_empty() || text.len() > 400 {
        return false;
    }
    let lower = text.to_lowercase();
    if CREDIT_STARTS.iter().any(|w| lower.starts_with(w)) {
        return true;
    }
    let scan = license::scan(text);
    !scan.licenses().is_empty() || !scan.statements.is_empty()
}

/// Class, id or itemprop words that mark a credit or a caption.
const CREDIT_MARKS: &[&str] = &[
    "credit",
    "copyright",
    "byline",
    "attribution",
    "photographer",
    "license",
    "licence",
];

fn credit_mark(el: ElementRef<'_>) -> Option<Origin> {
    let v = el.value();
    let mut words = String::new();
    for a in ["class", "id", "itemprop"] {
        if let Some(s) = v.attr(a) {
            words.push_str(&s.to_ascii_lowercase());
            words.push(' ');
        }
    }
    if CREDIT_MARKS.iter().any(|m| words.contains(m)) {
        Some(o::HTML_CREDIT)
    } else if words.contains("caption") {
        Some(o::HTML_CAPTION)
    } else {
        None
    }
}

/// Elements never taken for an image's wrapper.
const SECTIONING: &[&str] = &[
    "html", "body", "main", "article", "section", "header", "footer", "nav", "aside", "ul", "ol",
    "table", "tbody",
];

fn is_element(node: ego_tree::NodeRef<'_, Node>, name: &str) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == name)
}

fn tokens(s: Option<&str>) -> impl Iterator<Item = String> + '_ {
    s.unwrap_or("")
        .split_whitespace()
        .map(str::to_ascii_lowercase)
}

struct Ctx<'a> {
    base: Option<Url>,
    limits: &'a PageLimits,
    img: Selector,
    figcaption: Selector,
    all: Selector,
    /// Byte offsets of line starts, for line numbers.
    lines: Vec<usize>,
    source: &'a str,
    /// Where the last line search ended (elements come in document order).
    cursor: usize,
}

impl Ctx<'_> {
    fn resolve(&self, s: &str) -> String {
        let s = s.trim();
        match &self.base {
            Some(b) => b.join(s).map_or_else(
                |_| s.to_string(),
                |mut u| {
                    u.set_fragment(None);
                    u.to_string()
                },
            ),
            None => s.to_string(),
        }
    }

    /// The line of the first occurrence of `needle` at or after the cursor, inside a tag named
    /// `tag` when one is given (so an `og:image` naming the same URL is not taken for the
    /// `img`).
    fn line_of(&mut self, needle: &str, tag: Option<&str>) -> Option<usize> {
        let needle = needle.split('&').next().unwrap_or(needle);
        if needle.is_empty() {
            return None;
        }
        let in_tag = |at: usize| {
            let Some(tag) = tag else { return true };
            let Some(lt) = self.source[..at].rfind('<') else {
                return false;
            };
            let open = &self.source.as_bytes()[lt + 1..];
            open.len() > tag.len()
                && open[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
                && !open[tag.len()].is_ascii_alphanumeric()
        };
        let find_from = |from: usize| {
            let mut from = from;
            while let Some(i) = self.source.get(from..).and_then(|s| s.find(needle)) {
                let at = from + i;
                if in_tag(at) {
                    return Some(at);
                }
                from = at + needle.len();
            }
            None
        };
        let at = find_from(self.cursor).or_else(|| find_from(0))?;
        self.cursor = at;
        Some(self.lines.partition_point(|&l| l <= at))
    }
}

/// The image URL of an `img`: `src` (or a lazy-loading attribute), else the largest `srcset`
/// candidate; and every other candidate.
fn img_urls(img: ElementRef<'_>, ctx: &Ctx<'_>) -> Option<(String, Vec<String>)> {
    let v = img.value();
    let real = |s: &&str| !s.trim().is_empty() && !s.trim_start().starts_with("data:");
    let src = ["src", "data-src", "data-lazy-src", "data-original"]
        .iter()
        .find_map(|a| v.attr(a).filter(real));
    let mut alternates = Vec::new();
    let mut best: Option<(f64, String)> = None;
    let mut add_srcset = |s: Option<&str>, alts: &mut Vec<String>| {
        for (url, size) in parse_srcset(s.unwrap_or("")) {
            if url.starts_with("data:") {
                continue;
            }
            let u = ctx.resolve(url);
            if best.as_ref().is_none_or(|(b, _)| size > *b) {
                best = Some((size, u.clone()));
            }
            alts.push(u);
        }
    };
    add_srcset(v.attr("srcset").or(v.attr("data-srcset")), &mut alternates);
    if let Some(picture) = img.parent().filter(|p| is_element(*p, "picture")) {
        for source in picture.children().filter_map(ElementRef::wrap) {
            if source.value().name() == "source" {
                add_srcset(source.value().attr("srcset"), &mut alternates);
                if let Some(s) = source.value().attr("src").filter(real) {
                    alternates.push(ctx.resolve(s));
                }
            }
        }
    }
    let src = match src {
        Some(s) => ctx.resolve(s),
        None => best?.1,
    };
    alternates.retain(|a| *a != src);
    alternates.dedup();
    Some((src, alternates))
}

/// `srcset` candidates: (URL, width or density; 1 when none is given).
fn parse_srcset(s: &str) -> Vec<(&str, f64)> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() || out.len() >= 64 {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut url = &rest[..end];
        rest = &rest[end..];
        let mut size = 1.0;
        if let Some(u) = url.strip_suffix(',') {
            url = u;
        } else {
            let dend = rest.find(',').unwrap_or(rest.len());
            for d in rest[..dend].split_whitespace() {
                if let Some(n) = d
                    .strip_suffix(['w', 'x'])
                    .and_then(|n| n.parse::<f64>().ok())
                {
                    size = n;
                }
            }
            rest = &rest[dend..];
        }
        out.push((url, size));
    }
    out
}

/// The wrapper of an image: its `figure`, else the largest ancestor holding no other image and
/// little text.
fn wrapper_of<'a>(img: ElementRef<'a>, ctx: &Ctx<'_>) -> (ElementRef<'a>, bool) {
    if let Some(fig) = img
        .ancestors()
        .take(8)
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "figure")
    {
        return (fig, true);
    }
    let mut w = img;
    for a in img.ancestors().take(4).filter_map(ElementRef::wrap) {
        if SECTIONING.contains(&a.value().name())
            || a.select(&ctx.img).take(2).count() > 1
            || text_len_upto(a, 300) > 300
        {
            break;
        }
        w = a;
    }
    (w, false)
}

/// Reads RDFa and `rel="license"` inside `scope` into `ev`; records the license links used.
fn links_and_rdfa(
    scope: ElementRef<'_>,
    ctx: &Ctx<'_>,
    ev: &mut Vec<Evidence>,
    used: &mut HashSet<NodeId>,
) {
    for el in std::iter::once(scope).chain(scope.descendent_elements()) {
        let v = el.value();
        let target = v
            .attr("href")
            .or(v.attr("resource"))
            .or(v.attr("content"))
            .map(|h| ctx.resolve(h));
        for rel in tokens(v.attr("rel")) {
            let origin = if rel == "license" {
                o::HTML_REL_LICENSE
            } else if rel.ends_with(":license") {
                o::RDFA_LICENSE
            } else {
                continue;
            };
            let value = target.clone().unwrap_or_else(|| text_of(el, 300));
            used.insert(el.id());
            ev.push(Evidence::new(origin, value));
        }
        for prop in tokens(v.attr("property")) {
            let origin = if prop.ends_with("attributionname") {
                o::RDFA_ATTRIBUTION_NAME
            } else if matches!(prop.as_str(), "dct:title" | "dc:title" | "dcterms:title")
                || prop.ends_with("/dc/terms/title")
                || prop.ends_with("/dc/elements/1.1/title")
            {
                o::RDFA_TITLE
            } else if prop.ends_with(":license") || prop.ends_with("/license") {
                o::RDFA_LICENSE
            } else {
                continue;
            };
            let value = match origin {
                o::RDFA_LICENSE => target.clone().unwrap_or_else(|| text_of(el, 300)),
                _ => v
                    .attr("content")
                    .map(str::to_string)
                    .unwrap_or_else(|| text_of(el, 300)),
            };
            used.insert(el.id());
            ev.push(Evidence::new(origin, value));
        }
    }
}

/// The paragraph next to `w` (after it, else before it) when it reads like a credit and belongs
/// to no other image.
fn sibling<'a>(
    mut n: Option<ego_tree::NodeRef<'a, Node>>,
    forward: bool,
) -> Option<ElementRef<'a>> {
    while let Some(node) = n {
        if let Some(el) = ElementRef::wrap(node) {
            return Some(el);
        }
        if node.value().as_text().is_some_and(|t| !t.trim().is_empty()) {
            return None;
        }
        n = if forward {
            node.next_sibling()
        } else {
            node.prev_sibling()
        };
    }
    None
}

fn nearby_credit(w: ElementRef<'_>, ctx: &Ctx<'_>) -> Option<String> {
    let candidate = |el: ElementRef<'_>| {
        let name = el.value().name();
        if !matches!(
            name,
            "p" | "div" | "span" | "small" | "em" | "i" | "cite" | "figcaption"
        ) || el.select(&ctx.img).next().is_some()
        {
            return None;
        }
        let t = text_of(el, 500);
        looks_like_credit(&t).then_some(t)
    };
    if let Some(t) = sibling(w.next_sibling(), true).and_then(candidate) {
        return Some(t);
    }
    let before = sibling(w.prev_sibling(), false)?;
    let t = candidate(before)?;
    // A credit before this image that follows another image is that image's credit.
    let owner = sibling(before.prev_sibling(), false);
    if owner.is_some_and(|p| p.value().name() == "img" || p.select(&ctx.img).next().is_some()) {
        return None;
    }
    Some(t)
}

/// The evidence around one `img`.
fn img_evidence(img: ElementRef<'_>, ctx: &Ctx<'_>, used: &mut HashSet<NodeId>) -> Vec<Evidence> {
    let mut ev = Vec::new();
    let v = img.value();
    for (attr, origin) in [("alt", o::HTML_ALT), ("title", o::HTML_TITLE)] {
        if let Some(a) = v.attr(attr).map(str::trim).filter(|a| !a.is_empty()) {
            ev.push(Evidence::new(origin, a));
        }
    }
    let (w, is_figure) = wrapper_of(img, ctx);
    let mut captioned = false;
    if is_figure {
        for cap in w.select(&ctx.figcaption) {
            let t = text_of(cap, 2000);
            if !t.is_empty() {
                ev.push(Evidence::new(o::HTML_FIGCAPTION, t));
                captioned = true;
            }
        }
    }
    // Credit-marked elements inside the wrapper, outside figcaptions, not wrapping the image,
    // and not inside another one taken.
    let mut taken: Vec<NodeId> = Vec::new();
    for el in w.select(&ctx.all) {
        if el.id() == img.id() || el.value().name() == "figcaption" {
            continue;
        }
        let Some(origin) = credit_mark(el) else {
            continue;
        };
        let inside_taken = el
            .ancestors()
            .any(|a| taken.contains(&a.id()) || (is_figure && is_element(a, "figcaption")));
        if inside_taken || el.select(&ctx.img).next().is_some() || el.value().attr("rel").is_some()
        {
            continue;
        }
        let t = text_of(el, 2000);
        if !t.is_empty() {
            taken.push(el.id());
            ev.push(Evidence::new(origin, t));
            captioned = true;
        }
    }
    let before = ev.len();
    links_and_rdfa(w, ctx, &mut ev, used);
    let rdfa = ev[before..].iter().any(|e| e.origin.family() == "rdfa");
    if w.id() != img.id() && w.value().name() != "figure" && !captioned && !rdfa {
        // A wrapper such as <p><img> Photo: …</p> holds its own credit.
        let t = text_of(w, 500);
        if looks_like_credit(&t) {
            ev.insert(before, Evidence::new(o::HTML_NEARBY_CREDIT, t));
            captioned = true;
        }
    }
    if !captioned && let Some(t) = nearby_credit(w, ctx) {
        ev.push(Evidence::new(o::HTML_NEARBY_CREDIT, t));
    }
    ev
}

/// Microdata `ImageObject` properties: (itemprop, origin).
const ITEMPROPS: &[(&str, Origin)] = &[
    ("license", o::MICRODATA_LICENSE),
    ("acquirelicensepage", o::MICRODATA_ACQUIRE_LICENSE_PAGE),
    ("credittext", o::MICRODATA_CREDIT_TEXT),
    ("creator", o::MICRODATA_CREATOR),
    ("author", o::MICRODATA_CREATOR),
    ("copyrightnotice", o::MICRODATA_COPYRIGHT_NOTICE),
    ("copyrightholder", o::MICRODATA_COPYRIGHT_HOLDER),
];

/// The value of a microdata property element.
fn itemprop_value(el: ElementRef<'_>, ctx: &Ctx<'_>) -> String {
    let v = el.value();
    match v.name() {
        "meta" => v.attr("content").unwrap_or("").trim().to_string(),
        "a" | "link" | "area" => v.attr("href").map(|h| ctx.resolve(h)).unwrap_or_default(),
        "img" | "source" | "audio" | "video" | "embed" | "iframe" => {
            v.attr("src").map(|h| ctx.resolve(h)).unwrap_or_default()
        }
        "time" => v
            .attr("datetime")
            .map(str::to_string)
            .unwrap_or_else(|| text_of(el, 300)),
        _ => v
            .attr("content")
            .map(str::to_string)
            .unwrap_or_else(|| text_of(el, 2000)),
    }
}

/// One microdata `ImageObject`: its URLs, its first `img`, and its evidence.
struct MicroImage {
    urls: Vec<String>,
    img: Option<NodeId>,
    evidence: Vec<Evidence>,
    line_hint: String,
}

fn microdata(doc: &Html, ctx: &Ctx<'_>) -> Vec<MicroImage> {
    let scopes = sel("[itemscope][itemtype]");
    let mut out = Vec::new();
    for scope in doc.select(&scopes) {
        let t = scope
            .value()
            .attr("itemtype")
            .unwrap_or("")
            .to_ascii_lowercase();
        if !(t.contains("schema.org/imageobject") || t.contains("schema.org/photograph")) {
            continue;
        }
        let mut m = MicroImage {
            urls: Vec::new(),
            img: None,
            evidence: Vec::new(),
            line_hint: String::new(),
        };
        for el in scope.descendent_elements() {
            if m.img.is_none() && el.value().name() == "img" {
                m.img = Some(el.id());
            }
            // Properties of this scope only: the nearest itemscope above is `scope`.
            let owner = el
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().attr("itemscope").is_some());
            if owner.map(|a| a.id()) != Some(scope.id()) {
                continue;
            }
            for prop in tokens(el.value().attr("itemprop")) {
                if prop == "contenturl" || prop == "url" {
                    let u = itemprop_value(el, ctx);
                    if !u.is_empty() {
                        m.line_hint = el
                            .value()
                            .attr("content")
                            .or(el.value().attr("src"))
                            .or(el.value().attr("href"))
                            .unwrap_or("")
                            .to_string();
                        m.urls.push(u);
                    }
                    continue;
                }
                let Some((_, origin)) = ITEMPROPS.iter().find(|(p, _)| *p == prop) else {
                    continue;
                };
                let value = if el.value().attr("itemscope").is_some() {
                    // A nested Person or Organization: its name.
                    el.descendent_elements()
                        .find(|d| tokens(d.value().attr("itemprop")).any(|p| p == "name"))
                        .map(|d| itemprop_value(d, ctx))
                        .unwrap_or_else(|| text_of(el, 300))
                } else {
                    itemprop_value(el, ctx)
                };
                if !value.is_empty() {
                    m.evidence.push(Evidence::new(*origin, value));
                }
            }
        }
        out.push(m);
    }
    out
}

/// One JSON-LD `ImageObject`.
struct LdImage {
    urls: Vec<String>,
    evidence: Vec<Evidence>,
}

/// The texts of a JSON-LD value: a string, an object's `name`/`@id`/`url`, or each of a list.
fn ld_texts(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
        serde_json::Value::Array(a) => a.iter().take(32).for_each(|x| ld_texts(x, out)),
        serde_json::Value::Object(m) => {
            if let Some(x) = ["name", "@id", "url"].iter().find_map(|k| m.get(*k)) {
                ld_texts(x, out);
            }
        }
        _ => {}
    }
}

fn is_image_object(m: &serde_json::Map<String, serde_json::Value>) -> bool {
    let is = |s: &str| {
        let s = s.rsplit(['/', ':']).next().unwrap_or(s);
        s == "ImageObject" || s == "Photograph"
    };
    match m.get("@type") {
        Some(serde_json::Value::String(s)) => is(s),
        Some(serde_json::Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

const LD_PROPS: &[(&str, Origin)] = &[
    ("license", o::JSONLD_LICENSE),
    ("acquireLicensePage", o::JSONLD_ACQUIRE_LICENSE_PAGE),
    ("creditText", o::JSONLD_CREDIT_TEXT),
    ("creator", o::JSONLD_CREATOR),
    ("author", o::JSONLD_CREATOR),
    ("copyrightNotice", o::JSONLD_COPYRIGHT_NOTICE),
    ("copyrightHolder", o::JSONLD_COPYRIGHT_HOLDER),
];

fn json_ld(doc: &Html, ctx: &Ctx<'_>, problems: &mut Vec<String>) -> Vec<LdImage> {
    let scripts = sel(r#"script[type="application/ld+json"]"#);
    let mut out = Vec::new();
    let mut total = 0usize;
    for script in doc.select(&scripts) {
        let text: String = script.text().collect();
        total += text.len();
        if text.len() > ctx.limits.max_jsonld_bytes || total > ctx.limits.max_jsonld_total {
            problems.push(format!(
                "a JSON-LD script of {} bytes was skipped (limits: {} per script, {} per page)",
                text.len(),
                ctx.limits.max_jsonld_bytes,
                ctx.limits.max_jsonld_total
            ));
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("a JSON-LD script is not valid JSON ({e})"));
                continue;
            }
        };
        let mut stack = vec![(&value, 0usize)];
        let mut visited = 0usize;
        while let Some((v, depth)) = stack.pop() {
            visited += 1;
            if depth > ctx.limits.max_jsonld_depth || visited > 100_000 {
                problems
                    .push("JSON-LD nested too deeply or too large; the rest was skipped".into());
                break;
            }
            match v {
                serde_json::Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth + 1))),
                serde_json::Value::Object(m) => {
                    if is_image_object(m) {
                        let mut img = LdImage {
                            urls: Vec::new(),
                            evidence: Vec::new(),
                        };
                        for k in ["contentUrl", "url", "@id"] {
                            let mut u = Vec::new();
                            if let Some(x) = m.get(k) {
                                ld_texts(x, &mut u);
                            }
                            img.urls.extend(u.iter().map(|s| ctx.resolve(s)));
                        }
                        for (k, origin) in LD_PROPS {
                            let mut vals = Vec::new();
                            if let Some(x) = m.get(*k) {
                                ld_texts(x, &mut vals);
                            }
                            img.evidence
                                .extend(vals.into_iter().map(|s| Evidence::new(*origin, s)));
                        }
                        out.push(img);
                    }
                    stack.extend(m.values().rev().map(|x| (x, depth + 1)));
                }
                _ => {}
            }
        }
    }
    out
}

/// Reads a page's images and their evidence within `limits`. `base_url` resolves relative
/// image URLs (a `<base href>` in the page is honoured on top of it).
pub fn scan_html(html: &str, base_url: Option<&Url>, limits: &PageLimits) -> PageScan {
    let mut scan = PageScan::default();
    let html = if html.len() > limits.max_html_bytes {
        let mut cut = limits.max_html_bytes;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        scan.problems.push(format!(
            "the page is {} bytes; only the first {} were read",
            html.len(),
            limits.max_html_bytes
        ));
        &html[..cut]
    } else {
        html
    };
    let doc = Html::parse_document(html);
    let mut base = base_url.cloned();
    if let Some(href) = doc
        .select(&sel("base[href]"))
        .next()
        .and_then(|b| b.value().attr("href"))
    {
        base = match &base {
            Some(b) => b.join(href.trim()).ok().or(base),
            None => Url::parse(href.trim()).ok(),
        };
    }
    let mut lines = vec![0];
    lines.extend(memchr::memchr_iter(b'\n', html.as_bytes()).map(|i| i + 1));
    let mut ctx = Ctx {
        base,
        limits,
        img: sel("img"),
        figcaption: sel("figcaption"),
        all: sel("*"),
        lines,
        source: html,
        cursor: 0,
    };
    let mut used_links = HashSet::new();
    let mut by_node: HashMap<NodeId, usize> = HashMap::new();
    let mut skipped = 0usize;
    let img_sel = sel("img");
    for img in doc.select(&img_sel) {
        let tiny = ["width", "height"]
            .iter()
            .any(|a| matches!(img.value().attr(a).map(str::trim), Some("0" | "1")));
        let Some((src, alternates)) = img_urls(img, &ctx) else {
            continue;
        };
        if tiny {
            continue;
        }
        if scan.images.len() >= limits.max_images {
            skipped += 1;
            continue;
        }
        let raw = img.value().attr("src").unwrap_or(&src).to_string();
        let line = ctx.line_of(&raw, Some("img"));
        let evidence = img_evidence(img, &ctx, &mut used_links);
        by_node.insert(img.id(), scan.images.len());
        scan.images.push(PageImage {
            src,
            alternates,
            evidence,
            page_wide: Vec::new(),
            line,
            found_by: FoundBy::Img,
        });
    }
    if skipped > 0 {
        scan.problems.push(format!(
            "the page shows {} images; only the first {} were read",
            skipped + limits.max_images,
            limits.max_images
        ));
    }
    // RDFa about an image, wherever it is.
    let about = sel("[about]");
    for el in doc.select(&about).take(limits.max_images) {
        let target = ctx.resolve(el.value().attr("about").unwrap_or(""));
        if let Some(i) = find_image(&scan.images, &[target]) {
            let mut ev = Vec::new();
            links_and_rdfa(el, &ctx, &mut ev, &mut used_links);
            for e in ev {
                if !scan.images[i].evidence.contains(&e) {
                    scan.images[i].evidence.push(e);
                }
            }
        }
    }
    for m in microdata(&doc, &ctx) {
        let i = m
            .img
            .and_then(|id| by_node.get(&id).copied())
            .or_else(|| find_image(&scan.images, &m.urls));
        match i {
            Some(i) => scan.images[i].evidence.extend(m.evidence),
            None if !m.urls.is_empty() && scan.images.len() < limits.max_images => {
                let line = ctx.line_of(&m.line_hint, None);
                scan.images.push(PageImage {
                    src: m.urls[0].clone(),
                    alternates: m.urls[1..].to_vec(),
                    evidence: m.evidence,
                    page_wide: Vec::new(),
                    line,
                    found_by: FoundBy::Microdata,
                });
            }
            None => {}
        }
    }
    let og =
        sel(r#"meta[property="og:image"], meta[property="og:image:url"], meta[name="og:image"]"#);
    let og_urls: Vec<String> = doc
        .select(&og)
        .filter_map(|m| m.value().attr("content"))
        .filter(|c| !c.trim().is_empty())
        .take(8)
        .map(|c| ctx.resolve(c))
        .collect();
    let mut problems = Vec::new();
    for ld in json_ld(&doc, &ctx, &mut problems) {
        match find_image(&scan.images, &ld.urls) {
            Some(i) => scan.images[i].evidence.extend(ld.evidence),
            None if !ld.urls.is_empty() && scan.images.len() < limits.max_images => {
                ctx.cursor = 0;
                let raw = ld.urls[0].rsplit('/').next().unwrap_or("").to_string();
                let line = ctx.line_of(&raw, None);
                scan.images.push(PageImage {
                    src: ld.urls[0].clone(),
                    alternates: ld.urls[1..].to_vec(),
                    evidence: ld.evidence,
                    page_wide: Vec::new(),
                    line,
                    found_by: FoundBy::JsonLd,
                });
            }
            None => {}
        }
    }
    scan.problems.extend(problems);
    for u in og_urls {
        match find_image(&scan.images, std::slice::from_ref(&u)) {
            Some(_) => {}
            None if scan.images.len() < limits.max_images => {
                ctx.cursor = 0;
                let line = ctx.line_of(&u, None);
                scan.images.push(PageImage {
                    src: u,
                    alternates: Vec::new(),
                    evidence: Vec::new(),
                    page_wide: Vec::new(),
                    line,
                    found_by: FoundBy::OgImage,
                });
            }
            None => {}
        }
    }
    if scan.images.len() == 1 {
        let rel = sel(r#"[rel]"#);
        let mut wide = Vec::new();
        for el in doc.select(&rel) {
            if used_links.contains(&el.id()) {
                continue;
            }
            if tokens(el.value().attr("rel")).any(|r| r == "license" || r.ends_with(":license")) {
                let v = el
                    .value()
                    .attr("href")
                    .map(|h| ctx.resolve(h))
                    .unwrap_or_else(|| text_of(el, 300));
                if !v.is_empty() && wide.len() < 8 {
                    wide.push(Evidence::new(o::HTML_REL_LICENSE, v));
                }
            }
        }
        scan.images[0].page_wide = wide;
    }
    scan
}

/// The image shown at any of `urls`.
fn find_image(images: &[PageImage], urls: &[String]) -> Option<usize> {
    images.iter().position(|im| {
        urls.iter()
            .any(|u| *u == im.src || im.alternates.contains(u))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example/2020/article.html").unwrap()
    }

    fn origins(im: &PageImage) -> Vec<&str> {
        im.evidence.iter().map(|e| e.origin.as_str()).collect()
    }

    #[test]
    fn a_credit_paragraph_after_the_image() {
        let html = r#"<html><body><article><h2>700,000 civilians</h2><p class="byline">by Amro Bakkar</p>
<div class="content">
<p><img src="/img/atmeh.jpg" alt="Refugee camp"></p>
<p>Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)</p>
<p>Almost 700,000 civilians have evacuated areas in Idlib province in northern Syria according to a statement by Panos Moumtzis.</p>
</div></article></body></html>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 1);
        assert_eq!(imgs[0].src, "https://news.example/img/atmeh.jpg");
        assert_eq!(origins(&imgs[0]), ["html:alt", "html:nearby-credit"]);
        assert!(imgs[0].evidence[1].value.starts_with("Photo by IHH"));
        assert_eq!(imgs[0].line, Some(3));
    }

    #[test]
    fn figure_caption_credit_class_and_rel_license() {
        let html = r#"<figure><picture><source srcset="a.webp 1x, a@2x.webp 2x"><img src="a.jpg" title="T"></picture>
<figcaption>A cat. <span class="credit">Photo: Jane Doe</span>
<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></figcaption>
<p class="photo-credit">Jane Doe / Example Agency</p></figure>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 1);
        let im = &imgs[0];
        assert_eq!(im.src, "https://news.example/2020/a.jpg");
        assert_eq!(
            im.alternates,
            [
                "https://news.example/2020/a.webp",
                "https://news.example/2020/a@2x.webp"
            ]
        );
        assert_eq!(
            origins(im),
            [
                "html:title",
                "html:figcaption",
                "html:credit",
                "html:rel-license"
            ]
        );
        assert_eq!(im.evidence[1].value, "A cat. Photo: Jane Doe CC BY 4.0");
        assert_eq!(im.evidence[2].value, "Jane Doe / Example Agency");
        assert_eq!(
            im.evidence[3].value,
            "https://creativecommons.org/licenses/by/4.0/"
        );
    }

    #[test]
    fn srcset_only_takes_the_largest() {
        let html = r#"<img srcset="s.jpg 320w, l.jpg 1280w, m.jpg 640w" alt="">"#;
        let imgs = images_in_html(html, None);
        assert_eq!(imgs[0].src, "l.jpg");
        assert_eq!(imgs[0].alternates, ["s.jpg", "m.jpg"]);
        assert!(imgs[0].evidence.is_empty());
    }

    #[test]
    fn json_ld_and_og_image() {
        let html = r#"<head><meta property="og:image" content="https://cdn.example/hero.jpg">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article","image":{"@type":"ImageObject","contentUrl":"https://cdn.example/hero.jpg","license":"https://creativecommons.org/licenses/by-sa/4.0/","acquireLicensePage":"https://example.org/licensing","creditText":"Jane Doe","creator":{"@type":"Person","name":"Jane Doe"},"copyrightNotice":"© 2024 Jane Doe"}}]}</script>
</head><body><img src="https://cdn.example/hero.jpg" alt="Hero"></body>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 1, "{imgs:#?}");
        assert_eq!(
            origins(&imgs[0]),
            [
                "html:alt",
                "jsonld:license",
                "jsonld:acquireLicensePage",
                "jsonld:creditText",
                "jsonld:creator",
                "jsonld:copyrightNotice"
            ]
        );
    }

    #[test]
    fn microdata_image_object() {
        let html = r#"<div itemscope itemtype="https://schema.org/ImageObject">
<img itemprop="contentUrl" src="p.jpg">
<span itemprop="creator" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ana Lima</span></span>
<a itemprop="license" href="https://creativecommons.org/licenses/by-nc/4.0/">license</a>
<meta itemprop="creditText" content="Ana Lima / Agency"></div>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 1);
        let ev: Vec<(&str, &str)> = imgs[0]
            .evidence
            .iter()
            .filter(|e| e.origin.family() == "microdata")
            .map(|e| (e.origin.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(
            ev,
            [
                ("microdata:creator", "Ana Lima"),
                (
                    "microdata:license",
                    "https://creativecommons.org/licenses/by-nc/4.0/"
                ),
                ("microdata:creditText", "Ana Lima / Agency")
            ]
        );
    }

    #[test]
    fn rdfa_and_page_wide_license_for_a_single_image() {
        let html = r#"<head><link rel="license" href="https://creativecommons.org/licenses/by/3.0/"></head>
<div about="photo.jpg"><img src="photo.jpg"><span property="dct:title">Harbour</span>
by <a property="cc:attributionName" rel="cc:attributionURL" href="https://ex.example/">Kim</a>
<a rel="xhv:license" href="https://creativecommons.org/licenses/by-sa/3.0/">BY-SA</a></div>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(
            origins(&imgs[0]),
            [
                "rdfa:dct:title",
                "rdfa:cc:attributionName",
                "rdfa:xhv:license"
            ]
        );
        assert_eq!(imgs[0].evidence[1].value, "Kim");
        assert_eq!(imgs[0].page_wide.len(), 1);
        assert_eq!(imgs[0].page_wide[0].origin, o::HTML_REL_LICENSE);
    }

    #[test]
    fn a_neighbours_credit_is_not_taken() {
        let html = r#"<div><img src="1.jpg"><p>Photo: One</p><img src="2.jpg"></div>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(imgs.len(), 2);
        assert_eq!(origins(&imgs[0]), ["html:nearby-credit"]);
        assert!(imgs[1].evidence.is_empty(), "{:?}", imgs[1].evidence);
    }

    #[test]
    fn limits_bound_images_and_html() {
        let html = "<img src=x.jpg>\n".repeat(5000);
        let limits = PageLimits {
            max_images: 100,
            ..PageLimits::default()
        };
        let scan = scan_html(&html, None, &limits);
        assert_eq!(scan.images.len(), 100);
        assert!(
            scan.problems[0].contains("5000 images"),
            "{:?}",
            scan.problems
        );
        let limits = PageLimits {
            max_html_bytes: 1000,
            ..PageLimits::default()
        };
        let scan = scan_html(&html, None, &limits);
        assert!(scan.images.len() < 100);
        assert!(scan.problems[0].contains("only the first 1000"));
    }

    #[test]
    fn deep_json_ld_is_bounded() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let html = format!(r#"<script type="application/ld+json">{deep}</script><img src=a.jpg>"#);
        let scan = scan_html(&html, None, &PageLimits::default());
        assert_eq!(scan.images.len(), 1);
        assert!(!scan.problems.is_empty());
    }
}
