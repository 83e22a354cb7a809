//! The pipeline for URLs and HTML pages: one [`Item`] per image, with `page` set for the images
//! of a page.
//!
//! - An image URL: its embedded metadata (fetched by Range, see [`crate::web::fetch`]) and the
//!   `Link: <…>; rel="license"` headers of its answer.
//! - A page URL or a local `.html` file: every image of the page ([`crate::web::page`]) with the
//!   evidence around it, plus each image's own metadata (bounded and concurrent for URLs; for
//!   a local file only images that are local files: nothing is fetched that the user did not
//!   name). When the page names one license and the image's metadata another, that is a
//!   `page-metadata-conflict` finding.
//! - Wikimedia Commons files and Flickr photo pages: their APIs ([`crate::web::commons`],
//!   [`crate::web::flickr`]).
//!
//! Every failure is an item with an error naming the URL, never a panic.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use url::Url;

use super::{Item, ItemError, conclude};
use crate::assess::Use;
use crate::credit::merge;
use crate::evidence::{Evidence, origin as o};
use crate::finding::{Finding, FindingKind};
use crate::metadata;
use crate::web::fetch::{FetchError, Fetcher, ImageReader, Opened};
use crate::web::page::{PageImage, PageLimits, scan_html};
use crate::web::{commons, flickr};

/// What an image's own bytes said.
#[derive(Debug)]
struct ImageSide {
    evidence: Vec<Evidence>,
    format: Option<metadata::Format>,
    bytes_read: Option<u64>,
    findings: Vec<Finding>,
    errors: Vec<ItemError>,
}

fn error_item(target: &str, page: Option<&str>, e: &FetchError) -> Item {
    let mut item = Item::new(target.to_string());
    item.page = page.map(str::to_string);
    item.errors.push(ItemError {
        kind: e.name(),
        message: e.to_string(),
    });
    item
}

fn metadata_error_kind(e: &metadata::Error) -> &'static str {
    match e.kind {
        metadata::ErrorKind::Io(_) => "io",
        metadata::ErrorKind::Empty => "empty",
        metadata::ErrorKind::NotAnImage(_) => "not-an-image",
    }
}

/// Reads the metadata of an opened image URL.
fn read_remote(mut reader: ImageReader<'_>, name: &str) -> ImageSide {
    let mut side = ImageSide {
        evidence: reader
            .link_licenses()
            .into_iter()
            .map(|l| Evidence::new(o::HTTP_LINK_LICENSE, l))
            .collect(),
        format: None,
        bytes_read: None,
        findings: Vec::new(),
        errors: Vec::new(),
    };
    let block = reader.block_size();
    match metadata::read_reader_in_blocks(&mut reader, block) {
        Ok(meta) => {
            side.format = Some(meta.format);
            side.evidence.extend(meta.evidence);
            side.findings.extend(
                meta.problems
                    .into_iter()
                    .map(|p| Finding::new(FindingKind::MetadataProblem, format!("{name}: {p}"))),
            );
        }
        Err(e) => {
            let kind = metadata_error_kind(&e);
            let ct = reader.content_type();
            let detail = match (&e.kind, ct) {
                (metadata::ErrorKind::NotAnImage(d), Some(ct)) => {
                    format!("not an image ({d}; the server says {ct})")
                }
                (k, _) => k.to_string(),
            };
            side.errors.push(ItemError {
                kind,
                message: format!("{name}: {detail}"),
            });
        }
    }
    side.bytes_read = Some(reader.received());
    side
}

fn fetch_image_side(fetcher: &Fetcher, url: &str) -> ImageSide {
    let failed = |e: FetchError| ImageSide {
        evidence: Vec::new(),
        format: None,
        bytes_read: None,
        findings: Vec::new(),
        errors: vec![ItemError {
            kind: e.name(),
            message: e.to_string(),
        }],
    };
    let parsed = match Url::parse(url) {
        Ok(u) => u,
        Err(e) => {
            return failed(FetchError::new(
                url,
                crate::web::FetchErrorKind::InvalidUrl(e.to_string()),
            ));
        }
    };
    match fetcher.open_image(&parsed) {
        Ok(r) => read_remote(r, url),
        Err(e) => failed(e),
    }
}

