//! Reports: what licit found, as text for people ([`human`]) or JSON for scripts ([`json`]).
//!
//! Only this layer decides how results look; the JSON field names follow the output contract
//! (schema 1), documented by `schema/licit.schema.json`.

pub mod human;
pub mod json;

/// The output format chosen with `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Text for people.
    #[default]
    Human,
    /// One JSON document for the whole run.
    Json,
    /// One JSON object per line, as each input is done.
    Jsonl,
}

/// The version of the JSON contract.
pub const SCHEMA: u32 = 1;

pub mod github;
pub mod sarif;

use crate::check::Item;
use crate::finding::{FindingKind, Level, Location};
use crate::repo::RepoProblem;

/// One finding at one place, as the CI reports (annotations, SARIF, the human list) show them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Located<'a> {
    pub location: Option<&'a Location>,
    pub kind: FindingKind,
    pub level: Level,
    /// The image it is about, when it is about one.
    pub image: Option<&'a str>,
    pub message: &'a str,
}

/// Every finding of a repository check, once per location, sorted by file and line.
pub fn located<'a>(items: &'a [Item], problems: &'a [RepoProblem]) -> Vec<Located<'a>> {
    let mut out = Vec::new();
    for it in items {
        for f in &it.findings {
            let locations: Vec<Option<&Location>> = if f.locations.is_empty() {
                vec![None]
            } else {
                f.locations.iter().map(Some).collect()
            };
            for location in locations {
                out.push(Located {
                    location,
                    kind: f.kind,
                    level: f.kind.level(),
                    image: Some(&it.target),
                    message: &f.message,
                });
            }
        }
        for e in &it.errors {
            out.push(Located {
                location: None,
                kind: FindingKind::MetadataProblem,
                level: Level::Error,
                image: Some(&it.target),
                message: &e.message,
            });
        }
    }
    for p in problems {
        out.push(Located {
            location: p.location.as_ref(),
            kind: p.kind,
            level: p.kind.level(),
            image: None,
            message: &p.message,
        });
    }
    out.sort();
    out
}
