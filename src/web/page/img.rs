//! `img`, `picture` and `figure`: the image URLs of an `img`, its wrapper, and the evidence
//! around it — `alt`/`title`, the `figcaption`, credit- and caption-marked elements, and the
//! element right before or after it that may be its credit.

use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Node};

use super::dom::{
    Ctx, holds_img, is_element, is_img, names_of, shown_imgs_in, text_len_upto, text_of, within,
};
use super::rdfa;
use super::words::{
    CAPTION_ATTRS, CAPTION_MARK, CREDIT_ATTRS, CREDIT_LEAVES, CREDIT_MARKS, SECTIONING,
    SIBLING_CREDIT_MARKS, credit_in_description, is_credit_word, starts_like_credit,
    starts_with_agent,
};
use crate::evidence::{Evidence, Origin, origin as o};

/// The image URL of an `img`: `src` (or a lazy-loading attribute), else the largest `srcset`
/// candidate; and every other candidate.
/// Attributes holding `srcset` candidates: the standard one and the lazy loaders' copies.
const SRCSET_ATTRS: &[&str] = &["srcset", "data-srcset", "data-lazy-srcset"];

pub(super) fn urls(img: ElementRef<'_>, ctx: &Ctx<'_>) -> Option<(String, Vec<String>)> {
    let v = img.value();
    let real = |s: &&str| !s.trim().is_empty() && !s.trim_start().starts_with("data:");
    // A lazy-loading attribute names the picture; `src` then holds a placeholder.
    let src = ["data-src", "data-lazy-src", "data-original", "src"]
        .iter()
        .find_map(|a| v.attr(a).filter(real));
    let mut alternates = Vec::new();
    let mut best: Option<(f64, String)> = None;
    let mut add_srcset = |s: Option<&str>, alts: &mut Vec<String>| {
        for (url, size) in parse_srcset(s.unwrap_or("")) {
            if url.starts_with("data:") {
                continue;
            }
            let u = ctx.resolve(url);
            if best.as_ref().is_none_or(|(b, _)| size > *b) {
                best = Some((size, u.clone()));
            }
            alts.push(u);
        }
    };
    // Lazy loaders keep the real candidates in `data-srcset` (lazysizes) or `data-lazy-srcset`
    // (WP Rocket), with a placeholder or nothing in `srcset`.
    for attr in SRCSET_ATTRS {
        add_srcset(v.attr(attr), &mut alternates);
    }
    if let Some(picture) = img.parent().filter(|p| is_element(*p, "picture")) {
        for source in picture.children().filter_map(ElementRef::wrap).take(64) {
            if source.value().name() == "source" {
                for attr in SRCSET_ATTRS {
                    add_srcset(source.value().attr(attr), &mut alternates);
                }
                if let Some(s) = source.value().attr("src").filter(real) {
                    alternates.push(ctx.resolve(s));
                }
            }
        }
    }
    let src = match src {
        Some(s) => ctx.resolve(s),
        None => best?.1,
    };
    alternates.retain(|a| *a != src);
    alternates.dedup();
    Some((src, alternates))
}

/// The image an `img` inside a `noscript` is the fallback copy of: the image already read at one
/// of its URLs, else the `img` right before the `noscript` (a lazy-loading placeholder whose
/// real URL only a script knows). `None` for any other `img`.
pub(super) fn noscript_copy_of(
    img: ElementRef<'_>,
    src: &str,
    alternates: &[String],
    find: impl Fn(&[String]) -> Option<usize>,
    by_node: &HashMap<NodeId, usize>,
) -> Option<usize> {
    let noscript = img
        .ancestors()
        .take(4)
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "noscript")?;
    let mut urls = vec![src.to_string()];
    urls.extend(alternates.iter().cloned());
    if let Some(i) = find(&urls) {
        return Some(i);
    }
    // AMP's fallback: "<amp-img src=…><noscript><img src=…></noscript></amp-img>".
    if let Some(i) = noscript
        .parent()
        .and_then(ElementRef::wrap)
        .filter(|p| is_img(*p))
        .and_then(|p| by_node.get(&p.id()))
    {
        return Some(*i);
    }
    // The placeholder is the `img` right before the `noscript`; when that one has no URL at all
    // (a script fills it in), the blurred preview before it stands for the image.
    let mut at = noscript.prev_sibling();
    for _ in 0..2 {
        let before = sibling(at, false)?;
        let shown = if is_img(before) {
            Some(before)
        } else {
            within(before).take(64).find(|e| is_img(*e))
        };
        let shown = shown?;
        if let Some(i) = by_node.get(&shown.id()) {
            return Some(*i);
        }
        at = before.prev_sibling();
    }
    None
}

