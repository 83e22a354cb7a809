//! The attribution check (TASL: title, author, source, license): what a complete credit needs
//! for a license version, and what a given credit lacks.
//!
//! Item names are stable, part of the JSON output:
//!
//! | item | what |
//! |---|---|
//! | `author` | the creator (and, from 2.5, other parties the licensor names for credit) |
//! | `title` | the title of the work (1.0–3.0, where supplied; not required by 4.0) |
//! | `source` | the URI the licensor associates with the work (2.0 and later, where supplied) |
//! | `license` | the name of the license |
//! | `license-link` | the license's URI or text |
//! | `copyright-notice` | the copyright notice that came with the work |
//! | `disclaimer` | the notice that refers to the license's disclaimer of warranties |
//! | `modification` | a statement that the work was changed |
//!
//! A credit line cannot show whether the original came with a copyright or disclaimer notice,
//! so those two are listed in `unverified` rather than `missing`. Title and source are
//! "where supplied": a credit without them is reported as lacking them, since a complete credit
//! has them whenever the original gave them.

use super::credit_text::{Style, attribute};
use crate::credit::Credit;
use crate::license::{Elements, Family, LegalTool, License, catalogue};

use super::proposed_use::Use;
use super::sections::Generation;

/// One part of a credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    Author,
    Title,
    Source,
    License,
    LicenseLink,
    CopyrightNotice,
    Disclaimer,
    Modification,
}

impl Item {
    pub const fn name(self) -> &'static str {
        match self {
            Item::Author => "author",
            Item::Title => "title",
            Item::Source => "source",
            Item::License => "license",
            Item::LicenseLink => "license-link",
            Item::CopyrightNotice => "copyright-notice",
            Item::Disclaimer => "disclaimer",
            Item::Modification => "modification",
        }
    }

    /// In words, for people.
    pub const fn describe(self) -> &'static str {
        match self {
            Item::Author => "the author's name",
            Item::Title => "the title",
            Item::Source => "a link to the source",
            Item::License => "the license's name",
            Item::LicenseLink => "a link to the license",
            Item::CopyrightNotice => "the copyright notice",
            Item::Disclaimer => "the disclaimer notice",
            Item::Modification => "a note that the photo was changed",
        }
    }
}

/// When an item is required.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    Always,
    /// When the licensor supplied it with the work.
    IfSupplied,
    /// When the work was changed.
    IfModified,
}

/// One item a complete credit needs, and the clause that asks for it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Requirement {
    pub item: Item,
    pub when: When,
    pub section: Option<String>,
}

/// The `attribution` object of the assessment.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AttributionCheck {
    /// Nothing is missing.
    pub complete: bool,
    /// Items a complete credit has and this one lacks, in [`Item`] order.
    pub missing: Vec<Item>,
    /// A credit ready to paste (plain text), complete as far as the credit's facts allow.
    pub suggested: String,
    /// Every item this license version asks for.
    pub requirements: Vec<Requirement>,
    /// Required items a credit line cannot show: keep them if the original had them.
    pub unverified: Vec<Item>,
}

fn req(item: Item, when: When, section: String) -> Requirement {
    Requirement {
        item,
        when,
        section: Some(section),
    }
}

