//! The license rules as a table: every unit × version of the catalogue against three uses.
//!
//! The expected verdicts are written by hand from the legal code, one row per unit and version,
//! each citing the clause it comes from. The test walks the catalogue, so a tool added to it
//! without a row here fails, and a row that matches no tool fails too.
//!
//! Uses: `verbatim` = the default (non-commercial, unchanged, online); `commercial` = an
//! unchanged copy used commercially; `adaptation` = a non-commercial crop, no `--share-as`.

use licit::assess::{Effect, Term, Use, Verdict, assess};
use licit::credit::Credit;
use licit::license::{License, Rights, catalogue};

use Verdict::{Allowed as A, AllowedWithObligations as O, NotAllowed as N, Unknown as U};

/// One expected outcome: the verdict, and for `not-allowed` / `unknown` the term that decides.
type Cell = (Verdict, Option<Term>);

const OK: Cell = (O, None);
const FREE: Cell = (A, None);
const NO_NC: Cell = (N, Some(Term::CommercialUse));
const NO_ND: Cell = (N, Some(Term::DerivativeWorks));

/// (unit, version or "" for none, [verbatim, commercial, adaptation])
const TABLE: &[(&str, &str, [Cell; 3])] = &[
    // Attribution: 1.0–3.0 §3 grants reproduction, distribution and derivative works, subject
    // to §4 (notice, attribution); 4.0 §2(a)(1)(A)–(B), subject to §3(a).
    ("by", "1.0", [OK, OK, OK]),
    ("by", "2.0", [OK, OK, OK]),
    ("by", "2.1", [OK, OK, OK]),
    ("by", "2.5", [OK, OK, OK]),
    ("by", "3.0", [OK, OK, OK]),
    ("by", "4.0", [OK, OK, OK]),
    // NonCommercial: 1.0–3.0 §4(b) (4(c) with SA): no use primarily intended for commercial
    // advantage or private monetary compensation; 4.0 §2(a)(1) "for NonCommercial purposes only".
    ("by-nc", "1.0", [OK, NO_NC, OK]),
    ("by-nc", "2.0", [OK, NO_NC, OK]),
    ("by-nc", "2.1", [OK, NO_NC, OK]),
    ("by-nc", "2.5", [OK, NO_NC, OK]),
    ("by-nc", "3.0", [OK, NO_NC, OK]),
    ("by-nc", "4.0", [OK, NO_NC, OK]),
    // NoDerivs: 1.0–3.0 §3 grants no right to make derivative works (adaptations), only
    // technically necessary format changes; 4.0 §2(a)(1)(B) adapted material may not be Shared.
    ("by-nd", "1.0", [OK, OK, NO_ND]),
    ("by-nd", "2.0", [OK, OK, NO_ND]),
    ("by-nd", "2.1", [OK, OK, NO_ND]),
    ("by-nd", "2.5", [OK, OK, NO_ND]),
    ("by-nd", "3.0", [OK, OK, NO_ND]),
    ("by-nd", "4.0", [OK, OK, NO_ND]),
    // NonCommercial-NoDerivs: both of the above (§3 and §4(b); 4.0 §2(a)(1)(A)–(B)). The 1.0
    // spelling is by-nd-nc, kept for the 2.0 Japan port.
    ("by-nd-nc", "1.0", [OK, NO_NC, NO_ND]),
    ("by-nd-nc", "2.0", [OK, NO_NC, NO_ND]),
    ("by-nc-nd", "2.0", [OK, NO_NC, NO_ND]),
    ("by-nc-nd", "2.1", [OK, NO_NC, NO_ND]),
    ("by-nc-nd", "2.5", [OK, NO_NC, NO_ND]),
    ("by-nc-nd", "3.0", [OK, NO_NC, NO_ND]),
    ("by-nc-nd", "4.0", [OK, NO_NC, NO_ND]),
    // ShareAlike: adaptations allowed (§3(b); 4.0 §2(a)(1)(B)) on condition of the same or a
    // compatible license (§4(b); 4.0 §3(b)) — an obligation when no --share-as is given.
    ("by-sa", "1.0", [OK, OK, OK]),
    ("by-sa", "2.0", [OK, OK, OK]),
    ("by-sa", "2.1", [OK, OK, OK]),
    ("by-sa", "2.5", [OK, OK, OK]),
    ("by-sa", "3.0", [OK, OK, OK]),
    ("by-sa", "4.0", [OK, OK, OK]),
    // NonCommercial-ShareAlike: §4(c) NC (4.0 §2(a)(1)), §4(b) SA (4.0 §3(b)).
    ("by-nc-sa", "1.0", [OK, NO_NC, OK]),
    ("by-nc-sa", "2.0", [OK, NO_NC, OK]),
    ("by-nc-sa", "2.1", [OK, NO_NC, OK]),
    ("by-nc-sa", "2.5", [OK, NO_NC, OK]),
    ("by-nc-sa", "3.0", [OK, NO_NC, OK]),
    ("by-nc-sa", "4.0", [OK, NO_NC, OK]),
    // The 1.0 tools without BY (and their 2.0 Japan ports): no attribution clause, but §4(a)
    // still requires the license's URI with every copy — hence obligations, not "allowed".
    ("nc", "1.0", [OK, NO_NC, OK]),
    ("nc", "2.0", [OK, NO_NC, OK]),
    ("nd", "1.0", [OK, OK, NO_ND]),
    ("nd", "2.0", [OK, OK, NO_ND]),
    ("nd-nc", "1.0", [OK, NO_NC, NO_ND]),
    ("nd-nc", "2.0", [OK, NO_NC, NO_ND]),
    ("sa", "1.0", [OK, OK, OK]),
    ("sa", "2.0", [OK, OK, OK]),
    ("nc-sa", "1.0", [OK, NO_NC, OK]),
    ("nc-sa", "2.0", [OK, NO_NC, OK]),
    // Sampling 1.0 §3: only highly transformative re-use (sampling, collage, mash-up); no
    // right to copy the whole work, and a crop is not such a re-use.
    (
        "sampling",
        "1.0",
        [
            (N, Some(Term::Sharing)),
            (N, Some(Term::Sharing)),
            (N, Some(Term::DerivativeWorks)),
        ],
    ),
    // Sampling Plus 1.0 §3 "Noncommercial sharing of verbatim copies permitted"; re-creativity
    // as in Sampling.
    ("sampling+", "1.0", [OK, NO_NC, NO_ND]),
    // NonCommercial Sampling Plus 1.0 §3: the same, all of it non-commercial.
    ("nc-sampling+", "1.0", [OK, NO_NC, NO_ND]),
    // Developing Nations 2.0 §3: rights only "in any Developing Nation"; licit does not know
    // where the use takes place unless told.
    (
        "devnations",
        "2.0",
        [
            (U, Some(Term::HighIncomeNationUse)),
            (U, Some(Term::HighIncomeNationUse)),
            (U, Some(Term::HighIncomeNationUse)),
        ],
    ),
    // CC0 1.0 §2 waiver, §3 fallback license: no conditions.
    ("zero", "1.0", [FREE, FREE, FREE]),
    // Public Domain Mark 1.0: no known copyright restrictions; not a license, no conditions.
    ("mark", "1.0", [FREE, FREE, FREE]),
    // Public Domain Dedication and Certification: dedicated to the public domain.
    ("publicdomain", "", [FREE, FREE, FREE]),
    // Software wrappers: GPL-2.0 §1–§3 and LGPL-2.1 §1–§4 (notices, source, copyleft), BSD and
    // MIT (notice): every use allowed on conditions.
    ("GPL", "2.0", [OK, OK, OK]),
    ("LGPL", "2.1", [OK, OK, OK]),
    ("BSD", "", [OK, OK, OK]),
    ("MIT", "", [OK, OK, OK]),
];