/// The image already read from the `noscript` written right before this lazy `img` (Squarespace
/// writes "<noscript><img src=X></noscript><img data-src=X>"): one picture, not two.
pub(super) fn after_its_noscript_copy(
    img: ElementRef<'_>,
    by_node: &HashMap<NodeId, usize>,
) -> Option<usize> {
    // The element right before, past blank text (`sibling` skips a `noscript`).
    let mut n = img.prev_sibling();
    while let Some(t) = n.and_then(|x| x.value().as_text()) {
        if !t.trim().is_empty() {
            return None;
        }
        n = n.and_then(|x| x.prev_sibling());
    }
    let before = n.and_then(ElementRef::wrap)?;
    if before.value().name() != "noscript" {
        return None;
    }
    within(before)
        .take(64)
        .filter(|e| is_img(*e))
        .find_map(|e| by_node.get(&e.id()).copied())
}

/// `srcset` candidates: (URL, width or density; 1 when none is given).
pub(super) fn parse_srcset(s: &str) -> Vec<(&str, f64)> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() || out.len() >= 64 {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut url = &rest[..end];
        rest = &rest[end..];
        let mut size = 1.0;
        if let Some(u) = url.strip_suffix(',') {
            url = u;
        } else {
            let dend = rest.find(',').unwrap_or(rest.len());
            for d in rest[..dend].split_whitespace() {
                if let Some(n) = d
                    .strip_suffix(['w', 'x'])
                    .and_then(|n| n.parse::<f64>().ok())
                {
                    size = n;
                }
            }
            rest = &rest[dend..];
        }
        out.push((url, size));
    }
    out
}

/// The wrapper of an image: its `figure`, else the largest ancestor holding no other image and
/// little text. At most 8 ancestors are looked at.
/// How many nodes of a figure are looked at for credit attributes: a figure is a picture and its
/// caption, a few dozen nodes; a crafted one of millions costs no more than this.
const FIGURE_NODES: usize = 512;

fn wrapper_of(img: ElementRef<'_>) -> (ElementRef<'_>, bool) {
    if let Some(fig) = img
        .ancestors()
        .take(8)
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "figure")
    {
        return (fig, true);
    }
    let mut w = img;
    for a in img.ancestors().take(4).filter_map(ElementRef::wrap) {
        // A lazy image's fallback copy in `noscript` is the same picture, not another one:
        // an ancestor holding both still holds one image.
        let this_counted = !img
            .ancestors()
            .take(8)
            .take_while(|x| x.id() != a.id())
            .any(|x| is_element(x, "noscript"));
        let others = shown_imgs_in(a, 3).saturating_sub(usize::from(this_counted));
        if SECTIONING.contains(&a.value().name()) || others > 0 || text_len_upto(a, 300) > 300 {
            break;
        }
        w = a;
    }
    (w, false)
}

/// Whether a caption holds a credit label anywhere: "… Photo: X", "© X", "courtesy of X".
fn has_credit_word(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains('©')
        || lower.contains("(c)")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(is_credit_word)
}

/// Whether a caption is a description only: a sentence (it ends with a full stop, a question
/// or an exclamation mark) or a numbered figure's title, with no credit label written as one ("Photo: X", "photo by X"; the
/// word "image" in "Illustrative image." is no label), copyright sign, parenthesis or slash
/// (where credits hide: "… (Jane Doe / The Times)", "Jane Doe/Reuters"). A bare credit
/// ("Thomas Jackson/Digital Vision/Getty Images") is not one.
fn is_plain_sentence(text: &str) -> bool {
    let t = text.trim();
    let sentence =
        t.ends_with(['.', '!', '?']) && !t.ends_with("..") && !t.contains(['(', '/', '|', '©']);
    (sentence || numbered_figure(t))
        && credit_in_description(t).is_none()
        && !starts_like_credit(t)
        && !t.contains('©')
}

/// Whether a caption numbers its figure ("Figure 3: …", "Fig. 1", "… [Fig 1]", "Abb. 2"): the
/// title of a diagram in a document, not a credit.
fn numbered_figure(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        matches!(w[0], "fig" | "figure" | "abb" | "abbildung" | "figura")
            && w[1].chars().all(|c| c.is_ascii_digit())
    })
}