/// What a complete credit needs under one legal tool.
fn tool_requirements(t: &LegalTool) -> Vec<Requirement> {
    use Item::*;
    use When::*;
    let code = super::credit_text::license_name(crate::license::License::Tool(t.id));
    let s = |sec: &str| format!("{code} {sec}");
    match t.family {
        Family::Elements(e) => {
            let g = Generation::of(t);
            let mut r = Vec::new();
            if g == Generation::V4_0 {
                // 4.0 §3(a)(1): (A)(i) creator, (ii) copyright notice, (iii) license notice,
                // (iv) disclaimer notice, (v) URI of the material, if supplied; (B) modification;
                // (C) license and its URI. No title.
                r.push(req(Author, IfSupplied, s("§3(a)(1)(A)(i)")));
                r.push(req(Source, IfSupplied, s("§3(a)(1)(A)(v)")));
                r.push(req(License, Always, s("§3(a)(1)(C)")));
                r.push(req(LicenseLink, Always, s("§3(a)(1)(C)")));
                r.push(req(CopyrightNotice, IfSupplied, s("§3(a)(1)(A)(ii)")));
                r.push(req(Disclaimer, IfSupplied, s("§3(a)(1)(A)(iv)")));
                r.push(req(Modification, IfModified, s("§3(a)(1)(B)")));
                return r;
            }
            let by = super::sections::section4(e, Elements::BY);
            if e.contains(Elements::BY) {
                // 1.0–3.0 attribution subsection: author and title "if supplied"; from 2.0 the
                // URI the licensor specifies; copyright notices kept intact.
                r.push(req(Author, IfSupplied, s(&by)));
                r.push(req(Title, IfSupplied, s(&by)));
                if g >= Generation::V2_0 {
                    r.push(req(Source, IfSupplied, s(&by)));
                }
            }
            // §4(a): a copy or the URI of the license with every copy.
            r.push(req(License, Always, s("§4(a)")));
            r.push(req(LicenseLink, Always, s("§4(a)")));
            if e.contains(Elements::BY) {
                r.push(req(CopyrightNotice, IfSupplied, s(&by)));
            }
            // §4(a): keep intact notices that refer to the license and the disclaimer.
            r.push(req(Disclaimer, IfSupplied, s("§4(a)")));
            if e.contains(Elements::BY) && !e.contains(Elements::ND) {
                let sec = if g == Generation::V3_0 {
                    format!("§3(b), {by}")
                } else {
                    by
                };
                r.push(req(Modification, IfModified, s(&sec)));
            }
            r
        }
        Family::Sampling => {
            let sec = s("§3 (Attribution and Notice)");
            vec![
                req(Author, IfSupplied, sec.clone()),
                req(Title, IfSupplied, sec.clone()),
                req(Source, IfSupplied, sec.clone()),
                req(License, Always, sec.clone()),
                req(LicenseLink, Always, sec.clone()),
                req(CopyrightNotice, IfSupplied, sec.clone()),
                req(Disclaimer, IfSupplied, sec.clone()),
                req(Modification, IfModified, sec),
            ]
        }
        Family::DevelopingNations => vec![
            req(Author, IfSupplied, s("§4(b)")),
            req(Title, IfSupplied, s("§4(b)")),
            req(Source, IfSupplied, s("§4(b)")),
            req(License, Always, s("§4(a)")),
            req(LicenseLink, Always, s("§4(a)")),
            req(CopyrightNotice, IfSupplied, s("§4(b)")),
            req(Disclaimer, IfSupplied, s("§4(a)")),
            req(Modification, IfModified, s("§4(b)")),
        ],
        Family::SoftwareWrapper => {
            // The GPL (§1) and LGPL (§1) ask for the copyright notice, the disclaimer and a
            // copy of the license; BSD and MIT for the notice and the license text.
            let mut r = vec![
                Requirement {
                    item: CopyrightNotice,
                    when: Always,
                    section: None,
                },
                Requirement {
                    item: License,
                    when: Always,
                    section: None,
                },
                Requirement {
                    item: LicenseLink,
                    when: Always,
                    section: None,
                },
                Requirement {
                    item: Disclaimer,
                    when: Always,
                    section: None,
                },
            ];
            if t.requires.contains(crate::license::Flag::ShareAlike) {
                r.push(Requirement {
                    item: Modification,
                    when: IfModified,
                    section: None,
                });
            }
            r
        }
        Family::Zero | Family::Mark | Family::PublicDomainDedication => Vec::new(),
    }
}

/// What a complete credit needs for `license`; for a unit without a version, what any of its
/// versions needs.
pub fn requirements(license: License) -> Vec<Requirement> {
    if license.tool().is_some() {
        return tool_requirements(license.effective_tool());
    }
    let cat = catalogue();
    let unit = license.unit().id;
    let mut out: Vec<Requirement> = Vec::new();
    for t in cat
        .tools()
        .iter()
        .filter(|t| t.unit == unit && t.jurisdiction.is_none())
    {
        for r in tool_requirements(t) {
            if !out.iter().any(|o| o.item == r.item) {
                out.push(r);
            }
        }
    }
    if out.is_empty() {
        out = tool_requirements(license.effective_tool());
    }
    out.sort_by_key(|r| r.item);
    out
}

/// Checks a credit against what its license asks for, for a use (an adaptation needs a
/// statement of modification).
pub fn check_attribution(credit: &Credit, u: &Use) -> AttributionCheck {
    let modified = credit.modified || u.adapts();
    let requirements = match credit.license {
        Some(l) => requirements(l),
        // Without a license the one thing a credit certainly lacks is the license.
        None if credit.rights == crate::license::Rights::PublicDomain => Vec::new(),
        None => vec![Requirement {
            item: Item::License,
            when: When::Always,
            section: None,
        }],
    };
    let mut missing = Vec::new();
    let mut unverified = Vec::new();
    for r in &requirements {
        if r.when == When::IfModified && !modified {
            continue;
        }
        let lacks = match r.item {
            Item::Author => credit.authors.is_empty(),
            Item::Title => credit.title.is_none(),
            Item::Source => credit.source.is_none(),
            Item::License => credit.license.is_none(),
            Item::LicenseLink => {
                !credit.license_url_given || credit.license.is_some_and(|l| l.tool().is_none())
            }
            Item::Modification => !credit.modified,
            Item::CopyrightNotice | Item::Disclaimer => {
                unverified.push(r.item);
                false
            }
        };
        if lacks && !missing.contains(&r.item) {
            missing.push(r.item);
        }
    }
    missing.sort();
    let mut shown = credit.clone();
    shown.modified = modified;
    AttributionCheck {
        complete: missing.is_empty(),
        missing,
        suggested: attribute(&shown, Style::Text),
        requirements,
        unverified,
    }
}
