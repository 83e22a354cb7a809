//! Mining and AI training (`--use data-mining`, `ai-training`, `ai-generative-training`): the
//! verdict table, signal × legal tool × use, and the signals read from XMP files.
//!
//! The table is two tables, each row citing its source: what a signal alone makes of each use,
//! and what a legal tool alone makes of it. The expected verdict of a pair is the more
//! restrictive of the two (not-allowed over unknown over allowed-with-obligations): the rule
//! "the most restrictive reading wins" is what is tested, and no row's output is written out.

use licit::assess::{Effect, Term, Training, Use, Verdict, assess};
use licit::credit::merge;
use licit::evidence::{Evidence, Origin, origin as o};

use Verdict::{AllowedWithObligations as O, NotAllowed as N, Unknown as U};

/// Verdicts per use, in the order of `Training::ALL`: data mining, AI training, generative.
type Row = [Verdict; 3];

/// (origin, value, verdicts, source). `None` origin: no signal.
const SIGNALS: &[(Option<Origin>, &str, Row, &str)] = &[
    (None, "", [O, O, O], "no signal: the license decides"),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-UNSPECIFIED",
        [O, O, O],
        "IPTC 2023.1 Data Mining: unspecified says nothing",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-ALLOWED",
        [O, O, O],
        "IPTC 2023.1: allowed, the license's conditions still apply",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING",
        [O, N, N],
        "IPTC 2023.1: prohibited for AI/ML training (mining that trains no model is not covered)",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-GENAIMLTRAINING",
        [O, U, N],
        "IPTC 2023.1: prohibited for generative AI/ML training; licit cannot tell a model's kind",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING",
        [N, N, N],
        "IPTC 2023.1: prohibited except search-engine indexing, none of these uses",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED",
        [N, N, N],
        "IPTC 2023.1: prohibited",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEECONSTRAINT",
        [U, U, U],
        "IPTC 2023.1: see Other Constraints",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR",
        [U, U, U],
        "IPTC 2023.1: see the embedded rights expression",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEELINKEDRIGHTSEXPR",
        [U, U, U],
        "IPTC 2023.1: see the linked rights expression",
    ),
    (
        Some(o::XMP_PLUS_DATA_MINING),
        "DMI-SOMETHING-NEW",
        [U, U, U],
        "an unrecognised value may restrict: unknown",
    ),
    (
        Some(o::HTTP_TDM_RESERVATION),
        "1",
        [N, N, N],
        "W3C TDMRep: tdm-reservation 1 without a policy reserves all mining",
    ),
    (
        Some(o::TDMREP_RESERVATION),
        "0",
        [O, O, O],
        "W3C TDMRep: tdm-reservation 0, not reserved",
    ),
    (
        Some(o::HTTP_X_ROBOTS_TAG),
        "noindex, noai",
        [O, N, N],
        "noai convention: no AI training",
    ),
    (
        Some(o::HTML_META_ROBOTS),
        "noimageai",
        [O, N, N],
        "noimageai convention: no AI training on images",
    ),
];

/// (license URL or "" for none, verdicts for a non-commercial use, source).
const TOOLS: &[(&str, Row, &str)] = &[
    (
        "",
        [U, U, U],
        "no license: permission or an exception is needed",
    ),
    (
        "https://creativecommons.org/licenses/by/4.0/",
        [O, O, O],
        "BY 4.0 §2(a)(1)(A), §3(a): attribution as far as reasonable (CC AI-training guidance)",
    ),
    (
        "https://creativecommons.org/licenses/by-sa/4.0/",
        [O, O, O],
        "BY-SA 4.0 §3(b): ShareAlike on shared adaptations (CC guidance)",
    ),
    (
        "https://creativecommons.org/licenses/by-nc/4.0/",
        [O, O, O],
        "BY-NC 4.0 §2(a)(1): non-commercial training is within the license",
    ),
    (
        "https://creativecommons.org/licenses/by-nd/4.0/",
        [O, O, O],
        "BY-ND 4.0 §2(a)(1)(B): adapted material may be produced, not shared",
    ),
    (
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        [O, O, O],
        "BY-NC-ND 4.0 §2(a)(1)(B)",
    ),
    (
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        [O, O, O],
        "BY-NC-SA 4.0",
    ),
    (
        "https://creativecommons.org/licenses/by/3.0/",
        [O, O, O],
        "BY 3.0 §3, §4(b)",
    ),
    (
        "https://creativecommons.org/licenses/by-nd/3.0/",
        [O, U, U],
        "BY-ND 3.0 §3 grants no adaptation: whether a model is one is unsettled",
    ),
    (
        "https://creativecommons.org/licenses/by-nc-nd/2.0/",
        [O, U, U],
        "BY-NC-ND 2.0 §3",
    ),
    (
        "https://creativecommons.org/publicdomain/zero/1.0/",
        [O, O, O],
        "CC0 1.0 §2: no permission needed; reservations still to respect",
    ),
    (
        "https://creativecommons.org/publicdomain/mark/1.0/",
        [O, O, O],
        "Public Domain Mark 1.0",
    ),
    (
        "https://creativecommons.org/licenses/sampling+/1.0/",
        [U, U, U],
        "Sampling+ 1.0: not assessed for training",
    ),
];

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::NotAllowed => 3,
        Verdict::Unknown => 2,
        Verdict::AllowedWithObligations => 1,
        Verdict::Allowed => 0,
    }
}