/// The evidence of a caption element (a `figcaption`, or a block marked as a caption): its
/// parts marked as credit or source when it has some, else its text (see
/// [`caption_evidence`]); whether it gave a credit.
fn figcaption_evidence(cap: ElementRef<'_>, ctx: &Ctx<'_>, ev: &mut Vec<Evidence>) -> bool {
    let mut t = text_of(cap, 2000);
    // A teaser card's caption: the linked story's headline and its writer's byline (avatar,
    // name, date) say nothing about who made the picture.
    let mut titles = Vec::new();
    for el in within(cap).filter(|e| e.id() != cap.id()).take(256) {
        let name = el.value().name();
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        let names = names_of(el);
        let byline = (names.contains("author") || names.contains("byline"))
            && within(el)
                .skip(1)
                .take(64)
                .any(|d| is_img(d) || d.value().name() == "time");
        if heading || byline {
            let x = text_of(el, 500);
            if !x.is_empty() {
                t = t.replacen(x.as_str(), " ", 1);
                if heading {
                    titles.push(x);
                }
            }
        }
    }
    t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for x in titles {
        ev.push(Evidence::new(o::HTML_CAPTION_TEXT, x));
    }
    if t.is_empty() {
        return false;
    }
    let Some(parts) = credit_parts(cap) else {
        let credited = caption_evidence(t, ev);
        if credited {
            links_in(cap, ctx, ev);
        }
        return credited;
    };
    // "<figcaption><p class=caption__text>…</p><p class=caption__source>(Bild: Audi)</p>":
    // the marked part is the credit, the rest describes (and may still hold a credit written
    // as one).
    let mut rest = t.clone();
    for p in &parts {
        rest = rest.replacen(p.as_str(), " ", 1);
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    // The rest describes ("Technology Review Juli 2019" beside an empty "(Bild: )"). When the
    // marked parts only carry a license, a credit may still be written into it ("A ship.
    // Photo: Ann Lee" before "<span class=license>CC BY</span>"); when one says who, the
    // rest's garbled copies of it ("AFP PHOTO/ ANN LEEANN LEE/AFP") are left out.
    let names_who = within(cap).any(|e| {
        let names = names_of(e);
        e.id() != cap.id()
            && (names.contains("source")
                || CREDIT_MARKS
                    .iter()
                    .any(|m| !m.starts_with("licen") && names.contains(m)))
    });
    match credit_in_description(&rest) {
        Some(c) if !names_who && (c.len() < rest.len() || starts_like_credit(&rest)) => {
            caption_evidence(rest, ev);
        }
        _ if !rest.is_empty() => ev.push(Evidence::new(o::HTML_CAPTION_TEXT, rest)),
        _ => {}
    }
    // The credit part of a `figcaption` is still that figcaption's word on the picture.
    let origin = if cap.value().name() == "figcaption" {
        o::HTML_FIGCAPTION
    } else {
        o::HTML_CREDIT
    };
    for p in parts {
        ev.push(Evidence::new(origin, p));
    }
    links_in(cap, ctx, ev);
    true
}

/// Whether a credit in `alt` names only an agency's keyword slug ("Image: US-SPACE-AEROSPACE-
/// NASA", the wire photo's subject code): upper-case words joined by hyphens, no name.
fn is_slug_credit(c: &str) -> bool {
    let value = c.split_once(':').map_or(c, |(_, v)| v).trim();
    !value.contains(char::is_whitespace)
        && value.matches('-').count() >= 2
        && value.chars().any(char::is_alphabetic)
        && value
            .chars()
            .all(|ch| ch.is_uppercase() || ch.is_ascii_digit() || ch == '-')
}

/// The caption an element after an image is or holds: the outermost `figcaption` or element
/// marked as a caption (with its text and source parts); never one holding an image.
fn caption_in(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    if holds_img(el) {
        return None;
    }
    within(el).find(|d| d.value().name() == "figcaption" || names_of(*d).contains(CAPTION_MARK))
}

/// The caption an image or its figure points to with `aria-describedby` ("<img
/// aria-describedby=\"cap-3\">" … "<p id=\"cap-3\">Photo: Ann Lee</p>" elsewhere), read as a
/// caption when it holds no image; at most 4 ids. Whether it gave a credit.
fn described_by(
    img: ElementRef<'_>,
    w: ElementRef<'_>,
    ctx: &Ctx<'_>,
    ev: &mut Vec<Evidence>,
) -> bool {
    let mut credited = false;
    let refs = [img, w]
        .into_iter()
        .filter_map(|e| e.value().attr("aria-describedby"))
        .flat_map(str::split_whitespace)
        .take(4);
    for id in refs {
        let Some(target) = ctx
            .ids
            .get(id)
            .and_then(|n| img.tree().get(*n))
            .and_then(ElementRef::wrap)
        else {
            continue;
        };
        // One inside the figure was read with it already.
        if target.ancestors().take(64).any(|a| a.id() == w.id()) || holds_img(target) {
            continue;
        }
        credited |= figcaption_evidence(target, ctx, ev);
    }
    credited
}

/// Whether only blank text follows `el` among its siblings (no text a caption could be).
fn is_blank_after(el: ElementRef<'_>) -> bool {
    let mut n = el.next_sibling();
    let mut steps = 0;
    while let Some(node) = n {
        steps += 1;
        if steps > 64 {
            return false;
        }
        if node.value().as_text().is_some_and(|t| !t.trim().is_empty()) {
            return false;
        }
        n = node.next_sibling();
    }
    true
}

/// The texts of the parts of a caption marked as its credit or source ("<span class=\"credit\">",
/// "<p class=\"a-caption__source\">"), at most 4, none inside another; `None` when no part is
/// marked.
fn credit_parts(cap: ElementRef<'_>) -> Option<Vec<String>> {
    let mut taken: Vec<NodeId> = Vec::new();
    let mut out = Vec::new();
    let mut seen = 0usize;
    for el in within(cap).filter(|e| e.id() != cap.id()) {
        if out.len() >= 4 {
            break;
        }
        let names = names_of(el);
        let marked = CREDIT_MARKS.iter().any(|m| names.contains(m)) || names.contains("source");
        if !marked {
            continue;
        }
        // At most 16 marked elements are looked into (each check walks its inside).
        seen += 1;
        if seen > 16 {
            break;
        }
        if el.value().attr("rel").is_some() || holds_img(el) || holds_description(el) {
            continue;
        }
        let nested = el
            .ancestors()
            .take_while(|a| a.id() != cap.id())
            .take(64)
            .any(|a| taken.contains(&a.id()));
        if nested {
            continue;
        }
        taken.push(el.id());
        out.push(credit_lines_of(el, 500));
    }
    (!out.is_empty()).then_some(out)
}

/// Whether a credit-marked element is really the box of the whole caption: it holds a part
/// marked as the caption's description and not as a credit ("<div class=\"_pattribution-w-auto
/// …\"><div class=\"caption\">A lung.</div><div class=\"attribution\">Ann Lee for Outlet</div>
/// </div>", where utility classes carry the word). Its credit is the marked part inside.
fn holds_description(el: ElementRef<'_>) -> bool {
    within(el).skip(1).take(256).any(|d| {
        let names = names_of(d);
        names.contains(CAPTION_MARK)
            && !CREDIT_MARKS.iter().any(|m| names.contains(m))
            && !names.contains("source")
    })
}

/// How many `<br>`-separated lines of a credit element are looked at.
const CREDIT_LINES: usize = 16;

/// The text of a credit element, up to the first line (after a `<br>`) that is a list under a
/// label of another kind: "© Ann Lee<br>Topics: <a>Christmas</a>, <a>Sweaters</a>" is the
/// credit "© Ann Lee"; the tags are no authors. A line starting like a credit ("Photo: …",
/// "License: …") is kept.
fn credit_lines_of(el: ElementRef<'_>, max: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for n in el.descendants().take(super::dom::VISIT) {
        if is_element(n, "br") {
            if lines.len() >= CREDIT_LINES {
                break;
            }
            lines.push(String::new());
        } else if let (Some(t), Some(last)) = (n.value().as_text(), lines.last_mut())
            && last.len() < max * 2
        {
            // Two texts edge to edge are two words ("<b>©</b><span>Ann Lee</span>").
            if last.ends_with(|c: char| c.is_alphanumeric())
                && t.starts_with(|c: char| c.is_alphanumeric())
            {
                last.push(' ');
            }
            last.push_str(t);
        }
    }
    if lines.len() < 2 {
        return text_of(el, max);
    }
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let kept = lines
        .iter()
        .enumerate()
        .take_while(|(i, l)| *i == 0 || !other_label_line(l))
        .count();
    if kept == lines.len() {
        return text_of(el, max);
    }
    let mut out = lines[..kept].join(" ");
    if out.len() > max {
        let mut cut = max;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    out
}

/// Whether a line is "Label: …" under a one-word label that is no credit label nor a credit
/// mark such as "License:" ("Themen:", "Tags:", "Topics:").
fn other_label_line(line: &str) -> bool {
    let Some((label, _)) = line.split_once(':') else {
        return false;
    };
    !label.is_empty()
        && label.chars().count() <= 24
        && label.chars().all(char::is_alphabetic)
        && !starts_like_credit(line)
        && !is_credit_word(&label.to_lowercase())
        && !CREDIT_MARKS.contains(&label.to_lowercase().as_str())
}

/// The evidence of a caption's text: a description only ("Sony's PlayStation VR.") is read
/// for a license alone; a description with a credit written after it ("Cider and Ice. Foto:
/// CC-BY-NC 2.0 David Merrigan", "A dam (AP Photo/Ann Lee)") gives the credit apart, so that
/// the description's words are never taken for names; anything else is a credit line. Whether
/// it was a credit.
fn caption_evidence(t: String, ev: &mut Vec<Evidence>) -> bool {
    if t.is_empty() {
        return false;
    }
    if is_plain_sentence(&t) {
        ev.push(Evidence::new(o::HTML_CAPTION_TEXT, t));
        return false;
    }
    match credit_in_description(&t) {
        Some(c) if c.len() < t.len() => {
            let c = c.to_string();
            let description = t
                .replacen(&c, " ", 1)
                .replace("()", " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let description = description.trim_matches(|ch: char| {
                ch.is_whitespace() || matches!(ch, '.' | '|' | '·' | '•' | '—' | '–' | '-')
            });
            if !description.is_empty() {
                ev.push(Evidence::new(o::HTML_CAPTION_TEXT, description));
            }
            ev.push(Evidence::new(o::HTML_FIGCAPTION, c));
        }
        _ => ev.push(Evidence::new(o::HTML_FIGCAPTION, t)),
    }
    true
}

