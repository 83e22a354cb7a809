//! JSON output, following the contract (schema 1). Field names here are a promise: add, never
//! rename or remove without raising [`super::SCHEMA`].

use serde::Serialize;

use crate::license::{License, Mention, Rights, Scan, Statement, StatementKind};

/// One mention in the contract's shape.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    pub key: &'static str,
    pub form: &'static str,
    /// Byte offsets into `input` (UTF-8).
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

/// One statement in the contract's shape.
#[derive(Debug, Serialize)]
pub struct StatementJson<'a> {
    pub kind: StatementKind,
    pub text: &'a str,
    pub name: &'static str,
    pub start: usize,
    pub end: usize,
}

/// What `licit license` prints for one input.
#[derive(Debug, Serialize)]
pub struct LicenseLine<'a> {
    pub input: &'a str,
    pub rights: Rights,
    pub licenses: Vec<License>,
    pub mentions: Vec<MentionJson<'a>>,
    pub statements: Vec<StatementJson<'a>>,
}

impl<'a> LicenseLine<'a> {
    pub fn new(input: &'a str, scan: &Scan) -> LicenseLine<'a> {
        LicenseLine {
            input,
            rights: scan.rights(),
            licenses: scan.licenses(),
            mentions: scan.mentions.iter().map(|m| mention(input, m)).collect(),
            statements: scan
                .statements
                .iter()
                .map(|s| statement(input, s))
                .collect(),
        }
    }
}

fn mention<'a>(input: &'a str, m: &Mention) -> MentionJson<'a> {
    MentionJson {
        key: m.license.key(),
        form: m.form.as_str(),
        start: m.span.start,
        end: m.span.end,
        text: input.get(m.span.clone()).unwrap_or(""),
        lang: m.lang,
    }
}

fn statement<'a>(input: &'a str, s: &Statement) -> StatementJson<'a> {
    StatementJson {
        kind: s.kind,
        text: input.get(s.span.clone()).unwrap_or(""),
        name: s.name,
        start: s.span.start,
        end: s.span.end,
    }
}

/// The envelope of a `--format json` document: `{"licit": "0.1.0", "schema": 1, "items": […]}`.
#[derive(Debug, Serialize)]
pub struct Document<T: Serialize> {
    pub licit: &'static str,
    pub schema: u32,
    pub items: Vec<T>,
}

impl<T: Serialize> Document<T> {
    pub fn new(items: Vec<T>) -> Document<T> {
        Document {
            licit: env!("CARGO_PKG_VERSION"),
            schema: super::SCHEMA,
            items,
        }
    }
}

/// What `licit credit` prints for one input.
#[derive(Debug, Serialize)]
pub struct CreditLineJson<'a> {
    pub input: &'a str,
    pub credit: &'a crate::credit::Credit,
    pub assessment: &'a crate::assess::Assessment,
}

/// What `licit check --format json` prints: the whole run.
#[derive(Debug, Serialize)]
pub struct CheckDocument<'a> {
    pub licit: &'static str,
    pub schema: u32,
    #[serde(rename = "use")]
    pub proposed: &'a crate::assess::Use,
    pub items: &'a [crate::check::Item],
    pub summary: &'a crate::check::Summary,
    /// Problems of a checked repository that belong to no image (a document that cannot be
    /// read, a reference to a missing image).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub problems: &'a [crate::repo::RepoProblem],
}

impl<'a> CheckDocument<'a> {
    pub fn new(
        proposed: &'a crate::assess::Use,
        items: &'a [crate::check::Item],
        summary: &'a crate::check::Summary,
    ) -> CheckDocument<'a> {
        CheckDocument {
            licit: env!("CARGO_PKG_VERSION"),
            schema: super::SCHEMA,
            proposed,
            items,
            summary,
            problems: &[],
        }
    }

    /// The same document, with a repository's problems.
    pub fn with_problems(mut self, problems: &'a [crate::repo::RepoProblem]) -> CheckDocument<'a> {
        self.problems = problems;
        self
    }
}

/// `--format json`: the whole run as one [`CheckDocument`], written when it ends.
pub struct Reporter<W: std::io::Write> {
    out: W,
    items: Vec<crate::check::Item>,
    problems: Vec<crate::repo::RepoProblem>,
}

impl<W: std::io::Write> Reporter<W> {
    pub fn new(out: W) -> Self {
        Reporter {
            out,
            items: Vec::new(),
            problems: Vec::new(),
        }
    }
}

impl<W: std::io::Write> crate::checker::Sink for Reporter<W> {
    fn item(&mut self, item: crate::check::Item, _: crate::checker::Scope) -> std::io::Result<()> {
        self.items.push(item);
        Ok(())
    }
    fn problem(&mut self, p: &crate::repo::RepoProblem) -> std::io::Result<()> {
        self.problems.push(p.clone());
        Ok(())
    }
}

impl<W: std::io::Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, outcome: &crate::checker::Outcome) -> std::io::Result<()> {
        let doc = CheckDocument::new(&outcome.proposed, &self.items, &outcome.summary)
            .with_problems(&self.problems);
        serde_json::to_writer_pretty(&mut self.out, &doc)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}