fn training(t: Training, commercial: bool) -> Use {
    Use {
        training: Some(t),
        commercial,
        ..Use::default()
    }
}

#[test]
fn every_signal_with_every_tool_for_every_use() {
    let mut rows = 0;
    for (origin, value, by_signal, s_src) in SIGNALS {
        for (url, by_tool, t_src) in TOOLS {
            let mut ev = Vec::new();
            if !url.is_empty() {
                ev.push(Evidence::new(o::XMP_CC_LICENSE, *url));
            }
            if let Some(origin) = origin {
                ev.push(Evidence::new(*origin, *value));
            }
            let credit = merge(&ev).credit;
            // IPTC's DMI-ALLOWED is the rights holder's permission: without a license it stands
            // in for one (and still leaves the reservations to respect).
            let grants = url.is_empty() && value.ends_with("DMI-ALLOWED");
            let by_tool = if grants { by_signal } else { by_tool };
            for (i, t) in Training::ALL.into_iter().enumerate() {
                let want = if rank(by_signal[i]) >= rank(by_tool[i]) {
                    by_signal[i]
                } else {
                    by_tool[i]
                };
                let a = assess(&credit, &training(t, false));
                assert_eq!(
                    a.verdict, want,
                    "{t} with [{s_src}] and [{t_src}]: {:#?}",
                    a.reasons
                );
                assert_ne!(a.verdict, Verdict::Allowed, "never a bare allowed");
                // A signal's verdict cites the signal: its origin in the reason's section.
                if by_signal[i] == want && rank(want) >= 2 && origin.is_some() {
                    let effect = if want == N {
                        Effect::Forbids
                    } else {
                        Effect::Unknown
                    };
                    assert!(
                        a.reasons.iter().any(|r| r.term == Term::DataMining
                            && r.effect == effect
                            && r.section
                                .as_deref()
                                .is_some_and(|s| s.contains(origin.unwrap().as_str()))),
                        "{t} with [{s_src}]: {:#?}",
                        a.reasons
                    );
                }
                rows += 1;
            }
        }
    }
    assert_eq!(rows, SIGNALS.len() * TOOLS.len() * 3);
}

#[test]
fn nc_forbids_commercial_training_and_cites_cc_guidance() {
    for url in [
        "https://creativecommons.org/licenses/by-nc/4.0/",
        "https://creativecommons.org/licenses/by-nc-sa/3.0/",
    ] {
        let credit = merge(&[Evidence::new(o::XMP_CC_LICENSE, url)]).credit;
        for t in Training::ALL {
            let a = assess(&credit, &training(t, true));
            assert_eq!(a.verdict, N, "{url} {t}");
            let r = a.deciding_reasons().next().unwrap();
            assert_eq!(r.term, Term::CommercialUse);
            assert!(
                r.section
                    .as_deref()
                    .unwrap()
                    .contains("creativecommons.org/using-cc-licensed-works-for-ai-training"),
                "{r:?}"
            );
        }
    }
    let by = merge(&[Evidence::new(
        o::XMP_CC_LICENSE,
        "https://creativecommons.org/licenses/by/4.0/",
    )])
    .credit;
    assert_eq!(
        assess(&by, &training(Training::AiGenerativeTraining, true)).verdict,
        O
    );
}