/// Links inside a caption or credit (not `rel="license"` ones, which are read as such), at
/// most 8: the credit side tells a license URL from a source.
fn links_in(el: ElementRef<'_>, ctx: &Ctx<'_>, ev: &mut Vec<Evidence>) {
    let links = within(el)
        .filter(|a| {
            a.value().name() == "a"
                && a.value()
                    .attr("rel")
                    .is_none_or(|r| !r.to_ascii_lowercase().contains("license"))
        })
        .filter_map(|a| a.value().attr("href"))
        .map(str::trim)
        .filter(|h| {
            !h.is_empty()
                && !h.starts_with('#')
                && !h.to_ascii_lowercase().starts_with("javascript:")
        })
        .take(8);
    for h in links {
        let e = Evidence::new(o::HTML_CREDIT_LINK, ctx.resolve(h));
        if !ev.contains(&e) {
            ev.push(e);
        }
    }
}

fn credit_mark(el: ElementRef<'_>) -> Option<Origin> {
    let words = names_of(el);
    if CREDIT_MARKS.iter().any(|m| words.contains(m)) {
        Some(o::HTML_CREDIT)
    } else if words.contains(CAPTION_MARK) {
        Some(o::HTML_CAPTION)
    } else {
        None
    }
}

/// Text next to an image that may be its credit: a credit line when it starts like one, else
/// text that the credit side reads only when it names a license or a rights statement (this
/// module knows no licenses).
fn nearby_evidence(text: String) -> Option<Evidence> {
    if text.is_empty() || text.len() > 400 {
        None
    } else if starts_like_credit(&text) {
        Some(Evidence::new(o::HTML_NEARBY_CREDIT, text))
    } else if let Some(c) = credit_in_description(&text) {
        // "Raspberry Pi in education - Image: Raspberry Pi Foundation": the description stays
        // out, the credit after it is read.
        Some(Evidence::new(o::HTML_NEARBY_CREDIT, c))
    } else {
        Some(Evidence::new(o::HTML_NEARBY_TEXT, text))
    }
}

