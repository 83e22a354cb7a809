//! Microdata `ImageObject`s and `Photograph`s: `contentUrl`/`url`, and the image-license
//! properties search engines read (`license`, `acquireLicensePage`, `creditText`, `creator`,
//! `copyrightNotice`, `copyrightHolder`). A nested `Person` or `Organization` gives its `name`,
//! whole: an organization's name is one author.

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::dom::{Ctx, VISIT, is_img, sel, text_of, tokens, within};
use super::words::starts_like_credit;
use crate::evidence::{Evidence, Origin, origin as o};

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

/// Ancestors looked at for the scope that owns a property.
const SCOPE_LOOKUP: usize = 64;

/// The value of a microdata property element.
fn itemprop_value(el: ElementRef<'_>, ctx: &Ctx<'_>) -> String {
    let v = el.value();
    match v.name() {
        "meta" => v.attr("content").unwrap_or("").trim().to_string(),
        "a" | "link" | "area" => v.attr("href").map(|h| ctx.resolve(h)).unwrap_or_default(),
        "img" | "amp-img" | "source" | "audio" | "video" | "embed" | "iframe" => {
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

/// Whether a creator's text is written as a credit line rather than a name: a label or a
/// copyright sign first ("Photo: …", "© …"), a wire path ("Name/Agency"), or "via" a
/// distributor ("Name via AP").
fn reads_like_credit(v: &str) -> bool {
    let lower = v.to_lowercase();
    starts_like_credit(v) || lower.contains(" via ") || (v.contains('/') && !lower.contains("://"))
}

/// One microdata `ImageObject`: its URLs, its first `img`, and its evidence.
pub(super) struct MicroImage {
    pub urls: Vec<String>,
    pub img: Option<NodeId>,
    pub evidence: Vec<Evidence>,
    pub line_hint: String,
}

/// Whether `prop` names the image itself.
fn is_url_prop(prop: &str) -> bool {
    matches!(prop, "contenturl" | "url" | "image")
}

pub(super) fn read(doc: &Html, ctx: &Ctx<'_>) -> Vec<MicroImage> {
    let scopes = sel("[itemscope][itemtype]");
    let mut out = Vec::new();
    for scope in doc.select(&scopes) {
        if out.len() >= ctx.limits.max_images {
            break;
        }
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
        for el in within(scope).skip(1) {
            if m.img.is_none() && is_img(el) {
                m.img = Some(el.id());
            }
            if el.value().attr("itemprop").is_none() {
                continue;
            }
            // Properties of this scope only: the nearest itemscope above is `scope`.
            let owner = el
                .ancestors()
                .take(SCOPE_LOOKUP)
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().attr("itemscope").is_some());
            if owner.map(|a| a.id()) != Some(scope.id()) {
                continue;
            }
            for prop in tokens(el.value().attr("itemprop")) {
                if is_url_prop(&prop) {
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
                    // A nested Person or Organization: its name, as one name.
                    el.descendent_elements()
                        .take(VISIT)
                        .find(|d| tokens(d.value().attr("itemprop")).any(|p| p == "name"))
                        .map(|d| itemprop_value(d, ctx))
                        .unwrap_or_else(|| text_of(el, 300))
                } else if matches!(
                    *origin,
                    o::MICRODATA_CREATOR | o::MICRODATA_COPYRIGHT_HOLDER
                ) && matches!(el.value().name(), "a" | "link" | "area")
                {
                    // A party's link: its text is the name (the href is their page).
                    text_of(el, 300)
                } else {
                    itemprop_value(el, ctx)
                };
                if !value.is_empty() {
                    // A visible caption marked as the author ("<p itemprop=\"author\">James
                    // Doe via AP</p>") is a credit line, not a name: the credit side reads it.
                    let origin = if *origin == o::MICRODATA_CREATOR && reads_like_credit(&value) {
                        o::MICRODATA_CREDIT_TEXT
                    } else {
                        *origin
                    };
                    m.evidence.push(Evidence::new(origin, value));
                }
            }
        }
        m.urls.dedup();
        out.push(m);
    }
    out
}
