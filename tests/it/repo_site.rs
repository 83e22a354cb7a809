//! `licit check DIR` on the fixture site (tests/fixtures/site): every seeded problem found at
//! its document line and nothing else; the reports (human, JSON, SARIF) as snapshots; the SARIF
//! valid against the OASIS schema; and fixing the problems in a copy makes the gate pass.

use crate::common::{self, server};

use std::path::{Path, PathBuf};

use common::{assert_schema, licit};
use serde_json::{Value, json};
use server::{Reply, Server};

const SITE: &str = "tests/fixtures/site";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(args: &[&str]) -> (i32, String, String) {
    let out = licit()
        .current_dir(manifest_dir())
        .env_remove("CI")
        .arg("check")
        .args(args)
        .output()
        .expect("licit runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `(kind, location)` of every finding of a `--format json` document.
fn findings(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for item in doc["items"].as_array().unwrap() {
        for f in item["findings"].as_array().unwrap() {
            for l in f["locations"].as_array().unwrap() {
                let at = match l.get("line") {
                    Some(n) => format!("{}:{n}", l["file"].as_str().unwrap()),
                    None => l["file"].as_str().unwrap().to_string(),
                };
                out.push((f["kind"].as_str().unwrap().to_string(), at));
            }
        }
    }
    out.sort();
    out
}

/// The seeded problems, each where the site shows the image.
const EXPECTED: &[(&str, &str)] = &[
    // The caption gives author and license name but no link to the license.
    ("credit-incomplete", "content/about.md:3"),
    // dunes.jpg: XMP says CC BY 4.0, its REUSE sidecar CC BY-SA 4.0.
    ("license-conflict", "content/about.md:12"),
    // bridge.png is CC BY-ND 4.0 and the caption says "cropped".
    ("adaptation-of-nd", "content/posts/bridge.md:7"),
    // market.jpg is CC BY-NC 4.0 on a commercial site that denies "*-nc*".
    (
        "license-not-allowed-by-policy",
        "content/posts/harbour.md:11",
    ),
    // unlicensed.jpg has no license anywhere.
    ("no-license", "content/posts/harbour.md:16"),
];

fn expected(root: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = EXPECTED
        .iter()
        .map(|(k, l)| (k.to_string(), format!("{root}/{l}")))
        .collect();
    v.sort();
    v
}

#[test]
fn every_seeded_problem_is_found_at_its_line_and_nothing_else() {
    let (code, stdout, stderr) = check(&[SITE, "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_schema("checkDocument", &doc);
    assert_eq!(findings(&doc), expected(SITE));
    assert_eq!(doc["use"]["commercial"], true, "the policy's use is stated");
    // Ignored by the policy (drafts/), by .gitignore (public/), hidden (.cache/): not checked.
    let targets: Vec<&str> = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets.len(), 8, "{targets:?}");
    assert!(
        targets
            .iter()
            .all(|t| !t.contains("drafts/") && !t.contains("public/") && !t.contains(".cache/"))
    );
    // The lighthouse is shown twice; only the caption without a link is a finding.
    let lighthouse = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["target"] == format!("{SITE}/images/lighthouse.jpg"))
        .unwrap();
    assert_eq!(
        lighthouse["shown_in"],
        json!([
            {"file": format!("{SITE}/content/about.md"), "line": 3},
            {"file": format!("{SITE}/pages/gallery.html"), "line": 7}
        ])
    );
}

/// What a JSON item says, without the assessment's prose (snapshotted by the assess tests).
fn projection(doc: &Value) -> Value {
    let items: Vec<Value> = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            json!({
                "target": i["target"],
                "shown_in": i.get("shown_in").cloned().unwrap_or(json!([])),
                "evidence": i["evidence"],
                "authors": i["credit"]["authors"],
                "license": i["credit"]["license"]["key"],
                "verdict": i["assessment"]["verdict"],
                "findings": i["findings"],
            })
        })
        .collect();
    sorted(json!({"use": doc["use"], "items": items, "summary": doc["summary"]}))
}