/// Elements skipped when looking for the element next to an image.
const SKIPPED: &[&str] = &["br", "wbr", "source", "meta", "link", "script", "noscript"];

/// Whether an element beside a picture is player or gallery chrome with no words: an empty
/// box, a play button's icon, a duration or a counter ("0:49", "3 / 12"). It is looked past,
/// to the caption after it.
fn is_overlay(el: ElementRef<'_>) -> bool {
    // Chrome is a handful of nodes; a larger element is content (and this stays cheap).
    if el.descendants().take(65).count() > 64 || holds_img(el) || text_len_upto(el, 17) > 16 {
        return false;
    }
    text_of(el, 16).chars().all(|c| {
        !c.is_alphabetic() && (c.is_ascii_digit() || c.is_whitespace() || ":/.".contains(c))
    })
}

/// The element next to `n` (after it when `forward`), skipping line breaks, blank text and
/// wordless chrome ([`is_overlay`]); none when text comes first.
fn sibling(mut n: Option<NodeRef<'_, Node>>, forward: bool) -> Option<ElementRef<'_>> {
    let mut steps = 0;
    while let Some(node) = n {
        steps += 1;
        if steps > 64 {
            return None;
        }
        if let Some(el) = ElementRef::wrap(node) {
            if !SKIPPED.contains(&el.value().name()) && !is_overlay(el) {
                return Some(el);
            }
        } else if node.value().as_text().is_some_and(|t| !t.trim().is_empty()) {
            return None;
        }
        n = if forward {
            node.next_sibling()
        } else {
            node.prev_sibling()
        };
    }
    None
}

/// The element after `w` (or, failing a credit there, the one before it) that may be its
/// credit and belongs to no other image.
fn nearby(w: ElementRef<'_>, ctx: &Ctx<'_>) -> Vec<Evidence> {
    let candidate = |el: ElementRef<'_>, names: &[&str]| {
        (names.contains(&el.value().name()) && !holds_img(el)).then(|| text_of(el, 500))
    };
    let after_names = ["p", "div", "span", "small", "em", "i", "cite", "figcaption"];
    // Before an image only caption-like elements: a block before it is usually about
    // something else (another picture, the previous section).
    let before_names = ["p", "span", "small", "em", "i", "cite", "figcaption"];
    let mut out = Vec::new();
    let credit = |e: Evidence, el: ElementRef<'_>| {
        let mut v = vec![e];
        links_in(el, ctx, &mut v);
        v
    };
    // An element beside the image whose class says it is a credit ("<p class=\"lede__credit\">
    // Left image: …</p>" after the picture), or a caption block holding one ("<div
    // class=\"caption\">Who is shown <span class=\"credit\">X / Agency</span></div>"), is the
    // credit however it starts.
    fn marked(el: ElementRef<'_>) -> Option<(Evidence, ElementRef<'_>)> {
        if holds_img(el) {
            return None;
        }
        let is_marked = |d: &ElementRef<'_>| {
            let names = names_of(*d);
            SIBLING_CREDIT_MARKS.iter().any(|m| names.contains(m))
                && d.value().attr("rel").is_none()
        };
        // The innermost marked element: "<div class=\"credit-caption\">…<b class=\"credit\">
        // Name/Agency</b>…</div>" gives the credit, not the whole block with its buttons.
        // Bounded: at most 16 marked candidates, each checked over 64 descendants.
        let c = within(el)
            .filter(is_marked)
            .take(16)
            .find(|d| !within(*d).skip(1).take(64).any(|x| is_marked(&x)))?;
        Some(text_of(c, 500))
            .filter(|t| !t.is_empty() && t.len() <= 400)
            .map(|t| (Evidence::new(o::HTML_CREDIT, t), c))
    }
    // When nothing follows the image's box inside its parent, the parent's next element may
    // still be its caption (the caption after a figure's frame), as long as that parent shows
    // no other picture.
    let mut from = w;
    for _ in 0..2 {
        if sibling(from.next_sibling(), true).is_some() || !is_blank_after(from) {
            break;
        }
        let Some(parent) = from.parent().and_then(ElementRef::wrap) else {
            break;
        };
        if SECTIONING.contains(&parent.value().name()) || shown_imgs_in(parent, 2) > 1 {
            break;
        }
        from = parent;
    }
    let after = sibling(from.next_sibling(), true);
    if let Some(el) = after
        && let Some((e, c)) = marked(el)
    {
        return credit(e, c);
    }
    // A caption outside the figure it belongs to ("<figure>…</figure></div><figcaption>"), or
    // in the next row or block marked as one (Blogger's "<tr><td class=\"tr-caption\">"):
    // read as a caption.
    if let Some(el) = after
        && let Some(cap) = caption_in(el)
    {
        // Image, caption and credit as three sibling fields (Drupal's "field--name-field-
        // caption" then "field--name-field-credit"): the caption without a credit word
        // describes, the marked field after it is the credit.
        let t = text_of(cap, 2000);
        if !has_credit_word(&t)
            && !starts_like_credit(&t)
            && let Some(next) = sibling(el.next_sibling(), true)
            && let Some((e, c)) = marked(next)
        {
            if !t.is_empty() {
                out.push(Evidence::new(o::HTML_CAPTION_TEXT, t));
            }
            out.extend(credit(e, c));
            return out;
        }
        let mut ev = Vec::new();
        if figcaption_evidence(cap, ctx, &mut ev) {
            return ev;
        }
        out.extend(ev);
    }
    if let Some(el) = after
        && let Some(e) = candidate(el, &after_names).and_then(nearby_evidence)
    {
        if e.origin == o::HTML_NEARBY_CREDIT {
            return credit(e, el);
        }
        out.push(e);
    }
    let Some(before) = sibling(w.prev_sibling(), false) else {
        return out;
    };
    // A credit before this image that follows another image is that image's credit.
    let owner = sibling(before.prev_sibling(), false);
    if owner.is_some_and(holds_img) {
        return out;
    }
    // Before the image, only a caption-like element: a marked block above it is usually about
    // something else (a Flickr attribution box pasted above the next picture).
    if before_names.contains(&before.value().name())
        && let Some((e, c)) = marked(before)
    {
        return credit(e, c);
    }
    if let Some(e) = candidate(before, &before_names).and_then(nearby_evidence) {
        if e.origin == o::HTML_NEARBY_CREDIT {
            return credit(e, before);
        }
        out.push(e);
    }
    out
}

