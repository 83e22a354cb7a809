//! The rules: what each legal tool lets you do, and on what conditions, version by version.
//!
//! Every rule carries the section of the legal code it comes from. Sections of 1.0–3.0 are those
//! of the generic (unported) legal code; ports follow the same structure with local changes.
//! In 1.0–3.0 §4 lists the restrictions: (a) the license notice and no added terms, then one
//! subsection per element in the order ShareAlike, NonCommercial, Attribution.

use crate::credit::Credit;
use crate::license::{Elements, Family, LegalTool, License, Rights, catalogue};

use super::compat;
use super::credit_text::license_name;
use super::proposed_use::{Edit, Medium, Region, Use};
use super::sections::{Generation, nc_sections, section4};
use super::{Effect, Findings, ObligationKind as K, Term};

fn edit_list(u: &Use) -> String {
    let v: Vec<&str> = u.adaptations().map(Edit::name).collect();
    v.join(", ")
}

/// How to give the license notice in this medium.
fn notice_in(medium: Medium, url: Option<&str>) -> String {
    let url = url.unwrap_or("the license's URL");
    match medium {
        Medium::Online => format!("link it ({url})"),
        Medium::Print => {
            format!("print its URL in full ({url}); a hyperlink does not exist on paper")
        }
        Medium::Broadcast => format!(
            "show its name and URL ({url}) in the credits, or on a page the broadcast points to"
        ),
    }
}

/// Applies the rules for a credit and a use.
pub(super) fn apply(f: &mut Findings, credit: &Credit, u: &Use) {
    written_terms(f, credit, u);
    let Some(license) = credit.license else {
        no_license(f, credit.rights);
        return;
    };
    let tool = license.effective_tool();
    if license.tool().is_none() {
        f.reason(
            Term::Version,
            Effect::Note,
            None,
            format!(
                "The license version is not given; licit applied the terms of {} and checked \
                 every version where they differ. Obligations differ between versions (the title \
                 is required before 4.0, for example): find the version to be sure.",
                tool.short_code()
            ),
        );
    }
    if tool.deprecated {
        let succ = catalogue()
            .successor(tool)
            .map(|s| {
                format!(
                    "; it points new works to {}",
                    license_name(License::Tool(s.id))
                )
            })
            .unwrap_or_default();
        f.reason(
            Term::Deprecated,
            Effect::Note,
            None,
            format!(
                "Creative Commons has retired {}{succ}. A retired license still governs the works \
                 released under it.",
                license_name(license)
            ),
        );
    }
    if let (Some(j), Some(t)) = (tool.jurisdiction, license.tool()) {
        let name = catalogue().jurisdiction_name(j).unwrap_or(j);
        f.reason(
            Term::Port,
            Effect::Note,
            None,
            format!(
                "{} is the {name} port. licit cites the sections of the generic {} legal code; \
                 the port follows it with changes for local law.",
                t.short_code(),
                t.version.unwrap_or("")
            ),
        );
    }
    match tool.family {
        Family::Elements(e) => elements(f, license, tool, e, u),
        Family::Zero => zero(f),
        Family::Mark => mark(f),
        Family::PublicDomainDedication => dedication(f),
        Family::DevelopingNations => developing_nations(f, tool, u),
        Family::Sampling => sampling(f, tool, u),
        Family::SoftwareWrapper => software(f, tool, u),
    }
    if u.medium != Medium::Online {
        f.reason(
            Term::Medium,
            Effect::Note,
            None,
            format!(
                "Licenses and public-domain tools cover every medium and format ({}): only the \
                 way the credit is given adapts to {}.",
                match tool.family {
                    Family::Elements(_) if Generation::of(tool) == Generation::V4_0 => "§2(a)(4)",
                    Family::Elements(_) => "§3",
                    _ => "all media",
                },
                u.medium
            ),
        );
    }
}

