//! A credit written away from its picture but linked to the same place: a blog post pastes a
//! Flickr thumbnail linked to its photo page at the top and "Photo: <a href=…same page…>name</a>"
//! at the bottom. The shared link says which picture the credit is about. Only an image with
//! no credit of its own takes one, only when that link holds no other picture, and only from a
//! short element that starts like a credit.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::PageImage;
use super::dom::{holds_img, sel, text_len_upto, text_of};
use super::renditions::credited;
use super::words::starts_like_credit;
use crate::evidence::{Evidence, origin as o};

/// How many links of a page are looked at.
const LINKS: usize = 4096;
/// How many other links to one place may be looked at: a link written all over the page (a
/// home page, a profile) says nothing about one picture.
const OTHERS: usize = 3;
/// The longest credit read this way.
const MAX_CREDIT: usize = 300;

/// The link an image is wrapped in (its `a` within three ancestors), when it goes somewhere.
fn link_of(img: ElementRef<'_>) -> Option<&str> {
    let a = img
        .ancestors()
        .take(3)
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "a")?;
    let href = a.value().attr("href")?.trim();
    let usable = !href.is_empty() && !href.starts_with('#') && !href.starts_with("javascript:");
    usable.then_some(href)
}

/// The short element holding a link that reads as a credit: the link's parent (or its
/// grandparent, when the parent is an inline wrapper) when that starts like a credit.
fn credit_around(a: ElementRef<'_>) -> Option<String> {
    a.ancestors()
        .take(2)
        .filter_map(ElementRef::wrap)
        .take_while(|e| !holds_img(*e) && text_len_upto(*e, MAX_CREDIT + 1) <= MAX_CREDIT)
        .map(|e| text_of(e, MAX_CREDIT))
        .find(|t| starts_like_credit(t))
}

/// Adds to each uncredited image wrapped in a link the credit elsewhere on the page that links
/// to the same place.
pub(super) fn credits(doc: &Html, by_node: &HashMap<NodeId, usize>, images: &mut [PageImage]) {
    let mut by_href: HashMap<&str, Vec<ElementRef<'_>>> = HashMap::new();
    for a in doc.select(&sel("a[href]")).take(LINKS) {
        if let Some(h) = a.value().attr("href").map(str::trim) {
            by_href.entry(h).or_default().push(a);
        }
    }
    let mut nodes: Vec<(&NodeId, &usize)> = by_node.iter().collect();
    nodes.sort_by_key(|(_, i)| **i);
    for (node, &i) in nodes {
        if images.get(i).is_none_or(credited) {
            continue;
        }
        let Some(img) = doc.tree.get(*node).and_then(ElementRef::wrap) else {
            continue;
        };
        let Some(links) = link_of(img).and_then(|h| by_href.get(h)) else {
            continue;
        };
        // The link of one picture only, written a few times at most.
        if links.iter().filter(|a| holds_img(**a)).count() != 1 || links.len() > OTHERS + 1 {
            continue;
        }
        let found: Vec<String> = links
            .iter()
            .filter(|a| !holds_img(**a))
            .filter_map(|a| credit_around(*a))
            .collect();
        if let [credit] = found.as_slice() {
            images[i]
                .evidence
                .push(Evidence::new(o::HTML_NEARBY_CREDIT, credit.clone()));
        }
    }
}
