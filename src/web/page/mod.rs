//! An HTML page → the images it shows and, for each, the credit publishers put next to it.
//!
//! Images: `img` and AMP's `amp-img` (its `src`, lazy-loading `data-src`, the largest `srcset` candidate, and the
//! `source`s of its `picture` as alternates), `og:image`, and `ImageObject`s of JSON-LD and
//! microdata that no `img` shows. Decorative images (license badges, logos, icons, tracking
//! pixels, the pictures of license boxes: [`decorative`]) are left out. For each image, in this
//! order:
//!
//! | source | origin | module |
//! |---|---|---|
//! | `alt`, `title` | `html:alt`, `html:title` | [`img`] |
//! | a credit written into `alt` or `title`: a parenthesized "(AP Photo/Name)" or "(Photo: Name)", the part after a last separator ("A harbour. Photo: Name"), or the whole text ("Photo by Name"); never a plain description ("Photo of a dog") | `html:alt-credit` | [`img`], `words::credit_in_description` |
//! | the `figcaption` of its `figure` (only its part marked as credit or source when it has one; a description before a credit written as one is kept apart as `html:caption-text`; a MediaWiki article figure's caption without a credit word is a description only) | `html:figcaption` | [`img`] |
//! | elements of its figure or wrapper whose class, id or itemprop says credit, copyright, byline, attribution, photographer (`html:credit`) or caption (`html:caption`); the innermost one when they nest | `html:credit`, `html:caption` | [`img`] |
//! | after the image's box (or its parent's, when nothing follows inside it): an element marked as credit, photographer or attribution (or holding one), a `figcaption` or caption-marked block outside the figure (a Blogger `tr-caption` row) | `html:credit`, `html:figcaption` | [`img`] |
//! | the element its `aria-describedby` (or its figure's) names, read as a caption | `html:figcaption`, `html:caption-text` | [`img`] |
//! | a name in parentheses ending every image's `alt` on a page where one of them is a wire credit (`AGENCY/Name`) | `html:alt-credit` | [`convention`] |
//! | `rel="license"` links there | `html:rel-license` | [`rdfa`] |
//! | RDFa there or `about` the image: `cc:attributionName`, `dct:title`, `xhv:license`/`cc:license` | `rdfa:…` | [`rdfa`] |
//! | the element right after (or, failing a credit there, before) the image or its wrapper: a credit line when it starts like one (`Photo:`, `Credit`, `©`), else text the credit side reads only when it names a license | `html:nearby-credit`, `html:nearby-text` | [`img`] |
//! | microdata `ImageObject` holding it or naming it | `microdata:…` | [`microdata`] |
//! | JSON-LD `ImageObject` naming it by `contentUrl`/`url`, or written inside its `picture` or `figure` | `jsonld:…` | [`jsonld`] |
//! | a MediaWiki file page's license templates and author/source rows, about its file | `mediawiki:…` | [`mediawiki`] |
//! | a Flickr photo page's owner and license area, about its photo | `flickr:…` | [`flickr`] |
//! | the `title` of the link the image is wrapped in, when it reads as a credit (Wikimedia Commons' embed code: "NAME, LICENSE, via Wikimedia Commons") | `html:credit` | [`img`] |
//! | a gallery's or carousel's one caption or credit element beside its items, for its pictures with no credit of their own | `html:credit`, `html:figcaption` | [`img`] |
//! | a credit elsewhere on the page ("Photo: <a>X</a>") linking to the same place as the link the image is wrapped in, for an image with no credit | `html:nearby-credit` | [`linked`] |
//! | the credit of another copy of the same picture on the page (a thumbnail strip, the `og:image` crop: same distinctive file name), for a copy with none | as at that copy | [`renditions`] |
//!
//! The "wrapper" of an image is the largest ancestor that holds no other image and little text
//! (so an article body is never taken for a caption). Page-wide `rel="license"` links (in the
//! head, in a footer) go to [`PageImage::page_wide`] only when the page shows a single content
//! image: a site's license for its text says nothing about the photos of a gallery, and never
//! about a badge or a logo. A `rel="license"` link written in the content (outside the head,
//! header, footer, navigation, asides and credit blocks) covers the images of the element
//! holding its paragraph, however many ("the data set is under CC BY-SA 4.0" below a README's
//! pictures).
//!
//! The page is parsed with scripting off, so the `img` in a `noscript` is an element: a lazy
//! image whose URL only a script sets is found there, and a placeholder followed by its
//! `noscript` copy is one image (the copy's URL an alternate), never two.
//!
//! This module reads markup and produces evidence; it knows no licenses. Whether a text next to
//! an image names one is decided where evidence is interpreted (`crate::credit::page`).
//!
//! Everything is bounded by [`PageLimits`]: the HTML read, its nesting depth and element count
//! (enforced before parsing, see [`budget`]), the images reported, the elements one extractor
//! looks at per image ([`dom::VISIT`]), and the size and depth of JSON-LD. Each limit hit is a
//! problem in [`PageScan::problems`] naming it.

mod budget;
mod convention;
mod decorative;
mod dom;
mod flickr;
mod img;
mod jsonld;
mod linked;
mod mediawiki;
mod microdata;
mod og;
mod rdfa;
mod renditions;
mod words;

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::Html;
use url::Url;

use crate::evidence::Evidence;
use dom::{Ctx, sel};

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
    /// Elements nested deeper than this are flattened before parsing (their tags ignored, their
    /// content kept): the HTML parser's work grows with depth × tags.
    pub max_depth: usize,
    /// Markup after this many start tags is not read.
    pub max_elements: usize,
}

impl Default for PageLimits {
    fn default() -> PageLimits {
        PageLimits {
            max_html_bytes: 8 * 1024 * 1024,
            max_images: 1000,
            max_jsonld_bytes: 512 * 1024,
            max_jsonld_total: 2 * 1024 * 1024,
            max_jsonld_depth: 24,
            max_depth: 256,
            max_elements: 300_000,
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
    /// Evidence about the whole page that applies to this, its only content image.
    pub page_wide: Vec<Evidence>,
    /// 1-based line of the element in the HTML, when it could be found.
    pub line: Option<usize>,
    pub found_by: FoundBy,
}

/// An image left out as decoration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decorative {
    pub src: String,
    /// Why: "a badge", "an icon", "a tracking pixel", …
    pub reason: &'static str,
}

/// What [`scan_html`] found.
#[derive(Clone, Debug, Default)]
pub struct PageScan {
    pub images: Vec<PageImage>,
    /// Limits hit and markup that could not be read, each saying what.
    pub problems: Vec<String>,
    /// Images left out as decoration (badges, logos, icons, tracking pixels).
    pub decorative: Vec<Decorative>,
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

/// The page cut to `max_html_bytes`, on a character boundary.
fn cut<'a>(html: &'a str, limits: &PageLimits, problems: &mut Vec<String>) -> &'a str {
    if html.len() <= limits.max_html_bytes {
        return html;
    }
    let mut at = limits.max_html_bytes;
    while !html.is_char_boundary(at) {
        at -= 1;
    }
    problems.push(format!(
        "the page is {} bytes; only the first {} were read (limit max_html_bytes)",
        html.len(),
        limits.max_html_bytes
    ));
    &html[..at]
}