/// Restrictions written next to the photo ("Editorial use only", "No derivatives") decide what
/// they clearly decide, whatever the license says; otherwise they are noted.
fn written_terms(f: &mut Findings, credit: &Credit, u: &Use) {
    let r = &credit.restrictions;
    let mut forbid = |said: &str, what: &str| {
        f.reason(
            Term::OtherTerms,
            Effect::Forbids,
            None,
            format!("The terms next to the photo say \"{said}\": {what}"),
        )
    };
    let mut noted: Vec<&String> = Vec::new();
    if u.commercial {
        for said in [&r.editorial_only, &r.no_commercial].into_iter().flatten() {
            forbid(said, "commercial use is not allowed.");
            noted.push(said);
        }
    }
    if u.adapts()
        && let Some(said) = &r.no_derivatives
    {
        forbid(said, "changing the photo is not allowed.");
        noted.push(said);
    }
    for said in [&r.editorial_only, &r.no_commercial, &r.no_derivatives]
        .into_iter()
        .flatten()
        .filter(|s| !noted.contains(s))
    {
        f.reason(
            Term::OtherTerms,
            Effect::Note,
            None,
            format!("The terms next to the photo say \"{said}\"."),
        );
    }
}

fn no_license(f: &mut Findings, rights: Rights) {
    match rights {
        Rights::AllRightsReserved => f.reason(
            Term::AllRightsReserved,
            Effect::Unknown,
            None,
            "The credit says all rights are reserved: reuse needs the rights holder's permission, \
             unless a copyright exception (quotation, fair use, news reporting) applies, which \
             licit does not judge."
                .to_string(),
        ),
        Rights::Other => f.reason(
            Term::OtherTerms,
            Effect::Unknown,
            None,
            "The credit names terms that are not a Creative Commons license (another license, an \
             agency or \"courtesy of\" credit, a handout). licit does not assess them: read those \
             terms or ask the rights holder."
                .to_string(),
        ),
        Rights::PublicDomain => {
            f.reason(
                Term::PublicDomain,
                Effect::Permits,
                None,
                "The credit says the photo is in the public domain, so no permission is needed."
                    .to_string(),
            );
            f.reason(
                Term::PublicDomain,
                Effect::Note,
                None,
                "licit cannot verify that statement: public-domain status depends on the country \
                 and on who made the photo and when (works of the US federal government, for \
                 example, are public domain in the US). People in the photo may still have \
                 publicity or privacy rights."
                    .to_string(),
            );
            f.oblige(
                K::Courtesy,
                None,
                "No credit is required, but naming the author and source is courteous and lets \
                 readers check the public-domain status."
                    .to_string(),
            );
        }
        Rights::Cc | Rights::None => f.reason(
            Term::NoLicense,
            Effect::Unknown,
            None,
            "No license was found. Without one, the photo is all rights reserved until shown \
             otherwise: find the license at the source, or ask the rights holder."
                .to_string(),
        ),
    }
}