#[test]
fn a_license_and_a_prohibiting_signal_are_a_finding() {
    let m = merge(&[
        Evidence::new(
            o::XMP_CC_LICENSE,
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        Evidence::new(o::XMP_PLUS_DATA_MINING, "DMI-PROHIBITED-AIMLTRAINING"),
    ]);
    let f = m
        .findings
        .iter()
        .find(|f| f.kind.as_str() == "training-signal-conflict")
        .expect("a finding");
    assert!(f.origins.contains(&o::XMP_PLUS_DATA_MINING), "{f:?}");
    assert!(f.message.contains("CC BY 4.0"), "{}", f.message);
}

#[test]
fn constraint_and_link_are_quoted_in_the_reason() {
    let credit = merge(&[
        Evidence::new(o::XMP_PLUS_DATA_MINING, "DMI-PROHIBITED-SEECONSTRAINT"),
        Evidence::new(
            o::XMP_PLUS_OTHER_CONSTRAINTS,
            "Only for non-profit research",
        ),
    ])
    .credit;
    let a = assess(&credit, &training(Training::AiTraining, false));
    assert!(
        a.deciding_reasons()
            .any(|r| r.text.contains("Only for non-profit research")),
        "{:#?}",
        a.reasons
    );
}

/// An XMP file with a Data Mining value written the ways writers write it.
fn xmp(value_markup: &str) -> String {
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/" xmlns:cc="http://creativecommons.org/ns#">
<cc:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/>
{value_markup}
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#
    )
}

#[test]
fn xmp_files_with_each_dmi_value_in_each_form() {
    let dir = tempfile::tempdir().unwrap();
    let codes = [
        ("DMI-UNSPECIFIED", O),
        ("DMI-ALLOWED", O),
        ("DMI-PROHIBITED-AIMLTRAINING", N),
        ("DMI-PROHIBITED-GENAIMLTRAINING", U),
        ("DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING", N),
        ("DMI-PROHIBITED", N),
        ("DMI-PROHIBITED-SEECONSTRAINT", U),
        ("DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR", U),
        ("DMI-PROHIBITED-SEELINKEDRIGHTSEXPR", U),
    ];
    for (code, want) in codes {
        let uri = format!("http://ns.useplus.org/ldf/vocab/{code}");
        let forms = [
            format!("<plus:DataMining rdf:resource=\"{uri}\"/>"),
            format!("<plus:DataMining>{uri}</plus:DataMining>"),
            format!("<plus:DataMining>{code}</plus:DataMining>"),
            format!("<plus:DataMining rdf:resource=\"{code}\"/>"),
        ];
        for (i, form) in forms.iter().enumerate() {
            let p = dir.path().join(format!("{code}-{i}.xmp"));
            std::fs::write(&p, xmp(form)).unwrap();
            let item = licit::check::check_file(&p, &training(Training::AiTraining, false));
            assert!(item.errors.is_empty(), "{:?}", item.errors);
            assert!(
                item.evidence
                    .iter()
                    .any(|e| e.origin == o::XMP_PLUS_DATA_MINING),
                "{form}"
            );
            assert_eq!(item.verdict(), Some(want), "{form}");
            let credit = item.credit.unwrap();
            assert_eq!(credit.signals.len(), 1, "{form}");
        }
    }
    // Other Constraints as a language alternative.
    let p = dir.path().join("constraint.xmp");
    std::fs::write(
        &p,
        xmp("<plus:DataMining>DMI-PROHIBITED-SEECONSTRAINT</plus:DataMining>\
             <plus:OtherConstraints><rdf:Alt><rdf:li xml:lang=\"x-default\">Ask first</rdf:li></rdf:Alt></plus:OtherConstraints>"),
    )
    .unwrap();
    let item = licit::check::check_file(&p, &training(Training::DataMining, false));
    assert_eq!(item.verdict(), Some(U));
    let json = serde_json::to_value(item.credit.as_ref().unwrap()).unwrap();
    assert_eq!(json["signals"][0]["reading"], "see-constraint");
    assert_eq!(json["signals"][0]["detail"], "Ask first");
}

#[test]
fn use_words_parse_and_conflict() {
    assert_eq!(
        Use::parse("ai-training").unwrap().training,
        Some(Training::AiTraining)
    );
    assert_eq!(
        Use::parse("commercial,ai-generative-training")
            .unwrap()
            .training,
        Some(Training::AiGenerativeTraining)
    );
    assert!(Use::parse("data-mining,ai-training").is_err());
    assert!(Use::valid_words().contains(&"data-mining"));
}

mod web {
    //! The web signals against servers on 127.0.0.1: TDMRep headers, `<meta>` tags, the
    //! site's `tdmrep.json` (fetched once per host), robots `noai`.

