//! The gate: one image's evidence held against the policy, as located findings.
//!
//! | finding | when |
//! |---|---|
//! | `no-license` | no Creative Commons tool found and the use cannot be shown to be allowed |
//! | `license-not-allowed-by-policy` | the license matches `deny`, or no `allow` pattern |
//! | `use-not-allowed` | the license forbids the policy's use (NC on a commercial site), unless a finding above already says why |
//! | `adaptation-of-nd` | a document says the image was changed (cropped, adapted) and the license allows no adaptations |
//! | `credit-missing` | `require_credit`, the license asks for credit, and a document shows the image with none |
//! | `credit-incomplete` | the credit shown lacks an item the license version asks for: the author or source when the image's metadata supplies them, the license's name, its link, the note of modification |
//!
//! The credit check looks only at what the document shows next to the image (its caption,
//! caption links, front matter credit keys), not at the embedded metadata, which readers do not
//! see.

use crate::assess::{Edit, Effect, Item as CreditItem, Term, Verdict, When};
use crate::check::{self, Conclude, Item, Memo, Showing};
use crate::evidence::{Evidence, Origin, origin as o};
use crate::finding::{Finding, FindingKind, Location};
use crate::license::{Flag, Rights};

use super::policy::{Acceptance, Policy};

/// Origins of what a document visibly shows next to an image: the credit readers see.
const SHOWN: &[Origin] = &[
    o::MARKDOWN_CAPTION,
    o::MARKDOWN_LINK,
    o::MARKDOWN_LICENSE_LINK,
    o::HTML_FIGCAPTION,
    o::HTML_CAPTION,
    o::HTML_CREDIT,
    o::HTML_NEARBY_CREDIT,
    o::HTML_NEARBY_TEXT,
    o::RDFA_ATTRIBUTION_NAME,
    o::HTML_LINK,
    o::HTML_REL_LICENSE,
    o::FRONTMATTER_CREDIT,
    o::FRONTMATTER_LICENSE,
    o::FRONTMATTER_AUTHOR,
];

fn shown_evidence(s: &Showing) -> Vec<Evidence> {
    s.evidence
        .iter()
        .filter(|e| SHOWN.contains(&e.origin))
        .cloned()
        .collect()
}

fn located(kind: FindingKind, message: String, locations: Vec<Location>) -> Finding {
    let mut f = Finding::new(kind, message);
    f.locations = locations;
    f
}

/// The gate as a way of concluding an item: the policy's use, the policy's findings, and the
/// credit each showing gives. The places showing the image become its `shown_in`.
pub struct Gate<'a>(pub &'a Policy);

impl Conclude for Gate<'_> {
    fn conclude(&self, item: &mut Item, showings: &[Showing]) {
        if item.shown_in.is_empty() {
            item.shown_in = showings.iter().map(|s| s.location.clone()).collect();
        }
        conclude(item, showings, self.0);
    }
}

