//! Flickr photo pages, read from their HTML: the owner's name (`a.owner-name`) and the license
//! area (`.photo-license-info`, `a.photo-license-url`), about the page's main photo
//! (`img.main-photo`, else its `og:image`).

use scraper::Html;

use super::dom::{Ctx, sel, text_of};
use crate::evidence::{Evidence, origin as o};

/// What a photo page says about its photo.
pub(super) struct PhotoPage {
    /// The photo's URLs: the main photo shown, or the page's `og:image`.
    pub urls: Vec<String>,
    pub evidence: Vec<Evidence>,
}

pub(super) fn read(doc: &Html, ctx: &Ctx<'_>, og: &[String]) -> Option<PhotoPage> {
    let main = doc.select(&sel("img.main-photo")).next();
    let mut urls: Vec<String> = main
        .and_then(|m| m.value().attr("src"))
        .map(|s| ctx.resolve(s))
        .into_iter()
        .collect();
    if urls.is_empty() {
        // Without the photo element the page is a Flickr page only when its image is Flickr's.
        urls.extend(
            og.iter()
                .filter(|u| u.contains("staticflickr.com/"))
                .take(1)
                .cloned(),
        );
    }
    if urls.is_empty() {
        return None;
    }
    let mut evidence = Vec::new();
    if let Some(owner) = doc.select(&sel("a.owner-name")).next() {
        let t = text_of(owner, 300);
        if !t.is_empty() {
            evidence.push(Evidence::new(o::FLICKR_OWNER, t));
        }
    }
    let license = doc
        .select(&sel(".photo-license-info a, a.photo-license-url"))
        .next();
    if let Some(a) = license {
        if let Some(href) = a.value().attr("href") {
            evidence.push(Evidence::new(o::FLICKR_LICENSE, ctx.resolve(href)));
        }
        let t = text_of(a, 300);
        if !t.is_empty() {
            evidence.push(Evidence::new(o::FLICKR_LICENSE, t));
        }
    }
    (!evidence.is_empty()).then_some(PhotoPage { urls, evidence })
}
