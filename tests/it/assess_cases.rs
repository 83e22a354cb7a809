//! ShareAlike compatibility, the seed credit, credits without a license, the special tools and
//! the attribution check — each case citing the clause its expectation comes from.

use licit::assess::{Effect, Item, ObligationKind, Region, ShareAs, Term, Use, Verdict, assess};
use licit::credit::Credit;
use licit::license::{License, Rights};

fn credit(key: &str) -> Credit {
    Credit {
        authors: vec!["Jane Doe".into()],
        license: Some(License::from_key(key).unwrap_or_else(|| panic!("{key}"))),
        rights: Rights::Cc,
        ..Credit::default()
    }
}

fn adapt_as(original: &str, target: &str) -> Verdict {
    let u = Use::parse("crop")
        .unwrap()
        .with_share_as(ShareAs::parse(target).unwrap_or_else(|e| panic!("{e}")));
    assess(&credit(original), &u).verdict
}

const YES: Verdict = Verdict::AllowedWithObligations;
const NO: Verdict = Verdict::NotAllowed;

#[test]
fn share_alike_compatibility() {
    let cases: &[(&str, &str, Verdict, &str)] = &[
        // 1.0 §4(b): "only under the terms of this License".
        ("by-sa/1.0", "by-sa/1.0", YES, "1.0 §4(b) this License"),
        ("by-sa/1.0", "by-sa/2.0", NO, "1.0 §4(b) no later version"),
        ("by-sa/1.0", "by-sa/1.0/fi", NO, "1.0 §4(b) not even a port"),
        ("sa/1.0", "sa/1.0", YES, "1.0 §4(b)"),
        ("sa/1.0", "by-sa/1.0", NO, "1.0 §4(b) other elements"),
        ("nc-sa/1.0", "nc-sa/1.0", YES, "1.0 §4(b)"),
        // 2.0 §4(b): this License, a later version, or an iCommons license with the same
        // License Elements.
        ("by-sa/2.0", "by-sa/3.0", YES, "2.0 §4(b) later version"),
        ("by-sa/2.0", "by-sa/4.0", YES, "2.0 §4(b) later version"),
        (
            "by-sa/2.0",
            "by-sa/2.0/jp",
            YES,
            "2.0 §4(b) iCommons license",
        ),
        (
            "by-sa/2.0",
            "by-sa/2.1/jp",
            YES,
            "2.0 §4(b) iCommons license, later",
        ),
        (
            "by-sa/2.0/fr",
            "by-sa/2.0",
            YES,
            "2.0 FR §4(b), generic read as iCommons",
        ),
        (
            "by-sa/2.0/fr",
            "by-sa/3.0/fr",
            YES,
            "2.0 FR §4(b) later version",
        ),
        ("by-sa/2.5", "by-sa/2.0", NO, "2.5 §4(b): 2.0 is not later"),
        (
            "by-sa/2.5",
            "by-sa/2.0/jp",
            NO,
            "2.5 §4(b): older port refused",
        ),
        (
            "by-nc-sa/2.0",
            "by-sa/2.0",
            NO,
            "2.0 §4(b) same License Elements",
        ),
        (
            "by-nc-sa/2.0",
            "by-nc-sa/2.5",
            YES,
            "2.0 §4(b) later version",
        ),
        // 3.0 §4(b): (ii) later version, (iii) a jurisdiction license of this or a later
        // version; ports of 3.0 also name the unported license.
        ("by-sa/3.0", "by-sa/4.0", YES, "3.0 §4(b)(ii)"),
        ("by-sa/3.0", "by-sa/3.0/de", YES, "3.0 §4(b)(iii)"),
        ("by-sa/3.0/de", "by-sa/3.0", YES, "3.0 DE §4(b)(d) unported"),
        (
            "by-sa/3.0/de",
            "by-sa/4.0",
            YES,
            "3.0 DE §4(b) later version",
        ),
        ("by-sa/3.0", "by-sa/2.5", NO, "3.0 §4(b): older"),
        ("by-nc-sa/3.0", "by-nc-sa/4.0", YES, "3.0 §4(b)(ii)"),
        ("by-nc-sa/3.0", "by-sa/4.0", NO, "3.0 §4(b) same elements"),
        // 4.0 §3(b)(1): same License Elements, this version or later, or a BY-SA Compatible
        // License (compatiblelicenses: GPLv3 one-way, Free Art License 1.3).
        (
            "by-sa/4.0",
            "by-sa/3.0",
            NO,
            "4.0 §3(b)(1) this version or later",
        ),
        (
            "by-sa/4.0",
            "by-sa/3.0/de",
            NO,
            "4.0 §3(b)(1): 3.0 ports are earlier",
        ),
        ("by-sa/4.0", "by-sa/4.0", YES, "4.0 §3(b)(1)"),
        (
            "by-sa/4.0",
            "GPL-3.0-or-later",
            YES,
            "4.0 §3(b)(1) compatible license",
        ),
        (
            "by-sa/4.0",
            "LAL-1.3",
            YES,
            "4.0 §3(b)(1) compatible license",
        ),
        (
            "by-sa/3.0",
            "GPL-3.0-only",
            NO,
            "3.0 §4(b)(iv): none approved",
        ),
        (
            "by-nc-sa/4.0",
            "GPL-3.0-or-later",
            NO,
            "no BY-NC-SA compatible license",
        ),
        ("by-nc-sa/4.0", "by-nc-sa/3.0", NO, "4.0 §3(b)(1)"),
        ("by-sa/4.0", "by/4.0", NO, "4.0 §3(b)(1) same elements"),
        (
            "by-sa/4.0",
            "zero/1.0",
            NO,
            "4.0 §3(b)(1) a CC license with the same elements",
        ),
    ];
    for (orig, target, want, why) in cases {
        assert_eq!(adapt_as(orig, target), *want, "{orig} → {target} ({why})");
    }
}