fn elements(f: &mut Findings, license: License, tool: &LegalTool, e: Elements, u: &Use) {
    let g = Generation::of(tool);
    // Texts name the license as given; sections cite the version whose terms were applied.
    let name = license.short_code();
    let code = tool.short_code();
    let v4 = g == Generation::V4_0;
    let nc = e.contains(Elements::NC);
    let nc_words = if nc {
        " for non-commercial purposes"
    } else {
        ""
    };

    // The grant: 4.0 §2(a)(1)(A) reproduce and Share.
    // 1.0–3.0 §3 lists (a) reproduce, (b) adapt, (c) distribute, (d) distribute adaptations;
    // the ND licenses have no adaptation items, so distribution is (b).
    let (grant, grant_adapt) = if v4 {
        ("§2(a)(1)(A)", "§2(a)(1)(B)")
    } else if e.contains(Elements::ND) {
        ("§3(a), §3(b)", "§3")
    } else {
        ("§3(a), §3(c)", "§3(b), §3(d)")
    };
    f.reason(
        Term::Distribution,
        Effect::Permits,
        Some(format!("{code} {grant}")),
        format!("{name} lets you copy and share the photo{nc_words}, in any medium."),
    );

    if u.edits.iter().any(|ed| !ed.is_adaptation()) {
        // 4.0 §2(a)(4): technical modifications "never produce Adapted Material"; 1.0–3.0 §3:
        // "the right to make such modifications as are technically necessary to exercise the
        // rights in other media and formats".
        f.reason(
            Term::DerivativeWorks,
            Effect::Note,
            Some(format!("{code} {}", if v4 { "§2(a)(4)" } else { "§3" })),
            "Resizing and format conversion are technical modifications that every Creative \
             Commons license allows; they do not make an adaptation."
                .to_string(),
        );
    }

    // NonCommercial. 1.0–3.0 §4(b)/(c): no use "primarily intended for or directed toward
    // commercial advantage or private monetary compensation". 4.0 §2(a)(1): NonCommercial
    // purposes only, defined in §1 as "not primarily intended for or directed towards
    // commercial advantage or monetary compensation".
    if nc {
        let section = nc_sections(&code, v4, e);
        if u.commercial {
            f.reason(
                Term::CommercialUse,
                Effect::Forbids,
                Some(section),
                format!(
                    "{name} is NonCommercial: it does not allow uses primarily intended for or \
                     directed towards commercial advantage or monetary compensation. A \
                     commercial use needs the rights holder's permission."
                ),
            );
        } else {
            f.reason(
                Term::CommercialUse,
                Effect::Note,
                Some(section),
                format!(
                    "{name} is NonCommercial: this use is allowed only as long as it is not \
                     primarily intended for or directed towards commercial advantage or monetary \
                     compensation."
                ),
            );
        }
    }

    if u.adapts() {
        let edits = edit_list(u);
        if e.contains(Elements::ND) {
            if v4 {
                // BY-ND 4.0 §2(a)(1)(B): "produce and reproduce, but not Share, Adapted Material".
                f.reason(
                    Term::DerivativeWorks,
                    Effect::Forbids,
                    Some(format!("{code} §2(a)(1)(B)")),
                    format!(
                        "{name} is NoDerivatives: you may make an adapted version ({edits}) for \
                         yourself, but not share it. Publish the photo unchanged, or ask the \
                         rights holder."
                    ),
                );
            } else {
                // 1.0–3.0 ND: §3 grants no right to make Derivative Works or Adaptations, only
                // "such modifications as are technically necessary" for other media and formats.
                f.reason(
                    Term::DerivativeWorks,
                    Effect::Forbids,
                    Some(format!("{code} §3")),
                    format!(
                        "{name} is NoDerivs: it grants no right to adapt the photo ({edits}), \
                         only to share it unchanged (technical changes of size or format aside)."
                    ),
                );
            }
        } else {
            f.reason(
                Term::DerivativeWorks,
                Effect::Permits,
                Some(format!("{code} {grant_adapt}")),
                format!(
                    "{name} lets you adapt the photo ({edits}) and share the result{nc_words}."
                ),
            );
            modification(f, &code, g, e);
            if e.contains(Elements::SA) {
                share_alike(f, license, tool, u);
            }
        }
    }

    if e.contains(Elements::BY) {
        attribute(f, &code, g, e, u);
    } else {
        // The 1.0 tools without BY (and the Japanese 2.0 ports without it) have no attribution
        // clause at all.
        f.reason(
            Term::Attribution,
            Effect::Note,
            None,
            format!("{name} has no Attribution element: no credit to the author is required."),
        );
        f.oblige(
            K::Courtesy,
            None,
            "A credit to the author is still courteous, and tells readers where the photo \
             comes from."
                .to_string(),
        );
    }

    // License notice. 1.0–3.0 §4(a): "include a copy of, or the Uniform Resource Identifier
    // for, this License with every copy". 4.0 §3(a)(1)(C): "indicate the Licensed Material is
    // licensed under this Public License, and include the text of, or the URI or hyperlink to,
    // this Public License".
    f.oblige(
        K::LicenseNotice,
        Some(format!(
            "{code} {}",
            if v4 { "§3(a)(1)(C)" } else { "§4(a)" }
        )),
        format!(
            "Say that the photo is licensed under {name} and {}.",
            notice_in(u.medium, license.url())
        ),
    );
    // 1.0–3.0 §4(a): "keep intact all notices that refer to this License and to the disclaimer
    // of warranties"; 4.0 §3(a)(1)(A)(ii)–(iv): retain the copyright notice, the notice that
    // refers to the license and the one that refers to the disclaimer, if supplied.
    f.oblige(
        K::KeepNotices,
        Some(format!(
            "{code} {}",
            if v4 {
                "§3(a)(1)(A)(ii)-(iv)"
            } else {
                "§4(a)"
            }
        )),
        "Keep any copyright notice and any notice about the license or its disclaimer of \
         warranties that came with the photo."
            .to_string(),
    );
    // No added terms or DRM. 1.0–2.5 §4(a): no "technological measures that control access or
    // use of the Work in a manner inconsistent with the terms of this License"; 3.0 §4(a): no
    // "effective technological measures"; 4.0 §2(a)(5)(C) (and §3(b)(3) for adaptations under
    // BY-SA/BY-NC-SA).
    f.oblige(
        K::NoAddedRestrictions,
        Some(format!(
            "{code} {}",
            if v4 { "§2(a)(5)(C)" } else { "§4(a)" }
        )),
        match u.medium {
            Medium::Print => {
                "Add no terms that restrict what readers may do with the photo under the license."
                    .to_string()
            }
            Medium::Online | Medium::Broadcast => format!(
                "Add no terms that restrict what recipients may do with the photo under the \
                 license, and do not distribute it {} with DRM or other technological measures \
                 that stop them.",
                if u.medium == Medium::Online {
                    "(in an app, e-book or paywalled download)"
                } else {
                    "(in an encrypted stream or download)"
                }
            ),
        },
    );
    if g >= Generation::V3_0 && e.contains(Elements::BY) {
        // 3.0: attribution subsection ("may not implicitly or explicitly assert or imply any
        // connection with, sponsorship or endorsement by the Original Author"); 4.0 §2(a)(6).
        f.oblige(
            K::NoEndorsement,
            Some(format!(
                "{code} {}",
                if v4 {
                    "§2(a)(6)".to_string()
                } else {
                    section4(e, Elements::BY)
                }
            )),
            "Do not suggest that the author or licensor endorses you or your use.".to_string(),
        );
    }
}

