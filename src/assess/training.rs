//! The rules for mining an image and training AI models on it (`--use ai-training`,
//! `ai-generative-training`, `data-mining`): the data-mining signals of the rights holder, then
//! the license.
//!
//! - A signal that prohibits or reserves this use forbids it, citing the signal and its
//!   standard; one that points to constraints, an embedded or linked rights expression, or a
//!   TDMRep policy makes the verdict `unknown`, with the text or link. The most restrictive
//!   reading wins: one forbidding signal decides, whatever the license says.
//! - Creative Commons tools follow Creative Commons' own guidance, "Using CC-Licensed Works for
//!   AI Training" ([`CC_GUIDANCE`]), and its FAQ on generative AI ([`CC_FAQ`]): a license grants
//!   what copyright would otherwise need, and does not override the exceptions that may cover
//!   training (EU DSM Directive Articles 3 and 4, US fair use); where the license is relied on,
//!   BY asks for attribution as far as is reasonable (a link to the training data's sources),
//!   NC for a non-commercial purpose, SA for the same license on a shared model or output that
//!   is an adaptation, and ND (4.0) lets you produce adapted material but not share it.
//! - Whether an exception applies depends on the country, and on whether the rights holder
//!   reserved mining (Article 4(3)): licit cannot know where the training happens, so no
//!   verdict is a bare `allowed`; at best `allowed-with-obligations`, with the reservations to
//!   respect as an obligation.

use crate::credit::Credit;
use crate::license::{Elements, Family, LegalTool, License, Rights};
use crate::tdm::{Reading, Signal, Standard};

use super::proposed_use::{Training, Use};
use super::sections::{Generation, nc_sections, section4};
use super::{Effect, Findings, ObligationKind as K, Term};

/// Creative Commons, "Using CC-Licensed Works for AI Training" (2025).
pub const CC_GUIDANCE: &str =
    "https://creativecommons.org/using-cc-licensed-works-for-ai-training/";
/// Creative Commons, "Understanding CC Licenses and Generative AI" (2023).
pub const CC_FAQ: &str =
    "https://creativecommons.org/2023/08/18/understanding-cc-licenses-and-generative-ai/";
/// The EU rule on reservations: Directive (EU) 2019/790, Article 4(3).
const DSM_ART_4: &str = "Directive (EU) 2019/790 Art. 4(3)";

fn guidance(section: &str) -> Option<String> {
    Some(format!("{section}; CC AI-training guidance, {CC_GUIDANCE}"))
}

/// Applies the rules for a training use `t`.
pub(super) fn apply(f: &mut Findings, credit: &Credit, u: &Use, t: Training) {
    for s in &credit.signals {
        signal(f, s, t);
    }
    let allowed_by_signal = credit.signals.iter().any(|s| s.reading == Reading::Allowed);
    match credit.license {
        Some(license) => cc_tool(f, license, u, t),
        None if allowed_by_signal => f.reason(
            Term::NoLicense,
            Effect::Note,
            None,
            format!(
                "No license was found: the permission for {} is the data-mining signal alone.",
                t.describe()
            ),
        ),
        None => no_license(f, credit.rights, t),
    }
    f.reason(
        Term::OtherRights,
        Effect::Note,
        Some(format!("CC FAQ on generative AI, {CC_FAQ}")),
        "A license or signal does not override the copyright exceptions that may cover mining \
         and training (EU DSM Directive Articles 3 and 4, US fair use), and those depend on \
         where it happens: licit cannot judge them."
            .to_string(),
    );
    f.oblige(
        K::RespectReservations,
        Some(DSM_ART_4.to_string()),
        format!(
            "Where {} relies on a text-and-data-mining exception (EU DSM Directive Article 4), \
             respect the rights holder's machine-readable reservations at the source (IPTC Data \
             Mining, TDMRep, robots.txt, the site's terms), and check the law where it happens.",
            t.describe()
        ),
    );
}

/// Where a signal's rule comes from.
fn signal_section(s: &Signal) -> String {
    match s.standard {
        Standard::Iptc => format!("IPTC Photo Metadata 2023.1, {}", s.origin),
        Standard::Tdmrep => format!("W3C TDMRep, {}", s.origin),
        Standard::RobotsConvention => format!("noai convention, {}", s.origin),
        Standard::C2pa => format!("C2PA content credentials, {}", s.origin),
    }
}