/// The base URL: the caller's, with the page's `<base href>` on top.
fn base_of(doc: &Html, base_url: Option<&Url>) -> Option<Url> {
    let base = base_url.cloned();
    let Some(href) = doc
        .select(&sel("base[href]"))
        .next()
        .and_then(|b| b.value().attr("href"))
    else {
        return base;
    };
    match &base {
        Some(b) => b.join(href.trim()).ok().or(base),
        None => Url::parse(href.trim()).ok(),
    }
}

/// The images being collected, with a lookup by URL (linear lookups would make a page of many
/// images quadratic).
#[derive(Default)]
struct Images {
    list: Vec<PageImage>,
    by_url: HashMap<String, usize>,
}

impl Images {
    fn push(&mut self, im: PageImage) {
        let i = self.list.len();
        for u in std::iter::once(&im.src).chain(&im.alternates) {
            self.by_url.entry(u.clone()).or_insert(i);
        }
        self.list.push(im);
    }

    /// The image shown at any of `urls`.
    fn find(&self, urls: &[String]) -> Option<usize> {
        urls.iter().find_map(|u| self.by_url.get(u).copied())
    }

    /// Adds other URLs of image `i`.
    fn add_alternates(&mut self, i: usize, urls: impl Iterator<Item = String>) {
        for u in urls {
            if u != self.list[i].src && !self.list[i].alternates.contains(&u) {
                self.by_url.entry(u.clone()).or_insert(i);
                self.list[i].alternates.push(u);
            }
        }
    }

    /// Adds evidence to image `i`, leaving out what it already has.
    fn add(&mut self, i: usize, ev: Vec<Evidence>) {
        let im = &mut self.list[i];
        for e in ev {
            if !im.evidence.contains(&e) {
                im.evidence.push(e);
            }
        }
    }

    /// Adds an image that no `img` shows, when there is room.
    fn add_new(
        &mut self,
        ctx: &mut Ctx<'_>,
        urls: &[String],
        evidence: Vec<Evidence>,
        hint: &str,
        found_by: FoundBy,
    ) {
        if urls.is_empty() || self.list.len() >= ctx.limits.max_images {
            return;
        }
        let line = ctx.line_of(hint, None, true);
        self.push(PageImage {
            src: urls[0].clone(),
            alternates: urls[1..].to_vec(),
            evidence,
            page_wide: Vec::new(),
            line,
            found_by,
        });
    }
}