/// The attribution clause: 1.0 §4(BY) author and title if supplied; 2.0 adds the URI the
/// licensor associates with the work; 2.5 adds other attribution parties; 3.0 §4(BY) keeps
/// these; 4.0 §3(a)(1)(A) drops the title.
fn attribute(f: &mut Findings, code: &str, g: Generation, e: Elements, u: &Use) {
    let clause = super::sections::row(g).attribution;
    let (section, what) = (clause.cite.section(e), clause.text);
    let place = if u.adapts() && g < Generation::V4_0 {
        " In an adaptation, the credit must appear where other authorship credits appear and be \
         at least as prominent."
    } else {
        ""
    };
    let medium = match u.medium {
        Medium::Online => "",
        Medium::Print => " In print, put it next to the photo or in the picture credits.",
        Medium::Broadcast => " In a broadcast, show it on screen or in the credits.",
    };
    f.oblige(
        K::Attribute,
        Some(format!("{code} {section}")),
        format!("Credit {what}, in a way reasonable for the medium.{place}{medium}"),
    );
}

/// The statement of changes: 4.0 §3(a)(1)(B) "indicate if You modified the Licensed Material";
/// 3.0 §3(b) label the changes, plus the attribution subsection's "credit identifying the use
/// of the Work in the Adaptation"; 1.0–2.5 the attribution subsection's same credit.
fn modification(f: &mut Findings, code: &str, g: Generation, e: Elements) {
    if !e.contains(Elements::BY) && g < Generation::V3_0 {
        return;
    }
    let clause = super::sections::row(g).modification;
    let (section, text) = (clause.cite.section(e), clause.text);
    f.oblige(
        K::IndicateModifications,
        Some(format!("{code} {section}")),
        text.to_string(),
    );
}

