//! `rel="license"` links and RDFa (`cc:attributionName`, `dct:title`, `xhv:license`,
//! `cc:license`): inside an image's wrapper, `about` an image anywhere, and page-wide.

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::dom::{Ctx, names_of, sel, text_of, tokens, within};
use super::words::{ATTRIBUTION_MARKS, DECORATIVE_CONTAINERS};
use crate::evidence::{Evidence, origin as o};

/// Reads RDFa and `rel="license"` inside `scope` into `ev`; records the license links used.
pub(super) fn links_and_rdfa(
    scope: ElementRef<'_>,
    ctx: &Ctx<'_>,
    ev: &mut Vec<Evidence>,
    used: &mut HashSet<NodeId>,
) {
    for el in within(scope) {
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

/// RDFa `about` something, wherever it stands: its URL, the evidence, and the license links
/// read (to be marked used only when the URL is one of the page's images).
pub(super) type About = (String, Vec<Evidence>, HashSet<NodeId>);

pub(super) fn about(doc: &Html, ctx: &Ctx<'_>) -> Vec<About> {
    let mut out = Vec::new();
    for el in doc.select(&sel("[about]")).take(ctx.limits.max_images) {
        let target = ctx.resolve(el.value().attr("about").unwrap_or(""));
        let mut ev = Vec::new();
        let mut used = HashSet::new();
        links_and_rdfa(el, ctx, &mut ev, &mut used);
        if !ev.is_empty() {
            out.push((target, ev, used));
        }
    }
    out
}

/// Ancestors looked at for a credit block around a license link.
const CREDIT_BLOCK_LOOKUP: usize = 8;

/// `rel="license"` links of the page that no image's own markup used (in the head, in a
/// footer): at most 8. A link inside a credit block (class or id saying attribution, credit,
/// byline) is about what that block credits, not the page.
pub(super) fn page_wide(doc: &Html, ctx: &Ctx<'_>, used: &HashSet<NodeId>) -> Vec<Evidence> {
    let mut wide = Vec::new();
    for el in doc.select(&sel("[rel]")) {
        if used.contains(&el.id()) {
            continue;
        }
        let in_credit = el
            .ancestors()
            .take(CREDIT_BLOCK_LOOKUP)
            .filter_map(ElementRef::wrap)
            .any(|a| {
                let n = names_of(a);
                ATTRIBUTION_MARKS.iter().any(|m| n.contains(m))
            });
        if in_credit {
            continue;
        }
        if tokens(el.value().attr("rel")).any(|r| r == "license" || r.ends_with(":license")) {
            let v = el
                .value()
                .attr("href")
                .map(|h| ctx.resolve(h))
                .unwrap_or_else(|| text_of(el, 300));
            let e = Evidence::new(o::HTML_REL_LICENSE, v);
            if !e.value.is_empty() && wide.len() < 8 && !wide.contains(&e) {
                wide.push(e);
            }
        }
    }
    wide
}

/// Elements a license statement for the content beside it is never in: a site's chrome.
const CHROME: &[&str] = &["head", "header", "footer", "nav", "aside"];

/// Blocks whose parent holds what a license link inside them speaks about.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "dd",
    "td",
    "blockquote",
    "section",
    "article",
    "main",
    "body",
];

/// `rel="license"` links written in the content of the page (not in its head, header, footer,
/// navigation or aside, not in a credit block, not used by an image's own markup), each with the
/// element its statement covers: the parent of the block holding it ("the data set is licensed
/// under CC BY-SA 4.0" after the pictures of a README). At most 8.
pub(super) fn in_content(
    doc: &Html,
    ctx: &Ctx<'_>,
    used: &HashSet<NodeId>,
) -> Vec<(NodeId, Evidence)> {
    let mut out = Vec::new();
    for el in doc.select(&sel("[rel]")) {
        if out.len() >= 8 {
            break;
        }
        if used.contains(&el.id()) || !tokens(el.value().attr("rel")).any(|r| r == "license") {
            continue;
        }
        let ancestors: Vec<ElementRef<'_>> = el
            .ancestors()
            .take(64)
            .filter_map(ElementRef::wrap)
            .collect();
        let chrome = ancestors.iter().any(|a| {
            let n = names_of(*a);
            CHROME.contains(&a.value().name())
                || ATTRIBUTION_MARKS.iter().any(|m| n.contains(m))
                || DECORATIVE_CONTAINERS.iter().any(|m| n.contains(m))
        });
        let Some(href) = el.value().attr("href").filter(|h| !h.trim().is_empty()) else {
            continue;
        };
        if chrome {
            continue;
        }
        let Some(k) = ancestors
            .iter()
            .position(|a| BLOCKS.contains(&a.value().name()))
        else {
            continue;
        };
        let cover = if ancestors[k].value().name() == "body" {
            ancestors[k]
        } else {
            match ancestors.get(k + 1) {
                Some(p) => *p,
                None => continue,
            }
        };
        out.push((
            cover.id(),
            Evidence::new(o::HTML_REL_LICENSE, ctx.resolve(href)),
        ));
    }
    out
}
