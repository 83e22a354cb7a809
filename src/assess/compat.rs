//! ShareAlike compatibility: which licenses an adaptation of a ShareAlike work may carry.
//!
//! The rule differs by version; each branch names the clause it comes from. In every version
//! the adaptation must keep the same License Elements (BY-SA stays BY-SA, BY-NC-SA stays
//! BY-NC-SA); what changes is which versions and ports count.

use crate::license::{Elements, Family, LegalTool};

use super::proposed_use::{OtherLicense, ShareAs};
use super::sections::Generation;

/// The answer for one original tool and one proposed adapter's license.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compat {
    pub compatible: bool,
    /// The clause that decides (`BY-SA 3.0 §4(b)`).
    pub section: String,
    /// Plain-English explanation.
    pub text: String,
}

/// Whether an adaptation of material under `original` (a ShareAlike tool) may be shared under
/// `target`.
pub fn share_alike(original: &LegalTool, target: ShareAs) -> Compat {
    let Family::Elements(elements) = original.family else {
        return Compat {
            compatible: false,
            section: String::new(),
            text: format!("{} has no ShareAlike term", original.short_code()),
        };
    };
    let generation = Generation::of(original);
    let code = original.short_code();
    let section = format!("{code} {}", generation.sa_section());
    let yes = |text: String| Compat {
        compatible: true,
        section: section.clone(),
        text,
    };
    let no = |text: String| Compat {
        compatible: false,
        section: section.clone(),
        text,
    };
    let target = match target {
        ShareAs::Other(other) => {
            // BY-SA 4.0 §3(b)(1) allows a "BY-SA Compatible License": the list at
            // creativecommons.org/compatiblelicenses names the Free Art License 1.3 (2014) and,
            // one-way, GPLv3 (2015). No license was ever approved for BY-NC-SA, nor as a
            // "Creative Commons Compatible License" under BY-SA 3.0 §4(b)(iv).
            let by_sa = Elements::BY.union(Elements::SA);
            return if elements == by_sa && generation == Generation::V4_0 {
                yes(format!(
                    "{} is on Creative Commons' list of BY-SA Compatible Licenses for {code}{}.",
                    other.title(),
                    match other {
                        OtherLicense::Gpl3 { .. } => " (one way: from BY-SA 4.0 to GPLv3)",
                        OtherLicense::FreeArt13 => "",
                    }
                ))
            } else {
                no(format!(
                    "{} is not a license an adaptation of {code} may carry: only BY-SA 4.0 has \
                     approved compatible licenses outside Creative Commons.",
                    other.title()
                ))
            };
        }
        ShareAs::Cc(l) => l.effective_tool(),
    };
    let Family::Elements(target_elements) = target.family else {
        return no(format!(
            "An adaptation of {code} must carry a license with the same elements ({}); {} is not one.",
            unit_code(elements),
            target.short_code()
        ));
    };
    if target_elements != elements {
        return no(format!(
            "An adaptation of {code} must carry a license with the same elements ({}), not {}.",
            unit_code(elements),
            unit_code(target_elements)
        ));
    }
    let target_generation = Generation::of(target);
    let tc = target.short_code();
    match generation {
        // 1.0 §4(b): a Derivative Work may be distributed "only under the terms of this
        // License" — the very same license, no other version or port.
        Generation::V1_0 => {
            if target.id == original.id {
                yes(format!(
                    "An adaptation of {code} may carry the same license."
                ))
            } else {
                no(format!(
                    "A 1.0 ShareAlike license allows adaptations only under the very same \
                     license ({code}), not {tc}."
                ))
            }
        }
        // 2.0, 2.1 and 2.5 §4(b): "this License, a later version of this License with the same
        // License Elements, or a Creative Commons iCommons license that contains the same
        // License Elements". licit reads "iCommons license" as any port or the generic license
        // of the same or a later version (the text sets no version; the older-version reading
        // is refused as the unsafe one).
        Generation::V2_0 | Generation::V2_1 | Generation::V2_5 => {
            if target_generation >= generation {
                let reading = if original.jurisdiction.is_some() && target.jurisdiction.is_none() {
                    " (licit reads \"iCommons license\" as including the generic license)"
                } else {
                    ""
                };
                yes(format!(
                    "{code} allows adaptations under a later version or a port (iCommons \
                     license) with the same elements: {tc} qualifies{reading}."
                ))
            } else {
                no(format!(
                    "{code} allows adaptations under the same or a later version only; {tc} is older."
                ))
            }
        }
        // 3.0 §4(b): (i) this License, (ii) a later version with the same License Elements,
        // (iii) a Creative Commons jurisdiction license, this or a later version, with the same
        // License Elements; BY-SA adds (iv) a Creative Commons Compatible License (none
        // approved). Ported 3.0 licenses also name the unported 3.0 and later.
        Generation::V3_0 => {
            if target_generation >= generation {
                yes(format!(
                    "{code} allows adaptations under the same elements in version 3.0 or later, \
                     ported or not: {tc} qualifies."
                ))
            } else {
                no(format!(
                    "{code} allows adaptations under version 3.0 or later only; {tc} is older."
                ))
            }
        }
        // 4.0 §3(b)(1): "a Creative Commons license with the same License Elements, this version
        // or later, or a BY-SA Compatible License" (BY-NC-SA: "BY-NC-SA Compatible License").
        Generation::V4_0 => {
            if target_generation >= generation {
                yes(format!(
                    "{code} allows adaptations under the same elements, version 4.0 or later: \
                     {tc} qualifies."
                ))
            } else {
                no(format!(
                    "{code} allows adaptations under version 4.0 or later only; {tc} is an \
                     earlier version."
                ))
            }
        }
    }
}

/// The licenses an adaptation may carry, in words, for an obligation text.
pub fn allowed_targets(original: &LegalTool) -> String {
    let Family::Elements(elements) = original.family else {
        return String::new();
    };
    let code = original.short_code();
    let u = unit_code(elements);
    match Generation::of(original) {
        Generation::V1_0 => format!("the same license, {code}"),
        Generation::V2_0 | Generation::V2_1 | Generation::V2_5 => format!(
            "{code}, a later version of CC {u}, or a port of CC {u} of the same or a later version"
        ),
        Generation::V3_0 => format!("CC {u} 3.0 (unported or a port) or CC {u} 4.0"),
        Generation::V4_0 if elements == Elements::BY.union(Elements::SA) => format!(
            "CC {u} 4.0 (or later), or a BY-SA Compatible License (GPLv3 one-way, Free Art \
             License 1.3)"
        ),
        Generation::V4_0 => format!("CC {u} 4.0 (or later)"),
    }
}

/// `BY-NC-SA` for a set of elements, in the canonical order.
pub fn unit_code(e: Elements) -> String {
    let mut parts = Vec::new();
    for (el, name) in [
        (Elements::BY, "BY"),
        (Elements::NC, "NC"),
        (Elements::ND, "ND"),
        (Elements::SA, "SA"),
    ] {
        if e.contains(el) {
            parts.push(name);
        }
    }
    parts.join("-")
}