/// The credit and caption a CMS wrote into attributes of an `img` or its `figure`
/// (`data-credit`, `data-caption`, …); whether one of them is a credit.
fn data_attributes(el: ElementRef<'_>, ev: &mut Vec<Evidence>) -> bool {
    let v = el.value();
    let mut credited = false;
    let value = |a: &str| {
        v.attr(a)
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() <= 400)
    };
    for t in CREDIT_ATTRS.iter().filter_map(|a| value(a)) {
        let e = Evidence::new(o::HTML_CREDIT, t);
        if !ev.contains(&e) {
            ev.push(e);
        }
        credited = true;
    }
    for t in CAPTION_ATTRS.iter().filter_map(|a| value(a)) {
        // A caption names the credit only when it is written as one, as in alt text.
        match credit_in_description(t) {
            Some(c) if !is_plain_sentence(t) => {
                ev.push(Evidence::new(o::HTML_CAPTION_TEXT, t));
                ev.push(Evidence::new(o::HTML_CREDIT, c));
                credited = true;
            }
            _ => ev.push(Evidence::new(o::HTML_CAPTION_TEXT, t)),
        }
    }
    credited
}

/// The evidence around one `img`. `used` collects the license links read, so that they are not
/// also taken as page-wide.
pub(super) fn evidence(
    img: ElementRef<'_>,
    ctx: &Ctx<'_>,
    used: &mut HashSet<NodeId>,
) -> Vec<Evidence> {
    let mut ev = Vec::new();
    let v = img.value();
    for (attr, origin) in [("alt", o::HTML_ALT), ("title", o::HTML_TITLE)] {
        if let Some(a) = v.attr(attr).map(str::trim).filter(|a| !a.is_empty()) {
            ev.push(Evidence::new(origin, a));
            // A credit written into the description ("… (AP Photo/Jane Doe)") is read as one;
            // the rest of the description stays a description.
            if let Some(c) = credit_in_description(a).filter(|c| !is_slug_credit(c)) {
                let e = Evidence::new(o::HTML_ALT_CREDIT, c);
                if !ev.contains(&e) {
                    ev.push(e);
                }
            }
        }
    }
    let (w, is_figure) = wrapper_of(img);
    let mut captioned = data_attributes(img, &mut ev);
    if let Some(t) = link_title_credit(img) {
        ev.push(Evidence::new(o::HTML_CREDIT, t));
        captioned = true;
    }
    if is_figure {
        captioned |= data_attributes(w, &mut ev);
        // "<figcaption><span data-copyright=\"AFP/Jane Doe\">": a credit attribute on an
        // element of the caption, when the figure shows this one image (a gallery's figure
        // credits each picture apart). At most FIGURE_NODES nodes are looked at.
        if shown_imgs_in(w, 2) <= 1 {
            for e in w
                .descendants()
                .take(FIGURE_NODES)
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() != "img" && e.id() != w.id())
            {
                captioned |= data_attributes(e, &mut ev);
            }
        }
    }
    if is_figure {
        let wiki = is_wiki_file_figure(w);
        for cap in within(w).filter(|e| e.value().name() == "figcaption") {
            if wiki {
                let t = text_of(cap, 2000);
                if !(has_credit_word(&t) || starts_like_credit(&t) || t.contains('©')) {
                    if !t.is_empty() {
                        ev.push(Evidence::new(o::HTML_CAPTION_TEXT, t));
                    }
                    continue;
                }
            }
            captioned |= figcaption_evidence(cap, ctx, &mut ev);
        }
    }
    // Credit-marked elements inside the wrapper, outside figcaptions, not wrapping the image,
    // and not inside another one taken. Ancestor checks stop at the wrapper, whose depth is
    // bounded: at most 64 are looked at.
    let mut taken: Vec<NodeId> = Vec::new();
    for el in within(w) {
        if el.id() == img.id() || el.value().name() == "figcaption" {
            continue;
        }
        let leaf = || {
            is_figure
                && CREDIT_LEAVES.contains(&el.value().name())
                && starts_like_credit(&text_of(el, 300))
        };
        let Some(origin) = credit_mark(el).or_else(|| leaf().then_some(o::HTML_CREDIT)) else {
            continue;
        };
        let inside_taken = el
            .ancestors()
            .take_while(|a| a.id() != w.id())
            .take(64)
            .any(|a| taken.contains(&a.id()) || (is_figure && is_element(a, "figcaption")));
        if inside_taken || holds_img(el) || el.value().attr("rel").is_some() {
            continue;
        }
        // The innermost marked element speaks: "<div class=\"credit-caption\">The mayor.
        // <b class=\"credit\">Name/AP</b> <b>hide caption</b></div>" gives "Name/AP".
        if taken.len() >= 16
            || within(el)
                .skip(1)
                .take(64)
                .any(|d| credit_mark(d).is_some() && !is_img(d))
        {
            continue;
        }
        if origin == o::HTML_CAPTION && credit_parts(el).is_some() && taken.len() < 16 {
            // "<div class=\"picture__caption\"><p class=\"title\">…</p><p
            // class=\"picture__source\">Name</p></div>": read like a figcaption.
            taken.push(el.id());
            captioned |= figcaption_evidence(el, ctx, &mut ev);
            continue;
        }
        let t = text_of(el, 2000);
        if !t.is_empty() && taken.len() < 16 {
            taken.push(el.id());
            // A caption is a credit when it reads like one; else only if it names a license.
            let credit = origin != o::HTML_CAPTION || has_credit_word(&t);
            let origin = if credit { origin } else { o::HTML_CAPTION_TEXT };
            ev.push(Evidence::new(origin, t));
            if credit {
                links_in(el, ctx, &mut ev);
                captioned = true;
            }
        }
    }
    let before = ev.len();
    rdfa::links_and_rdfa(w, ctx, &mut ev, used);
    let rdfa = ev[before..].iter().any(|e| e.origin.family() == "rdfa");
    if w.id() != img.id() && w.value().name() != "figure" && !captioned && !rdfa {
        // A wrapper such as <p><img> Photo: …</p> holds its own credit.
        if let Some(e) = nearby_evidence(text_of(w, 500)) {
            captioned = e.origin == o::HTML_NEARBY_CREDIT;
            ev.insert(before, e);
            if captioned {
                links_in(w, ctx, &mut ev);
            }
        }
    }
    if !captioned {
        captioned = described_by(img, w, ctx, &mut ev);
    }
    if !captioned {
        let near = nearby(w, ctx);
        captioned = near
            .iter()
            .any(|e| e.origin == o::HTML_NEARBY_CREDIT || e.origin == o::HTML_CREDIT);
        ev.extend(near);
    }
    if !captioned {
        gallery_credit(img, ctx, &mut ev);
    }
    ev
}

