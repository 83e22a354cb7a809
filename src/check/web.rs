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

use super::{Conclude, ImageRead, Item, ItemError, Showing, error_kind, item_from};
use crate::assess::Use;
use crate::credit::merge;
use crate::evidence::{Evidence, origin as o};
use crate::finding::{Finding, FindingKind, Location};
use crate::metadata;
use crate::web::fetch::{FetchError, Fetcher, ImageReader, Opened};
use crate::web::page::{PageImage, PageLimits, scan_html};
use crate::web::{FetchErrorKind, commons, flickr};

fn fetch_error(e: &FetchError) -> ItemError {
    ItemError::new(e.name(), e.to_string())
}

fn error_item(target: &str, page: Option<&str>, e: &FetchError) -> Item {
    Item::failed(target.to_string(), page.map(str::to_string), fetch_error(e))
}

/// Reads the metadata of an opened image URL, with the licenses its `Link` headers name.
fn read_remote(mut reader: ImageReader<'_>, name: &str) -> ImageRead {
    let mut links: Vec<Evidence> = reader
        .link_licenses()
        .into_iter()
        .map(|l| Evidence::new(o::HTTP_LINK_LICENSE, l))
        .collect();
    links.extend(crate::web::tdm::header_signals(reader.headers()));
    let block = reader.block_size();
    let meta = metadata::read_reader_in_blocks(&mut reader, block);
    let mut read = match meta {
        Err(e) => {
            let detail = match (&e.kind, reader.content_type()) {
                (metadata::ErrorKind::NotAnImage(d), Some(ct)) => {
                    format!("not an image ({d}; the server says {ct})")
                }
                (k, _) => k.to_string(),
            };
            let mut r = ImageRead::failed(ItemError::new(
                error_kind::of_metadata(&e),
                format!("{name}: {detail}"),
            ));
            r.evidence = links;
            r
        }
        Ok(meta) => {
            let mut r = ImageRead::from_metadata(Ok(meta));
            r.evidence.splice(0..0, links);
            if r.c2pa_store {
                // Validation hashes the whole file; over HTTP only the metadata is fetched.
                r.findings.push(Finding::new(
                    FindingKind::MetadataProblem,
                    "the image carries C2PA content credentials; licit validates them only in \
                     local files (download it and check the file), so none of their claims is \
                     used here",
                ));
            }
            r
        }
    };
    read.bytes_read = Some(reader.received());
    read
}

