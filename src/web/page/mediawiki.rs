//! MediaWiki file description pages (Wikimedia Commons, Wikipedia's `File:` pages, any wiki
//! running the same templates), read offline from their HTML: the machine-readable license
//! templates (`licensetpl_short`, `licensetpl_link`, `licensetpl_attr` spans) and the author
//! and source rows of the file information table (`fileinfotpl_aut`, `fileinfotpl_src`). They
//! are about the file the page shows (`#file img`).

use scraper::{ElementRef, Html};

use super::dom::{Ctx, sel, text_of};
use crate::evidence::{Evidence, Origin, origin as o};

/// What a file page says about its file.
pub(super) struct FilePage {
    /// URLs of the file: the image shown and the original it links to.
    pub urls: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// Values read per kind of span, at most (a file under several licenses has one per license).
const PER_KIND: usize = 8;

/// Words of MediaWiki's user links put after a name: "(talk)", "(talk | contribs)".
const USER_LINK_WORDS: &[&str] = &[
    "talk",
    "contribs",
    "contributions",
    "discussion",
    "diskussion",
    "beiträge",
    "обсуждение",
    "вклад",
];

/// The text without parentheses that hold only user-link words.
fn without_user_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        let only_links = inner
            .split(|c: char| c == '|' || c == '·' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .all(|w| USER_LINK_WORDS.contains(&w.to_lowercase().as_str()));
        out.push_str(&rest[..open]);
        if !only_links {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cell after the one with id `id` in its row.
fn row_value<'a>(doc: &'a Html, id: &str) -> Option<ElementRef<'a>> {
    let label = doc.select(&sel(&format!("#{id}"))).next()?;
    label
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .find(|e| matches!(e.value().name(), "td" | "th"))
}

fn spans(doc: &Html, class: &str, origin: Origin, ctx: &Ctx<'_>, out: &mut Vec<Evidence>) {
    for el in doc.select(&sel(&format!(".{class}"))).take(PER_KIND) {
        let t = text_of(el, 1000);
        if t.is_empty() {
            continue;
        }
        let t = if origin == o::MEDIAWIKI_LICENSE_LINK {
            ctx.resolve(&t)
        } else {
            t
        };
        if !out.iter().any(|e| e.origin == origin && e.value == t) {
            out.push(Evidence::new(origin, t));
        }
    }
}

/// The file page's statements about its file, when the page is one.
pub(super) fn read(doc: &Html, ctx: &Ctx<'_>) -> Option<FilePage> {
    let mut evidence = Vec::new();
    if let Some(cell) = row_value(doc, "fileinfotpl_aut") {
        let t = without_user_links(&text_of(cell, 1000));
        if !t.is_empty() {
            evidence.push(Evidence::new(o::MEDIAWIKI_AUTHOR, t));
        }
    }
    if let Some(cell) = row_value(doc, "fileinfotpl_src") {
        let t = text_of(cell, 1000);
        if !t.is_empty() {
            evidence.push(Evidence::new(o::MEDIAWIKI_SOURCE, t));
        }
    }
    spans(
        doc,
        "licensetpl_short",
        o::MEDIAWIKI_LICENSE_SHORT,
        ctx,
        &mut evidence,
    );
    spans(
        doc,
        "licensetpl_link",
        o::MEDIAWIKI_LICENSE_LINK,
        ctx,
        &mut evidence,
    );
    spans(
        doc,
        "licensetpl_attr",
        o::MEDIAWIKI_ATTRIBUTION,
        ctx,
        &mut evidence,
    );
    if evidence.is_empty() {
        return None;
    }
    let file = doc.select(&sel("#file")).next()?;
    let mut urls = Vec::new();
    if let Some(src) = file
        .select(&sel("img"))
        .next()
        .and_then(|img| img.value().attr("src"))
    {
        urls.push(ctx.resolve(src));
    }
    if let Some(href) = file
        .select(&sel("a[href]"))
        .next()
        .and_then(|a| a.value().attr("href"))
    {
        urls.push(ctx.resolve(href));
    }
    (!urls.is_empty()).then_some(FilePage { urls, evidence })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_links_are_not_part_of_the_name() {
        assert_eq!(without_user_links("Jane Doe (talk | contribs)"), "Jane Doe");
        assert_eq!(without_user_links("Jane Doe ( talk )"), "Jane Doe");
        assert_eq!(
            without_user_links("Studio X (Berlin) (Diskussion)"),
            "Studio X (Berlin)"
        );
    }
}
