//! `licit credit` and `licit attribute`: the seed's verdicts, the contract, exit codes, snapshots.

use crate::common;

use common::{assert_schema, json_lines, licit};

const SEED: &str = "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)";

fn credit_jsonl(args: &[&str], stdin: &str) -> (Vec<serde_json::Value>, i32) {
    let out = licit()
        .args(["credit", "--format", "jsonl"])
        .args(args)
        .arg("-")
        .write_stdin(stdin.to_string())
        .output()
        .unwrap();
    (json_lines(&out.stdout), out.status.code().unwrap_or(-1))
}

#[test]
fn the_seed_line_parses_exactly() {
    let (lines, code) = credit_jsonl(&[], SEED);
    assert_eq!(code, 0);
    let c = &lines[0]["credit"];
    assert_schema("creditLine", &lines[0]);
    assert_eq!(
        c["authors"],
        serde_json::json!(["IHH Humanitarian Relief Foundation"])
    );
    assert_eq!(c["date"], "2013-04-14");
    assert_eq!(c["place"], "Atmeh refugee camp");
    assert_eq!(c["license"]["key"], "by-nc-nd/2.0");
    assert_eq!(c["rights"], "cc");
    assert_eq!(c["title"], serde_json::Value::Null);
    assert_eq!(c["modified"], false);
}

#[test]
fn commercial_use_of_the_seed_is_not_allowed_citing_noncommercial() {
    let (lines, code) = credit_jsonl(&["--use", "commercial"], SEED);
    assert_eq!(code, 1);
    let a = &lines[0]["assessment"];
    assert_eq!(a["verdict"], "not-allowed");
    let forbidding: Vec<&serde_json::Value> = a["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["effect"] == "forbids")
        .collect();
    assert_eq!(forbidding.len(), 1);
    assert_eq!(forbidding[0]["term"], "CommercialUse");
    assert!(
        forbidding[0]["text"]
            .as_str()
            .unwrap()
            .contains("NonCommercial")
    );
}

#[test]
fn cropping_the_seed_is_not_allowed_citing_noderivs() {
    let (lines, code) = credit_jsonl(&["--use", "crop"], SEED);
    assert_eq!(code, 1);
    let a = &lines[0]["assessment"];
    assert_eq!(a["verdict"], "not-allowed");
    let terms: Vec<&str> = a["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["effect"] == "forbids")
        .map(|r| r["term"].as_str().unwrap())
        .collect();
    assert_eq!(terms, ["DerivativeWorks"]);
}

#[test]
fn the_default_use_of_the_seed_is_allowed_and_lists_the_credit_it_needs() {
    let (lines, _) = credit_jsonl(&[], SEED);
    let a = &lines[0]["assessment"];
    assert_eq!(a["verdict"], "allowed-with-obligations");
    let kinds: Vec<&str> = a["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"attribute"), "{kinds:?}");
    assert_eq!(a["attribution"]["complete"], false);
    let missing = a["attribution"]["missing"].as_array().unwrap();
    assert!(missing.contains(&serde_json::json!("license-link")));
    assert!(
        a["attribution"]["suggested"]
            .as_str()
            .unwrap()
            .contains("IHH Humanitarian Relief Foundation")
    );
}

#[test]
fn no_license_is_unknown_and_exits_1() {
    let (lines, code) = credit_jsonl(&[], "Photo: John Smith/Reuters\n© 2019 Jane Doe");
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert_eq!(l["assessment"]["verdict"], "unknown");
        assert_schema("creditLine", l);
    }
}

#[test]
fn a_bad_use_word_is_unusable() {
    let out = licit()
        .args(["credit", "--use", "sell", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sell") && err.contains("commercial"), "{err}");
}

#[test]
fn json_is_one_document() {
    let out = licit()
        .args(["credit", "--format", "json", SEED, "CC0 photo by Ana Lima"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_schema("creditDocument", &doc);
    assert_eq!(doc["items"].as_array().unwrap().len(), 2);
}

#[test]
fn human_output_of_the_samples() {
    let samples = include_str!("../../samples/credit-lines.txt");
    let out = licit()
        .args(["credit", "-"])
        .write_stdin(samples)
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn attribute_in_every_style() {
    let line = "\"Sunset over Lake Geneva\" by Jane Doe is licensed under CC BY 2.0 (https://www.flickr.com/photos/janedoe/12345)";
    let mut all = String::new();
    for style in ["text", "html", "markdown"] {
        let out = licit()
            .args(["attribute", "--style", style, line])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        all.push_str(&format!(
            "{style}: {}",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    let out = licit()
        .args(["attribute", "--style", "html", SEED])
        .output()
        .unwrap();
    all.push_str(&format!(
        "seed html: {}",
        String::from_utf8_lossy(&out.stdout)
    ));
    insta::assert_snapshot!(all);
}

#[test]
fn attribute_without_a_license_warns_and_exits_1() {
    let out = licit()
        .args(["attribute", "Photo: Jane Doe"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no Creative Commons license"));
}

#[test]
fn readme_and_help_list_the_same_use_words_and_a_typo_gets_a_suggestion() {
    let help = licit().args(["check", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout).replace('\n', " ");
    let readme = include_str!("../../README.md");
    for w in licit::assess::Use::valid_words() {
        assert!(help.contains(w), "--help lacks {w}");
        assert!(readme.contains(&format!("`{w}`")), "README lacks `{w}`");
    }
    let out = licit()
        .args(["credit", "--use", "comercial", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean \"commercial\""), "{err}");
}

#[test]
fn attribute_agrees_with_check_on_a_public_domain_credit() {
    let line = "Photo: Jane Doe, public domain";
    let credit = licit()
        .args(["credit", "--format", "jsonl", line])
        .output()
        .unwrap();
    let attribute = licit().args(["attribute", line]).output().unwrap();
    assert_eq!(
        credit.status.code(),
        attribute.status.code(),
        "{attribute:?}"
    );
    assert!(!String::from_utf8_lossy(&attribute.stderr).contains("needs permission"));
}
