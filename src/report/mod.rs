//! Reports: what licit found, as text for people ([`human`]), JSON for scripts ([`json`],
//! [`jsonl`]), SARIF for code scanning ([`sarif`]), GitHub annotations ([`github`]) or one
//! self-contained HTML page with thumbnails ([`html`]).
//!
//! Only this layer decides how results look; the JSON field names follow the output contract
//! (schema 1), documented by `schema/licit.schema.json`. Every format of `licit check` is a
//! [`Reporter`]: a [`Sink`] the [`crate::Checker`] hands each item to as it is finished, then
//! [`Reporter::finish`] with the outcome. `human` and `jsonl` write as items come; `json`,
//! `sarif`, `github` and `html` collect and write at the end.

pub mod fixes;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod texts;

use std::io::Write;

use crate::check::Item;
use crate::checker::{Outcome, Scope, Sink};
use crate::finding::{FindingKind, Level, Location};
use crate::repo::RepoProblem;

/// The output format chosen with `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum Format {
    /// Text for people.
    #[default]
    Human,
    /// One JSON document for the whole run.
    Json,
    /// One JSON object per line, as each input is done.
    Jsonl,
    /// SARIF 2.1.0, for code scanning (`check` only).
    Sarif,
    /// GitHub Actions annotations, one `::error` / `::warning` line per finding (`check` only).
    Github,
    /// One self-contained HTML page with thumbnails, filterable by verdict (`check` only).
    Html,
}

/// The version of the JSON contract.
pub const SCHEMA: u32 = 1;

/// One output format of `licit check`.
pub trait Reporter: Sink {
    /// The run is over: write what was collected, and flush.
    fn finish(&mut self, outcome: &Outcome) -> std::io::Result<()>;
}

/// The reporter of `format`, writing to `out`. `quiet` keeps errors only (human, sarif,
/// github); `json`, `jsonl` and `html` are the data and stay whole.
pub fn reporter<'w, W: Write + 'w>(format: Format, out: W, quiet: bool) -> Box<dyn Reporter + 'w> {
    match format {
        Format::Human => Box::new(human::Reporter::new(out, quiet)),
        Format::Json => Box::new(json::Reporter::new(out)),
        Format::Jsonl => Box::new(jsonl::Reporter::new(out)),
        Format::Sarif => Box::new(sarif::Reporter::new(out, quiet)),
        Format::Github => Box::new(github::Reporter::new(out, quiet)),
        Format::Html => Box::new(html::Reporter::new(out)),
    }
}

/// Two reporters fed the same run, finished in order (a format plus GitHub annotations).
pub struct Tee<'a>(pub Box<dyn Reporter + 'a>, pub Box<dyn Reporter + 'a>);

impl Sink for Tee<'_> {
    fn item(&mut self, item: Item, scope: Scope) -> std::io::Result<()> {
        self.0.item(item.clone(), scope)?;
        self.1.item(item, scope)
    }
    fn problem(&mut self, p: &RepoProblem) -> std::io::Result<()> {
        self.0.problem(p)?;
        self.1.problem(p)
    }
}

impl Reporter for Tee<'_> {
    fn finish(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        self.0.finish(outcome)?;
        self.1.finish(outcome)
    }
}

/// One finding at one place, as the CI reports (annotations, SARIF, the human list) show them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Located {
    pub location: Option<Location>,
    pub kind: FindingKind,
    pub level: Level,
    /// The image it is about, when it is about one.
    pub image: Option<String>,
    pub message: String,
}

/// Every finding and error of one item, once per location.
pub fn located_item(it: &Item) -> Vec<Located> {
    let mut out = Vec::new();
    for f in &it.findings {
        let mut push = |location: Option<&Location>| {
            out.push(Located {
                location: location.cloned(),
                kind: f.kind,
                level: f.kind.level(),
                image: Some(it.target.clone()),
                message: f.message.clone(),
            });
        };
        if f.locations.is_empty() {
            push(None);
        }
        for l in &f.locations {
            push(Some(l));
        }
    }
    for e in &it.errors {
        out.push(Located {
            location: None,
            kind: FindingKind::MetadataProblem,
            level: Level::Error,
            image: Some(it.target.clone()),
            message: e.message.clone(),
        });
    }
    out
}

/// A repository problem, located.
pub fn located_problem(p: &RepoProblem) -> Located {
    Located {
        location: p.location.clone(),
        kind: p.kind,
        level: p.kind.level(),
        image: None,
        message: p.message.clone(),
    }
}

/// Every finding of these items and problems, once per location, sorted by file and line.
pub fn located(items: &[Item], problems: &[RepoProblem]) -> Vec<Located> {
    let mut out: Vec<Located> = items.iter().flat_map(located_item).collect();
    out.extend(problems.iter().map(located_problem));
    out.sort();
    out
}

/// What every man page ends with: the `--use` words, the formats, the exit codes and the
/// `licit.toml` keys (as `licit init` writes them).
pub fn man_notes() -> String {
    format!(
        "USE WORDS (--use): {}\n\nFORMATS (--format): human, json, jsonl (license, credit, check); sarif, github, html (check).\n\nEXIT STATUS: 0 pass; 1 a use is not allowed or unknown, or a finding is an error (license: a text names no Creative Commons tool; attribute: no license allows reuse); 2 an input, a URL, the policy file or an argument cannot be used.\n\nLICIT.TOML (see licit init):\n{}",
        crate::assess::Use::valid_words().join(", "),
        crate::repo::policy::STARTER
    )
}