fn share_alike(f: &mut Findings, license: License, tool: &LegalTool, u: &Use) {
    let code = license.short_code();
    let g = Generation::of(tool);
    let section = format!("{} {}", tool.short_code(), g.sa_section());
    let Some(target) = u.share_as else {
        f.oblige(
            K::ShareAlike,
            Some(section),
            format!(
                "Share your adapted version under {}, and include that license's URL.",
                compat::allowed_targets(tool)
            ),
        );
        return;
    };
    if license.tool().is_some() {
        let c = compat::share_alike(tool, target);
        if c.compatible {
            f.reason(Term::ShareAlike, Effect::Permits, Some(c.section), c.text);
            f.oblige(
                K::ShareAlike,
                Some(section),
                format!(
                    "Share your adapted version under {} and include that license's URL.",
                    target.display_name()
                ),
            );
        } else {
            f.reason(Term::ShareAlike, Effect::Forbids, Some(c.section), c.text);
        }
        return;
    }
    // Unknown version: the answer must hold for every version of the unit.
    let cat = catalogue();
    let (mut yes, mut no): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for t in cat.tools().iter().filter(|t| t.unit == tool.unit) {
        let v = t.version.unwrap_or("?");
        let list = if compat::share_alike(t, target).compatible {
            &mut yes
        } else {
            &mut no
        };
        if !list.contains(&v) {
            list.push(v);
        }
    }
    let name = target.display_name();
    if no.is_empty() {
        f.reason(
            Term::ShareAlike,
            Effect::Permits,
            Some(section.clone()),
            format!("Every version of {code} allows adaptations under {name}."),
        );
        f.oblige(
            K::ShareAlike,
            Some(section),
            format!("Share your adapted version under {name} and include that license's URL."),
        );
    } else if yes.is_empty() {
        f.reason(
            Term::ShareAlike,
            Effect::Forbids,
            Some(section),
            format!("No version of {code} allows adaptations under {name}."),
        );
    } else {
        f.reason(
            Term::ShareAlike,
            Effect::Unknown,
            Some(section),
            format!(
                "Whether an adaptation may carry {name} depends on the version of {code}: \
                 version {} allows it, version {} does not.",
                yes.join(", "),
                no.join(", ")
            ),
        );
    }
}

fn zero(f: &mut Findings) {
    // CC0 1.0 §2 Waiver and §3 Public License Fallback.
    f.reason(
        Term::PublicDomain,
        Effect::Permits,
        Some("CC0 1.0 §2, §3".to_string()),
        "CC0 1.0 waives copyright and related rights (§2), with a fallback license where the \
         waiver fails (§3): any use is allowed, commercial or not, adapted or not, without \
         credit."
            .to_string(),
    );
    // CC0 1.0 §4(a) no trademark or patent rights waived; §4(c) others' rights not cleared.
    f.reason(
        Term::OtherRights,
        Effect::Note,
        Some("CC0 1.0 §4(a), §4(c)".to_string()),
        "CC0 does not waive trademark or patent rights (§4(a)), and does not clear the rights of \
         others (§4(c)): people shown in the photo may have publicity or privacy rights, which \
         matter most in advertising."
            .to_string(),
    );
    f.oblige(
        K::Courtesy,
        None,
        "No credit is required, but naming the author and marking the photo with CC0 1.0 is \
         courteous and helps others find it."
            .to_string(),
    );
}

