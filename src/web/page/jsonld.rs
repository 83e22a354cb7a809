//! JSON-LD `ImageObject`s and `Photograph`s anywhere in the page's `application/ld+json`
//! scripts: `contentUrl`/`url`/`@id`, and `license`, `acquireLicensePage`, `creditText`,
//! `creator`, `copyrightNotice`, `copyrightHolder`.
//!
//! A creator or holder that is an object gives its `name` only, whole (an organization's
//! name is one author); one that is only an `@id` or a URL names nobody.

use ego_tree::NodeId;
use scraper::Html;
use serde_json::{Map, Value};

use super::dom::{Ctx, sel};
use crate::evidence::{Evidence, Origin, origin as o};

/// One JSON-LD `ImageObject`.
pub(super) struct LdImage {
    pub urls: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// The script it is written in: one inside a `picture` or `figure` speaks about the image
    /// shown there, whatever URL it names (a larger rendition of it).
    pub script: NodeId,
}

/// Objects looked at in one script, at most.
const MAX_NODES: usize = 100_000;

/// The texts of a JSON-LD value that stands for a link or a statement: a string, an object's
/// `name`/`@id`/`url`, or each of a list.
fn texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
        Value::Array(a) => a.iter().take(32).for_each(|x| texts(x, out)),
        Value::Object(m) => {
            if let Some(x) = ["name", "@id", "url"].iter().find_map(|k| m.get(*k)) {
                texts(x, out);
            }
        }
        _ => {}
    }
}

/// Whether a string is a link rather than a name.
fn is_link(s: &str) -> bool {
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with('#')
        || s.starts_with("//")
}

/// The names a JSON-LD value gives for a party: a string that is not a link, an object's
/// `name`, or each of a list.
fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.trim().is_empty() && !is_link(s.trim()) => {
            out.push(s.trim().to_string())
        }
        Value::Array(a) => a.iter().take(32).for_each(|x| names(x, out)),
        Value::Object(m) => {
            if let Some(x) = m.get("name") {
                names(x, out);
            }
        }
        _ => {}
    }
}

fn is_image_object(m: &Map<String, Value>) -> bool {
    let is = |s: &str| {
        let s = s.rsplit(['/', ':']).next().unwrap_or(s);
        s == "ImageObject" || s == "Photograph"
    };
    match m.get("@type") {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// How a property's value is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A link or a statement: a string, or an object's `name`, `@id` or `url`.
    Text,
    /// A party: a string that is not a link, or an object's `name`.
    Name,
}

/// The image-license properties, in schema.org's order.
const PROPS: &[(&str, Origin, Kind)] = &[
    ("license", o::JSONLD_LICENSE, Kind::Text),
    (
        "acquireLicensePage",
        o::JSONLD_ACQUIRE_LICENSE_PAGE,
        Kind::Text,
    ),
    ("creditText", o::JSONLD_CREDIT_TEXT, Kind::Text),
    ("creator", o::JSONLD_CREATOR, Kind::Name),
    ("author", o::JSONLD_CREATOR, Kind::Name),
    ("copyrightNotice", o::JSONLD_COPYRIGHT_NOTICE, Kind::Text),
    ("copyrightHolder", o::JSONLD_COPYRIGHT_HOLDER, Kind::Name),
];

fn image(m: &Map<String, Value>, ctx: &Ctx<'_>, script: NodeId) -> LdImage {
    let mut img = LdImage {
        urls: Vec::new(),
        evidence: Vec::new(),
        script,
    };
    for k in ["contentUrl", "url", "@id"] {
        let mut u = Vec::new();
        if let Some(x) = m.get(k) {
            texts(x, &mut u);
        }
        img.urls.extend(u.iter().map(|s| ctx.resolve(s)));
    }
    img.urls.dedup();
    for (k, origin, kind) in PROPS {
        let mut vals = Vec::new();
        if let Some(x) = m.get(*k) {
            match kind {
                Kind::Text => texts(x, &mut vals),
                Kind::Name => names(x, &mut vals),
            }
        }
        img.evidence
            .extend(vals.into_iter().map(|s| Evidence::new(*origin, s)));
    }
    img
}

pub(super) fn read(doc: &Html, ctx: &Ctx<'_>, problems: &mut Vec<String>) -> Vec<LdImage> {
    let scripts = sel(r#"script[type="application/ld+json"]"#);
    let mut out = Vec::new();
    let mut total = 0usize;
    for script in doc.select(&scripts) {
        let text: String = script.text().collect();
        total += text.len();
        if text.len() > ctx.limits.max_jsonld_bytes || total > ctx.limits.max_jsonld_total {
            problems.push(format!(
                "a JSON-LD script of {} bytes was skipped (limits: {} per script, {} per page)",
                text.len(),
                ctx.limits.max_jsonld_bytes,
                ctx.limits.max_jsonld_total
            ));
            continue;
        }
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("a JSON-LD script is not valid JSON ({e})"));
                continue;
            }
        };
        let mut stack = vec![(&value, 0usize)];
        let mut visited = 0usize;
        while let Some((v, depth)) = stack.pop() {
            visited += 1;
            if depth > ctx.limits.max_jsonld_depth || visited > MAX_NODES {
                problems
                    .push("JSON-LD nested too deeply or too large; the rest was skipped".into());
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth + 1))),
                Value::Object(m) => {
                    if is_image_object(m) && out.len() < ctx.limits.max_images {
                        out.push(image(m, ctx, script.id()));
                    }
                    stack.extend(m.values().rev().map(|x| (x, depth + 1)));
                }
                _ => {}
            }
        }
    }
    out
}