/// The one image shown next to a JSON-LD script written inside the image's markup ("<picture>
/// <img …><script type=application/ld+json>{ImageObject}</script></picture>"): the nearest of
/// the script's three closest ancestors that holds images, when it holds exactly one.
fn image_around(doc: &Html, script: NodeId, by_node: &HashMap<NodeId, usize>) -> Option<usize> {
    let node = doc.tree.get(script)?;
    for a in node
        .ancestors()
        .take(3)
        .filter_map(scraper::ElementRef::wrap)
    {
        if matches!(a.value().name(), "body" | "head" | "html") {
            return None;
        }
        let mut found: Option<usize> = None;
        for d in dom::within(a).filter(|d| dom::is_img(*d)) {
            match (by_node.get(&d.id()), found) {
                (Some(&i), None) => found = Some(i),
                (Some(&i), Some(f)) if i != f => return None,
                _ => {}
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Reads a page's images and their evidence within `limits`. `base_url` resolves relative
/// image URLs (a `<base href>` in the page is honoured on top of it).
pub fn scan_html(html: &str, base_url: Option<&Url>, limits: &PageLimits) -> PageScan {
    let mut scan = PageScan::default();
    let html = cut(html, limits, &mut scan.problems);
    let budgeted = budget::apply(html, limits);
    scan.problems.extend(budgeted.problems);
    let html: &str = &budgeted.html;
    let doc = dom::parse(html);
    let mut lines = vec![0];
    lines.extend(memchr::memchr_iter(b'\n', html.as_bytes()).map(|i| i + 1));
    let mut ctx = Ctx {
        base: base_of(&doc, base_url),
        limits,
        lines,
        source: html,
        cursor: 0,
        ids: HashMap::new(),
    };
    for el in doc.select(&sel("[id]")) {
        if let Some(id) = el.value().attr("id") {
            ctx.ids.entry(id.to_string()).or_insert(el.id());
        }
    }
    let mut images = Images::default();
    let mut used_links = HashSet::new();
    let mut by_node: HashMap<NodeId, usize> = HashMap::new();
    let mut skipped = 0usize;
    for el in doc.select(&sel("img, amp-img")) {
        let Some((src, alternates)) = img::urls(el, &ctx) else {
            continue;
        };
        if let Some(reason) = decorative::reason(el, &src) {
            if scan.decorative.len() < limits.max_images {
                scan.decorative.push(Decorative { src, reason });
            }
            continue;
        }
        // The copy of a lazy-loaded image in its `noscript` is the same image, not another.
        if let Some(i) =
            img::noscript_copy_of(el, &src, &alternates, |urls| images.find(urls), &by_node)
        {
            images.add_alternates(i, std::iter::once(src).chain(alternates));
            continue;
        }
        if let Some(i) = img::after_its_noscript_copy(el, &by_node) {
            images.add_alternates(i, std::iter::once(src).chain(alternates));
            continue;
        }
        if images.list.len() >= limits.max_images {
            skipped += 1;
            continue;
        }
        let raw = el.value().attr("src").unwrap_or(&src).to_string();
        let line = ctx.line_of(&raw, Some(el.value().name()), false);
        let evidence = img::evidence(el, &ctx, &mut used_links);
        by_node.insert(el.id(), images.list.len());
        images.push(PageImage {
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
            "the page shows {} images; only the first {} were read (limit max_images)",
            skipped + limits.max_images,
            limits.max_images
        ));
    }
    convention::trailing_alt_credits(&mut images.list);
    for (target, ev, used) in rdfa::about(&doc, &ctx) {
        if let Some(i) = images.find(&[target]) {
            images.add(i, ev);
            used_links.extend(used);
        }
    }
    for m in microdata::read(&doc, &ctx) {
        let i = m
            .img
            .and_then(|id| by_node.get(&id).copied())
            .or_else(|| images.find(&m.urls));
        match i {
            Some(i) => images.add(i, m.evidence),
            // An ImageObject whose only picture was decoration stays out.
            None if m.img.is_some() => {}
            None => images.add_new(
                &mut ctx,
                &m.urls,
                m.evidence,
                &m.line_hint,
                FoundBy::Microdata,
            ),
        }
    }
    let og_urls = og::images(&doc, &ctx);
    for ld in jsonld::read(&doc, &ctx, &mut scan.problems) {
        match images.find(&ld.urls) {
            Some(i) => images.add(i, ld.evidence),
            None if let Some(i) = image_around(&doc, ld.script, &by_node) => {
                images.add_alternates(i, ld.urls.into_iter());
                images.add(i, ld.evidence);
            }
            None => {
                let hint = ld
                    .urls
                    .first()
                    .and_then(|u| u.rsplit('/').next())
                    .unwrap_or("")
                    .to_string();
                images.add_new(&mut ctx, &ld.urls, ld.evidence, &hint, FoundBy::JsonLd);
            }
        }
    }
    if let Some(file) = mediawiki::read(&doc, &ctx)
        && let Some(i) = images.find(&file.urls)
    {
        images.add(i, file.evidence);
    }
    for u in &og_urls {
        if images.find(std::slice::from_ref(u)).is_none() {
            images.add_new(
                &mut ctx,
                std::slice::from_ref(u),
                Vec::new(),
                u,
                FoundBy::OgImage,
            );
        }
    }
    if let Some(photo) = flickr::read(&doc, &ctx, &og_urls)
        && let Some(i) = images.find(&photo.urls)
    {
        images.add(i, photo.evidence);
    }
    linked::credits(&doc, &by_node, &mut images.list);
    renditions::share_credits(&mut images.list);
    if images.list.len() == 1 {
        images.list[0].page_wide = rdfa::page_wide(&doc, &ctx, &used_links);
    } else {
        // A license written in the content covers the images beside it, never a gallery
        // elsewhere on the page nor the chrome (which is not among the images).
        let covers = rdfa::in_content(&doc, &ctx, &used_links);
        if !covers.is_empty() {
            for (node, &i) in &by_node {
                let Some(img) = doc.tree.get(*node) else {
                    continue;
                };
                for (cover, ev) in &covers {
                    let inside = img.ancestors().take(64).any(|a| a.id() == *cover);
                    let im = &mut images.list[i];
                    if inside && !im.page_wide.contains(ev) {
                        im.page_wide.push(ev.clone());
                    }
                }
            }
        }
    }
    scan.images = images.list;
    scan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::origin as o;

    fn base() -> Url {
        Url::parse("https://news.example/2020/article.html").unwrap()
    }

    fn origins(im: &PageImage) -> Vec<&str> {
        im.evidence.iter().map(|e| e.origin.as_str()).collect()
    }

    #[test]
    fn a_caption_box_marked_by_a_utility_class_is_not_the_credit() {
        // The box around description and credit carries "attribution" in a utility class;
        // the credit is the part marked as one inside it.
        let html = r#"<figure><img src="/lung.jpg" alt="A lung">
<figcaption><div class="flex _pattribution-w-auto _pcaption-w-auto">
<div class="caption"><p>Cells that taste may act as sentinels for the immune system.</p></div>
<div class="attribution"><p><a href="https://example.org/ann">Ann Lee</a> for Example Magazine</p></div>
</div></figcaption></figure>"#;
        let imgs = images_in_html(html, Some(&base()));
        let credits: Vec<&str> = imgs[0]
            .evidence
            .iter()
            .filter(|e| e.origin.as_str() == "html:figcaption")
            .map(|e| e.value.as_str())
            .collect();
        assert_eq!(credits, ["Ann Lee for Example Magazine"]);
        assert!(
            imgs[0]
                .evidence
                .iter()
                .any(|e| e.origin.as_str() == "html:caption-text"
                    && e.value.starts_with("Cells that taste"))
        );
    }

    #[test]
    fn a_credit_element_ends_before_a_line_of_tags() {
        // "© Name<br>Topics: <a>…</a>, <a>…</a>": the topics are no authors.
        let html = r#"<figure><img src="/p.jpg" alt="p"><figcaption><p>Ann Lee, editor</p>
<p class="copyright">&copy; Jo Malysch <br />Themen: <a href="/t/w">Winter</a>, <a href="/t/p">Pullover</a></p>
</figcaption></figure>"#;
        let imgs = images_in_html(html, Some(&base()));
        let credit: Vec<&str> = imgs[0]
            .evidence
            .iter()
            .filter(|e| e.origin.as_str() == "html:figcaption")
            .map(|e| e.value.as_str())
            .collect();
        assert_eq!(credit, ["© Jo Malysch"]);
        // A second line that is itself a credit stays.
        let html = r#"<figure><img src="/p.jpg" alt="p"><figcaption>
<span class="credit">Photo: Jo Lee<br>License: CC BY 4.0</span></figcaption></figure>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert!(
            imgs[0]
                .evidence
                .iter()
                .any(|e| e.value == "Photo: Jo Lee License: CC BY 4.0"),
            "{:?}",
            imgs[0].evidence
        );
    }

    #[test]
    fn a_thumbnail_of_a_credited_picture_shares_its_credit() {
        let html = r#"<figure><img src="https://cdn.example/fs/1.207/derivatives/article_970/harbour15-3-web.jpg" alt="Harbour">
<figcaption>The harbour at dawn. <span class="credit">Ann Lee/for Example News</span></figcaption></figure>
<ul class="rotator"><li><img src="https://static.example/fs/1.207/derivatives/thumbs_50_50/harbour15-3-web.jpg" alt="Harbour"></li>
<li><img src="https://static.example/fs/1.208/derivatives/thumbs_50_50/other-picture-7.jpg" alt="Other"></li>
<li><img src="https://static.example/img/image.jpg" alt="Plain"></li></ul>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 4);
        let credit = |im: &PageImage| {
            im.evidence
                .iter()
                .filter(|e| e.origin.as_str() == "html:figcaption")
                .map(|e| e.value.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(credit(&imgs[1]), ["Ann Lee/for Example News"]);
        // Another picture, and a name too plain to tell pictures apart, get nothing.
        assert!(credit(&imgs[2]).is_empty());
        assert!(credit(&imgs[3]).is_empty());
    }

    #[test]
    fn copies_with_different_credits_share_nothing() {
        let html = r#"<figure><img src="/a/sunset-over-lyon-1024x768.jpg"><figcaption>Photo: Ann Lee</figcaption></figure>
<figure><img src="/b/sunset-over-lyon.jpg"><figcaption>Photo: Bo Kim</figcaption></figure>
<p><img src="/c/sunset-over-lyon-300x200.jpg" alt="Sunset"></p>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 3);
        assert_eq!(origins(&imgs[2]), ["html:alt"]);
    }

    #[test]
    fn a_video_poster_credit_past_the_player_chrome() {
        // The play button and the duration between the poster and its caption are chrome.
        let html = r#"<aside><div class="SingleVideo"><div class="MediaPlaceholder">
<figure class="Image"><div class="Image__Wrapper"><img alt="" src="/poster.jpg"></div></figure>
<div class="Overlay"><div class="Button"><svg aria-hidden="true"><use href="/i.svg"/></svg></div>
<div aria-hidden="true" class="Pill">0:49</div></div><div class="PlaybackWrapper"></div></div>
<div class="Caption__Wrapper"><div class="Caption"><div class="Caption__Text">A senator speaks in Washington.</div>
<span class="Caption__Credit">Ann Lee/AP Photo</span></div></div></div></aside>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 1);
        assert!(
            imgs[0]
                .evidence
                .iter()
                .any(|e| e.origin.as_str() == "html:credit" && e.value == "Ann Lee/AP Photo"),
            "{:?}",
            imgs[0].evidence
        );
    }

    #[test]
    fn a_credit_linking_where_the_image_links() {
        let html = r#"<div style="float: right"><a href="https://photos.example/p/59468914/1025248778/"><img src="https://cdn.example/1025248778_m.jpg" alt="Red Panda"></a></div>
<p>When you start the browser, the home button does not work.</p>
<p>Remove the broken files and restart.</p>
<small>Photo: <a href="https://photos.example/p/59468914/1025248778/">meantux</a></small>
<h2>More</h2><div><a href="https://example.org/other/"><img src="/b.jpg" alt="b"></a></div>
<p>See <a href="https://example.org/other/">the other post</a> too.</p>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 2);
        assert!(
            imgs[0]
                .evidence
                .iter()
                .any(|e| e.origin.as_str() == "html:nearby-credit" && e.value == "Photo: meantux")
        );
        // A link that reads as no credit gives none.
        assert_eq!(origins(&imgs[1]), ["html:alt", "html:nearby-text"]);
    }

    #[test]
    fn a_noscript_copy_before_its_lazy_image_is_one_image() {
        let html = r#"<figure class="sqs-block-image-figure"><div class="image-block-wrapper"><noscript><img src="https://cdn.example/v1/forest-walk.jpg" alt="Forest walk"></noscript><img class="thumb-image" data-src="https://cdn.example/v1/forest-walk.jpg" alt="Forest walk"></div>
<figcaption class="image-caption-wrapper"><div class="image-caption"><p>Forest walk at dawn. Image: Cy Park</p></div></figcaption></figure>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 1);
        assert!(imgs[0].evidence.iter().any(|e| e.value == "Image: Cy Park"));
    }

    #[test]
    fn image_caption_and_credit_as_sibling_fields() {
        let html = r#"<div class="field field--name-field-media-image field__item"><img src="/files/bridge.jpg" alt="The bridge"></div>
<div class="field field--name-field-caption field__item">The bridge at night</div>
<div class="field field--name-field-credit field__item">Dee Lu</div>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(
            origins(&imgs[0]),
            ["html:alt", "html:caption-text", "html:credit"]
        );
        assert_eq!(imgs[0].evidence[2].value, "Dee Lu");
    }

    #[test]
    fn a_gallery_credit_covers_its_pictures() {
        let html = r#"<figure class="wp-block-gallery columns-3"><ul class="blocks-gallery-grid">
<li class="blocks-gallery-item"><figure><img src="/g/harbour-1.jpg" alt="Harbour one"></figure></li>
<li class="blocks-gallery-item"><figure><img src="/g/harbour-2.jpg" alt="Harbour two"></figure></li>
</ul><figcaption class="blocks-gallery-caption">Photos: Ann Lee (CC BY 4.0)</figcaption></figure>
<div class="slideshow"><div class="slides">
<div class="slide"><img src="/s/fair-1.jpg" alt="A stall"><p class="slide-caption">A stall at the fair.</p></div>
<div class="slide"><img src="/s/fair-2.jpg" alt="The crowd"><p class="slide-caption">The crowd at noon.</p></div>
</div><p class="slideshow-credit">Photos: Eve Ray/Example Press</p></div>
<div class="row"><p><img src="/a.jpg" alt="a"></p><p><img src="/b.jpg" alt="b"></p>
<p class="caption">Two pictures of the harbour.</p></div>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 6);
        let has = |i: usize, v: &str| imgs[i].evidence.iter().any(|e| e.value == v);
        assert!(has(0, "Photos: Ann Lee (CC BY 4.0)") && has(1, "Photos: Ann Lee (CC BY 4.0)"));
        assert!(has(2, "Photos: Eve Ray/Example Press") && has(3, "Photos: Eve Ray/Example Press"));
        // A box that is no gallery, or a caption without a credit, credits nothing.
        assert_eq!(origins(&imgs[4]), ["html:alt"]);
    }

    #[test]
    fn a_credit_in_the_title_of_the_images_link() {
        // Wikimedia Commons' embed code; a Flickr embed's title only names the photo.
        let html = r#"<p>Our trip.</p><a title="Jane Q. Public, CC BY-SA 4.0 &lt;https://creativecommons.org/licenses/by-sa/4.0&gt;, via Wikimedia Commons" href="https://commons.wikimedia.org/wiki/File:Lighthouse.jpg"><img width="512" alt="Lighthouse" src="https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Lighthouse.jpg/512px-Lighthouse.jpg"></a>
<div><a title="By Jo Lee - Own work, CC BY 4.0, https://commons.wikimedia.org/w/index.php?curid=1" href="https://commons.wikimedia.org/w/index.php?curid=1"><img alt="Mill" src="/mill.jpg"></a></div>
<div><a data-flickr-embed="true" href="https://www.flickr.com/photos/annlee/5123/" title="Harbour at dusk"><img src="https://live.staticflickr.com/65535/5123_z.jpg" alt="Harbour"></a></div>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 3);
        let credit = |i: usize| {
            imgs[i]
                .evidence
                .iter()
                .find(|e| e.origin.as_str() == "html:credit")
                .map(|e| e.value.clone())
        };
        assert_eq!(
            credit(0).as_deref(),
            Some(
                "Jane Q. Public, CC BY-SA 4.0 <https://creativecommons.org/licenses/by-sa/4.0>, via Wikimedia Commons"
            )
        );
        assert!(credit(1).is_some_and(|c| c.starts_with("By Jo Lee - Own work")));
        assert_eq!(credit(2), None);
        // Flickr's share code: "TITLE by OWNER, on Flickr".
        let html = r#"<a href="https://www.flickr.com/photos/psd/7152746089/" title="Index Cards by psd, on Flickr"><img src="https://farm8.staticflickr.com/7177/7152746089_ed27153ffe.jpg" alt="Index Cards"></a>
<div><a href="https://example.org/trip" title="Our trip, on Monday"><img src="/trip-monday.jpg" alt="Trip"></a></div>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert!(
            imgs[0]
                .evidence
                .iter()
                .any(|e| e.origin.as_str() == "html:credit"
                    && e.value == "Index Cards by psd, on Flickr")
        );
        assert!(
            !imgs[1]
                .evidence
                .iter()
                .any(|e| e.origin.as_str() == "html:credit")
        );
    }

    #[test]
    fn lazy_loaders_srcset_copies() {
        let html = r#"<figure><img class="lazyload" data-lazy-srcset="/l/crane-480.jpg 480w, /l/crane-960.jpg 960w" alt="Crane"><figcaption>Photo: Cy Park</figcaption></figure>
<figure><picture><source data-srcset="/l/dock-640.webp 640w, /l/dock-1280.webp 1280w" type="image/webp"><img src="data:image/gif;base64,R0lGOD" srcset="data:image/gif;base64,R0lGOD 1w" data-srcset="/l/dock-640.jpg 640w" alt="Dock"></picture></figure>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 2);
        assert_eq!(imgs[0].src, "https://news.example/l/crane-960.jpg");
        assert_eq!(imgs[1].src, "https://news.example/l/dock-1280.webp");
        assert!(
            imgs[1]
                .alternates
                .contains(&"https://news.example/l/dock-640.jpg".to_string())
        );
    }

    #[test]
    fn a_wiki_articles_figure_caption_names_the_subject() {
        let html = r#"<figure class="mw-default-size" typeof="mw:File/Thumb"><a href="/wiki/File:Wales.jpg" class="mw-file-description"><img src="//upload.wikimedia.org/wikipedia/commons/thumb/1/1a/Wales.jpg/250px-Wales.jpg" class="mw-file-element"></a><figcaption>Jimmy Wales, co-founder</figcaption></figure>
<figure typeof="mw:File/Thumb"><a href="/wiki/File:Mill.jpg" class="mw-file-description"><img src="/250px-Mill.jpg"></a><figcaption>The mill. Photo: Ann Lee</figcaption></figure>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(origins(&imgs[0]), ["html:caption-text"]);
        assert!(
            imgs[1]
                .evidence
                .iter()
                .any(|e| e.origin.as_str() == "html:figcaption")
        );
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
        // The caption's credit-marked part is the credit; the rest describes.
        assert_eq!(
            origins(im),
            [
                "html:title",
                "html:caption-text",
                "html:figcaption",
                "html:credit",
                "html:rel-license"
            ]
        );
        assert_eq!(im.evidence[1].value, "A cat. CC BY 4.0");
        assert_eq!(im.evidence[2].value, "Photo: Jane Doe");
        assert_eq!(im.evidence[3].value, "Jane Doe / Example Agency");
        assert_eq!(
            im.evidence[4].value,
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

    fn values<'a>(im: &'a PageImage, family: &str) -> Vec<(&'a str, &'a str)> {
        im.evidence
            .iter()
            .filter(|e| e.origin.family() == family)
            .map(|e| (e.origin.as_str(), e.value.as_str()))
            .collect()
    }

    #[test]
    fn a_mediawiki_file_page_speaks_about_its_file() {
        let html = r#"<div class="fullImageLink" id="file"><a href="//upload.wikimedia.org/a/ab/Tower.jpg"><img alt="File:Tower.jpg" src="//upload.wikimedia.org/a/ab/Tower.jpg/320px-Tower.jpg" width="320" height="240"></a></div>
<table><tr><td id="fileinfotpl&#95;src">Source</td><td><span class="int-own-work">Own work</span></td></tr>
<tr><td id="fileinfotpl_aut">Author</td><td><a href="/wiki/User:Ana">Ana Lima</a> (<a href="/wiki/User_talk:Ana">talk</a> | <a href="/wiki/Special:Contributions/Ana">contribs</a>)</td></tr></table>
<table class="licensetpl"><tr><td class="mbox-image"><img src="//upload.wikimedia.org/CC_some_rights_reserved.svg.png" width="90" height="36"></td><td>
<span class="licensetpl_link" style="display:none;">https://creativecommons.org/licenses/by-sa/3.0</span><span class="licensetpl_short" style="display:none;">CC BY-SA 3.0</span><span class="licensetpl_attr" style="display:none;">Ana Lima / Wikimedia Commons</span></td></tr></table>"#;
        let base = Url::parse("https://commons.wikimedia.org/wiki/File:Tower.jpg").unwrap();
        let scan = scan_html(html, Some(&base), &PageLimits::default());
        assert_eq!(scan.images.len(), 1, "{scan:#?}");
        assert_eq!(scan.decorative.len(), 1);
        assert_eq!(
            values(&scan.images[0], "mediawiki"),
            [
                ("mediawiki:author", "Ana Lima"),
                ("mediawiki:source", "Own work"),
                ("mediawiki:licensetpl_short", "CC BY-SA 3.0"),
                (
                    "mediawiki:licensetpl_link",
                    "https://creativecommons.org/licenses/by-sa/3.0"
                ),
                ("mediawiki:licensetpl_attr", "Ana Lima / Wikimedia Commons"),
            ]
        );
    }

    #[test]
    fn a_flickr_photo_page_gives_owner_and_license() {
        let html = r#"<head><meta property="og:image" content="https://live.staticflickr.com/1/2_b.jpg"></head>
<div class="photo-well-media-scrappy-view"><img class="main-photo" src="//live.staticflickr.com/1/2_z.jpg" alt="Harbour"></div>
<div class="attribution-info"><a class="owner-name truncate" href="/photos/kim/" data-track="attributionNameClick">Kim Park</a></div>
<div class="photo-license-info"><a class="photo-license-url" href="https://creativecommons.org/licenses/by-nc/2.0/" rel="license cc:license"><span>Some rights reserved</span></a></div>"#;
        let base = Url::parse("https://www.flickr.com/photos/kim/2/").unwrap();
        let scan = scan_html(html, Some(&base), &PageLimits::default());
        let im = scan
            .images
            .iter()
            .find(|i| i.src == "https://live.staticflickr.com/1/2_z.jpg")
            .unwrap();
        assert_eq!(
            values(im, "flickr"),
            [
                ("flickr:owner", "Kim Park"),
                (
                    "flickr:license",
                    "https://creativecommons.org/licenses/by-nc/2.0/"
                ),
                ("flickr:license", "Some rights reserved"),
            ]
        );
    }

    #[test]
    fn badges_logos_icons_and_pixels_are_not_images_and_get_no_page_license() {
        let html = r#"<head><link rel="license" href="https://creativecommons.org/licenses/by/4.0/"></head>
<header><img src="/img/site-logo.png" alt="Home"></header>
<article><img src="/2024/harbour.jpg" alt="Harbour"></article>
<footer><a rel="license" href="https://creativecommons.org/licenses/by/4.0/"><img src="https://licensebuttons.net/l/by/4.0/88x31.png"></a>
<img src="/i/rss.png" width="16" height="16"><img src="https://stats.example/p.gif" width="1" height="1"></footer>"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        assert_eq!(
            scan.images.len(),
            1,
            "{:?} {:?}",
            scan.images,
            scan.decorative
        );
        assert_eq!(scan.images[0].src, "https://news.example/2024/harbour.jpg");
        assert_eq!(scan.images[0].page_wide.len(), 1);
        let reasons: Vec<&str> = scan.decorative.iter().map(|d| d.reason).collect();
        assert_eq!(
            reasons,
            ["a logo or icon", "a badge", "an icon", "a tracking pixel"]
        );
    }

    #[test]
    fn a_credit_beside_a_picture_and_links_in_it() {
        let html = r#"<div class="hero"><picture><source srcset="h.webp"><img src="h.jpg" alt=""></picture>
<br><small>Photo: <a href="https://www.flickr.com/photos/kim/">Kim Park</a>, <a href="https://creativecommons.org/licenses/by/2.0/">CC BY</a></small></div>
<p>The harbour was rebuilt in 1990, an unrelated paragraph of the article.</p>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(
            origins(&imgs[0]),
            ["html:nearby-credit", "html:credit-link", "html:credit-link"]
        );
        assert_eq!(imgs[0].evidence[0].value, "Photo: Kim Park, CC BY");
        assert_eq!(
            imgs[0].evidence[2].value,
            "https://creativecommons.org/licenses/by/2.0/"
        );
    }

    #[test]
    fn text_beside_an_image_is_left_to_the_credit_side() {
        let html = r#"<p><img src="a.jpg"></p><p>IHH, Attribution 2.0 Generic</p>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(origins(&imgs[0]), ["html:nearby-text"]);
        // A credit before an image is taken only from caption-like elements, not from a block.
        let html = r#"<div class="note">Image: Ann; Some rights reserved</div><a href="/t"><img src="b.png"></a>"#;
        assert!(images_in_html(html, None)[0].evidence.is_empty());
    }

    #[test]
    fn json_ld_parties_are_names_not_ids() {
        let html = r#"<script type="application/ld+json">{"@type":"ImageObject","contentUrl":"https://x.example/p.jpg",
"creator":{"@type":"Organization","name":"Example Technologies Pvt. Ltd."},"copyrightHolder":{"@id":"https://x.example/#org"},
"author":"https://x.example/#person","license":{"@id":"https://creativecommons.org/licenses/by/4.0/"}}</script>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(
            values(&imgs[0], "jsonld"),
            [
                (
                    "jsonld:license",
                    "https://creativecommons.org/licenses/by/4.0/"
                ),
                ("jsonld:creator", "Example Technologies Pvt. Ltd.")
            ]
        );
    }

    #[test]
    fn a_microdata_party_link_gives_its_name() {
        let html = r#"<div itemscope itemtype="https://schema.org/ImageObject"><img itemprop="contentUrl" src="p.jpg">
<a itemprop="creator" href="https://studio.example/">Studio Nord GmbH &amp; Co. KG</a></div>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(
            values(&imgs[0], "microdata"),
            [("microdata:creator", "Studio Nord GmbH & Co. KG")]
        );
    }

    #[test]
    fn a_wire_credit_in_alt_or_title_is_a_credit_and_plain_alt_is_not() {
        let html = r#"<div><img src="/a.jpg" alt="Writers at their desks in 1953. (AP Photo/Ann Brook)"></div>
<div><img src="/b.jpg" alt="Photo of a dog on a beach" title="A dog (Photo: Lee Park)"></div>
<div><img src="/c.jpg" alt="Photo of a dog on a beach"></div>"#;
        let imgs = images_in_html(html, Some(&base()));
        assert_eq!(imgs.len(), 3);
        assert_eq!(origins(&imgs[0]), ["html:alt", "html:alt-credit"]);
        assert_eq!(imgs[0].evidence[1].value, "AP Photo/Ann Brook");
        assert_eq!(
            origins(&imgs[1]),
            ["html:alt", "html:title", "html:alt-credit"]
        );
        assert_eq!(imgs[1].evidence[2].value, "Photo: Lee Park");
        assert_eq!(origins(&imgs[2]), ["html:alt"]);
        let m = crate::credit::merge(&imgs[0].evidence);
        assert_eq!(m.credit.authors, ["Ann Brook"]);
        let m = crate::credit::merge(&imgs[2].evidence);
        assert!(m.credit.authors.is_empty());
    }

    #[test]
    fn a_lazy_image_and_its_noscript_copy_are_one_image() {
        // The placeholder `img` and the fallback in `noscript` show the same picture.
        let html = r#"<figure><img src="data:image/gif;base64,R0lGOD" data-src="/a.jpg?w=300" class="lazy">
<noscript><img src="/a.jpg?w=600" alt="A dam"></noscript><figcaption>Credit: Ann Lee</figcaption></figure>
<div class="lazy-image" data-src="/b.jpg"><noscript><img src="/b.jpg" alt="A bridge"></noscript></div>
<noscript><img src="https://counter.example/p?c1=2&c2=99"></noscript>
<img src="//counter.example/count/pv" alt="" style="display : none ;">"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        let srcs: Vec<&str> = scan.images.iter().map(|i| i.src.as_str()).collect();
        assert_eq!(
            srcs,
            [
                "https://news.example/a.jpg?w=300",
                "https://news.example/b.jpg"
            ]
        );
        assert_eq!(
            scan.images[0].alternates,
            ["https://news.example/a.jpg?w=600"]
        );
        assert_eq!(origins(&scan.images[0]), ["html:figcaption"]);
        let reasons: Vec<&str> = scan.decorative.iter().map(|d| d.reason).collect();
        assert_eq!(reasons, ["a tracking pixel", "a tracking pixel"]);
        // A counter in the head's `noscript` lands in the body when parsed without scripts.
        let html = r#"<head><noscript><img src="https://px.example/tr?id=1&ev=PageView" style="display:none"></noscript></head><body><img src="/c.jpg"></body>"#;
        assert_eq!(images_in_html(html, None).len(), 1);
    }

    #[test]
    fn a_license_in_the_content_covers_the_images_beside_it_only() {
        let html = r#"<head><link rel="license" href="https://creativecommons.org/licenses/by/4.0/"></head>
<body><div class="readme"><p>Examples:</p><img src="1.png"><img src="2.png">
<p>The data set is under <a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.</p></div>
<div class="gallery"><img src="3.jpg"></div>
<footer><a rel="license" href="https://creativecommons.org/licenses/by-nc/4.0/">site license</a></footer></body>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(imgs.len(), 3);
        for im in &imgs[..2] {
            let v: Vec<&str> = im.page_wide.iter().map(|e| e.value.as_str()).collect();
            assert_eq!(
                v,
                ["https://creativecommons.org/licenses/by-sa/4.0/"],
                "{}",
                im.src
            );
        }
        assert!(imgs[2].page_wide.is_empty(), "{:?}", imgs[2].page_wide);
    }

    #[test]
    fn a_caption_that_only_describes_names_nobody() {
        // A sentence, or a numbered figure's title, is a description; a bare credit is not.
        let html = r#"<figure><img src="/a.jpg"><figcaption>Sony's new headset.</figcaption></figure>
<figure><img src="/b.png"><figcaption>Task scheduler (TS) [Fig 1]</figcaption></figure>
<figure><img src="/c.jpg"><figcaption>Illustrative image.</figcaption></figure>
<figure><img src="/d.jpg"><figcaption>Ann Lee/Example Agency</figcaption></figure>
<figure><img src="/e.jpg"><figcaption>A dam at dusk. Photo: Ann Lee.</figcaption></figure>"#;
        let imgs = images_in_html(html, None);
        let kinds: Vec<Vec<&str>> = imgs.iter().map(origins).collect();
        assert_eq!(
            kinds,
            [
                vec!["html:caption-text"],
                vec!["html:caption-text"],
                vec!["html:caption-text"],
                vec!["html:figcaption"],
                vec!["html:caption-text", "html:figcaption"]
            ]
        );
        // The description before a credit is kept apart from it.
        assert_eq!(imgs[4].evidence[0].value, "A dam at dusk");
        assert_eq!(imgs[4].evidence[1].value, "Photo: Ann Lee.");
        for im in &imgs[..3] {
            assert!(crate::credit::merge(&im.evidence).credit.authors.is_empty());
        }
    }

    #[test]
    fn hidden_labels_stay_words_and_unset_sizes_are_not_pixels() {
        // "<span>Credit</span><span>Name</span>": a label hidden for sighted readers.
        let html = r#"<figure><img src="/a.jpg" width="570" height="0"><figcaption><span>A harbour.</span><span><span>Credit</span><span>Ann Lee</span></span> (<a href="/x">AP</a>), <a href="/l">CC BY</a></figcaption></figure>"#;
        let scan = scan_html(html, None, &PageLimits::default());
        assert_eq!(scan.images.len(), 1, "{:?}", scan.decorative);
        assert_eq!(
            scan.images[0].evidence[0].value,
            "A harbour. Credit Ann Lee (AP), CC BY"
        );
    }

    #[test]
    fn credit_attributes_figure_credits_and_a_credit_after_a_description() {
        let html = r#"<figure><img src="/a.jpg" data-credit="Ann Lee/Moodboard/Getty Images"></figure>
<figure><img src="/b.jpg"><figcaption>The harbour at dusk.</figcaption><cite>Image: Bo Park / The Daily</cite></figure>
<div class="media"><div class="image"><img src="/c.jpg"></div></div><div class="media-caption">Pupils at work - Image: Kim Day</div>
<figure><img src="/d.jpg" data-caption="A ship in dock."></figure>"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        assert_eq!(scan.images.len(), 4, "{:?}", scan.images);
        let authors = |i: usize| {
            crate::credit::merge(&scan.images[i].evidence)
                .credit
                .authors
        };
        assert_eq!(authors(0), vec!["Ann Lee"]);
        assert_eq!(authors(1), vec!["Bo Park"]);
        assert_eq!(authors(2), vec!["Kim Day"]);
        // A caption attribute that only describes names nobody.
        assert!(authors(3).is_empty());
    }

    #[test]
    fn a_credit_attribute_inside_the_caption_of_a_one_image_figure() {
        let html = r#"<figure><img src="/a.jpg" alt="A minister before a press conference.">
<figcaption>A minister before a press conference.<span class="source_image" data-copyright="AFP/ANN LEE"></span></figcaption></figure>
<figure><img src="/b.jpg"><img src="/c.jpg"><figcaption><span data-copyright="Bo Park"></span></figcaption></figure>"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        let authors = |src: &str| {
            let img = scan
                .images
                .iter()
                .find(|i| i.src.ends_with(src))
                .expect(src);
            crate::credit::merge(&img.evidence).credit.authors
        };
        assert_eq!(authors("/a.jpg"), vec!["ANN LEE"]);
        // A gallery's figure: the attribute is no credit for either picture.
        assert!(authors("/b.jpg").is_empty());
    }

    #[test]
    fn a_lazy_picture_with_its_own_json_ld_and_a_credit_below() {
        // The `noscript` copy does not make the picture's box hold "another image", so the
        // credit below the box is found; the ImageObject written inside the `picture` is about
        // it, though it names the full-size file.
        let html = r#"<div class="art-img"><a><picture><img src="/s/900/dam.jpg" alt="A dam.">
<noscript><img src="/s/900/dam.jpg" alt="A dam."></noscript>
<script type="application/ld+json">{"@type":"ImageObject","contentUrl":"https://news.example/full/dam.jpg","creator":"Ann Lee"}</script></picture></a>
<div class="art-img__copy">A dam.</div><div class="art-img__who">Photograph by <span>Ann Lee</span></div></div>"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        assert_eq!(scan.images.len(), 1, "{:?}", scan.images);
        let im = &scan.images[0];
        assert_eq!(im.alternates, ["https://news.example/full/dam.jpg"]);
        assert_eq!(
            origins(im),
            ["html:alt", "html:nearby-credit", "jsonld:creator"]
        );
        assert_eq!(im.evidence[1].value, "Photograph by Ann Lee");
        assert_eq!(
            crate::credit::merge(&im.evidence).credit.authors,
            ["Ann Lee"]
        );
    }

    #[test]
    fn a_credit_marked_element_beside_the_picture_and_a_marked_part_of_a_caption() {
        let html = r#"<div class="lede"><picture><source srcset="/l.jpg"><img alt=""></picture></div><p class="lede__credit">Image:&nbsp;Kim Day</p>
<figure><img src="/b.jpg"><figcaption><p class="cap__text">Harbour Review May 2019</p><p class="cap__source">(Bild: )</p></figcaption></figure>
<figure><img src="/c.jpg"><figcaption><p class="cap__text">The harbour</p><p class="cap__source">(Bild: Bo Park)</p></figcaption></figure>"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        assert_eq!(scan.images.len(), 3, "{:?}", scan.images);
        let authors = |i: usize| {
            crate::credit::merge(&scan.images[i].evidence)
                .credit
                .authors
        };
        assert_eq!(origins(&scan.images[0]), ["html:credit"]);
        assert_eq!(authors(0), ["Kim Day"]);
        // An empty credit names nobody, and the caption's title is no name.
        assert_eq!(
            origins(&scan.images[1]),
            ["html:caption-text", "html:figcaption"]
        );
        assert!(authors(1).is_empty(), "{:?}", authors(1));
        assert_eq!(authors(2), ["Bo Park"]);
        // A byline beside a lead picture is the writer's, not the photo's.
        let html =
            r#"<div class="hero"><img src="/h.jpg"></div><div class="byline">By Lou Reed</div>"#;
        let im = &images_in_html(html, None)[0];
        assert!(crate::credit::merge(&im.evidence).credit.authors.is_empty());
    }

    #[test]
    fn names_in_parentheses_after_every_description_are_the_site_credits() {
        let gallery = r#"<div class="pic"><img src="/1.jpg" alt="A new street sign (Ann Lee)"></div>
<div class="pic"><img src="/2.jpg" alt="Ann Lee at home (picture-alliance/dpa/B. Park)"></div>
<div class="pic"><img src="/3.jpg" alt="Warriors in 1906 (Downluke)"></div>"#;
        let imgs = images_in_html(gallery, None);
        let authors: Vec<Vec<String>> = imgs
            .iter()
            .map(|im| crate::credit::merge(&im.evidence).credit.authors)
            .collect();
        assert_eq!(
            authors,
            [vec!["Ann Lee"], vec!["B. Park"], vec!["Downluke"]]
        );
        // Without a wire credit among them, or with a description that has none, a name in
        // parentheses is only a name (a party, a person shown).
        for html in [
            r#"<div><img src="/1.jpg" alt="Angela Merkel (Chancellor)"></div><div><img src="/2.jpg" alt="Olaf Scholz (Minister)"></div>"#,
            r#"<div><img src="/1.jpg" alt="A sign (Ann Lee)"></div><div><img src="/2.jpg" alt="A dam (news/dpa/B. Park)"></div><div><img src="/3.jpg" alt="A bridge at night"></div>"#,
        ] {
            for im in images_in_html(html, None) {
                assert!(!origins(&im).contains(&"html:alt-credit"), "{html}");
            }
        }
    }

    #[test]
    fn captions_after_the_box_innermost_credits_and_source_parts() {
        let html = r#"<div class="hero"><div class="box"><figure><picture><img src="/1.jpg" alt="Image: US-SPACE-ROCKET-LAUNCH"></picture></figure></div>
<figcaption class="hero__caption"><span class="caption__text">A rocket lifts off from the launch complex.</span><span class="caption__source">Ann Lee / AFP</span></figcaption></div>
<div class="story-image"><div class="wrap"><img src="/2.jpg" alt=""></div><div class="credit-caption"><p>The mayor speaks. <b class="credit">Bo Park/AP</b> <b>hide caption</b></p></div></div>
<figure class="pic"><img src="/3.jpg" alt=""><div class="pic__caption"><p class="pic__title">Inside the studio.</p><p class="pic__source">Kim Day</p></div></figure>"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        assert_eq!(scan.images.len(), 3, "{:?}", scan.images);
        let authors = |i: usize| {
            crate::credit::merge(&scan.images[i].evidence)
                .credit
                .authors
        };
        // A wire slug in `alt` names nobody; the caption after the figure's box does.
        assert!(!origins(&scan.images[0]).contains(&"html:alt-credit"));
        assert_eq!(
            origins(&scan.images[0]),
            ["html:alt", "html:caption-text", "html:figcaption"]
        );
        assert_eq!(authors(0), ["Ann Lee"]);
        // The innermost credit of a caption block, without its buttons.
        assert_eq!(scan.images[1].evidence[0].value, "Bo Park/AP");
        assert_eq!(authors(1), ["Bo Park"]);
        // A caption block in a figure with a part marked as the source.
        assert_eq!(
            origins(&scan.images[2]),
            ["html:caption-text", "html:credit"]
        );
        assert_eq!(authors(2), ["Kim Day"]);
    }

    #[test]
    fn a_microdata_author_written_as_a_credit_line_is_one() {
        let html = r#"<figure itemscope itemtype="http://schema.org/ImageObject"><img src="/a.jpg" itemprop="contentUrl">
<figcaption><p itemprop="author"><span>Ann Lee via AP</span></p></figcaption></figure>
<figure itemscope itemtype="http://schema.org/ImageObject"><img src="/b.jpg" itemprop="contentUrl">
<p itemprop="author">Studio Nord GmbH &amp; Co. KG</p></figure>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(
            values(&imgs[0], "microdata"),
            [("microdata:creditText", "Ann Lee via AP")]
        );
        assert_eq!(
            values(&imgs[1], "microdata"),
            [("microdata:creator", "Studio Nord GmbH & Co. KG")]
        );
    }

    #[test]
    fn a_blogger_caption_row_is_the_caption_of_the_picture_above() {
        let html = r#"<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container"><tbody>
<tr><td style="text-align: center;"><a href="https://blogger.example/s1600/bridge.jpg"><img border="0" src="https://blogger.example/s320/bridge.jpg" width="320"></a></td></tr>
<tr><td class="tr-caption" style="text-align: center;">The old bridge. Photo: Ann Lee</td></tr>
</tbody></table>
<table class="tr-caption-container"><tbody><tr><td><img src="https://blogger.example/s320/dam.jpg"></td></tr>
<tr><td class="tr-caption">The dam in winter.</td></tr></tbody></table>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(imgs.len(), 2);
        assert_eq!(origins(&imgs[0]), ["html:caption-text", "html:figcaption"]);
        assert_eq!(
            crate::credit::merge(&imgs[0].evidence).credit.authors,
            ["Ann Lee"]
        );
        assert_eq!(origins(&imgs[1]), ["html:caption-text"]);
        assert!(
            crate::credit::merge(&imgs[1].evidence)
                .credit
                .authors
                .is_empty()
        );
    }

    #[test]
    fn amp_images_are_images() {
        let html = r#"<figure class="amp-fig"><amp-img src="/a.jpg" width="800" height="600" layout="responsive" alt="A harbour">
<noscript><img src="/a-full.jpg" alt="A harbour"></noscript></amp-img><figcaption>Photo: Ann Lee</figcaption></figure>
<amp-img src="/logo.png" width="120" height="40" class="site-logo" alt="Daily"></amp-img>"#;
        let scan = scan_html(html, Some(&base()), &PageLimits::default());
        assert_eq!(scan.images.len(), 1, "{:?}", scan.images);
        let im = &scan.images[0];
        assert_eq!(im.src, "https://news.example/a.jpg");
        assert_eq!(im.alternates, ["https://news.example/a-full.jpg"]);
        assert_eq!(
            crate::credit::merge(&im.evidence).credit.authors,
            ["Ann Lee"]
        );
        assert_eq!(scan.decorative.len(), 1);
    }

    #[test]
    fn a_teaser_cards_headline_and_writer_byline_credit_nobody() {
        let html = r#"<figure><a href="/story"><img src="/t.jpg" alt="A story"></a>
<figcaption><h3><a href="/story">Ten harbours to see</a></h3>
<div class="author-attribution"><a href="/u/ann"><img class="avatar" src="/u/ann.png"><span class="author-name">Ann Lee</span></a>
<span class="posted-time"> <time datetime="2017-02-15">February 15, 2017</time></span></div></figcaption></figure>"#;
        let scan = scan_html(html, None, &PageLimits::default());
        assert_eq!(scan.images.len(), 1, "{:?}", scan.images);
        assert_eq!(origins(&scan.images[0]), ["html:alt", "html:caption-text"]);
        assert!(
            crate::credit::merge(&scan.images[0].evidence)
                .credit
                .authors
                .is_empty()
        );
    }

    #[test]
    fn nested_credit_marks_stay_cheap() {
        // Thousands of nested credit- and caption-marked elements around and after many
        // images: every walk is bounded, so this stays fast.
        let nest = |class: &str, n: usize| {
            format!(
                "{}Ann Lee{}",
                format!("<div class=\"{class}\">").repeat(n),
                "</div>".repeat(n)
            )
        };
        let one = format!(
            "<figure><img src=\"/a.jpg\"><figcaption>{}</figcaption></figure>{}",
            nest("credit source", 200),
            nest("caption credit", 200)
        );
        let html = one.repeat(50);
        let start = std::time::Instant::now();
        let scan = scan_html(&html, None, &PageLimits::default());
        assert_eq!(scan.images.len(), 50);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }

    #[test]
    fn a_caption_named_by_aria_describedby() {
        let html = r#"<div class="media"><img src="/a.jpg" alt="" aria-describedby="cap-a"></div>
<p>Some paragraph of the article that is long enough not to be any caption at all.</p>
<p id="cap-a">The harbour at dawn. Photo: Ann Lee</p>
<figure aria-describedby="cap-b"><img src="/b.jpg"><figcaption id="cap-b">Photo: Bo Park</figcaption></figure>"#;
        let imgs = images_in_html(html, None);
        assert_eq!(imgs.len(), 2);
        let authors = |i: usize| crate::credit::merge(&imgs[i].evidence).credit.authors;
        assert_eq!(authors(0), ["Ann Lee"]);
        assert_eq!(origins(&imgs[0]), ["html:caption-text", "html:figcaption"]);
        assert_eq!(authors(1), ["Bo Park"]);
        assert_eq!(origins(&imgs[1]), ["html:figcaption"]);
    }
}
