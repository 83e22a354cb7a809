//! The layering of ARCHITECTURE.md's code map, checked: every `crate::` path in a module's code
//! (comments and test modules aside) must point at a module the map lets it depend on, and no
//! two files may import each other. A new arrow fails here until the map (and this table) say
//! it is intended.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and what it may use, as ARCHITECTURE.md's code map says.
const MAY_USE: &[(&str, &[&str])] = &[
    ("evidence", &[]),
    ("license", &[]),
    ("lexicon", &[]),
    ("metadata", &["evidence"]),
    ("web", &["evidence", "lexicon"]),
    ("finding", &["evidence"]),
    ("tdm", &["evidence", "metadata"]),
    (
        "credit",
        &["license", "evidence", "finding", "lexicon", "tdm"],
    ),
    (
        "assess",
        &["license", "credit", "evidence", "finding", "tdm"],
    ),
    ("attribution", &["assess", "license", "credit"]),
    (
        "check",
        &[
            "metadata", "web", "credit", "assess", "license", "evidence", "finding",
        ],
    ),
    (
        "stamp",
        &[
            "tdm",
            "check",
            "web",
            "metadata",
            "assess",
            "attribution",
            "credit",
            "license",
            "evidence",
            "finding",
        ],
    ),
    (
        "repo",
        &[
            "stamp", "check", "web", "metadata", "assess", "credit", "license", "evidence",
            "finding",
        ],
    ),
    (
        "checker",
        &[
            "repo", "check", "web", "metadata", "assess", "credit", "license", "evidence",
            "finding",
        ],
    ),
    (
        "report",
        &[
            "stamp",
            "checker",
            "repo",
            "check",
            "web",
            "metadata",
            "assess",
            "attribution",
            "credit",
            "license",
            "evidence",
            "finding",
            "tdm",
        ],
    ),
    (
        "serve",
        &[
            "report",
            "checker",
            "repo",
            "check",
            "metadata",
            "web",
            "assess",
            "attribution",
            "credit",
        ],
    ),
    ("layering", &[]),
];

/// KNOWN EXCEPTIONS, being removed by work in progress on other branches (issue 11, item 3).
/// Each entry is an arrow or a file-level loop that the map forbids; delete it once the
/// branch that removes it is merged, and this test keeps it from coming back.
const KNOWN_EXCEPTIONS: &[(&str, &str)] = &[];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every library source file, relative to `src/` (`check/web.rs`).
fn library_files() -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![src()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p
                    .strip_prefix(src())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if rel != "main.rs" && rel != "args.rs" && rel != "lib.rs" {
                    out.push(rel);
                }
            }
        }
    }
    out.sort();
    out
}

/// The code of a file: comments removed, and nothing from its test module on.
fn code(rel: &str) -> String {
    let text = std::fs::read_to_string(src().join(rel)).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let line = line.split("//").next().unwrap_or("");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The module path of a file (`check/web.rs` → `["check", "web"]`, `check/mod.rs` → `["check"]`).
fn module_of(rel: &str) -> Vec<String> {
    let rel = rel.trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The file that holds the deepest existing module of `path`.
fn file_of(path: &[String]) -> Option<String> {
    for n in (1..=path.len()).rev() {
        let base = path[..n].join("/");
        for cand in [format!("{base}.rs"), format!("{base}/mod.rs")] {
            if src().join(&cand).is_file() {
                return Some(cand);
            }
        }
    }
    None
}

/// The paths a file names: `crate::a::b…` and `super::x…`, as module paths.
fn paths_named(rel: &str) -> Vec<Vec<String>> {
    let code = code(rel);
    let here = module_of(rel);
    let mut out = Vec::new();
    for (prefix, base) in [
        ("crate::", Vec::new()),
        ("super::", here[..here.len().saturating_sub(1)].to_vec()),
    ] {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let mut path = base.clone();
            let mut tail = rest;
            loop {
                let end = tail
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(tail.len());
                let word = &tail[..end];
                if word.is_empty() || word.starts_with(char::is_uppercase) {
                    break;
                }
                path.push(word.to_string());
                match tail[end..].strip_prefix("::") {
                    Some(t) => tail = t,
                    None => break,
                }
            }
            if !path.is_empty() {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn every_arrow_is_one_the_code_map_allows() {
    let may: BTreeMap<&str, &[&str]> = MAY_USE.iter().copied().collect();
    let mut wrong = BTreeSet::new();
    for rel in library_files() {
        let from = module_of(&rel)[0].clone();
        let Some(allowed) = may.get(from.as_str()) else {
            wrong.insert(format!("{rel}: module {from} is not in the code map"));
            continue;
        };
        for path in paths_named(&rel) {
            let to = &path[0];
            if *to == from || !may.contains_key(to.as_str()) && file_of(&path).is_none() {
                continue;
            }
            let excepted = KNOWN_EXCEPTIONS.contains(&(from.as_str(), to.as_str()));
            if !allowed.contains(&to.as_str()) && !excepted {
                wrong.insert(format!("{rel} uses {to} ({from} → {to} is not in the map)"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows the code map forbids:\n{}",
        Vec::from_iter(wrong).join("\n")
    );
}

#[test]
fn no_two_files_import_each_other() {
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for rel in library_files() {
        let own = module_of(&rel);
        for path in paths_named(&rel) {
            // A parent module naming its own children is structure, not a dependency.
            if path.starts_with(&own) && path.len() > own.len() && rel.ends_with("mod.rs") {
                continue;
            }
            if let Some(f) = file_of(&path)
                && f != rel
            {
                uses.entry(rel.clone()).or_default().insert(f);
            }
        }
    }
    let mut loops = BTreeSet::new();
    for (a, targets) in &uses {
        for b in targets {
            let back = uses.get(b).is_some_and(|t| t.contains(a));
            let excepted = KNOWN_EXCEPTIONS.contains(&(a.as_str(), b.as_str()));
            // A module file and its own submodule may share items both ways (`super::`).
            let parent_child =
                module_of(b).starts_with(&module_of(a)) || module_of(a).starts_with(&module_of(b));
            if back && !excepted && !parent_child {
                loops.insert(format!("{a} ↔ {b}"));
            }
        }
    }
    assert!(
        loops.is_empty(),
        "files that import each other:\n{}",
        Vec::from_iter(loops).join("\n")
    );
}