fn mark(f: &mut Findings) {
    f.reason(
        Term::PublicDomain,
        Effect::Permits,
        None,
        "The Public Domain Mark 1.0 labels the photo as free of known copyright restrictions: \
         any use is allowed, commercial or not, adapted or not. It is a label, not a license; \
         its accuracy rests on whoever applied it."
            .to_string(),
    );
    f.reason(
        Term::OtherRights,
        Effect::Note,
        None,
        "The photo may still be protected in some countries; in some, the author's moral right \
         to be named outlasts copyright; and people shown in it may have publicity or privacy \
         rights."
            .to_string(),
    );
    f.oblige(
        K::Courtesy,
        None,
        "No credit is required, but naming the author and marking the photo with the Public \
         Domain Mark 1.0 is courteous (and where moral rights persist, expected)."
            .to_string(),
    );
}

fn dedication(f: &mut Findings) {
    f.reason(
        Term::PublicDomain,
        Effect::Permits,
        None,
        "The Public Domain Dedication and Certification dedicates the photo to the public \
         domain, or certifies that it is there: any use is allowed, commercial or not, adapted \
         or not."
            .to_string(),
    );
    f.reason(
        Term::OtherRights,
        Effect::Note,
        None,
        "The dedication and certification rest on US law; outside the United States the photo \
         may still be protected. Creative Commons replaced the tool with CC0 and the Public \
         Domain Mark."
            .to_string(),
    );
    f.oblige(
        K::Courtesy,
        None,
        "No credit is required, but naming the author is courteous.".to_string(),
    );
}

/// The Developing Nations License 2.0: the §3 grant holds only "in any Developing Nation",
/// defined in §1 as a nation the World Bank does not classify as a high-income economy.
fn developing_nations(f: &mut Findings, tool: &LegalTool, u: &Use) {
    let code = license_name(License::Tool(tool.id));
    match u.region {
        Region::Unspecified => f.reason(
            Term::HighIncomeNationUse,
            Effect::Unknown,
            Some(format!("{code} §1, §3")),
            "The Developing Nations License allows use only in countries the World Bank does not \
             classify as high-income. licit does not know where you will use the photo: say so \
             with `developing` or `high-income`."
                .to_string(),
        ),
        Region::HighIncome => f.reason(
            Term::HighIncomeNationUse,
            Effect::Forbids,
            Some(format!("{code} §3")),
            "The Developing Nations License grants no rights in countries the World Bank \
             classifies as high-income."
                .to_string(),
        ),
        Region::Developing => f.reason(
            Term::HighIncomeNationUse,
            Effect::Permits,
            Some(format!("{code} §3")),
            "In a country the World Bank does not classify as high-income, the Developing \
             Nations License allows copying, sharing and adapting, commercial or not."
                .to_string(),
        ),
    }
    if u.region == Region::HighIncome {
        return;
    }
    f.oblige(
        K::DevelopingNationsOnly,
        Some(format!("{code} §4(c), §4(d)")),
        format!(
            "Do not export copies to high-income countries (§4(c)).{}",
            if u.medium == Medium::Online {
                " Online, the photo may be made available only with reasonable measures that \
                 limit it to recipients in developing nations, such as IP-address restrictions \
                 (§4(d)): an open web page does not qualify."
            } else {
                ""
            }
        ),
    );
    // §4(b): attribution as in the 2.0 licenses, including the credit identifying the use in a
    // Derivative Work.
    f.oblige(
        K::Attribute,
        Some(format!("{code} §4(b)")),
        "Credit the author and the title where given, link the source the licensor names where \
         reasonably practicable, and keep the copyright notices."
            .to_string(),
    );
    if u.adapts() {
        f.oblige(
            K::IndicateModifications,
            Some(format!("{code} §4(b)")),
            "Credit the use of the original in your version (\"cropped from a photo by …\")."
                .to_string(),
        );
    }
    f.oblige(
        K::LicenseNotice,
        Some(format!("{code} §4(a)")),
        format!(
            "Say that the photo is licensed under the Developing Nations License and {}.",
            notice_in(u.medium, Some(tool.url))
        ),
    );
    f.oblige(
        K::NoAddedRestrictions,
        Some(format!("{code} §4(a)")),
        "Add no terms and no technological measures that restrict the license.".to_string(),
    );
}

