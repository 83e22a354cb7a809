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

/// Where the NonCommercial condition is, as a reason cites it: 4.0's §2(a)(1) with its
/// definition, or the §4 subsection of 1.0–3.0. `code` names the license ("CC BY-NC 4.0").
pub(super) fn nc_sections(code: &str, v4: bool, elements: Elements) -> String {
    if v4 {
        format!("{code} §2(a)(1), {}", nc_definition_4(elements))
    } else {
        format!("{code} {}", section4(elements, Elements::NC))
    }
}

/// Where a clause is in a version's legal code.
#[derive(Clone, Copy, Debug)]
pub(super) enum Cite {
    /// The same section whatever the elements (4.0).
    Fixed(&'static str),
    /// The Attribution subsection of §4, which moves with the elements present (1.0–3.0).
    By4,
    /// 3.0 §3(b) (label the changes) and the Attribution subsection of §4.
    Changes3bAndBy4,
}

impl Cite {
    pub(super) fn section(self, e: Elements) -> String {
        match self {
            Cite::Fixed(s) => s.to_string(),
            Cite::By4 => section4(e, Elements::BY),
            Cite::Changes3bAndBy4 => format!("§3(b), {}", section4(e, Elements::BY)),
        }
    }
}

/// One clause of one version: where it is, and what it asks, in plain words.
#[derive(Clone, Copy, Debug)]
pub(super) struct Clause {
    pub cite: Cite,
    pub text: &'static str,
}

/// The per-version choices of the credit clauses, one row per generation.
#[derive(Debug)]
pub(super) struct Row {
    pub generation: Generation,
    /// The attribution clause: 1.0 author and title if supplied; 2.0 adds the URI the licensor
    /// associates with the work; 2.5 adds other attribution parties; 3.0 keeps these; 4.0
    /// §3(a)(1)(A) drops the title.
    pub attribution: Clause,
    /// The statement of changes: 4.0 §3(a)(1)(B) "indicate if You modified the Licensed
    /// Material"; 3.0 §3(b) label the changes, plus the attribution subsection's "credit
    /// identifying the use of the Work in the Adaptation"; 1.0–2.5 that credit alone.
    pub modification: Clause,
}

const CREDIT_1: &str = "the author (name or pseudonym) and the title of the photo, where they were given, \
     and keep its copyright notices";
const CREDIT_2: &str = "the author (name or pseudonym) and the title, where they were given, link the \
     source page the licensor names where reasonably practicable, and keep the copyright \
     notices";
const CREDIT_25: &str = "the author (name or pseudonym) and any other party the licensor names for credit (a \
     publisher, a journal), the title where given, link the source page the licensor \
     names where reasonably practicable, and keep the copyright notices";
const CREDIT_4: &str = "the creator and anyone else the licensor names for credit, in the way they asked, \
     keep the copyright notice, and link the source where reasonably practicable (the \
     title is not required)";
const CHANGES_OLD: &str =
    "Credit the use of the original in your version (\"cropped from a photo by …\").";
const CHANGES_3: &str = "Label the changes (\"the original photo has been cropped\") and credit the use of \
     the original in your version (\"cropped from a photo by …\").";
const CHANGES_4: &str = "Say that you changed the photo (\"cropped from the original\") and keep any earlier \
     note of changes.";

const fn make_row(generation: Generation, attribution: Clause, modification: Clause) -> Row {
    Row {
        generation,
        attribution,
        modification,
    }
}

const fn by4(text: &'static str) -> Clause {
    Clause {
        cite: Cite::By4,
        text,
    }
}

/// The table, oldest version first.
const TABLE: [Row; 6] = [
    make_row(Generation::V1_0, by4(CREDIT_1), by4(CHANGES_OLD)),
    make_row(Generation::V2_0, by4(CREDIT_2), by4(CHANGES_OLD)),
    make_row(Generation::V2_1, by4(CREDIT_2), by4(CHANGES_OLD)),
    make_row(Generation::V2_5, by4(CREDIT_25), by4(CHANGES_OLD)),
    make_row(
        Generation::V3_0,
        by4(CREDIT_25),
        Clause {
            cite: Cite::Changes3bAndBy4,
            text: CHANGES_3,
        },
    ),
    make_row(
        Generation::V4_0,
        Clause {
            cite: Cite::Fixed("§3(a)(1)(A)"),
            text: CREDIT_4,
        },
        Clause {
            cite: Cite::Fixed("§3(a)(1)(B)"),
            text: CHANGES_4,
        },
    ),
];

/// The row of a generation.
pub(super) fn row(g: Generation) -> &'static Row {
    TABLE
        .iter()
        .find(|r| r.generation == g)
        .unwrap_or(&TABLE[TABLE.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_row_per_generation_in_order() {
        let gens = [
            Generation::V1_0,
            Generation::V2_0,
            Generation::V2_1,
            Generation::V2_5,
            Generation::V3_0,
            Generation::V4_0,
        ];
        for (r, g) in TABLE.iter().zip(gens) {
            assert_eq!(r.generation, g);
            assert_eq!(row(g).generation, g);
        }
        let by_nc_sa = Elements::BY.union(Elements::NC).union(Elements::SA);
        assert_eq!(
            row(Generation::V2_0).attribution.cite.section(by_nc_sa),
            "§4(d)"
        );
        assert_eq!(
            row(Generation::V3_0)
                .modification
                .cite
                .section(Elements::BY),
            "§3(b), §4(b)"
        );
        assert_eq!(
            row(Generation::V4_0).attribution.cite.section(by_nc_sa),
            "§3(a)(1)(A)"
        );
    }
}