fn credit_for(license: License) -> Credit {
    Credit {
        authors: vec!["Jane Doe".into()],
        license: Some(license),
        rights: Rights::Cc,
        ..Credit::default()
    }
}

fn check(cell: Cell, key: &str, use_name: &str, u: &Use) {
    let license = License::from_key(key).unwrap_or_else(|| panic!("{key} not in catalogue"));
    let a = assess(&credit_for(license), u);
    assert_eq!(a.verdict, cell.0, "{key} × {use_name}: {a}");
    if let Some(term) = cell.1 {
        let effect = if cell.0 == N {
            Effect::Forbids
        } else {
            Effect::Unknown
        };
        assert!(
            a.reasons
                .iter()
                .any(|r| r.term == term && r.effect == effect && r.section.is_some()),
            "{key} × {use_name}: expected {term:?} to decide, with a section: {a}"
        );
    }
}

#[test]
fn every_tool_of_the_catalogue_against_the_table() {
    let uses = [
        ("verbatim", Use::default()),
        ("commercial", Use::parse("commercial").unwrap()),
        ("adaptation", Use::parse("crop").unwrap()),
    ];
    let cat = catalogue();
    let mut used = vec![false; TABLE.len()];
    let mut checked = 0;
    for tool in cat.tools() {
        let unit = cat.unit(tool.unit).name;
        let version = tool.version.unwrap_or("");
        let Some(i) = TABLE
            .iter()
            .position(|(u, v, _)| *u == unit && *v == version)
        else {
            panic!("no table row for {} ({unit} {version})", tool.key);
        };
        used[i] = true;
        for (cell, (name, u)) in TABLE[i].2.iter().zip(&uses) {
            check(*cell, tool.key, name, u);
            checked += 1;
        }
    }
    for (row, used) in TABLE.iter().zip(used) {
        assert!(used, "table row {} {} matches no tool", row.0, row.1);
    }
    assert!(checked >= 3 * 600, "only {checked} checks");
}

#[test]
fn units_without_version_follow_the_table_and_say_the_version_is_unknown() {
    let uses = [
        Use::default(),
        Use::parse("commercial").unwrap(),
        Use::parse("crop").unwrap(),
    ];
    for unit in catalogue().units() {
        if unit.versions.is_empty() {
            continue;
        }
        let newest = unit.versions.last().copied().unwrap_or("");
        let row = TABLE
            .iter()
            .find(|(u, v, _)| *u == unit.name && *v == newest)
            .unwrap_or_else(|| panic!("no row for {} {newest}", unit.name));
        for (cell, u) in row.2.iter().zip(&uses) {
            let a = assess(&credit_for(License::from_key(unit.name).unwrap()), u);
            assert_eq!(a.verdict, cell.0, "{} × {}: {a}", unit.name, u.describe());
            assert!(
                a.reasons.iter().any(|r| r.term == Term::Version),
                "{}: no note about the unknown version",
                unit.name
            );
        }
    }
}
