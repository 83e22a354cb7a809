//! The same question gets the same answer: not depending on what else was asked in the same run
//! (per-run caches of credit lines, licenses and evidence sets), on the order of the inputs, or on
//! how many threads did the work.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::{json_lines, licit};

fn manifest_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every credit line of the real-text corpus and of the samples: hundreds of lines written by
/// newsrooms, wikis, museums and blogs, many sharing agencies, licenses and names.
fn corpus_lines() -> Vec<String> {
    let real = std::fs::read_to_string(manifest_dir().join("tests/data/real/credits.txt"))
        .expect("tests/data/real/credits.txt");
    let samples = std::fs::read_to_string(manifest_dir().join("samples/credit-lines.txt"))
        .expect("samples/credit-lines.txt");
    let mut lines: Vec<String> = real
        .lines()
        .filter_map(|l| l.strip_prefix("line: "))
        .chain(
            samples
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#')),
        )
        .map(str::to_string)
        .collect();
    lines.dedup();
    assert!(lines.len() > 300, "the corpus has its lines");
    lines
}

fn credit_run(lines: &[String], threads: &str) -> Vec<Value> {
    let mut input = lines.join("\n");
    input.push('\n');
    let out = licit()
        .args([
            "credit",
            "-",
            "--format",
            "jsonl",
            "--use",
            "commercial,crop",
        ])
        .env("RAYON_NUM_THREADS", threads)
        .write_stdin(input)
        .output()
        .expect("licit runs");
    let answers = json_lines(&out.stdout);
    assert_eq!(answers.len(), lines.len(), "one answer per line");
    answers
}

/// Answers keyed by their input line.
fn by_input(answers: Vec<Value>) -> BTreeMap<String, Value> {
    answers
        .into_iter()
        .map(|a| (a["input"].as_str().expect("input echoed").to_string(), a))
        .collect()
}

#[test]
fn a_credit_line_gets_the_same_answer_in_any_company_and_order() {
    let lines = corpus_lines();
    let forward = credit_run(&lines, "1");
    for (line, answer) in lines.iter().zip(&forward) {
        assert_eq!(answer["input"].as_str(), Some(line.as_str()), "order kept");
    }
    let mut reversed_lines = lines.clone();
    reversed_lines.reverse();
    let reversed = credit_run(&reversed_lines, "3");
    let (forward, reversed) = (by_input(forward), by_input(reversed));
    for (line, answer) in &forward {
        assert_eq!(
            Some(answer),
            reversed.get(line),
            "the answer to {line:?} changed with the order of the lines"
        );
    }
    // And alone: a line asked on its own gets the answer it got among all the others. Every
    // 23rd line keeps this to a few dozen runs.
    for line in lines.iter().step_by(23) {
        let alone = credit_run(std::slice::from_ref(line), "1");
        assert_eq!(
            Some(&alone[0]),
            forward.get(line),
            "the answer to {line:?} depends on the other lines of the run"
        );
    }
}

#[test]
fn a_folder_gets_the_same_report_on_one_thread_or_many() {
    let run = |threads: &str| {
        let out = licit()
            .current_dir(manifest_dir())
            .args([
                "check",
                "samples",
                "--format",
                "json",
                "--use",
                "commercial",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("licit runs");
        (out.status.code(), out.stdout)
    };
    let one = run("1");
    assert!(!one.1.is_empty(), "a report was written");
    for threads in ["4", "1", "8"] {
        let again = run(threads);
        assert_eq!(one.0, again.0, "exit code with {threads} threads");
        assert!(
            one.1 == again.1,
            "the JSON report differs with {threads} threads"
        );
    }
}