    use super::training;
    use crate::common::server::{Reply, Server, jpeg};
    use licit::assess::{Training, Verdict};
    use licit::check::Item;
    use licit::check::web::{check_html_file, check_url, check_urls};
    use licit::web::{FetchConfig, Fetcher};
    use std::time::Duration;

    const BY: &str = "https://creativecommons.org/licenses/by/4.0/";

    fn fetcher() -> Fetcher {
        Fetcher::new(FetchConfig {
            timeout: Duration::from_secs(5),
            use_env_proxy: false,
            cache_dir: None,
            ..FetchConfig::default()
        })
        .unwrap()
    }

    fn readings(it: &Item) -> Vec<String> {
        it.credit
            .as_ref()
            .map(|c| {
                c.signals
                    .iter()
                    .map(|s| format!("{}={:?}", s.origin, s.reading))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn page(meta: &str) -> String {
        format!(
            "<html><head>{meta}</head><body><figure><img src=\"/photo.jpg\">\
             <figcaption>Photo: Kim Park (CC BY 4.0)</figcaption></figure></body></html>"
        )
    }

    #[test]
    fn tdmrep_headers_on_an_image_reserve_mining() {
        let image = jpeg(BY, "Kim Park", 100, 1000);
        let s = Server::start(move |req| match req.path() {
            "/reserved.jpg" => {
                Reply::ranged("image/jpeg", image.clone()).with_header("tdm-reservation", "1")
            }
            "/policy.jpg" => Reply::ranged("image/jpeg", image.clone())
                .with_header("tdm-reservation", "1")
                .with_header("tdm-policy", "https://rights.example/tdm-policy.json"),
            "/noai.jpg" => {
                Reply::ranged("image/jpeg", image.clone()).with_header("X-Robots-Tag", "noai")
            }
            "/plain.jpg" => Reply::ranged("image/jpeg", image.clone()),
            _ => Reply::NotFound,
        });
        let f = fetcher();
        let ai = training(Training::AiTraining, false);
        let it = &check_url(&s.url("/reserved.jpg"), &ai, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::NotAllowed), "{it:#?}");
        assert_eq!(readings(it), ["http:tdm-reservation=Prohibited"]);
        let it = &check_url(&s.url("/policy.jpg"), &ai, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::Unknown));
        let a = it.assessment.as_ref().unwrap();
        assert!(
            a.deciding_reasons()
                .any(|r| r.text.contains("https://rights.example/tdm-policy.json")),
            "{a:#?}"
        );
        let it = &check_url(&s.url("/noai.jpg"), &ai, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
        // noai is about training: mining that trains no model is left to the license.
        let dm = training(Training::DataMining, false);
        let it = &check_url(&s.url("/noai.jpg"), &dm, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::AllowedWithObligations));
        let it = &check_url(&s.url("/plain.jpg"), &ai, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::AllowedWithObligations));
        assert!(readings(it).is_empty());
    }

