//! Where the legal code says it, version by version: the section choices the rules cite.
//!
//! 1.0–3.0 list the restrictions in §4: (a) the license notice and no added terms, then one
//! subsection per element in the order ShareAlike, NonCommercial, Attribution; 4.0 moved
//! ShareAlike to §3(b) and numbers its definitions by the elements present. Both
//! `rules.rs` and `compat.rs` read these; neither imports the other for them.

use crate::license::{Elements, LegalTool};

/// The generation of a legal tool, which decides the rules that apply. 2.1 exists only as ports
/// (Japan, Spain, Australia) built on the 2.0 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Generation {
    V1_0,
    V2_0,
    V2_1,
    V2_5,
    V3_0,
    V4_0,
}

impl Generation {
    /// The generation of a tool; tools of the BY/NC/ND/SA family always have a version, and
    /// the newest rules stand in for the few tools without one.
    pub fn of(tool: &LegalTool) -> Generation {
        match tool.version {
            Some("1.0") => Generation::V1_0,
            Some("2.0") => Generation::V2_0,
            Some("2.1") => Generation::V2_1,
            Some("2.5") => Generation::V2_5,
            Some("3.0") => Generation::V3_0,
            _ => Generation::V4_0,
        }
    }

    /// The ShareAlike clause.
    pub fn sa_section(self) -> &'static str {
        if self == Generation::V4_0 {
            "§3(b)(1)"
        } else {
            "§4(b)"
        }
    }
}

/// The §4 subsection of a 1.0–3.0 license for one element: (a) is the general notice clause,
/// then ShareAlike, NonCommercial and Attribution in that order, each present only when the
/// license has the element.
pub(super) fn section4(elements: Elements, which: Elements) -> String {
    let mut letter = b'b';
    for el in [Elements::SA, Elements::NC, Elements::BY] {
        if !elements.contains(el) {
            continue;
        }
        if el == which {
            return format!("§4({})", letter as char);
        }
        letter += 1;
    }
    "§4".to_string()
}

/// Section of the NonCommercial definition in 4.0, which moves with the other definitions.
pub(super) fn nc_definition_4(elements: Elements) -> &'static str {
    if elements.contains(Elements::SA) {
        "§1(k)"
    } else if elements.contains(Elements::ND) {
        "§1(h)"
    } else {
        "§1(i)"
    }
}