/// Fetches an image URL's metadata.
fn fetch_image(fetcher: &Fetcher, url: &str) -> ImageRead {
    let parsed = match Url::parse(url) {
        Ok(u) => u,
        Err(e) => {
            let e = FetchError::new(url, FetchErrorKind::InvalidUrl(e.to_string()));
            return ImageRead::failed(fetch_error(&e));
        }
    };
    match fetcher.open_image(&parsed) {
        Ok(r) => read_remote(r, url),
        Err(e) => ImageRead::failed(fetch_error(&e)),
    }
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

/// The item of one image of a page: the page shows it (its evidence located at `page:line`)
/// and its own bytes say `read`. Page-wide evidence is taken only when nothing nearer names a
/// license: a site's license for its text is no statement about a photo credited otherwise.
fn page_item(
    target: String,
    page: &str,
    im: &PageImage,
    read: ImageRead,
    how: &dyn Conclude,
) -> Item {
    let here = match im.line {
        Some(l) => format!("{page}:{l}"),
        None => page.to_string(),
    };
    let mut page_ev: Vec<Evidence> = im
        .evidence
        .iter()
        .map(|e| e.clone().at(here.clone()))
        .collect();
    if !im.page_wide.is_empty() {
        let all: Vec<Evidence> = page_ev.iter().chain(&read.evidence).cloned().collect();
        if merge(&all).credit.license.is_none() {
            page_ev.extend(im.page_wide.iter().map(|e| e.clone().at(page)));
        }
    }
    let conflict = page_vs_image(&page_ev, &read.evidence);
    let mut read = read;
    read.evidence.splice(0..0, page_ev.iter().cloned());
    let showing = Showing {
        location: Location {
            file: page.to_string(),
            line: im.line,
        },
        evidence: page_ev,
    };
    let mut item = item_from(target, Some(page.to_string()), &[showing], read, how);
    if let Some(f) = conflict {
        item.findings.insert(0, f);
    }
    item
}

fn page_findings(problems: &[String]) -> Vec<Finding> {
    problems
        .iter()
        .map(|p| Finding::new(FindingKind::PageProblem, p.clone()))
        .collect()
}

fn no_images(page: &str, problems: &[String]) -> Item {
    let mut item = Item::failed(
        page.to_string(),
        Some(page.to_string()),
        ItemError::new(
            error_kind::NO_IMAGES,
            format!("{page}: the page shows no images"),
        ),
    );
    item.findings = page_findings(problems);
    item
}

/// Runs `f` over `n` indexes on up to `workers` threads; results in index order.
pub(crate) fn parallel<T: Send>(n: usize, workers: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
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

/// Checks a page fetched from `page_url`: its images, each with its own metadata. The images
/// share the page's deadline ([`crate::web::FetchConfig::page_timeout`]): a page of stalled
/// images ends when it passes, each image not fetched by then saying so.
fn check_page(
    html: &str,
    page_url: &Url,
    signals: &[Evidence],
    fetcher: &Fetcher,
    how: &dyn Conclude,
) -> Vec<Item> {
    let page = page_url.as_str();
    let scan = scan_html(html, Some(page_url), &page_limits(Some(fetcher)));
    if scan.images.is_empty() {
        return vec![no_images(page, &scan.problems)];
    }
    let max = fetcher.config().max_page_images_fetched;
    let fetchable = |im: &PageImage| crate::web::is_url(&im.src);
    let page_fetcher = fetcher.for_page();
    let reads = parallel(
        scan.images.len(),
        fetcher.config().per_host.max(2) * 2,
        |i| {
            let im = &scan.images[i];
            (i < max && fetchable(im)).then(|| fetch_image(&page_fetcher, &im.src))
        },
    );
    let problems = page_findings(&scan.problems);
    let mut items = Vec::with_capacity(scan.images.len());
    for (i, (im, read)) in scan.images.iter().zip(reads).enumerate() {
        let skipped = read.is_none() && fetchable(im);
        let mut read = read.unwrap_or_default();
        read.evidence.extend(page_signals(signals, page));
        let mut item = page_item(im.src.clone(), page, im, read, how);
        if skipped {
            item.findings.push(Finding::new(
                FindingKind::PageProblem,
                format!("metadata not fetched (only the first {max} images of a page are)"),
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
/// those that are local files next to it (and their XMP sidecars). Nothing is fetched.
pub fn check_html_file(path: &Path, proposed: &Use) -> Vec<Item> {
    check_html_file_with(path, proposed)
}

/// [`check_html_file`], concluded by `how`.
pub fn check_html_file_with(path: &Path, how: &dyn Conclude) -> Vec<Item> {
    let page = path.display().to_string();
    let bytes = match crate::check::read_regular(path, super::MAX_DOCUMENT) {
        Ok(b) => b,
        Err(e) => return vec![Item::failed(page.clone(), Some(page), e)],
    };
    let html = crate::web::charset::decode_html(&bytes, None).text;
    let scan = scan_html(&html, None, &page_limits(None));
    if scan.images.is_empty() {
        return vec![no_images(&page, &scan.problems)];
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let problems = page_findings(&scan.problems);
    let signals = crate::web::tdm::meta_signals(&html);
    let mut items = Vec::new();
    for (i, im) in scan.images.iter().enumerate() {
        let (target, read, note) = if crate::web::is_url(&im.src) || im.src.contains("://") {
            let note = "a remote image; its metadata is not fetched when checking a local file (check the URL to include it)";
            (im.src.clone(), ImageRead::default(), Some(note))
        } else {
            let rel = im.src.split(['?', '#']).next().unwrap_or("");
            let rel = rel.trim_start_matches('/');
            let file = dir.join(rel);
            if file.is_file() {
                let sidecar = metadata::sidecar_for(&file);
                let read = ImageRead::local(&file, sidecar.as_deref());
                (file.display().to_string(), read, None)
            } else {
                (
                    file.display().to_string(),
                    ImageRead::default(),
                    Some("the image file was not found"),
                )
            }
        };
        let mut read = read;
        read.evidence.extend(page_signals(&signals, &page));
        let mut item = page_item(target, &page, im, read, how);
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

/// An item from a site API's evidence about one image (located at `at`), plus the image's own
/// metadata when `image_url` is known.
fn api_item(
    target: String,
    page: Option<String>,
    at: &str,
    api: Vec<Evidence>,
    image_url: Option<&str>,
    fetcher: &Fetcher,
    how: &dyn Conclude,
) -> Item {
    let mut read = image_url
        .map(|u| fetch_image(fetcher, u))
        .unwrap_or_default();
    read.evidence
        .splice(0..0, api.into_iter().map(|e| e.at(at.to_string())));
    let mut item = item_from(target, page.clone(), &[], read, how);
    if page.is_none() && item.assessment.is_none() {
        how.conclude(&mut item, &[]);
    }
    item
}

/// A Wikimedia Commons file: the API's evidence, plus the original's own metadata.
fn check_commons(
    url: &Url,
    title: &str,
    fetcher: &Fetcher,
    how: &dyn Conclude,
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
    let at = page.clone().unwrap_or_else(|| target.clone());
    let image = crate::web::is_url(&target).then_some(target.as_str());
    let image = image.map(str::to_string);
    Ok(api_item(
        target,
        page,
        &at,
        info.evidence,
        image.as_deref(),
        fetcher,
        how,
    ))
}

/// A Flickr photo page: oEmbed's evidence and the page's license links, plus the image's own
/// metadata.
fn check_flickr(url: &Url, fetcher: &Fetcher, how: &dyn Conclude) -> Result<Item, FetchError> {
    let oe = flickr::oembed(fetcher, url)?;
    let page = url.to_string();
    let mut ev = oe.evidence;
    // The page's license link is a second witness; a page that fails is not fatal.
    let mut page_note = None;
    match fetcher.fetch(url, "text/html,*/*;q=0.5") {
        Ok(p) => ev.extend(
            flickr::page_license_links(&p.text(), &p.url)
                .into_iter()
                .map(|l| Evidence::new(o::HTML_REL_LICENSE, l)),
        ),
        Err(e) => page_note = Some(e.to_string()),
    }
    let target = oe.url.clone().unwrap_or_else(|| page.clone());
    let mut item = api_item(
        target,
        Some(page.clone()),
        &page,
        ev,
        oe.url.as_deref(),
        fetcher,
        how,
    );
    if let Some(n) = page_note {
        item.findings
            .push(Finding::new(FindingKind::PageProblem, n));
    }
    Ok(item)
}

/// Checks one URL: an image, a page, a Commons file or a Flickr photo page.
pub fn check_url(target: &str, proposed: &Use, fetcher: &Fetcher) -> Vec<Item> {
    check_url_with(target, fetcher, proposed)
}

/// [`check_url`], concluded by `how`.
pub fn check_url_with(target: &str, fetcher: &Fetcher, how: &dyn Conclude) -> Vec<Item> {
    let url = match Url::parse(target.trim()) {
        Ok(u) => u,
        Err(e) => {
            let err = FetchError::new(target, FetchErrorKind::InvalidUrl(e.to_string()));
            return vec![error_item(target, None, &err)];
        }
    };
    let sites = &fetcher.config().sites;
    if let Some(title) = commons::file_title(&url, sites) {
        return vec![
            check_commons(&url, &title, fetcher, how)
                .unwrap_or_else(|e| error_item(target, None, &e)),
        ];
    }
    if flickr::is_photo_page(&url, sites) {
        return vec![
            check_flickr(&url, fetcher, how)
                .unwrap_or_else(|e| error_item(target, Some(target), &e)),
        ];
    }
    match fetcher.open(&url) {
        Ok(Opened::Page(p)) => {
            let text = p.text();
            // The page's own signals: its headers, its <meta> tags, its site's tdmrep.json.
            let mut signals = p.signals.clone();
            signals.extend(crate::web::tdm::meta_signals(&text));
            let (well_known, problem) = tdmrep(fetcher, &p.url, how);
            signals.extend(well_known);
            let mut items = check_page(&text, &p.url, &signals, fetcher, how);
            if let (Some(first), Some(problem)) = (items.first_mut(), problem) {
                first
                    .findings
                    .push(Finding::new(FindingKind::PageProblem, problem));
            }
            items
        }
        Ok(Opened::Image(r)) => {
            let final_url = r.url().clone();
            let mut read = read_remote(*r, target);
            let (well_known, problem) = tdmrep(fetcher, &final_url, how);
            read.evidence.extend(well_known);
            if let Some(problem) = problem {
                read.findings
                    .push(Finding::new(FindingKind::PageProblem, problem));
            }
            vec![item_from(target.to_string(), None, &[], read, how)]
        }
        Err(e) => vec![error_item(target, None, &e)],
    }
}

/// The site's `tdmrep.json` rule for `url`, when the use needs it.
fn tdmrep(fetcher: &Fetcher, url: &Url, how: &dyn Conclude) -> (Vec<Evidence>, Option<String>) {
    if how.reads_tdmrep() {
        crate::web::tdm::well_known(fetcher, url)
    } else {
        (Vec::new(), None)
    }
}

/// A page's data-mining signals, located at the page unless read elsewhere (`tdmrep.json`).
fn page_signals<'a>(signals: &'a [Evidence], page: &'a str) -> impl Iterator<Item = Evidence> + 'a {
    signals.iter().map(move |e| match e.location {
        Some(_) => e.clone(),
        None => e.clone().at(page),
    })
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
