//! The assessment: a credit held against a proposed use.
//!
//! [`assess`] gives a [`Verdict`], the [`Reason`]s for it (each citing the license term and the
//! section of the legal code), the [`Obligation`]s that come with the use, and an
//! [`AttributionCheck`]: what a complete credit needs for that license version and what the
//! given credit lacks.
//!
//! ```
//! use licit::assess::{assess, Use, Verdict};
//! use licit::credit::Credit;
//! use licit::license::{License, Rights};
//!
//! let credit = Credit {
//!     authors: vec!["IHH Humanitarian Relief Foundation".into()],
//!     license: License::from_key("by-nc-nd/2.0"),
//!     rights: Rights::Cc,
//!     ..Credit::default()
//! };
//! assert_eq!(assess(&credit, &Use::default()).verdict, Verdict::AllowedWithObligations);
//! let commercial = Use::parse("commercial").unwrap();
//! assert_eq!(assess(&credit, &commercial).verdict, Verdict::NotAllowed);
//! ```
//!
//! The rules live in `rules.rs` (one function per kind of legal tool, each rule citing its
//! section), ShareAlike compatibility in `compat.rs`, and the credit check in
//! `attribution_check.rs`.

mod attribution_check;
mod compat;
pub mod credit_text;
mod proposed_use;
mod rules;
mod sections;
mod training;

use std::fmt;

use crate::credit::Credit;

pub use attribution_check::{
    AttributionCheck, Item, Requirement, When, check_attribution, requirements,
};
pub use compat::{Compat, share_alike};
pub use proposed_use::{
    Edit, Medium, OtherLicense, Region, ShareAs, ShareAsError, ShareAsErrorReason, Training, Use,
    UseError, UseErrorKind,
};
pub use rules::{PlainTerms, plain_terms};
pub use sections::Generation;

/// The answer to "may I?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Allowed, with nothing required (courtesies aside).
    Allowed,
    /// Allowed if the obligations are met.
    AllowedWithObligations,
    /// A term of the license forbids this use.
    NotAllowed,
    /// licit cannot tell: no license, terms it does not assess, or a fact it does not know.
    Unknown,
}

impl Verdict {
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Allowed => "allowed",
            Verdict::AllowedWithObligations => "allowed-with-obligations",
            Verdict::NotAllowed => "not-allowed",
            Verdict::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The license term (CC REL name where there is one) or the fact a reason is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Term {
    // CC REL terms.
    Attribution,
    CommercialUse,
    DerivativeWorks,
    Distribution,
    HighIncomeNationUse,
    Notice,
    ShareAlike,
    Sharing,
    SourceCode,
    // Facts licit reports that CC REL has no term for.
    /// No license or rights statement was found.
    NoLicense,
    /// "All rights reserved", "©" without a license.
    AllRightsReserved,
    /// A license or terms that are not Creative Commons.
    OtherTerms,
    /// A public-domain tool or statement.
    PublicDomain,
    /// Rights the tool does not cover (trademark, publicity, privacy, moral rights).
    OtherRights,
    /// The license version is unknown.
    Version,
    /// The tool is retired.
    Deprecated,
    /// The tool is a jurisdiction port.
    Port,
    /// Something about the medium (print, broadcast).
    Medium,
    /// A software license applied to an image.
    Software,
    /// A text-and-data-mining signal (IPTC Data Mining, TDMRep, robots `noai`).
    DataMining,
}

/// What a reason does to the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    /// The license allows this part of the use.
    Permits,
    /// The license forbids this use: the verdict is `not-allowed`.
    Forbids,
    /// licit cannot tell: the verdict is `unknown` unless something forbids the use.
    Unknown,
    /// Worth knowing; does not change the verdict.
    Note,
}

/// One reason for the verdict.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Reason {
    pub term: Term,
    pub text: String,
    pub effect: Effect,
    /// The section of the legal code (`BY-NC-ND 2.0 §4(b)`), when there is one.
    pub section: Option<String>,
}

/// What an obligation asks for. Names are stable (they are part of the JSON output).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObligationKind {
    /// Credit the author (and the other TASL items the version requires).
    Attribute,
    /// Name the license and link it.
    LicenseNotice,
    /// Keep copyright, license and disclaimer notices that came with the work.
    KeepNotices,
    /// Say that the work was changed.
    IndicateModifications,
    /// License the adaptation under the same or a compatible license.
    ShareAlike,
    /// No added terms, no DRM.
    NoAddedRestrictions,
    /// Do not imply endorsement by the author or licensor.
    NoEndorsement,
    /// Sampling licenses: no advertising except for the new work and its author.
    NoAdvertising,
    /// Sampling licenses: the new work must be highly transformative.
    Transform,
    /// Developing Nations: no export to, or open online access from, high-income countries.
    DevelopingNationsOnly,
    /// GPL/LGPL wrappers: provide the preferred form for making changes.
    SourceCode,
    /// Mining and AI training: respect the rights holders' machine-readable reservations where
    /// an exception such as EU DSM Article 4 is relied on, and check the law where it happens.
    RespectReservations,
    /// Not required, but good practice (CC0, the Public Domain Mark, tools without BY).
    Courtesy,
}