fn local_image_side(path: &Path) -> ImageSide {
    let mut side = ImageSide {
        evidence: Vec::new(),
        format: None,
        bytes_read: None,
        findings: Vec::new(),
        errors: Vec::new(),
    };
    match metadata::read_path(path) {
        Ok(meta) => {
            side.format = Some(meta.format);
            side.bytes_read = Some(meta.bytes_read);
            side.evidence = meta.evidence;
            side.findings.extend(meta.problems.into_iter().map(|p| {
                Finding::new(
                    FindingKind::MetadataProblem,
                    format!("{}: {p}", path.display()),
                )
            }));
        }
        Err(e) => side.errors.push(ItemError {
            kind: metadata_error_kind(&e),
            message: e.to_string(),
        }),
    }
    side
}

/// Adds a `page-metadata-conflict` finding when the page's evidence and the image's own name
/// licenses that disagree.
fn page_vs_image(page_ev: &[Evidence], image_ev: &[Evidence]) -> Option<Finding> {
    let page = merge(page_ev).credit.license?;
    let image = merge(image_ev).credit.license?;
    if page.agrees_with(image) {
        return None;
    }
    let mut origins: Vec<_> = page_ev.iter().chain(image_ev).map(|e| e.origin).collect();
    origins.sort();
    origins.dedup();
    Some(Finding {
        kind: FindingKind::PageMetadataConflict,
        message: format!(
            "the page says {} but the image's own metadata says {}",
            page.short_code(),
            image.short_code()
        ),
        origins,
        locations: Vec::new(),
    })
}

/// Builds the item of one image from what the page says and what the image says. Page-wide
/// evidence (`wide`) is taken only when nothing nearer names a license: a site's license for
/// its text is no statement about a photo that is credited otherwise.
fn item_for(
    target: String,
    page: &str,
    (mut page_ev, wide): (Vec<Evidence>, Vec<Evidence>),
    side: Option<ImageSide>,
    proposed: &Use,
) -> Item {
    let mut item = Item::new(target);
    item.page = Some(page.to_string());
    let image_ev = side
        .as_ref()
        .map(|s| s.evidence.clone())
        .unwrap_or_default();
    if !wide.is_empty() {
        let all: Vec<Evidence> = page_ev.iter().chain(&image_ev).cloned().collect();
        if merge(&all).credit.license.is_none() {
            page_ev.extend(wide);
        }
    }
    if let Some(f) = page_vs_image(&page_ev, &image_ev) {
        item.findings.push(f);
    }
    item.evidence = page_ev;
    item.evidence.extend(image_ev);
    if let Some(s) = side {
        item.format = s.format;
        item.bytes_read = s.bytes_read;
        item.findings.extend(s.findings);
        item.errors.extend(s.errors);
    }
    conclude(&mut item, proposed);
    item
}

/// The page evidence of an image, located at `page:line`, and the page-wide evidence, located
/// at `page`.
fn located(im: &PageImage, page: &str) -> (Vec<Evidence>, Vec<Evidence>) {
    let here = match im.line {
        Some(l) => format!("{page}:{l}"),
        None => page.to_string(),
    };
    (
        im.evidence
            .iter()
            .map(|e| e.clone().at(here.clone()))
            .collect(),
        im.page_wide.iter().map(|e| e.clone().at(page)).collect(),
    )
}

fn page_findings(problems: &[String], page: &str) -> Vec<Finding> {
    problems
        .iter()
        .map(|p| Finding::new(FindingKind::PageProblem, format!("{page}: {p}")))
        .collect()
}

fn no_images(page: &str) -> Item {
    let mut item = Item::new(page.to_string());
    item.page = Some(page.to_string());
    item.errors.push(ItemError {
        kind: "no-images",
        message: format!("{page}: the page shows no images"),
    });
    item
}

/// Runs `f` over `n` indexes on up to `workers` threads; results in index order.
fn parallel<T: Send>(n: usize, workers: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<T>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers.clamp(1, n.max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let r = f(i);
                    out.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                }
            });
        }
    });
    out.into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

fn page_limits(fetcher: Option<&Fetcher>) -> PageLimits {
    let mut l = PageLimits::default();
    if let Some(f) = fetcher {
        l.max_html_bytes = usize::try_from(f.config().max_page_bytes).unwrap_or(usize::MAX);
    }
    l
}