/// Sampling 1.0, Sampling Plus 1.0 and NonCommercial Sampling Plus 1.0. Their §3 is organised
/// by headings rather than letters; the sections below name the heading.
fn sampling(f: &mut Findings, tool: &LegalTool, u: &Use) {
    let code = license_name(License::Tool(tool.id));
    let unit = catalogue().unit(tool.unit).name;
    let plus = unit != "sampling";
    let nc = unit == "nc-sampling+";
    if nc && u.commercial {
        f.reason(
            Term::CommercialUse,
            Effect::Forbids,
            Some(format!("{code} §3")),
            "NonCommercial Sampling Plus allows no commercial use, whether of the whole photo or \
             of a sample."
                .to_string(),
        );
    }
    if u.adapts() {
        // §3 "Re-creativity permitted": Derivative Works only by "sampling", "collage",
        // "mash-up" or a comparable technique that is highly transformative, using the
        // original partially or as an insubstantial part.
        let creative = u
            .edits
            .iter()
            .any(|e| matches!(e, Edit::Composite | Edit::Adapt));
        if creative {
            f.reason(
                Term::DerivativeWorks,
                Effect::Permits,
                Some(format!("{code} §3 (Re-creativity permitted)")),
                format!(
                    "{code} allows re-use in a highly transformative work (sampling, collage, \
                     mash-up){}.",
                    if nc {
                        " for non-commercial purposes"
                    } else {
                        ", commercial or not"
                    }
                ),
            );
            f.oblige(
                K::Transform,
                Some(format!("{code} §3 (Re-creativity permitted)")),
                "Your work must transform the photo substantially, using part of it or only an \
                 insubstantial portion of the whole."
                    .to_string(),
            );
        } else {
            f.reason(
                Term::DerivativeWorks,
                Effect::Forbids,
                Some(format!("{code} §3 (Re-creativity permitted)")),
                format!(
                    "{code} allows only highly transformative re-use (sampling, collage, \
                     mash-up); {} keeps the photo largely as it is.",
                    edit_list(u)
                ),
            );
        }
    } else if !plus {
        // Sampling 1.0 grants no right to copy or share the work as a whole.
        f.reason(
            Term::Sharing,
            Effect::Forbids,
            Some(format!("{code} §3")),
            "The Sampling license does not allow copying or sharing the whole photo, only \
             re-using it in a highly transformative new work."
                .to_string(),
        );
    } else if u.commercial {
        // §3 "Noncommercial sharing of verbatim copies permitted".
        f.reason(
            Term::CommercialUse,
            Effect::Forbids,
            Some(format!(
                "{code} §3 (Noncommercial sharing of verbatim copies permitted)"
            )),
            "Sampling Plus allows sharing the whole photo only for non-commercial purposes."
                .to_string(),
        );
    } else {
        f.reason(
            Term::Sharing,
            Effect::Permits,
            Some(format!(
                "{code} §3 (Noncommercial sharing of verbatim copies permitted)"
            )),
            "Sampling Plus allows sharing the whole photo for non-commercial purposes.".to_string(),
        );
    }
    f.oblige(
        K::NoAdvertising,
        Some(format!("{code} §3 (Prohibition on advertising)")),
        "Do not use the photo to advertise or promote anything but the work you made from it \
         and yourself as its author."
            .to_string(),
    );
    f.oblige(
        K::Attribute,
        Some(format!("{code} §3 (Attribution and Notice)")),
        "Credit the author and the title where given, link the source the licensor names where \
         reasonably practicable, and keep the copyright notices; in a new work, credit the use of \
         the original (\"includes a sample of a photo by …\")."
            .to_string(),
    );
    f.oblige(
        K::LicenseNotice,
        Some(format!("{code} §3 (Attribution and Notice)")),
        format!(
            "Say that the photo is licensed under {code} and {}.",
            notice_in(u.medium, Some(tool.url))
        ),
    );
    f.oblige(
        K::NoAddedRestrictions,
        Some(format!("{code} §3 (Attribution and Notice)")),
        "Add no terms and no technological measures that restrict the license.".to_string(),
    );
}