/// `v` with every object's keys in sorted order: the snapshot shows the projection's content,
/// not the order serde_json happens to keep keys in.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut entries: Vec<(String, Value)> = m.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[test]
fn reports_snapshots() {
    let (_, human, _) = check(&[SITE]);
    insta::assert_snapshot!("site_human", human);
    let (_, json_out, _) = check(&[SITE, "--format", "json"]);
    let doc: Value = serde_json::from_str(&json_out).unwrap();
    insta::assert_json_snapshot!("site_json", projection(&doc));
    let (code, sarif, _) = check(&[SITE, "--format", "sarif"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("site_sarif", sarif);
}

#[test]
fn sarif_is_valid_against_the_oasis_schema_and_locates_results() {
    let (_, out, _) = check(&[SITE, "--format", "sarif"]);
    let log: Value = serde_json::from_str(&out).unwrap();
    let mut schema: Value =
        serde_json::from_str(include_str!("../../schema/sarif-schema-2.1.0.json")).unwrap();
    // The OASIS file's `language` patterns have a stray `]` that ECMA-262 reads as a literal
    // and Rust's regex engine refuses; the vendored file stays verbatim, the test reads the
    // patterns as intended. licit never writes `language`.
    assert_eq!(fix_language_patterns(&mut schema), 2);
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut located = Vec::new();
    for r in run["results"].as_array().unwrap() {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx], r["ruleId"].as_str().unwrap());
        let pl = &r["locations"][0]["physicalLocation"];
        located.push((
            r["ruleId"].as_str().unwrap().to_string(),
            format!(
                "{}:{}",
                pl["artifactLocation"]["uri"].as_str().unwrap(),
                pl["region"]["startLine"]
            ),
        ));
    }
    located.sort();
    assert_eq!(located, expected(SITE));
}

/// Escapes the stray `]` of the SARIF schema's `language` patterns; returns how many it fixed.
fn fix_language_patterns(v: &mut Value) -> usize {
    const BAD: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        Value::Object(m) => {
            let mut n = 0;
            for (k, x) in m.iter_mut() {
                if k == "pattern" && x == BAD {
                    *x = Value::from(BAD.replace("}]?", "}\\]?"));
                    n += 1;
                } else {
                    n += fix_language_patterns(x);
                }
            }
            n
        }
        Value::Array(a) => a.iter_mut().map(fix_language_patterns).sum(),
        _ => 0,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn fixing_the_problems_in_a_copy_makes_the_gate_pass() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_dir(&manifest_dir().join(SITE), &site);
    let s = site.to_str().unwrap();
    let (code, _, _) = check(&[s]);
    assert_eq!(code, 1, "the copy fails like the original");

    // No license: the owner releases it under CC0, in a REUSE sidecar.
    std::fs::write(
        site.join("images/unlicensed.jpg.license"),
        "SPDX-FileCopyrightText: 2024 Example Site\nSPDX-License-Identifier: CC0-1.0\n",
    )
    .unwrap();
    // NC on a commercial site: remove it, and show the harbour photo instead, with its credit.
    std::fs::remove_file(site.join("images/market.jpg")).unwrap();
    edit(
        &site.join("content/posts/harbour.md"),
        "![Fishing boats at the market](/images/market.jpg)\n*Photo: [Ana Lima](https://example.org/ana), [CC BY-NC 4.0](https://creativecommons.org/licenses/by-nc/4.0/)*",
        "![The harbour](/images/harbour.jpg)\n*Photo: Jane Doe, [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)*",
    );
    // ND and cropped: show it uncropped.
    edit(&site.join("content/posts/bridge.md"), "(cropped), ", "");
    // Credit without the license link: link it.
    edit(
        &site.join("content/about.md"),
        "Photo: Jane Doe, CC BY 4.0\n",
        "Photo: Jane Doe, [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)\n",
    );
    // Sidecar and XMP disagree: the photographer confirms CC BY 4.0.
    edit(
        &site.join("images/dunes.jpg.license"),
        "CC-BY-SA-4.0",
        "CC-BY-4.0",
    );
    edit(
        &site.join("content/about.md"),
        "<a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">CC BY-SA 4.0</a>",
        "<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>",
    );

    let (code, stdout, stderr) = check(&[s]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 errors, 0 warnings: pass"), "{stdout}");
    let (_, json_out, _) = check(&[s, "--format", "json"]);
    let doc: Value = serde_json::from_str(&json_out).unwrap();
    assert!(findings(&doc).is_empty(), "{:?}", findings(&doc));
}

#[test]
fn github_actions_get_annotations_at_the_lines() {
    let out = licit()
        .current_dir(manifest_dir())
        .env("GITHUB_ACTIONS", "true")
        .args(["check", SITE, "--quiet"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "::error file={SITE}/content/posts/bridge.md,line=7,title=licit adaptation-of-nd::{SITE}/images/bridge.png: "
        )),
        "{stdout}"
    );
    assert_eq!(stdout.matches("::error ").count(), EXPECTED.len());
}