impl ObligationKind {
    /// Whether the license requires it; only courtesies are not binding.
    pub const fn binding(self) -> bool {
        !matches!(self, ObligationKind::Courtesy)
    }
}

/// One thing the user must (or, for a courtesy, should) do.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Obligation {
    pub kind: ObligationKind,
    pub text: String,
    pub section: Option<String>,
}

/// The assessment object of the JSON contract.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Assessment {
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    pub obligations: Vec<Obligation>,
    pub attribution: AttributionCheck,
}

/// Reasons and obligations as the rules find them.
#[derive(Default)]
pub(crate) struct Findings {
    reasons: Vec<Reason>,
    obligations: Vec<Obligation>,
}

impl Findings {
    fn reason(&mut self, term: Term, effect: Effect, section: Option<String>, text: String) {
        self.reasons.push(Reason {
            term,
            text,
            effect,
            section,
        });
    }

    fn oblige(&mut self, kind: ObligationKind, section: Option<String>, text: String) {
        self.obligations.push(Obligation {
            kind,
            text,
            section,
        });
    }

    fn verdict(&self) -> Verdict {
        let has = |e| self.reasons.iter().any(|r| r.effect == e);
        if has(Effect::Forbids) {
            Verdict::NotAllowed
        } else if has(Effect::Unknown) {
            Verdict::Unknown
        } else if self.obligations.iter().any(|o| o.kind.binding()) {
            Verdict::AllowedWithObligations
        } else {
            Verdict::Allowed
        }
    }
}

/// Holds a credit against a proposed use.
pub fn assess(credit: &Credit, u: &Use) -> Assessment {
    let mut f = Findings::default();
    match u.training {
        Some(t) => training::apply(&mut f, credit, u, t),
        None => rules::apply(&mut f, credit, u),
    }
    let verdict = f.verdict();
    // Obligations of a use that is not allowed would mislead; keep them only when the use can
    // go ahead (or may, once the unknown is resolved).
    let obligations = if verdict == Verdict::NotAllowed {
        Vec::new()
    } else {
        f.obligations
    };
    Assessment {
        verdict,
        reasons: f.reasons,
        obligations,
        attribution: check_attribution(credit, u),
    }
}

impl Assessment {
    /// The reasons that decide the verdict (forbidding or unknown ones when there are any,
    /// otherwise the permissions).
    pub fn deciding_reasons(&self) -> impl Iterator<Item = &Reason> {
        let want = match self.verdict {
            Verdict::NotAllowed => Effect::Forbids,
            Verdict::Unknown => Effect::Unknown,
            Verdict::Allowed | Verdict::AllowedWithObligations => Effect::Permits,
        };
        self.reasons.iter().filter(move |r| r.effect == want)
    }

    /// A plain-English explanation for people, several lines, no colour.
    pub fn explain(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headline = match self.verdict {
            Verdict::Allowed => "Allowed.",
            Verdict::AllowedWithObligations => "Allowed, if you do the following.",
            Verdict::NotAllowed => "Not allowed.",
            Verdict::Unknown => "Unknown: licit cannot tell.",
        };
        writeln!(f, "{headline}")?;
        let cite = |r: &Reason| {
            r.section
                .as_ref()
                .map(|s| format!(" [{s}]"))
                .unwrap_or_default()
        };
        for r in self.deciding_reasons() {
            writeln!(f, "  - {}{}", r.text, cite(r))?;
        }
        let binding: Vec<&Obligation> = self
            .obligations
            .iter()
            .filter(|o| o.kind.binding())
            .collect();
        if !binding.is_empty() {
            writeln!(f, "You must:")?;
            for o in binding {
                let s = o
                    .section
                    .as_deref()
                    .map(|s| format!(" [{s}]"))
                    .unwrap_or_default();
                writeln!(f, "  - {}{s}", o.text)?;
            }
        }
        for o in self.obligations.iter().filter(|o| !o.kind.binding()) {
            writeln!(f, "Courtesy: {}", o.text)?;
        }
        let notes: Vec<&Reason> = self
            .reasons
            .iter()
            .filter(|r| r.effect == Effect::Note)
            .collect();
        if !notes.is_empty() {
            writeln!(f, "Good to know:")?;
            for r in notes {
                writeln!(f, "  - {}{}", r.text, cite(r))?;
            }
        }
        let a = &self.attribution;
        if !a.missing.is_empty() {
            let names: Vec<&str> = a.missing.iter().map(|i| i.describe()).collect();
            writeln!(f, "The credit lacks: {}.", names.join("; "))?;
        }
        if !a.suggested.is_empty() && self.verdict != Verdict::NotAllowed {
            writeln!(f, "Suggested credit: {}", a.suggested)?;
        }
        Ok(())
    }
}
