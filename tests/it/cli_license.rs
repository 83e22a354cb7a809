//! `licit license`: output shapes, the contract, exit codes.

use crate::common;

use common::{assert_schema, json_lines, licit};
use serde_json::json;

const SEED_LICENSE: &str = "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)";

#[test]
fn the_seed_license_from_standard_input() {
    let out = licit()
        .args(["license", "--format", "jsonl", "-"])
        .write_stdin(format!("{SEED_LICENSE}\n"))
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_schema("licenseLine", line);
    assert_eq!(line["input"], SEED_LICENSE);
    assert_eq!(line["rights"], "cc");
    let licenses = line["licenses"].as_array().unwrap();
    assert_eq!(licenses.len(), 1);
    let l = &licenses[0];
    assert_eq!(l["key"], "by-nc-nd/2.0");
    assert_eq!(l["permits"], json!(["Distribution", "Reproduction"]));
    assert_eq!(l["requires"], json!(["Attribution", "Notice"]));
    assert_eq!(l["prohibits"], json!(["CommercialUse"]));
    assert_eq!(l["deprecated"], false);
    let mentions = line["mentions"].as_array().unwrap();
    assert_eq!(
        mentions[0],
        json!({"key": "by-nc-nd/2.0", "form": "title", "start": 0, "end": 46, "text": "Attribution-NonCommercial-NoDerivs 2.0 Generic"})
    );
    assert_eq!(mentions[1]["form"], "code");
}

#[test]
fn one_line_per_input_line_in_order_and_exit_1_when_one_names_nothing() {
    let out = licit()
        .args(["license", "--format", "jsonl", "-"])
        .write_stdin("CC0\nnothing here\n© 2020 Jane Doe\nhttps://creativecommons.org/licenses/by-sa/3.0/de/\n")
        .assert()
        .code(1);
    let lines = json_lines(&out.get_output().stdout);
    let rights: Vec<_> = lines
        .iter()
        .map(|l| l["rights"].as_str().unwrap())
        .collect();
    assert_eq!(rights, ["cc", "none", "all-rights-reserved", "cc"]);
    assert_eq!(
        lines[2]["statements"][0],
        json!({"kind": "all-rights-reserved", "text": "©", "name": "copyright notice", "start": 0, "end": 2})
    );
    for l in &lines {
        assert_schema("licenseLine", l);
    }
}

#[test]
fn json_is_one_document() {
    let out = licit()
        .args(["license", "--format", "json", "CC BY-SA", "CC BY 4.0"])
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_schema("licenseDocument", &doc);
    assert_eq!(doc["schema"], 1);
    assert_eq!(
        doc["items"][0]["licenses"][0]["version"],
        serde_json::Value::Null
    );
    assert_eq!(doc["items"][1]["licenses"][0]["key"], "by/4.0");
}

#[test]
fn unusable_input_exits_2_and_names_the_line() {
    let out = licit()
        .args(["license", "--format", "jsonl", "-"])
        .write_stdin(b"CC BY 4.0\n\xff\xfe bad bytes\n".to_vec())
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("line 2") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    // The good line is still reported, and the bad one gives an error line (issue 12, #14:
    // every input line gives exactly one output line).
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["error"]["kind"], "not-utf8");
    assert_schema("inputError", &lines[1]);
}

#[test]
fn no_input_is_unusable() {
    licit().args(["license"]).write_stdin("").assert().code(2);
}

#[test]
fn human_output_explains_in_plain_words() {
    let out = licit()
        .args([
            "license",
            "CC BY-NC-ND 2.0",
            "nd-nc/1.0",
            "CC BY-SA",
            "Alle Rechte vorbehalten",
        ])
        .assert()
        .code(1);
    insta::assert_snapshot!(String::from_utf8_lossy(&out.get_output().stdout));
}