    #[test]
    fn meta_tags_of_a_page_apply_to_its_images() {
        let image = jpeg("", "", 100, 1000);
        let s = Server::start(move |req| match req.path() {
            "/reserved.html" => Reply::html(page(
                "<meta name=\"tdm-reservation\" content=\"1\">\
                 <meta name=\"tdm-policy\" content=\"https://site.example/policy.json\">",
            )),
            "/noimageai.html" => Reply::html(page("<meta name=\"robots\" content=\"noimageai\">")),
            "/header.html" => Reply::html(page("")).with_header("tdm-reservation", "1"),
            "/photo.jpg" => Reply::ranged("image/jpeg", image.clone()),
            _ => Reply::NotFound,
        });
        let f = fetcher();
        let gen_ai = training(Training::AiGenerativeTraining, false);
        let it = &check_url(&s.url("/reserved.html"), &gen_ai, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::Unknown), "{it:#?}");
        assert_eq!(
            readings(it),
            ["html:meta-tdm-reservation=ReservedWithPolicy"]
        );
        let ev = it
            .evidence
            .iter()
            .find(|e| e.origin.as_str() == "html:meta-tdm-reservation")
            .unwrap();
        assert_eq!(
            ev.location.as_deref(),
            Some(s.url("/reserved.html").as_str())
        );
        let it = &check_url(&s.url("/noimageai.html"), &gen_ai, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
        let it = &check_url(&s.url("/header.html"), &gen_ai, &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
        assert_eq!(readings(it), ["http:tdm-reservation=Prohibited"]);
        // The license alone, for a use that is not mining: the signals change nothing.
        let it = &check_url(&s.url("/header.html"), &licit::assess::Use::default(), &f)[0];
        assert_eq!(it.verdict(), Some(Verdict::AllowedWithObligations));
    }

    #[test]
    fn tdmrep_json_is_fetched_once_per_host_and_matched_by_location() {
        let image = jpeg(BY, "Kim Park", 100, 1000);
        let s = Server::start(move |req| match req.path() {
            "/.well-known/tdmrep.json" => Reply::json(
                r#"[{"location": "/photos/*", "tdm-reservation": 1},
                    {"location": "/open/*", "tdm-reservation": 0}]"#,
            ),
            p if p.ends_with(".jpg") => Reply::ranged("image/jpeg", image.clone()),
            _ => Reply::NotFound,
        });
        let f = fetcher();
        let ai = training(Training::AiTraining, false);
        let urls: Vec<String> = ["/photos/a.jpg", "/photos/b.jpg", "/open/c.jpg", "/d.jpg"]
            .iter()
            .map(|p| s.url(p))
            .collect();
        let items = check_urls(&urls, &ai, &f);
        let verdicts: Vec<_> = items.iter().map(|i| i.verdict()).collect();
        assert_eq!(
            verdicts,
            [
                Some(Verdict::NotAllowed),
                Some(Verdict::NotAllowed),
                Some(Verdict::AllowedWithObligations),
                Some(Verdict::AllowedWithObligations),
            ]
        );
        assert_eq!(readings(&items[0]), ["tdmrep:tdm-reservation=Prohibited"]);
        assert_eq!(readings(&items[2]), ["tdmrep:tdm-reservation=NotReserved"]);
        let ev = items[0]
            .evidence
            .iter()
            .find(|e| e.origin.as_str() == "tdmrep:tdm-reservation")
            .unwrap();
        assert_eq!(
            ev.location.as_deref(),
            Some(s.url("/.well-known/tdmrep.json").as_str())
        );
        let asked = s
            .requests()
            .iter()
            .filter(|r| r.path() == "/.well-known/tdmrep.json")
            .count();
        assert_eq!(asked, 1, "tdmrep.json is fetched once per host");
        // A use that is not mining does not ask for it.
        let g = fetcher();
        check_url(&s.url("/photos/a.jpg"), &licit::assess::Use::default(), &g);
        let asked = s
            .requests()
            .iter()
            .filter(|r| r.path() == "/.well-known/tdmrep.json")
            .count();
        assert_eq!(asked, 1);
    }

    #[test]
    fn a_broken_tdmrep_json_is_a_problem_naming_it() {
        let image = jpeg(BY, "Kim Park", 100, 1000);
        let s = Server::start(move |req| match req.path() {
            "/.well-known/tdmrep.json" => Reply::json("{\"not\": \"an array\"}"),
            _ => Reply::ranged("image/jpeg", image.clone()),
        });
        let it = &check_url(
            &s.url("/a.jpg"),
            &training(Training::AiTraining, false),
            &fetcher(),
        )[0];
        assert!(
            it.findings
                .iter()
                .any(|f| f.message.contains("tdmrep.json") && f.message.contains("array")),
            "{:#?}",
            it.findings
        );
        assert_eq!(it.verdict(), Some(Verdict::AllowedWithObligations));
    }

    #[test]
    fn a_local_page_reads_its_meta_tags() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("page.html");
        std::fs::write(&p, page("<meta name=\"tdm-reservation\" content=\"1\">")).unwrap();
        let it = &check_html_file(&p, &training(Training::DataMining, false))[0];
        assert_eq!(it.verdict(), Some(Verdict::NotAllowed), "{it:#?}");
    }
}

mod stamp {
    //! `licit stamp --data-mining` writes `plus:DataMining`, and licit reads it back.

    use super::training;
    use crate::common::licit;
    use licit::assess::{Training, Verdict};
    use licit::evidence::origin as o;
    use licit::metadata::vocab::dmi;
    use licit::stamp::{Stamp, parse_license, stamp_bytes};
    use licit::tdm::{DMI_WORDS, Reading};

    fn jpeg() -> Vec<u8> {
        crate::common::server::jpeg("", "", 0, 100)
    }

