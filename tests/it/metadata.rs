//! The embedded-metadata reader against the committed fixtures of `tests/fixtures/images/`.
//!
//! `expected.json` holds, for every fixture, the evidence licit must read (origin and value, in
//! order), the kinds of the problems it must report, or the error. The values were checked
//! against exiftool with `tests/exiftool-compare.sh`. After changing a fixture or the reader,
//! refresh with `LICIT_BLESS=1 cargo test --test metadata` and review the diff.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use licit::metadata::{self, Format, ProblemKind};
use serde_json::{Value, json};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images")
}

fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for sub in [dir(), dir().join("base")] {
        for entry in fs::read_dir(sub).expect("fixture dir") {
            let p = entry.expect("entry").path();
            let skip =
                p.is_dir() || matches!(p.extension().and_then(|e| e.to_str()), Some("sh" | "json"));
            if !skip {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn name(p: &Path) -> String {
    p.strip_prefix(dir())
        .expect("in dir")
        .to_string_lossy()
        .replace('\\', "/")
}

/// What licit reads from one file, in the shape of expected.json.
fn reading(p: &Path) -> Value {
    match metadata::read_path(p) {
        Ok(m) => json!({
            "format": m.format,
            "evidence": m.evidence.iter().map(|e| json!([e.origin.as_str(), e.value])).collect::<Vec<_>>(),
            "problems": m.problems.iter().map(|p| p.kind).collect::<Vec<_>>(),
        }),
        Err(e) => json!({ "error": e.kind.to_string() }),
    }
}

#[test]
fn every_fixture_reads_as_expected() {
    let expected_path = dir().join("expected.json");
    let actual: BTreeMap<String, Value> =
        fixtures().iter().map(|p| (name(p), reading(p))).collect();
    if std::env::var_os("LICIT_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&actual).expect("json") + "\n";
        fs::write(&expected_path, text).expect("write expected.json");
        return;
    }
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&fs::read_to_string(&expected_path).expect("expected.json"))
            .expect("parse");
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        actual.keys().collect::<Vec<_>>(),
        "every fixture has an entry in expected.json and every entry a fixture"
    );
    for (file, want) in &expected {
        assert_eq!(&actual[file], want, "{file}");
    }
}

#[test]
fn read_bytes_agrees_with_read_path() {
    for p in fixtures() {
        let bytes = fs::read(&p).expect("read");
        match (metadata::read_path(&p), metadata::read_bytes(&bytes)) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.evidence, b.evidence, "{}", name(&p));
                assert_eq!(a.problems, b.problems, "{}", name(&p));
            }
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{}: {a:?} vs {b:?}", name(&p)),
        }
    }
}

#[test]
fn every_container_and_payload_is_covered() {
    let formats: Vec<Format> = fixtures()
        .iter()
        .filter_map(|p| metadata::read_path(p).ok())
        .map(|m| m.format)
        .collect();
    for f in [
        Format::Jpeg,
        Format::Png,
        Format::Tiff,
        Format::Webp,
        Format::Heif,
        Format::Avif,
        Format::Gif,
        Format::JpegXl,
        Format::Xmp,
    ] {
        assert!(formats.contains(&f), "no fixture of format {f}");
    }
}

#[test]
fn errors_name_the_file_and_the_reason() {
    let p = dir().join("broken-text-named.jpg");
    let err = metadata::read_path(&p).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("broken-text-named.jpg") && msg.contains("not an image"),
        "{msg}"
    );
    let missing = metadata::read_path(&dir().join("no-such-file.jpg")).unwrap_err();
    assert!(
        missing.to_string().contains("no-such-file.jpg"),
        "{missing}"
    );
}

#[test]
fn a_60_mb_claim_is_a_problem_not_an_allocation() {
    for f in [
        "broken-60mb-xmp-claim.png",
        "broken-60mb-extended-xmp-claim.jpg",
    ] {
        let p = dir().join(f);
        assert!(fs::metadata(&p).unwrap().len() < 4096, "{f} stays tiny");
        let m = metadata::read_path(&p).unwrap();
        assert!(
            m.problems.iter().any(|p| p.kind == ProblemKind::TooLarge),
            "{f}: {:?}",
            m.problems
        );
    }
}

#[test]
fn small_jpeg_costs_one_read_of_its_size() {
    let p = dir().join("xmp.jpg");
    let m = metadata::read_path(&p).unwrap();
    assert_eq!(m.bytes_read, fs::metadata(&p).unwrap().len());
}

#[test]
fn sidecar_is_found_next_to_the_image() {
    let img = dir().join("with-sidecar.jpg");
    let side = metadata::sidecar_for(&img).expect("sidecar");
    assert_eq!(side.file_name().unwrap(), "with-sidecar.xmp");
    let m = metadata::read_path(&side).unwrap();
    assert_eq!(m.format, Format::Xmp);
    assert!(
        m.evidence
            .iter()
            .any(|e| e.value == "https://creativecommons.org/licenses/by/3.0/")
    );
    assert_eq!(metadata::sidecar_for(&dir().join("xmp.jpg")), None);
}