/// Checks a page fetched from `page_url`: its images, each with its own metadata.
fn check_page(html: &str, page_url: &Url, fetcher: &Fetcher, proposed: &Use) -> Vec<Item> {
    let page = page_url.as_str();
    let scan = scan_html(html, Some(page_url), &page_limits(Some(fetcher)));
    if scan.images.is_empty() {
        let mut item = no_images(page);
        item.findings = page_findings(&scan.problems, page);
        return vec![item];
    }
    let max = fetcher.config().max_page_images_fetched;
    let fetchable = |im: &PageImage| crate::web::is_url(&im.src);
    let sides = parallel(
        scan.images.len(),
        fetcher.config().per_host.max(2) * 2,
        |i| {
            let im = &scan.images[i];
            (i < max && fetchable(im)).then(|| fetch_image_side(fetcher, &im.src))
        },
    );
    let problems = page_findings(&scan.problems, page);
    let mut items = Vec::with_capacity(scan.images.len());
    for (i, (im, side)) in scan.images.iter().zip(sides).enumerate() {
        let skipped = side.is_none() && fetchable(im);
        let mut item = item_for(im.src.clone(), page, located(im, page), side, proposed);
        if skipped {
            item.findings.push(Finding::new(
                FindingKind::PageProblem,
                format!(
                    "{}: metadata not fetched (only the first {max} images of a page are)",
                    im.src
                ),
            ));
        }
        if i == 0 {
            item.findings.extend(problems.iter().cloned());
        }
        items.push(item);
    }
    items
}

/// Checks a local HTML file: its images with the evidence around them, and the metadata of
/// those that are local files next to it. Nothing is fetched.
pub fn check_html_file(path: &Path, proposed: &Use) -> Vec<Item> {
    let page = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let mut item = Item::new(page.clone());
            item.page = Some(page.clone());
            item.errors.push(ItemError {
                kind: "io",
                message: format!("{page}: cannot read: {e}"),
            });
            return vec![item];
        }
    };
    let html = String::from_utf8_lossy(&bytes);
    let scan = scan_html(&html, None, &page_limits(None));
    if scan.images.is_empty() {
        let mut item = no_images(&page);
        item.findings = page_findings(&scan.problems, &page);
        return vec![item];
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let problems = page_findings(&scan.problems, &page);
    let mut items = Vec::new();
    for (i, im) in scan.images.iter().enumerate() {
        let (target, side, note) = if crate::web::is_url(&im.src) || im.src.contains("://") {
            let note = format!(
                "{}: a remote image; its metadata is not fetched when checking a local file (check the URL to include it)",
                im.src
            );
            (im.src.clone(), None, Some(note))
        } else {
            let rel = im.src.split(['?', '#']).next().unwrap_or("");
            let rel = rel.trim_start_matches('/');
            let file = dir.join(rel);
            if file.is_file() {
                let side = local_image_side(&file);
                (file.display().to_string(), Some(side), None)
            } else {
                let note = format!("{}: the image file was not found", file.display());
                (file.display().to_string(), None, Some(note))
            }
        };
        let mut item = item_for(target, &page, located(im, &page), side, proposed);
        if let Some(n) = note {
            item.findings
                .push(Finding::new(FindingKind::PageProblem, n));
        }
        if i == 0 {
            item.findings.extend(problems.iter().cloned());
        }
        items.push(item);
    }
    items
}

/// A Wikimedia Commons file: the API's evidence, plus the original's own metadata.
fn check_commons(
    url: &Url,
    title: &str,
    fetcher: &Fetcher,
    proposed: &Use,
) -> Result<Item, FetchError> {
    let info = commons::lookup(fetcher, title)?;
    let is_upload = url.path().contains("/wikipedia/commons/");
    let page = if is_upload {
        info.description_url.clone()
    } else {
        Some(url.to_string())
    };
    let target = if is_upload {
        url.to_string()
    } else {
        info.image_url.clone().unwrap_or_else(|| url.to_string())
    };
    let side = crate::web::is_url(&target).then(|| fetch_image_side(fetcher, &target));
    let at = page.clone().unwrap_or_else(|| target.clone());
    let ev: Vec<Evidence> = info
        .evidence
        .into_iter()
        .map(|e| e.at(at.clone()))
        .collect();
    let mut item = item_for(target, &at, (ev, Vec::new()), side, proposed);
    item.page = page;
    Ok(item)
}