fn signal(f: &mut Findings, s: &Signal, t: Training) {
    let said = format!(
        "{} says \"{}\" ({})",
        s.origin,
        s.value,
        s.reading.describe()
    );
    let convention = if s.standard == Standard::RobotsConvention {
        " This is a convention some sites use, not a standard; in the EU a machine-readable \
         reservation can still count under Article 4(3) of the DSM Directive."
    } else {
        ""
    };
    let detail = |what: &str| match &s.detail {
        Some(d) => format!("{what}: \"{d}\""),
        None => format!("{what}, but none was found"),
    };
    let forbid = format!(
        "{said}: the rights holder does not allow {}; it needs their permission.{convention}",
        t.describe()
    );
    let (effect, text) = match (s.reading, t) {
        (Reading::Prohibited | Reading::ProhibitedExceptSearchIndexing, _) => {
            (Effect::Forbids, forbid)
        }
        (Reading::ProhibitedAiTraining, Training::AiTraining | Training::AiGenerativeTraining) => {
            (Effect::Forbids, forbid)
        }
        (Reading::ProhibitedAiTraining, Training::DataMining) => (
            Effect::Note,
            format!("{said}: it covers training models, not mining that trains none.{convention}"),
        ),
        (Reading::ProhibitedGenerativeTraining, Training::AiGenerativeTraining) => {
            (Effect::Forbids, forbid)
        }
        (Reading::ProhibitedGenerativeTraining, Training::AiTraining) => (
            Effect::Unknown,
            format!(
                "{said}: training a model that generates content is not allowed. licit cannot \
                 tell whether yours does; for a generative model check with \
                 --use ai-generative-training."
            ),
        ),
        (Reading::ProhibitedGenerativeTraining, Training::DataMining) => (
            Effect::Note,
            format!("{said}: it covers training generative models, not mining that trains none."),
        ),
        (Reading::SeeConstraint, _) => (
            Effect::Unknown,
            format!(
                "{said}: {} is allowed only as the constraints say. {}.",
                t.describe(),
                detail("The constraints (plus:OtherConstraints)")
            ),
        ),
        (Reading::SeeEmbedded, _) => (
            Effect::Unknown,
            format!(
                "{said}: {} is allowed only as the rights expression embedded in the file says; \
                 licit does not read such expressions (ODRL, RightsML): read it or ask.",
                t.describe()
            ),
        ),
        (Reading::SeeLinked, _) => (
            Effect::Unknown,
            format!(
                "{said}: {} is allowed only as the linked rights expression says. {}.",
                t.describe(),
                detail("The link")
            ),
        ),
        (Reading::ReservedWithPolicy, _) => (
            Effect::Unknown,
            format!(
                "{said}: mining rights are reserved; the policy may offer a license for {}. {}.",
                t.describe(),
                detail("The policy")
            ),
        ),
        (Reading::Unrecognised, _) => (
            Effect::Unknown,
            format!(
                "{said}: licit does not know this value; it may restrict {}.",
                t.describe()
            ),
        ),
        (Reading::Allowed, _) => (
            Effect::Permits,
            format!(
                "{said}: the rights holder allows data mining, {} included; the license's \
                 conditions still apply.",
                t.describe()
            ),
        ),
        (Reading::NotReserved, _) => (
            Effect::Note,
            format!(
                "{said}: the site does not reserve mining rights, so an exception such as EU DSM \
                 Article 4 may cover {}; the license applies where it is relied on.",
                t.describe()
            ),
        ),
        (Reading::Unspecified, _) => (
            Effect::Note,
            format!("{said}: the rights holder says nothing either way."),
        ),
        (Reading::AiGenerated, _) => (
            Effect::Note,
            format!(
                "{said}: the image says it was made with generative AI; where such images have \
                 no copyright, no license is needed, but licit cannot judge that."
            ),
        ),
        (Reading::Unvalidated, _) => (
            Effect::Unknown,
            format!(
                "{said}: the manifest claims {} but fails validation, so the claim is no fact; \
                 ask the rights holder.",
                s.detail.as_deref().unwrap_or("a restriction")
            ),
        ),
        (Reading::Constraint, _) => (
            Effect::Note,
            format!(
                "{said}: read these constraints; they may limit {}.",
                t.describe()
            ),
        ),
    };
    f.reason(Term::DataMining, effect, Some(signal_section(s)), text);
}

fn no_license(f: &mut Findings, rights: Rights, t: Training) {
    match rights {
        Rights::PublicDomain => {
            f.reason(
                Term::PublicDomain,
                Effect::Permits,
                None,
                format!(
                    "The credit says the photo is in the public domain: {} needs no permission.",
                    t.describe()
                ),
            );
            f.reason(
                Term::PublicDomain,
                Effect::Note,
                None,
                "licit cannot verify that statement: public-domain status depends on the country \
                 and on who made the photo and when."
                    .to_string(),
            );
        }
        Rights::AllRightsReserved | Rights::Other | Rights::Cc | Rights::None => f.reason(
            match rights {
                Rights::AllRightsReserved => Term::AllRightsReserved,
                Rights::Other => Term::OtherTerms,
                _ => Term::NoLicense,
            },
            Effect::Unknown,
            None,
            format!(
                "No license allows {}: it needs the rights holder's permission unless an \
                 exception covers it (EU DSM Directive Article 3 for research, Article 4 where \
                 mining is not reserved, US fair use), which licit does not judge.",
                t.describe()
            ),
        ),
    }
}

