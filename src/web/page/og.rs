//! `og:image`: the image a page shares, reported when no other markup shows it.

use scraper::Html;

use super::dom::{Ctx, sel};

/// The `og:image` URLs of a page, resolved; at most 8.
pub(super) fn images(doc: &Html, ctx: &Ctx<'_>) -> Vec<String> {
    let og =
        sel(r#"meta[property="og:image"], meta[property="og:image:url"], meta[name="og:image"]"#);
    doc.select(&og)
        .filter_map(|m| m.value().attr("content"))
        .filter(|c| !c.trim().is_empty())
        .take(8)
        .map(|c| ctx.resolve(c))
        .collect()
}