/// Whether a figure is a MediaWiki article's picture (`typeof="mw:File/Thumb"`, a link of class
/// `mw-file-description` to its file page): its caption describes what is shown ("Jimmy Wales,
/// co-founder" names the subject), and the credit is on the file page, so a caption without a
/// credit word is never read as a credit.
fn is_wiki_file_figure(figure: ElementRef<'_>) -> bool {
    figure
        .value()
        .attr("typeof")
        .is_some_and(|t| t.split_whitespace().any(|w| w.starts_with("mw:File")))
        || within(figure)
            .take(16)
            .any(|e| e.value().name() == "a" && names_of(e).contains("mw-file-description"))
}

/// The credit written into the `title` of the link an image is wrapped in: Wikimedia
/// Commons' embed code ("<a title=\"Jane Doe, CC BY-SA 4.0 <…>, via Wikimedia Commons\"
/// href=…><img …></a>", older "By Jane Doe - Own work, CC BY-SA 4.0, …"). A link title that
/// only names the picture ("Harbour at dusk", a Flickr embed) is none: the title must start
/// like a credit or with "By NAME", hold a copyright sign, or end in ", via SOURCE" (or, after
/// "TITLE by OWNER", in ", on PLATFORM": Flickr's share code).
fn link_title_credit(img: ElementRef<'_>) -> Option<String> {
    let a = img
        .ancestors()
        .take(3)
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "a")?;
    let t = a
        .value()
        .attr("title")?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if t.is_empty() || t.len() > 1000 || img.value().attr("alt").is_some_and(|alt| alt.trim() == t)
    {
        return None;
    }
    // "…, via Wikimedia Commons"; Flickr's share code "TITLE by OWNER, on Flickr".
    let platform = t.rsplit_once(", ").is_some_and(|(head, last)| {
        let lower = last.to_lowercase();
        (lower.starts_with("via ") && last.len() > 4)
            || (lower.starts_with("on ")
                && last
                    .get(3..)
                    .and_then(|p| p.chars().next())
                    .is_some_and(char::is_uppercase)
                && last.split_whitespace().count() <= 3
                && head.contains(" by "))
    });
    (starts_like_credit(&t) || starts_with_agent(&t) || t.contains('©') || platform).then_some(t)
}