#[test]
fn incompatible_share_as_cites_the_share_alike_clause() {
    let u = Use::parse("crop")
        .unwrap()
        .with_share_as(ShareAs::parse("by-sa/3.0").unwrap());
    let a = assess(&credit("by-sa/4.0"), &u);
    let r = a
        .reasons
        .iter()
        .find(|r| r.effect == Effect::Forbids)
        .expect("a forbidding reason");
    assert_eq!(r.term, Term::ShareAlike);
    assert_eq!(r.section.as_deref(), Some("CC BY-SA 4.0 §3(b)(1)"));
    assert!(a.obligations.is_empty());
}

#[test]
fn share_alike_with_unknown_version_depends_on_it() {
    // by-sa 1.0 allows only itself; 2.0 and later allow BY-SA 4.0: the answer depends.
    assert_eq!(adapt_as("by-sa", "by-sa/4.0"), Verdict::Unknown);
    // No version allows another set of elements.
    assert_eq!(adapt_as("by-sa", "by-nc-sa/4.0"), NO);
}

#[test]
fn adaptation_under_share_alike_without_share_as_is_an_obligation() {
    let a = assess(&credit("by-sa/3.0"), &Use::parse("crop").unwrap());
    assert_eq!(a.verdict, YES);
    let o = a
        .obligations
        .iter()
        .find(|o| o.kind == ObligationKind::ShareAlike)
        .expect("share-alike obligation");
    assert!(o.text.contains("4.0"), "{}", o.text);
}

/// The seed line of issue 4.
fn seed() -> Credit {
    Credit {
        authors: vec!["IHH Humanitarian Relief Foundation".into()],
        license: License::from_key("by-nc-nd/2.0"),
        rights: Rights::Cc,
        date: Some("2013-04-14".into()),
        place: Some("Atmeh refugee camp".into()),
        ..Credit::default()
    }
}

#[test]
fn seed_default_commercial_and_crop() {
    let a = assess(&seed(), &Use::default());
    assert_eq!(a.verdict, YES);
    assert!(
        a.obligations
            .iter()
            .any(|o| o.kind == ObligationKind::Attribute)
    );
    assert!(
        a.obligations
            .iter()
            .any(|o| o.kind == ObligationKind::LicenseNotice)
    );
    assert_eq!(
        a.attribution.missing,
        [Item::Title, Item::Source, Item::LicenseLink]
    );

    let a = assess(&seed(), &Use::parse("commercial").unwrap());
    assert_eq!(a.verdict, NO);
    assert!(
        a.deciding_reasons().any(|r| r.term == Term::CommercialUse
            && r.section.as_deref() == Some("CC BY-NC-ND 2.0 §4(b)"))
    );

    let a = assess(&seed(), &Use::parse("crop").unwrap());
    assert_eq!(a.verdict, NO);
    assert!(
        a.deciding_reasons()
            .any(|r| r.term == Term::DerivativeWorks)
    );
}

#[test]
fn seed_snapshots() {
    insta::assert_snapshot!("seed_default", assess(&seed(), &Use::default()).explain());
    insta::assert_snapshot!(
        "seed_commercial",
        assess(&seed(), &Use::parse("commercial").unwrap()).explain()
    );
    insta::assert_json_snapshot!(
        "seed_crop_json",
        assess(&seed(), &Use::parse("crop").unwrap())
    );
}