/// Creative Commons' wrappers of software licenses: CC-GPL 2.0, CC-LGPL 2.1, BSD and MIT.
fn software(f: &mut Findings, tool: &LegalTool, u: &Use) {
    let code = tool.short_code();
    let copyleft = tool.requires.contains(crate::license::Flag::ShareAlike);
    f.reason(
        Term::Software,
        Effect::Note,
        None,
        format!(
            "{} is a software license, meant for programs: applied to a photo, terms such as \
             source code are hard to read. Ask the rights holder if in doubt.",
            tool.title
        ),
    );
    f.reason(
        Term::Distribution,
        Effect::Permits,
        None,
        format!("{code} allows copying, sharing and adapting, commercial or not."),
    );
    f.oblige(
        K::KeepNotices,
        None,
        "Keep the copyright notice, the license text (or a link to it) and its disclaimer of \
         warranty with every copy."
            .to_string(),
    );
    if copyleft {
        // GPL-2.0 §2(b), LGPL-2.1 §2(c): modified works are licensed as a whole under the same
        // license; GPL-2.0 §3 / LGPL-2.1 §4: accompany copies with the source.
        f.oblige(
            K::SourceCode,
            None,
            "Provide the \"source code\", the preferred form for making changes (for a photo, \
             the original or layered file), with the copies you share."
                .to_string(),
        );
        if u.adapts() {
            f.oblige(
                K::ShareAlike,
                None,
                format!(
                    "Share your adapted version under the same license ({}), with prominent \
                     notice of your changes.",
                    tool.title
                ),
            );
        }
    }
}

/// Plain-words terms of a tool that its flags do not carry, for explaining a license: the
/// rules live here, reports only print them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlainTerms {
    /// Public-domain tools: nothing is required (crediting is courteous).
    pub asks_nothing: bool,
    /// No adaptations may be shared (NoDerivatives, and tools that do not permit derivative
    /// works, except software wrappers, which are not about photos).
    pub no_adaptations: bool,
    /// A family's own condition (Sampling, Developing Nations, software wrappers).
    pub note: Option<&'static str>,
}

/// The [`PlainTerms`] of a license.
pub fn plain_terms(l: License) -> PlainTerms {
    let family = l.family();
    let note = match family {
        Family::Sampling => Some(
            "Sampling terms: you may transform it, but not use it to advertise anything; copying the whole work is allowed only where the tool says so.",
        ),
        Family::DevelopingNations => Some(
            "Developing Nations terms: the license applies only in countries the World Bank does not classify as high-income.",
        ),
        Family::SoftwareWrapper => Some(
            "This is Creative Commons' wrapper of a software license; it is meant for software, not photos.",
        ),
        _ => None,
    };
    PlainTerms {
        asks_nothing: matches!(
            family,
            Family::Zero | Family::Mark | Family::PublicDomainDedication
        ),
        no_adaptations: !l.permits().contains(crate::license::Flag::DerivativeWorks)
            && !matches!(family, Family::SoftwareWrapper),
        note,
    }
}