#[test]
fn quiet_prints_only_the_errors() {
    let (code, stdout, stderr) = check(&[SITE, "--quiet"]);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), EXPECTED.len(), "{stdout}");
    assert!(stdout.lines().all(|l| l.contains(": error[")), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn root_mode_reports_only_the_files_named_as_a_pre_commit_hook_passes_them() {
    // The document about.md shows lighthouse.jpg (credit incomplete), portrait.png and dunes.jpg.
    let (code, stdout, _) = check(&[
        "--root",
        SITE,
        "--format",
        "json",
        &format!("{SITE}/content/about.md"),
    ]);
    assert_eq!(code, 1);
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let targets: Vec<&str> = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        [
            format!("{SITE}/images/dunes.jpg"),
            format!("{SITE}/images/lighthouse.jpg"),
            format!("{SITE}/images/team/portrait.png")
        ]
    );
    // An image that passes, named alone.
    let (code, _, _) = check(&["--root", SITE, &format!("{SITE}/images/harbour.jpg")]);
    assert_eq!(code, 0);
}

#[test]
fn a_broken_policy_file_is_unusable_input_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("licit.toml"),
        "allow = [\"by/*\"\nuse = 3\n",
    )
    .unwrap();
    let (code, _, stderr) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("licit.toml"), "{stderr}");
}

#[test]
fn without_a_policy_the_defaults_apply() {
    // Non-commercial use and every CC tool accepted: the NC image passes, the rest does not.
    let (code, stdout, _) = check(&[SITE, "--config", "/dev/null", "--format", "json"]);
    assert_eq!(code, 1);
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let kinds: Vec<String> = findings(&doc).into_iter().map(|(k, _)| k).collect();
    assert!(
        !kinds.contains(&"license-not-allowed-by-policy".to_string()),
        "{kinds:?}"
    );
    assert!(kinds.contains(&"no-license".to_string()));
    // drafts/ is no longer ignored without the policy's `ignore`.
    assert!(stdout.contains("drafts/sketch.jpg"));
}