/// A Flickr photo page: oEmbed's evidence and the page's license links, plus the image's own
/// metadata.
fn check_flickr(url: &Url, fetcher: &Fetcher, proposed: &Use) -> Result<Item, FetchError> {
    let oe = flickr::oembed(fetcher, url)?;
    let page = url.to_string();
    let mut ev: Vec<Evidence> = oe
        .evidence
        .into_iter()
        .map(|e| e.at(page.clone()))
        .collect();
    // The page's license link is a second witness; a page that fails is not fatal.
    let mut page_note = None;
    match fetcher.fetch(url, "text/html,*/*;q=0.5") {
        Ok(p) => ev.extend(
            flickr::page_license_links(&p.text(), &p.url)
                .into_iter()
                .map(|l| Evidence::new(o::HTML_REL_LICENSE, l).at(page.clone())),
        ),
        Err(e) => page_note = Some(e.to_string()),
    }
    let target = oe.url.clone().unwrap_or_else(|| page.clone());
    let side = oe.url.as_deref().map(|u| fetch_image_side(fetcher, u));
    let mut item = item_for(target, &page, (ev, Vec::new()), side, proposed);
    if let Some(n) = page_note {
        item.findings
            .push(Finding::new(FindingKind::PageProblem, n));
    }
    Ok(item)
}

/// Checks one URL: an image, a page, a Commons file or a Flickr photo page.
pub fn check_url(target: &str, proposed: &Use, fetcher: &Fetcher) -> Vec<Item> {
    let url = match Url::parse(target.trim()) {
        Ok(u) => u,
        Err(e) => {
            let err = FetchError::new(
                target,
                crate::web::FetchErrorKind::InvalidUrl(e.to_string()),
            );
            return vec![error_item(target, None, &err)];
        }
    };
    let sites = &fetcher.config().sites;
    if let Some(title) = commons::file_title(&url, sites) {
        return vec![
            check_commons(&url, &title, fetcher, proposed)
                .unwrap_or_else(|e| error_item(target, None, &e)),
        ];
    }
    if flickr::is_photo_page(&url, sites) {
        return vec![
            check_flickr(&url, fetcher, proposed)
                .unwrap_or_else(|e| error_item(target, Some(target), &e)),
        ];
    }
    match fetcher.open(&url) {
        Ok(Opened::Page(p)) => check_page(&p.text(), &p.url, fetcher, proposed),
        Ok(Opened::Image(r)) => {
            let side = read_remote(*r, target);
            let mut item = Item::new(target.to_string());
            item.format = side.format;
            item.bytes_read = side.bytes_read;
            item.evidence = side.evidence;
            item.findings = side.findings;
            item.errors = side.errors;
            if item.errors.is_empty() {
                conclude(&mut item, proposed);
            }
            vec![item]
        }
        Err(e) => vec![error_item(target, None, &e)],
    }
}

/// Checks several URLs, [`crate::web::FetchConfig::concurrency`] at a time; the items come in
/// the order of `targets`.
pub fn check_urls(targets: &[String], proposed: &Use, fetcher: &Fetcher) -> Vec<Item> {
    parallel(targets.len(), fetcher.config().concurrency, |i| {
        check_url(&targets[i], proposed, fetcher)
    })
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::license::License;

    #[test]
    fn a_local_page_like_the_seed_article() {
        let dir = std::env::temp_dir().join(format!("licit-web-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = dir.join("article.html");
        std::fs::write(
            &page,
            "<article><p><img src=\"missing.jpg\"></p>\n<p>Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)</p></article>",
        )
        .unwrap();
        let items = check_html_file(&page, &Use::parse("commercial").unwrap());
        assert_eq!(items.len(), 1);
        let c = items[0].credit.as_ref().unwrap();
        assert_eq!(c.authors, ["IHH Humanitarian Relief Foundation"]);
        assert_eq!(c.license.map(License::key), Some("by-nc-nd/2.0"));
        assert_eq!(items[0].verdict(), Some(crate::assess::Verdict::NotAllowed));
        assert_eq!(items[0].page.as_deref(), Some(page.to_str().unwrap()));
        assert!(items[0].findings[0].message.contains("not found"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn page_and_image_disagreeing_is_a_finding() {
        let page = [Evidence::new(
            o::HTML_FIGCAPTION,
            "Photo: Jane Doe (CC BY 2.0)",
        )];
        let image = [Evidence::new(
            o::XMP_CC_LICENSE,
            "https://creativecommons.org/licenses/by-nc/4.0/",
        )];
        let f = page_vs_image(&page, &image).unwrap();
        assert_eq!(f.kind, FindingKind::PageMetadataConflict);
        assert!(f.message.contains("CC BY 2.0"), "{}", f.message);
        assert!(page_vs_image(&page, &page).is_none());
    }
}