    #[test]
    fn every_value_round_trips_through_the_reader() {
        for (word, code) in DMI_WORDS {
            let s = Stamp {
                license: Some(parse_license("CC BY 4.0").unwrap()),
                data_mining: licit::tdm::dmi_from_word(word),
                ..Stamp::default()
            };
            let out = stamp_bytes(&jpeg(), &s).unwrap();
            let meta = licit::metadata::read_bytes(&out).unwrap();
            let values: Vec<&str> = meta
                .evidence
                .iter()
                .filter(|e| e.origin == o::XMP_PLUS_DATA_MINING)
                .map(|e| e.value.as_str())
                .collect();
            assert_eq!(values, [format!("{}{code}", dmi::VOCAB)], "{word}");
            let credit = licit::credit::merge(&meta.evidence).credit;
            assert_eq!(credit.signals.len(), 1);
            assert_ne!(credit.signals[0].reading, Reading::Unrecognised);
            // Stamping again replaces the value rather than adding one.
            let again = Stamp {
                data_mining: Some(dmi::PROHIBITED),
                ..Stamp::default()
            };
            let out = stamp_bytes(&out, &again).unwrap();
            let meta = licit::metadata::read_bytes(&out).unwrap();
            let n = meta
                .evidence
                .iter()
                .filter(|e| e.origin == o::XMP_PLUS_DATA_MINING)
                .count();
            assert_eq!(n, 1);
        }
    }

    #[test]
    fn cli_stamp_then_check_for_ai_training() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("photo.jpg");
        std::fs::write(&p, jpeg()).unwrap();
        let out = licit()
            .args(["stamp", "--in-place", "--license", "CC BY 4.0"])
            .args([
                "--author",
                "Jane Doe",
                "--data-mining",
                "prohibited-ai-training",
            ])
            .arg(&p)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let item = licit::check::check_file(&p, &training(Training::AiTraining, false));
        assert_eq!(item.verdict(), Some(Verdict::NotAllowed));
        let out = licit()
            .args(["check", "--use", "ai-training"])
            .arg(&p)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(
            text.contains("Data mining: prohibited for AI/ML training"),
            "{text}"
        );
        assert!(text.contains("training-signal-conflict"), "{text}");
        let bad = licit()
            .args(["stamp", "--data-mining", "perhaps"])
            .arg(&p)
            .output()
            .unwrap();
        assert_eq!(bad.status.code(), Some(2));
        let err = String::from_utf8_lossy(&bad.stderr);
        assert!(
            err.contains("perhaps") && err.contains("prohibited-ai-training"),
            "{err}"
        );
    }
}

#[cfg(feature = "c2pa")]
mod c2pa_credentials {
    //! C2PA content credentials: a JPEG signed with the crate's own signing API and the test
    //! certificate of `tests/fixtures/c2pa/` (made by `make-certs.sh`), and a tampered copy.
    //! `c2pa_make_fixtures` (ignored) writes both; the others read the committed files.

    use super::training;
    use licit::assess::{Training, Verdict};
    use licit::evidence::origin as o;
    use licit::tdm::Reading;
    use std::path::{Path, PathBuf};

