//! `licit check --from-file LIST --shard I/N`: the CLI as a map task over a list of targets.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common;

use common::{assert_schema, json_lines, licit};

/// A list mixing the kinds of line a real list holds: fixture images, an image with a
/// non-UTF-8 name, a missing file, comments, blank lines, CRLF endings and a repeated line.
fn list_dir() -> (tempfile::TempDir, PathBuf, usize) {
    let dir = tempfile::tempdir().unwrap();
    let images = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    let mut list: Vec<u8> = b"# a collection to audit\n\n".to_vec();
    let mut targets = 0;
    for entry in std::fs::read_dir(&images).unwrap() {
        let p = entry.unwrap().path();
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ["jpg", "png", "webp", "gif", "tif", "avif", "heic", "jxl"].contains(&ext) {
            list.extend_from_slice(p.to_str().unwrap().as_bytes());
            list.extend_from_slice(if targets % 3 == 0 { b"\r\n" } else { b"\n" });
            targets += 1;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.jpg");
        std::fs::copy(images.join("exif.jpg"), dir.path().join(name)).unwrap();
        list.extend_from_slice(dir.path().join(name).as_os_str().as_bytes());
        list.push(b'\n');
        targets += 1;
    }
    list.extend_from_slice(b"   \n  # indented comment\n");
    let missing = dir.path().join("missing.jpg");
    list.extend_from_slice(format!("{}\n", missing.display()).as_bytes());
    let again = images.join("xmp.jpg");
    list.extend_from_slice(format!("{}", again.display()).as_bytes()); // no final newline
    targets += 2;
    let path = dir.path().join("list.txt");
    std::fs::write(&path, list).unwrap();
    (dir, path, targets)
}

/// Target name → how many items named it, and every line checked against the contract.
fn run(args: &[&str], list: &Path) -> BTreeMap<String, usize> {
    let out = licit()
        .args(["check", "--format", "jsonl", "--from-file"])
        .arg(list)
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        (0..=2).contains(&code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seen = BTreeMap::new();
    for line in json_lines(&out.stdout) {
        assert_schema("item", &line);
        *seen
            .entry(line["target"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    seen
}

#[test]
fn the_union_of_the_shards_is_the_whole_list_with_no_target_twice() {
    let (_dir, list, targets) = list_dir();
    let whole = run(&[], &list);
    assert_eq!(whole.values().sum::<usize>(), targets);
    assert!(whole.keys().any(|t| t.ends_with("missing.jpg")));
    for n in [1, 2, 3, 5] {
        let mut union: BTreeMap<String, usize> = BTreeMap::new();
        let mut nonempty = 0;
        for i in 0..n {
            let part = run(&["--shard", &format!("{i}/{n}")], &list);
            nonempty += usize::from(!part.is_empty());
            for (t, k) in part {
                // A target (even one written twice) is in one shard only.
                assert!(!union.contains_key(&t), "{t} in two shards of {n}");
                union.insert(t, k);
            }
        }
        assert_eq!(union, whole, "shards of {n}");
        if n > 1 {
            assert!(nonempty > 1, "{n} shards: all targets in one");
        }
    }
}

#[test]
fn a_list_on_standard_input_is_the_same_list() {
    let (_dir, list, _) = list_dir();
    let from_file = run(&[], &list);
    let out = licit()
        .args(["check", "--format", "jsonl", "--from-file", "-"])
        .write_stdin(std::fs::read(&list).unwrap())
        .output()
        .unwrap();
    let mut from_stdin = BTreeMap::new();
    for line in json_lines(&out.stdout) {
        *from_stdin
            .entry(line["target"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    assert_eq!(from_stdin, from_file);
}

#[test]
fn items_come_in_list_order() {
    let images = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    let names = [
        "xmp.jpg",
        "exif.png",
        "iptc.jpg",
        "exif.jpg",
        "text.png",
        "mixed.jpg",
    ];
    let list: String = names
        .iter()
        .map(|n| format!("{}\n", images.join(n).display()))
        .collect();
    let out = licit()
        .args(["check", "--format", "jsonl", "--from-file", "-"])
        .write_stdin(list.repeat(20))
        .output()
        .unwrap();
    let got: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|l| {
            l["target"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = (0..20)
        .flat_map(|_| names.iter().map(|n| n.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_bad_shard_spec_is_refused_naming_it() {
    for bad in ["3/3", "1/0", "one/2", "2", "-1/2"] {
        let out = licit()
            .args(["check", "--from-file", "-"])
            .arg(format!("--shard={bad}"))
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(bad) && err.contains("I/N"), "{bad}: {err}");
    }
}

#[test]
fn a_missing_list_is_an_unusable_target_naming_it() {
    let out = licit()
        .args([
            "check",
            "--format",
            "jsonl",
            "--from-file",
            "/nonexistent/list.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("/nonexistent/list.txt")
    );
}

#[test]
fn an_overlong_line_is_reported_and_the_rest_of_the_list_read() {
    let images = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    let mut list = "x".repeat(licit::checker::MAX_LIST_LINE + 10);
    list.push('\n');
    list.push_str(&format!("{}\n", images.join("xmp.jpg").display()));
    let out = licit()
        .args(["check", "--format", "jsonl", "--from-file", "-"])
        .write_stdin(list)
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("line 1: longer than")
    );
    assert!(lines[1]["target"].as_str().unwrap().ends_with("xmp.jpg"));
}

#[test]
fn an_empty_shard_passes() {
    let images = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    let list = format!("{}\n", images.join("xmp.jpg").display());
    let mut empty = 0;
    for i in 0..4 {
        let out = licit()
            .args(["check", "--format", "jsonl", "--from-file", "-"])
            .arg(format!("--shard={i}/4"))
            .write_stdin(list.clone())
            .output()
            .unwrap();
        if out.stdout.is_empty() {
            empty += 1;
            assert_eq!(out.status.code(), Some(0), "shard {i}/4");
        }
    }
    assert_eq!(empty, 3);
}

/// A reader that stops early (`licit check … | head -1`) closes the pipe: licit stops quietly
/// with exit 0, whatever the format, instead of reporting "Broken pipe" as an unusable run.
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    // Far more output than a pipe buffers, so that licit is still writing when the pipe closes.
    let list = format!("{}\n", fixtures.display()).repeat(400);
    let dir = tempfile::tempdir().unwrap();
    let list_path = dir.path().join("targets.txt");
    std::fs::write(&list_path, list).unwrap();
    for format in ["jsonl", "human", "sarif"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("licit"))
            .env_remove("GITHUB_ACTIONS")
            .args(["check", "--format", format, "--from-file"])
            .arg(&list_path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}: no first line");
        // Dropping the reader closes the pipe.
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