fn cc_tool(f: &mut Findings, license: License, u: &Use, t: Training) {
    let tool = license.effective_tool();
    match tool.family {
        Family::Elements(e) => elements(f, license, tool, e, u, t),
        Family::Zero | Family::Mark | Family::PublicDomainDedication => {
            f.reason(
                Term::PublicDomain,
                Effect::Permits,
                guidance(&tool.short_code()),
                format!(
                    "{}: no permission is needed for {}.",
                    license.short_code(),
                    t.describe()
                ),
            );
            f.oblige(
                K::Courtesy,
                None,
                "No credit is required, but listing the photo's source with the training data \
                 is good practice."
                    .to_string(),
            );
        }
        Family::DevelopingNations | Family::Sampling | Family::SoftwareWrapper => f.reason(
            Term::OtherTerms,
            Effect::Unknown,
            None,
            format!(
                "licit does not assess {} under {}: read its legal code or ask the rights holder.",
                t.describe(),
                license.short_code()
            ),
        ),
    }
}

fn elements(
    f: &mut Findings,
    license: License,
    tool: &LegalTool,
    e: Elements,
    u: &Use,
    t: Training,
) {
    let g = Generation::of(tool);
    let v4 = g == Generation::V4_0;
    let name = license.short_code();
    let code = tool.short_code();
    let nc = e.contains(Elements::NC);
    let grant = if v4 { "§2(a)(1)(A)" } else { "§3(a)" };
    f.reason(
        Term::Distribution,
        Effect::Permits,
        guidance(&format!("{code} {grant}")),
        format!(
            "{name} lets you copy the photo{}, as building a training set does.",
            if nc {
                " for non-commercial purposes"
            } else {
                ""
            }
        ),
    );
    // BY: 4.0 §3(a); 1.0–3.0 §4, the Attribution subsection.
    let by = if v4 {
        "§3(a)".to_string()
    } else {
        section4(e, Elements::BY)
    };
    f.oblige(
        K::Attribute,
        guidance(&format!("{code} {by}")),
        "Credit the author and name the license with the training data, as far as is reasonable: \
         Creative Commons suggests a link to the sources of the data set, and a link to the work \
         with an output where the model can tie one to it."
            .to_string(),
    );
    if nc {
        let section = nc_sections(&code, v4, e);
        if u.commercial {
            f.reason(
                Term::CommercialUse,
                Effect::Forbids,
                guidance(&section),
                format!(
                    "{name} is NonCommercial: {} for a commercial purpose needs the rights \
                     holder's permission where the license is relied on (an exception may cover \
                     it in some countries; licit does not judge that).",
                    t.describe()
                ),
            );
        } else {
            f.reason(
                Term::CommercialUse,
                Effect::Note,
                guidance(&section),
                format!(
                    "{name} is NonCommercial: the training, the model and its outputs must not be \
                     primarily intended for commercial advantage or monetary compensation."
                ),
            );
        }
    }
    let trains = t != Training::DataMining;
    if e.contains(Elements::ND) {
        if v4 {
            // 4.0 §2(a)(1)(B): "produce and reproduce, but not Share, Adapted Material".
            f.reason(
                Term::DerivativeWorks,
                Effect::Note,
                guidance(&format!("{code} §2(a)(1)(B)")),
                format!(
                    "{name} is NoDerivatives: you may produce adapted material, but not share it. \
                     Do not share a model or outputs that are adaptations of the photo."
                ),
            );
        } else if trains {
            // 1.0–3.0 ND: §3 grants no right to make adaptations at all.
            f.reason(
                Term::DerivativeWorks,
                Effect::Unknown,
                guidance(&format!("{code} §3")),
                format!(
                    "{name} is NoDerivs and grants no right to adapt the photo; whether a trained \
                     model or its outputs are adaptations is unsettled, so licit cannot tell."
                ),
            );
        }
    }
    if e.contains(Elements::SA) && trains {
        f.oblige(
            K::ShareAlike,
            guidance(&format!("{code} {}", g.sa_section())),
            format!(
                "If you share the model or its outputs and they are adaptations of the photo, \
                 license them under {name} or a compatible license."
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Verdict, assess};
    use crate::evidence::{Evidence, origin as o};

    fn verdict(license: Option<&str>, dmi: Option<&str>, t: Training) -> Verdict {
        let mut ev = Vec::new();
        if let Some(l) = license {
            ev.push(Evidence::new(o::XMP_CC_LICENSE, l));
        }
        if let Some(d) = dmi {
            ev.push(Evidence::new(o::XMP_PLUS_DATA_MINING, d));
        }
        let credit = crate::credit::merge(&ev).credit;
        let u = Use {
            training: Some(t),
            ..Use::default()
        };
        assess(&credit, &u).verdict
    }

    #[test]
    fn never_a_bare_allowed() {
        for l in [
            Some("https://creativecommons.org/publicdomain/zero/1.0/"),
            Some("https://creativecommons.org/licenses/by/4.0/"),
            None,
        ] {
            for t in Training::ALL {
                assert_ne!(verdict(l, Some("DMI-ALLOWED"), t), Verdict::Allowed);
            }
        }
    }

    #[test]
    fn a_prohibition_wins_over_any_license() {
        let v = verdict(
            Some("https://creativecommons.org/publicdomain/zero/1.0/"),
            Some("http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED"),
            Training::DataMining,
        );
        assert_eq!(v, Verdict::NotAllowed);
    }
}