/// Merges the item's evidence, assesses the policy's use (an adaptation when a document says
/// the image was changed), and adds the gate's findings.
pub fn conclude(item: &mut Item, showings: &[Showing], policy: &Policy) {
    let shown: Vec<(&Showing, crate::credit::Credit)> = showings
        .iter()
        // Captions repeat across a site: their credits come from the memo.
        .map(|s| (s, Memo::global().credit(&shown_evidence(s))))
        .collect();
    let modified_at: Vec<Location> = shown
        .iter()
        .filter(|(_, c)| c.modified)
        .map(|(s, _)| s.location.clone())
        .collect();
    let mut proposed = policy.proposed.clone();
    if !modified_at.is_empty() && !proposed.adapts() {
        proposed.edits.push(Edit::Adapt);
        proposed.edits.sort();
    }
    check::conclude(item, &proposed);

    let everywhere: Vec<Location> = if item.shown_in.is_empty() {
        vec![Location {
            file: item.target.clone(),
            line: None,
        }]
    } else {
        item.shown_in.clone()
    };
    // A problem with the file itself is located at the file, once; a finding about the image's
    // use is located wherever it is shown.
    let at_file = vec![Location {
        file: item.target.clone(),
        line: None,
    }];
    for f in &mut item.findings {
        if f.locations.is_empty() {
            f.locations = if f.kind == FindingKind::MetadataProblem {
                at_file.clone()
            } else {
                everywhere.clone()
            };
        }
    }
    // Borrowed, not cloned: only `item.findings` changes below.
    let (Some(credit), Some(assessment)) = (&item.credit, &item.assessment) else {
        return;
    };
    let verdict = assessment.verdict;
    let Some(license) = credit.license else {
        if matches!(verdict, Verdict::NotAllowed | Verdict::Unknown) {
            let what = match credit.rights {
                Rights::None => "no license or rights statement was found".to_string(),
                r => format!("no Creative Commons license was found (rights: {r})"),
            };
            item.findings.push(located(
                FindingKind::NoLicense,
                format!("{what}: all rights are reserved until shown otherwise"),
                everywhere,
            ));
        }
        return;
    };

    let mut explained = false;
    match policy.accepts(license) {
        Acceptance::Accepted => {}
        refused => {
            let why = match refused {
                Acceptance::Denied(p) => format!("it matches deny pattern {p:?}"),
                _ => format!(
                    "it matches no allow pattern ({})",
                    policy.allow().join(", ")
                ),
            };
            let name = policy
                .path
                .as_ref()
                .map_or("the default policy".to_string(), |p| {
                    p.display().to_string()
                });
            item.findings.push(located(
                FindingKind::LicenseNotAllowedByPolicy,
                format!("{} is not accepted by {name}: {why}", license.short_code()),
                everywhere.clone(),
            ));
            explained = true;
        }
    }

    let no_derivatives = !license
        .effective_tool()
        .permits
        .contains(Flag::DerivativeWorks);
    if no_derivatives && !modified_at.is_empty() {
        item.findings.push(located(
            FindingKind::AdaptationOfNd,
            format!(
                "the document says the image was changed, and {} allows no adaptations: show it unchanged or find another image",
                license.short_code()
            ),
            modified_at.clone(),
        ));
    }
    if matches!(verdict, Verdict::NotAllowed | Verdict::Unknown) && !explained {
        let deciding = if verdict == Verdict::NotAllowed {
            Effect::Forbids
        } else {
            Effect::Unknown
        };
        let reasons: Vec<&str> = assessment
            .reasons
            .iter()
            .filter(|r| r.effect == deciding)
            .filter(|r| {
                !(no_derivatives && !modified_at.is_empty() && r.term == Term::DerivativeWorks)
            })
            .map(|r| r.text.as_str())
            .collect();
        if !reasons.is_empty() {
            item.findings.push(located(
                FindingKind::UseNotAllowed,
                format!(
                    "{} {} this site's use ({}): {}",
                    license.short_code(),
                    if verdict == Verdict::NotAllowed {
                        "does not allow"
                    } else {
                        "may not allow"
                    },
                    proposed.describe(),
                    reasons.join("; ")
                ),
                everywhere.clone(),
            ));
        }
    }

    if !policy.require_credit || verdict == Verdict::NotAllowed {
        return;
    }
    // The same few licenses across a site: their requirements are listed once.
    let reqs = Memo::global().requirements(license);
    if !reqs
        .iter()
        .any(|r| matches!(r.item, CreditItem::Author | CreditItem::License))
    {
        return;
    }
    for (s, shown_credit) in &shown {
        let here = vec![s.location.clone()];
        if shown_evidence(s).is_empty() {
            item.findings.push(located(
                FindingKind::CreditMissing,
                format!(
                    // The image is the finding's subject; the message need not name it again.
                    "shown here without a credit; {} asks for {}",
                    license.short_code(),
                    describe_items(&needed(
                        &reqs,
                        credit,
                        shown_credit,
                        true,
                        proposed.adapts()
                    ))
                ),
                here,
            ));
            continue;
        }
        let missing = needed(&reqs, credit, shown_credit, false, proposed.adapts());
        if !missing.is_empty() {
            let sections: Vec<String> = missing
                .iter()
                .filter_map(|m| reqs.iter().find(|r| r.item == *m)?.section.clone())
                .fold(Vec::new(), |mut v, s| {
                    if !v.contains(&s) {
                        v.push(s);
                    }
                    v
                });
            item.findings.push(located(
                FindingKind::CreditIncomplete,
                format!(
                    "the credit shown here lacks {} [{}]",
                    describe_items(&missing),
                    sections.join("; ")
                ),
                here,
            ));
        }
    }
}

fn describe_items(items: &[CreditItem]) -> String {
    let words: Vec<&str> = items.iter().map(|i| i.describe()).collect();
    words.join(", ")
}

/// The items a credit shown next to the image must have and `shown` lacks (all of them when
/// `nothing_shown`). Author and source count only when the image's evidence supplies them.
fn needed(
    reqs: &[crate::assess::Requirement],
    full: &crate::credit::Credit,
    shown: &crate::credit::Credit,
    nothing_shown: bool,
    adapts: bool,
) -> Vec<CreditItem> {
    let modified = adapts || shown.modified;
    let mut out = Vec::new();
    for r in reqs {
        if r.when == When::IfModified && !modified {
            continue;
        }
        let (supplied, lacks) = match r.item {
            CreditItem::Author => (!full.authors.is_empty(), shown.authors.is_empty()),
            CreditItem::Title => (full.title.is_some(), shown.title.is_none()),
            CreditItem::Source => (full.source.is_some(), shown.source.is_none()),
            CreditItem::License => (true, shown.license.is_none()),
            CreditItem::LicenseLink => (true, !shown.license_url_given),
            CreditItem::Modification => (true, !shown.modified),
            CreditItem::CopyrightNotice | CreditItem::Disclaimer => (false, false),
        };
        let required = r.when != When::IfSupplied || supplied;
        if required && (lacks || nothing_shown) && !out.contains(&r.item) {
            out.push(r.item);
        }
    }
    out.sort();
    out
}