#[test]
fn init_writes_a_starter_policy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    licit().args(["init", "--dir", d]).assert().success();
    let text = std::fs::read_to_string(dir.path().join("licit.toml")).unwrap();
    assert!(text.contains("require_credit = true"));
    std::fs::write(dir.path().join("licit.toml"), "# mine\n").unwrap();
    licit().args(["init", "--dir", d]).assert().code(2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("licit.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn completions_and_man_page_are_generated_from_the_flags() {
    let out = licit()
        .args(["generate", "completions", "bash"])
        .output()
        .unwrap();
    let bash = String::from_utf8_lossy(&out.stdout);
    assert!(
        bash.contains("--exclude") && bash.contains("--format"),
        "{bash}"
    );
    let out = licit().args(["generate", "man"]).output().unwrap();
    let man = String::from_utf8_lossy(&out.stdout);
    assert!(man.starts_with(".ie") || man.contains(".TH licit"), "{man}");
}

#[test]
fn special_files_empty_directories_and_non_utf8_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // An empty directory is an error unless --allow-empty.
    let empty = d.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (code, _, _) = check(&[empty.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 2);
    let (code, _, _) = check(&[empty.to_str().unwrap(), "--allow-empty"]);
    assert_eq!(code, 0);
    // A FIFO as the target or as --config is refused, never opened (opening one blocks).
    let fifo = d.join("pipe.jpg");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let (code, stdout, _) = check(&[fifo.to_str().unwrap(), "--format", "jsonl"]);
        assert_eq!(code, 2);
        assert!(stdout.contains("not-a-regular-file"), "{stdout}");
        let (code, _, stderr) = check(&[SITE, "--config", fifo.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(stderr.contains("FIFO"), "{stderr}");
    }
    // A file name that is not UTF-8 is read, and printed lossily.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.jpg");
        let path = d.join(name);
        std::fs::copy(
            manifest_dir().join("samples/article/images/atmeh-camp.jpg"),
            &path,
        )
        .unwrap();
        let out = licit()
            .arg("check")
            .arg(&path)
            .args(["--format", "jsonl"])
            .output()
            .unwrap();
        let lines = common::json_lines(&out.stdout);
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0]["errors"].as_array().unwrap().is_empty(),
            "{:?}",
            lines[0]
        );
        assert!(
            lines[0]["target"]
                .as_str()
                .unwrap()
                .ends_with("caf\u{fffd}.jpg")
        );
    }
}

#[test]
fn quiet_annotations_are_errors_only() {
    let out = licit()
        .current_dir(manifest_dir())
        .env("GITHUB_ACTIONS", "true")
        .args(["check", SITE, "--quiet", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("::warning"), "{stderr}");
    assert_eq!(
        stderr.matches("::error ").count(),
        EXPECTED.len(),
        "{stderr}"
    );
}

#[test]
fn man_pages_per_subcommand_carry_words_formats_exit_codes_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    licit()
        .args(["generate", "man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    for cmd in [
        "licit",
        "licit-check",
        "licit-credit",
        "licit-license",
        "licit-attribute",
        "licit-init",
    ] {
        let page = std::fs::read_to_string(dir.path().join(format!("{cmd}.1"))).unwrap();
        for want in ["commercial", "jsonl", "EXIT STATUS", "require_credit"] {
            assert!(page.contains(want), "{cmd}.1 lacks {want}");
        }
    }
}

/// `samples/article` checked as a folder, as its `index.html`, and over HTTP gives the same
/// credit, findings, verdict and exit code (issue 11, item 0).
#[test]
fn the_article_gives_one_answer_whichever_way_it_is_checked() {
    let root = env!("CARGO_MANIFEST_DIR");
    let html = std::fs::read_to_string(format!("{root}/samples/article/index.html")).unwrap();
    let jpeg_bytes =
        std::fs::read(format!("{root}/samples/article/images/atmeh-camp.jpg")).unwrap();
    let s = Server::start(move |req| match req.path() {
        "/index.html" => Reply::html(html.clone()),
        "/images/atmeh-camp.jpg" => Reply::ranged("image/jpeg", jpeg_bytes.clone()),
        _ => Reply::NotFound,
    });
    let run = |target: &str| {
        let out = licit()
            .current_dir(root)
            .args(["check", "--format", "json", "--no-cache", target])
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let it = doc["items"][0].clone();
        let findings: Vec<(String, String)> = it["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["kind"].as_str().unwrap().to_string(),
                    f["message"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        (
            out.status.code(),
            doc["items"].as_array().unwrap().len(),
            it["credit"].clone(),
            findings,
            it["assessment"]["verdict"].clone(),
        )
    };
    let folder = run("samples/article");
    let file = run("samples/article/index.html");
    let url = run(&s.url("/index.html"));
    assert_eq!(folder.1, 1);
    assert!(
        folder.3.iter().any(|(k, _)| k == "credit-incomplete"),
        "{:?}",
        folder.3
    );
    assert_eq!(folder, file, "folder vs file");
    assert_eq!(folder, url, "folder vs URL");
    assert_eq!(folder.0, Some(1));
}