    fn dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/c2pa")
    }

    #[test]
    #[ignore = "regenerates the committed C2PA fixtures"]
    fn c2pa_make_fixtures() {
        let d = dir();
        let chain = std::fs::read(d.join("chain.pem")).unwrap();
        let key = std::fs::read(d.join("signer.key")).unwrap();
        let signer =
            c2pa::create_signer::from_keys(&chain, &key, c2pa::SigningAlg::Es256, None).unwrap();
        // A real JPEG with a CC BY 4.0 license stamped in, so the credentials and the license
        // can disagree.
        let photo = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images/exif.jpg"),
        )
        .unwrap();
        let stamp = licit::stamp::Stamp {
            license: Some(licit::stamp::parse_license("CC BY 4.0").unwrap()),
            authors: vec!["Jane Doe".into()],
            ..licit::stamp::Stamp::default()
        };
        let photo = licit::stamp::stamp_bytes(&photo, &stamp).unwrap();
        let definition = serde_json::json!({
            "claim_generator_info": [{"name": "licit tests", "version": "1"}],
            "title": "signed.jpg",
            "assertions": [
                {"label": "cawg.training-mining", "data": {"entries": {
                    "cawg.ai_generative_training": {"use": "notAllowed"},
                    "cawg.ai_inference": {"use": "notAllowed"},
                    "cawg.ai_training": {"use": "notAllowed"},
                    "cawg.data_mining": {"use": "constrained",
                                          "constraint_info": "Ask licensing@example.org"}
                }}},
                {"label": "stds.schema-org.CreativeWork", "kind": "Json", "data": {
                    "@context": "https://schema.org", "@type": "CreativeWork",
                    "author": [{"@type": "Person", "name": "Jane Doe"}]
                }},
                {"label": "c2pa.actions", "data": {"actions": [{
                    "action": "c2pa.created",
                    "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
                }]}}
            ]
        });
        let sign = |definition: &serde_json::Value,
                    format: &str,
                    source: Vec<u8>,
                    embed: bool|
         -> (Vec<u8>, Vec<u8>) {
            let mut builder = c2pa::Builder::from_context(c2pa::Context::new())
                .with_definition(definition.clone())
                .unwrap();
            builder.set_no_embed(!embed);
            let mut source = std::io::Cursor::new(source);
            let mut signed = std::io::Cursor::new(Vec::new());
            let store = builder
                .sign(signer.as_ref(), format, &mut source, &mut signed)
                .unwrap();
            (signed.into_inner(), store)
        };
        let (signed, _) = sign(&definition, "image/jpeg", photo.clone(), true);
        std::fs::write(d.join("signed.jpg"), &signed).unwrap();
        // Tampered: one byte of the entropy-coded image data changed after signing.
        let mut tampered = signed.clone();
        let sos = tampered
            .windows(2)
            .position(|w| w == [0xFF, 0xDA])
            .expect("a SOS marker");
        let at = (sos + 64).min(tampered.len() - 3);
        tampered[at] = if tampered[at] == 0x00 { 0x01 } else { 0x00 };
        std::fs::write(d.join("tampered.jpg"), &tampered).unwrap();
        // The same claims in a PNG (a `caBX` chunk) ...
        let png = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images/exif.png"),
        )
        .unwrap();
        let (signed_png, _) = sign(&definition, "image/png", png, true);
        std::fs::write(d.join("signed.png"), &signed_png).unwrap();
        // ... and in a `.c2pa` sidecar beside an unsigned copy of the JPEG.
        let (unsigned, store) = sign(&definition, "image/jpeg", photo, false);
        std::fs::write(d.join("sidecar.jpg"), &unsigned).unwrap();
        std::fs::write(d.join("sidecar.c2pa"), &store).unwrap();
    }

    fn values(it: &licit::check::Item, origin: licit::evidence::Origin) -> Vec<String> {
        it.evidence
            .iter()
            .filter(|e| e.origin == origin)
            .map(|e| e.value.clone())
            .collect()
    }

    #[test]
    fn a_signed_image_gives_its_credentials_with_their_validation_state() {
        let it = licit::check::check_file(
            &dir().join("signed.jpg"),
            &training(Training::AiGenerativeTraining, false),
        );
        assert!(it.errors.is_empty(), "{:?}", it.errors);
        // Signed by a test root on no trust list: intact, signer untrusted.
        assert_eq!(values(&it, o::C2PA_VALIDATION), ["untrusted"], "{it:#?}");
        assert_eq!(values(&it, o::C2PA_AUTHOR), ["Jane Doe"]);
        let tm = values(&it, o::C2PA_TRAINING_MINING);
        assert!(
            tm.contains(&"cawg.ai_generative_training: notAllowed".to_string()),
            "{tm:?}"
        );
        let c = it.credit.as_ref().unwrap();
        assert!(
            c.signals
                .iter()
                .all(|s| s.validation.as_deref() == Some("untrusted")),
            "{:?}",
            c.signals
        );
        assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
        assert!(
            it.findings
                .iter()
                .any(|f| f.kind.as_str() == "training-signal-conflict"),
            "{:#?}",
            it.findings
        );
        // data mining is constrained: unknown, with the constraint's text.
        let dm = licit::check::check_file(
            &dir().join("signed.jpg"),
            &training(Training::DataMining, false),
        );
        assert_eq!(dm.verdict(), Some(Verdict::Unknown));
        let a = dm.assessment.unwrap();
        assert!(
            a.deciding_reasons()
                .any(|r| r.text.contains("Ask licensing@example.org")),
            "{a:#?}"
        );
    }

    #[test]
    fn a_tampered_copy_is_invalid_and_its_claims_are_no_facts() {
        let it = licit::check::check_file(
            &dir().join("tampered.jpg"),
            &training(Training::AiGenerativeTraining, false),
        );
        let state = values(&it, o::C2PA_VALIDATION);
        assert_eq!(state.len(), 1);
        assert!(state[0].starts_with("invalid"), "{state:?}");
        let c = it.credit.as_ref().unwrap();
        assert!(!c.signals.is_empty());
        assert!(
            c.signals.iter().all(|s| s.reading == Reading::Unvalidated),
            "{:?}",
            c.signals
        );
        assert_eq!(it.verdict(), Some(Verdict::Unknown));
    }

    /// The validation state and the generative-training entry of `name`, checked for
    /// `ai-generative-training`.
    fn state_and_entry(name: &str) -> (Vec<String>, bool, Option<Verdict>) {
        let it = licit::check::check_file(
            &dir().join(name),
            &training(Training::AiGenerativeTraining, false),
        );
        assert!(it.errors.is_empty(), "{:?}", it.errors);
        let tm = values(&it, o::C2PA_TRAINING_MINING);
        (
            values(&it, o::C2PA_VALIDATION),
            tm.contains(&"cawg.ai_generative_training: notAllowed".to_string()),
            it.verdict(),
        )
    }

    #[test]
    fn the_cli_reports_the_tampered_credentials_as_invalid() {
        let out = assert_cmd::Command::cargo_bin("licit")
            .unwrap()
            .args(["check", "--use", "ai-training", "--format", "json"])
            .arg(dir().join("tampered.jpg"))
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let item = &doc["items"][0];
        let evidence = item["evidence"].as_array().unwrap();
        let state = evidence
            .iter()
            .find(|e| e["origin"] == "c2pa:validation")
            .expect("the validation state is evidence");
        assert!(
            state["value"].as_str().unwrap().starts_with("invalid"),
            "{state}"
        );
        let assessment = &item["assessment"];
        assert_eq!(assessment["verdict"], "unknown", "{item}");
        assert!(
            !assessment["reasons"].as_array().unwrap().is_empty(),
            "{item}"
        );
    }

    #[test]
    fn a_directory_check_finds_the_sidecar_in_its_walk() {
        let out = assert_cmd::Command::cargo_bin("licit")
            .unwrap()
            .args(["check", "--use", "ai-training", "--format", "json"])
            .arg(dir())
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let states: Vec<(String, String)> = doc["items"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|it| {
                let name = it["target"].as_str().unwrap().rsplit('/').next().unwrap();
                it["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|e| e["origin"] == "c2pa:validation")
                    .map(move |e| (name.to_string(), e["value"].as_str().unwrap().to_string()))
            })
            .collect();
        let state = |n: &str| states.iter().find(|(f, _)| f == n).map(|(_, s)| s.as_str());
        assert_eq!(state("sidecar.jpg"), Some("untrusted"), "{states:?}");
        assert_eq!(state("signed.jpg"), Some("untrusted"), "{states:?}");
        assert_eq!(state("signed.png"), Some("untrusted"), "{states:?}");
        assert!(
            state("tampered.jpg").unwrap().starts_with("invalid"),
            "{states:?}"
        );
    }

    #[test]
    fn a_signed_png_is_read_like_the_jpeg() {
        let (state, entry, verdict) = state_and_entry("signed.png");
        assert_eq!(state, ["untrusted"]);
        assert!(entry);
        assert_eq!(verdict, Some(Verdict::NotAllowed));
    }

    #[test]
    fn a_c2pa_sidecar_is_read_for_an_image_without_an_embedded_store() {
        let (state, entry, verdict) = state_and_entry("sidecar.jpg");
        assert_eq!(state, ["untrusted"]);
        assert!(entry);
        assert_eq!(verdict, Some(Verdict::NotAllowed));
    }

    #[test]
    fn uploaded_bytes_are_validated_as_the_file_is() {
        let checker = licit::Checker::default()
            .proposed(Some(training(Training::AiGenerativeTraining, false)));
        for name in ["signed.jpg", "tampered.jpg", "signed.png"] {
            let bytes = std::fs::read(dir().join(name)).unwrap();
            let file = licit::check::check_file(
                &dir().join(name),
                &training(Training::AiGenerativeTraining, false),
            );
            let from_bytes = checker.check_bytes(&[(name, &bytes)]).unwrap().remove(0);
            let from_reader = checker
                .check_reader(name, &mut std::io::Cursor::new(&bytes))
                .unwrap();
            for it in [&from_bytes, &from_reader] {
                assert_eq!(
                    values(it, o::C2PA_VALIDATION),
                    values(&file, o::C2PA_VALIDATION),
                    "{name}"
                );
                assert_eq!(
                    values(it, o::C2PA_TRAINING_MINING),
                    values(&file, o::C2PA_TRAINING_MINING),
                    "{name}"
                );
                assert_eq!(it.verdict(), file.verdict(), "{name}");
            }
        }
    }

    #[test]
    fn an_image_without_credentials_costs_no_validation() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images/exif.jpg");
        let it = licit::check::check_file(&p, &training(Training::AiTraining, false));
        assert!(values(&it, o::C2PA_VALIDATION).is_empty());
    }
}