#[test]
fn technical_modifications_are_fine_under_no_derivatives() {
    // 4.0 §2(a)(4); 2.0 §3 last paragraph.
    for key in ["by-nd/4.0", "by-nc-nd/2.0", "nd/1.0"] {
        let a = assess(&credit(key), &Use::parse("resize,convert").unwrap());
        assert_eq!(a.verdict, YES, "{key}: {a}");
    }
}

#[test]
fn no_license_is_unknown() {
    for (rights, term) in [
        (Rights::None, Term::NoLicense),
        (Rights::AllRightsReserved, Term::AllRightsReserved),
        (Rights::Other, Term::OtherTerms),
    ] {
        let c = Credit {
            authors: vec!["Jane Doe".into()],
            rights,
            ..Credit::default()
        };
        let a = assess(&c, &Use::default());
        assert_eq!(a.verdict, Verdict::Unknown, "{rights}");
        assert!(
            a.deciding_reasons().any(|r| r.term == term),
            "{rights}: {a}"
        );
        assert!(a.attribution.missing.contains(&Item::License));
    }
}

#[test]
fn public_domain_statement_is_allowed_but_unverified() {
    let c = Credit {
        authors: vec!["U.S. Navy".into()],
        rights: Rights::PublicDomain,
        ..Credit::default()
    };
    let a = assess(&c, &Use::parse("commercial,crop").unwrap());
    assert_eq!(a.verdict, Verdict::Allowed);
    assert!(
        a.reasons
            .iter()
            .any(|r| r.effect == Effect::Note && r.text.contains("cannot verify"))
    );
    assert!(a.obligations.iter().all(|o| !o.kind.binding()));
    assert!(a.attribution.complete);
}

#[test]
fn public_domain_tools_need_no_credit_but_suggest_one() {
    for key in ["zero/1.0", "mark/1.0", "publicdomain"] {
        let a = assess(&credit(key), &Use::parse("commercial,composite").unwrap());
        assert_eq!(a.verdict, Verdict::Allowed, "{key}");
        assert!(
            a.obligations
                .iter()
                .any(|o| o.kind == ObligationKind::Courtesy),
            "{key}"
        );
        assert!(a.attribution.complete, "{key}");
        assert!(!a.attribution.suggested.is_empty());
    }
}

#[test]
fn one_point_zero_without_by_needs_no_credit_but_the_license() {
    // nc/1.0 etc. have no attribution clause; §4(a) still asks for the license URI.
    let a = assess(&credit("sa/1.0"), &Use::default());
    assert!(
        !a.obligations
            .iter()
            .any(|o| o.kind == ObligationKind::Attribute)
    );
    assert!(
        a.obligations
            .iter()
            .any(|o| o.kind == ObligationKind::LicenseNotice)
    );
    let mut c = credit("sa/1.0");
    c.authors.clear();
    c.license_url_given = true;
    assert!(check_complete(&c, &Use::default()));
}

fn check_complete(c: &Credit, u: &Use) -> bool {
    assess(c, u).attribution.complete
}

#[test]
fn developing_nations_depends_on_where() {
    let c = credit("devnations/2.0");
    let mut u = Use::parse("commercial").unwrap();
    assert_eq!(assess(&c, &u).verdict, Verdict::Unknown);
    u.region = Region::HighIncome;
    assert_eq!(assess(&c, &u).verdict, NO);
    let u = Use::parse("commercial,developing").unwrap();
    let a = assess(&c, &u);
    assert_eq!(a.verdict, YES);
    // §4(d): online only with measures limiting access to developing nations.
    assert!(
        a.obligations
            .iter()
            .any(|o| o.kind == ObligationKind::DevelopingNationsOnly && o.text.contains("§4(d)"))
    );
    // §4(b): attribution, though the catalogue's CC REL flags list only Notice.
    assert!(
        a.obligations
            .iter()
            .any(|o| o.kind == ObligationKind::Attribute)
    );
}

