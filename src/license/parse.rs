//! Finding legal tools in text.

use std::ops::Range;

use super::statement::{self, Statement, StatementKind};
use super::{License, Rights};

/// How a mention was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// A creativecommons.org (or badge) URL.
    Url,
    /// A short code: `CC BY-NC-ND 2.0`, `by-sa/3.0/de`, `CC0`.
    Code,
    /// An SPDX license id: `CC-BY-SA-3.0-DE`, `CC0-1.0`.
    Spdx,
    /// An official title, English or localized.
    Title,
}

/// One mention of a legal tool in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub license: License,
    pub form: Form,
    /// Byte range in the scanned text.
    pub span: Range<usize>,
    /// For a localized title, the language tags that use it.
    pub lang: Option<&'static str>,
}

/// What [`scan`] found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    pub mentions: Vec<Mention>,
    pub statements: Vec<Statement>,
}

impl Scan {
    /// Each legal tool named, once, in order of first mention.
    pub fn licenses(&self) -> Vec<License> {
        let mut out: Vec<License> = Vec::new();
        for m in &self.mentions {
            if !out.contains(&m.license) {
                out.push(m.license);
            }
        }
        out
    }

    /// What the text says about rights overall.
    pub fn rights(&self) -> Rights {
        if !self.mentions.is_empty() {
            return Rights::Cc;
        }
        let has = |k| self.statements.iter().any(|s| s.kind == k);
        if has(StatementKind::PublicDomain) {
            Rights::PublicDomain
        } else if has(StatementKind::Other) {
            Rights::Other
        } else if has(StatementKind::AllRightsReserved) {
            Rights::AllRightsReserved
        } else {
            Rights::None
        }
    }
}

/// Finds every mention of a legal tool and every non-CC rights statement in `text`.
pub fn scan(text: &str) -> Scan {
    Scan {
        mentions: Vec::new(),
        statements: statement::find(text),
    }
}