/// Class or id words of a box of several pictures shown as one.
const GALLERY_MARKS: &[&str] = &["gallery", "slide", "carousel", "swiper", "album"];

/// How many children of a gallery box are looked at for its credit.
const GALLERY_CHILDREN: usize = 32;

/// How many boxes of several pictures around an image are looked at (a WordPress gallery is a
/// `figure` around a `ul` of items).
const GALLERY_LEVELS: usize = 2;

/// The credit a gallery or carousel writes once for all its pictures: a caption or credit
/// element that is a child of the box holding them ("<figure class=\"wp-block-gallery\"><ul>…
/// </ul><figcaption>Photos: Ann Lee</figcaption></figure>", a slideshow's "<p
/// class=\"slideshow-credit\">"), read for an image with no credit of its own. The box is a
/// `figure` or marked as a gallery; a caption counts only when it reads as a credit.
fn gallery_credit(img: ElementRef<'_>, ctx: &Ctx<'_>, ev: &mut Vec<Evidence>) {
    let boxes = img
        .ancestors()
        .take(12)
        .filter_map(ElementRef::wrap)
        .filter(|a| shown_imgs_in(*a, 2) > 1)
        .take(GALLERY_LEVELS);
    for g in boxes {
        let names = names_of(g);
        if g.value().name() != "figure" && !GALLERY_MARKS.iter().any(|m| names.contains(m)) {
            return;
        }
        for child in g
            .children()
            .filter_map(ElementRef::wrap)
            .take(GALLERY_CHILDREN)
        {
            if holds_img(child) {
                continue;
            }
            let cn = names_of(child);
            let credit = SIBLING_CREDIT_MARKS.iter().any(|m| cn.contains(m));
            let caption = child.value().name() == "figcaption" || cn.contains(CAPTION_MARK);
            let t = text_of(child, 500);
            if t.is_empty() {
                continue;
            }
            if credit {
                ev.push(Evidence::new(o::HTML_CREDIT, t));
                links_in(child, ctx, ev);
                return;
            }
            if caption && (has_credit_word(&t) || starts_like_credit(&t) || t.contains('©')) {
                let mut found = Vec::new();
                if figcaption_evidence(child, ctx, &mut found) {
                    ev.extend(found);
                    return;
                }
            }
        }
    }
}