#[test]
fn sampling_allows_transformative_reuse() {
    let collage = Use::parse("commercial,composite").unwrap();
    // Sampling / Sampling Plus §3: re-creativity, commercial or not, no advertising.
    for key in ["sampling/1.0", "sampling+/1.0"] {
        let a = assess(&credit(key), &collage);
        assert_eq!(a.verdict, YES, "{key}: {a}");
        assert!(
            a.obligations
                .iter()
                .any(|o| o.kind == ObligationKind::NoAdvertising)
        );
    }
    // NonCommercial Sampling Plus: not commercially.
    assert_eq!(assess(&credit("nc-sampling+/1.0"), &collage).verdict, NO);
    let nc_collage = Use::parse("composite").unwrap();
    assert_eq!(
        assess(&credit("nc-sampling+/1.0"), &nc_collage).verdict,
        YES
    );
}

#[test]
fn software_wrappers_say_they_are_for_software() {
    let a = assess(&credit("GPL/2.0"), &Use::parse("crop").unwrap());
    assert!(a.reasons.iter().any(|r| r.term == Term::Software));
    assert!(
        a.obligations
            .iter()
            .any(|o| o.kind == ObligationKind::SourceCode)
    );
}

#[test]
fn deprecated_and_ported_tools_are_noted() {
    let a = assess(&credit("nd-nc/1.0/nl"), &Use::default());
    assert!(a.reasons.iter().any(|r| r.term == Term::Deprecated));
    assert!(
        a.reasons
            .iter()
            .any(|r| r.term == Term::Port && r.text.contains("Netherlands"))
    );
}

#[test]
fn print_and_broadcast_change_how_to_credit() {
    let a = assess(&credit("by/4.0"), &Use::parse("print").unwrap());
    assert!(a.reasons.iter().any(|r| r.term == Term::Medium));
    let notice = a
        .obligations
        .iter()
        .find(|o| o.kind == ObligationKind::LicenseNotice)
        .unwrap();
    assert!(
        notice.text.contains("print its URL in full"),
        "{}",
        notice.text
    );
    // The DRM clause (4.0 §2(a)(5)(C)) is named online.
    let a = assess(&credit("by/4.0"), &Use::default());
    let drm = a
        .obligations
        .iter()
        .find(|o| o.kind == ObligationKind::NoAddedRestrictions)
        .unwrap();
    assert_eq!(drm.section.as_deref(), Some("CC BY 4.0 §2(a)(5)(C)"));
    assert!(drm.text.contains("DRM"));
}

#[test]
fn attribution_check_follows_the_version() {
    let full = |key: &str| Credit {
        source: Some("https://example.org/p/1".into()),
        license_url_given: true,
        ..credit(key)
    };
    // 4.0 §3(a)(1)(A) does not require the title.
    let a = assess(&full("by/4.0"), &Use::default());
    assert!(a.attribution.complete, "{:?}", a.attribution.missing);
    assert_eq!(
        a.attribution.unverified,
        [Item::CopyrightNotice, Item::Disclaimer]
    );
    // 3.0 §4(b): the title of the Work if supplied.
    let a = assess(&full("by/3.0"), &Use::default());
    assert_eq!(a.attribution.missing, [Item::Title]);
    // 1.0 has no source requirement: author, title, license.
    let mut c = full("by/1.0");
    c.source = None;
    c.title = Some("Harbour".into());
    assert!(check_complete(&c, &Use::default()));
    // An adaptation needs a statement of modification: 4.0 §3(a)(1)(B).
    let a = assess(&full("by/4.0"), &Use::parse("crop").unwrap());
    assert_eq!(a.attribution.missing, [Item::Modification]);
    assert!(a.attribution.suggested.starts_with("Modified from"));
    let mut c = full("by/4.0");
    c.modified = true;
    assert!(check_complete(&c, &Use::parse("crop").unwrap()));
    // Without a version there is no license URL to give.
    let a = assess(&full("by-sa"), &Use::default());
    assert!(a.attribution.missing.contains(&Item::LicenseLink));
    // A credit without an author lacks it.
    let mut c = full("by/4.0");
    c.authors.clear();
    assert_eq!(
        assess(&c, &Use::default()).attribution.missing,
        [Item::Author]
    );
}

#[test]
fn assessment_json_has_the_contract_fields() {
    let v = serde_json::to_value(assess(&seed(), &Use::default())).unwrap();
    assert_eq!(v["verdict"], "allowed-with-obligations");
    assert!(v["reasons"][0]["term"].is_string() && v["reasons"][0]["text"].is_string());
    assert_eq!(v["obligations"][0]["kind"], "attribute");
    assert!(v["obligations"][0]["text"].is_string());
    assert_eq!(v["attribution"]["complete"], false);
    assert_eq!(
        v["attribution"]["missing"],
        serde_json::json!(["title", "source", "license-link"])
    );
    assert!(v["attribution"]["suggested"].is_string());
}
