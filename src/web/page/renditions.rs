//! One picture shown more than once on a page: the article's photo and its thumbnail in a
//! gallery strip, a lightbox copy, the `og:image` crop. Sites credit it once, beside the large
//! copy; the others are the same file at another size ("…/article_970/mob15-3-web.jpg" and
//! "…/rotator_thumbs_50_50/mob15-3-web.jpg", "ship-300x200.jpg" and "ship.jpg"). An image with
//! no credit of its own takes the credit of the one copy that has one, when the file name says
//! clearly that they are one picture: a distinctive name, and every credited copy agrees.

use std::collections::HashMap;

use super::PageImage;
use crate::evidence::{Origin, origin as o};

/// Evidence that describes a picture but says nothing of who made it or its license.
const DESCRIPTIVE: &[Origin] = &[
    o::HTML_ALT,
    o::HTML_TITLE,
    o::HTML_CAPTION_TEXT,
    o::HTML_NEARBY_TEXT,
    o::HTML_LINK,
    o::RDFA_TITLE,
];

/// Parts of a file name that make it a stand-in, not a picture of its own.
const GENERIC: &[&str] = &[
    "placeholder",
    "missing",
    "default",
    "blank",
    "spacer",
    "loading",
    "lazy",
    "transparent",
    "pixel",
    "noimage",
    "no-image",
    "fallback",
    "thumbnail",
];

/// The picture a URL names, by its file name: lower case, without the query, the extension
/// and a trailing WordPress size ("-300x200", "-scaled"); `None` when the name is too short or
/// too plain to tell one picture from another ("image.jpg", "3000.jpg", "placeholder.svg").
fn picture_key(url: &str) -> Option<String> {
    if url.starts_with("data:") {
        return None;
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let name = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let stem = stem.strip_suffix("-scaled").unwrap_or(stem);
    let stem = match stem.rsplit_once('-') {
        Some((head, size)) if is_size(size) => head,
        _ => stem,
    };
    let digits = stem.chars().any(|c| c.is_ascii_digit());
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    let distinctive = letters >= 3 && (stem.len() >= 10 || (digits && stem.len() >= 6));
    (distinctive && !GENERIC.iter().any(|g| stem.contains(g))).then(|| stem.to_string())
}

/// "300x200": a rendition's size in a file name.
fn is_size(s: &str) -> bool {
    s.split_once('x').is_some_and(|(w, h)| {
        !w.is_empty()
            && !h.is_empty()
            && w.chars().all(|c| c.is_ascii_digit())
            && h.chars().all(|c| c.is_ascii_digit())
    })
}

/// Whether an image has evidence of who made it or of its license, not only descriptions.
pub(super) fn credited(im: &PageImage) -> bool {
    im.evidence.iter().any(|e| !DESCRIPTIVE.contains(&e.origin))
}

/// Gives each uncredited image the credit evidence of the one credited copy of its picture.
pub(super) fn share_credits(images: &mut [PageImage]) {
    // key -> the credited image, or None when copies with different credits disagree.
    let mut sources: HashMap<String, Option<usize>> = HashMap::new();
    for (i, im) in images.iter().enumerate() {
        if !credited(im) {
            continue;
        }
        let Some(key) = picture_key(&im.src) else {
            continue;
        };
        sources
            .entry(key)
            .and_modify(|s| {
                let same = s.is_some_and(|j| credit_of(&images[j]) == credit_of(im));
                if !same {
                    *s = None;
                }
            })
            .or_insert(Some(i));
    }
    if sources.is_empty() {
        return;
    }
    for i in 0..images.len() {
        if credited(&images[i]) {
            continue;
        }
        let Some(Some(j)) = picture_key(&images[i].src).and_then(|k| sources.get(&k).copied())
        else {
            continue;
        };
        let shared: Vec<_> = images[j]
            .evidence
            .iter()
            .filter(|e| !DESCRIPTIVE.contains(&e.origin))
            .cloned()
            .collect();
        images[i].evidence.extend(shared);
    }
}

/// The credit evidence of an image, as (origin, value) pairs, to compare two copies.
fn credit_of(im: &PageImage) -> Vec<(&str, &str)> {
    im.evidence
        .iter()
        .filter(|e| !DESCRIPTIVE.contains(&e.origin))
        .map(|e| (e.origin.as_str(), e.value.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picture_keys() {
        assert_eq!(
            picture_key("https://a.example/derivatives/article_970/mob15n-3-web.jpg").as_deref(),
            Some("mob15n-3-web")
        );
        assert_eq!(
            picture_key("https://a.example/wp/2019/02/P2210544rs-640x423.jpg?w=1").as_deref(),
            Some("p2210544rs")
        );
        assert_eq!(
            picture_key("/uploads/harbour-at-dawn-scaled.jpg").as_deref(),
            Some("harbour-at-dawn")
        );
        for plain in [
            "/img/image.jpg",
            "/master/3000.jpg",
            "/a/placeholder-image.svg",
            "/a/missing-image.svg",
            "data:image/gif;base64,R0lGOD",
            "/a/1.jpg",
        ] {
            assert_eq!(picture_key(plain), None, "{plain}");
        }
    }
}
