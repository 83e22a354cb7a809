//! REUSE (reuse.software) licensing information: `photo.jpg.license` sidecars, `REUSE.toml`
//! annotations and the legacy `.reuse/dep5` file, as evidence `reuse:license` and
//! `reuse:copyright` located at the file and line that said it.
//!
//! Precedence follows REUSE 3.2: a `.license` sidecar is the file's own information; a
//! `REUSE.toml` annotation applies when the file has none (`closest`, the default), in addition
//! to it (`aggregate`), or instead of it (`override`). Among the annotations of one `REUSE.toml`
//! the last that matches wins; a deeper `REUSE.toml` wins over one closer to the root unless
//! that one overrides. `.reuse/dep5` applies when nothing else does; its last matching paragraph
//! wins.

use globset::{GlobBuilder, GlobMatcher};

use crate::evidence::{Evidence, origin};

/// Path globs one `REUSE.toml` or `dep5` may hold (each is compiled, and matched against every
/// image); past it, the rest are not read, with a problem.
pub const MAX_GLOBS: usize = 4096;
/// The largest `.license`, `REUSE.toml` or `dep5` file read (real ones are a few KiB); with it,
/// the tags of a file are bounded too.
pub const MAX_FILE: u64 = 1024 * 1024;
/// Problems listed per file; past it, one more says how it ends.
pub const MAX_FILE_PROBLEMS: usize = 64;

/// Adds a problem unless the file already has [`MAX_FILE_PROBLEMS`] (then says so once).
fn problem(problems: &mut Vec<String>, location: &str, message: String) {
    match problems.len() {
        n if n < MAX_FILE_PROBLEMS => problems.push(message),
        n if n == MAX_FILE_PROBLEMS => problems.push(format!(
            "{location}: more than {MAX_FILE_PROBLEMS} problems; the rest are not listed"
        )),
        _ => {}
    }
}

const COPYRIGHT_TAG: &str = "SPDX-FileCopyrightText:";
const LICENSE_TAG: &str = "SPDX-License-Identifier:";

/// Reads the tags of a `.license` sidecar (or any text holding REUSE tags); `location` names the
/// file, and each evidence gets `location:line`.
pub fn read_tags(text: &str, location: &str) -> Vec<Evidence> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for (tag, o) in [
            (COPYRIGHT_TAG, origin::REUSE_COPYRIGHT),
            (LICENSE_TAG, origin::REUSE_LICENSE),
        ] {
            if let Some(at) = line.find(tag) {
                let value = line[at + tag.len()..].trim();
                if !value.is_empty() {
                    out.push(Evidence::new(o, value).at(format!("{location}:{}", i + 1)));
                }
            }
        }
    }
    out
}

/// How a `REUSE.toml` annotation combines with a file's own information.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precedence {
    #[default]
    Closest,
    Aggregate,
    Override,
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(serde::Deserialize)]
struct RawToml {
    #[allow(dead_code)]
    version: Option<i64>,
    #[serde(default)]
    annotations: Vec<RawAnnotation>,
}

#[derive(serde::Deserialize)]
struct RawAnnotation {
    path: OneOrMany,
    #[serde(default)]
    precedence: Precedence,
    #[serde(rename = "SPDX-FileCopyrightText")]
    copyright: Option<OneOrMany>,
    #[serde(rename = "SPDX-License-Identifier")]
    license: Option<String>,
}

/// One annotation: the paths it covers and what it says about them.
#[derive(Clone, Debug)]
struct Annotation {
    /// The directory of the file that holds it, relative to the root (`""` for the root), with
    /// a trailing `/` when not empty.
    dir: String,
    globs: Vec<GlobMatcher>,
    precedence: Precedence,
    evidence: Vec<Evidence>,
}

impl Annotation {
    fn matches(&self, rel: &str) -> bool {
        rel.strip_prefix(self.dir.as_str())
            .is_some_and(|r| self.globs.iter().any(|g| g.is_match(r)))
    }
}

/// The repository-wide REUSE information: every `REUSE.toml` and `.reuse/dep5`.
#[derive(Clone, Debug, Default)]
pub struct Reuse {
    /// `REUSE.toml` annotations, files from the root outwards, each file's in order.
    toml: Vec<Annotation>,
    dep5: Vec<Annotation>,
}

/// A glob in REUSE.toml: `*` stays within a directory, `**` crosses them.
fn toml_glob(g: &str) -> Result<GlobMatcher, String> {
    GlobBuilder::new(g)
        .literal_separator(true)
        .backslash_escape(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("bad path pattern {g:?}: {e}"))
}

/// A glob in dep5 (Debian copyright format): `*` matches any characters, `/` included.
fn dep5_glob(g: &str) -> Result<GlobMatcher, String> {
    GlobBuilder::new(g)
        .literal_separator(false)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("bad pattern {g:?}: {e}"))
}

impl Reuse {
    /// Adds a `REUSE.toml` found at `rel` (relative to the root, `/`-separated); `location` is
    /// how reports name it. Returns the problems met, each naming the file.
    pub fn add_toml(&mut self, rel: &str, text: &str, location: &str) -> Vec<String> {
        let raw: RawToml = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => return vec![format!("{location}: {}", e.to_string().trim())],
        };
        let dir = match rel.rfind('/') {
            Some(i) => rel[..=i].to_string(),
            None => String::new(),
        };
        let header_lines: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with("[[annotations]]"))
            .map(|(i, _)| i + 1)
            .collect();
        let mut problems = Vec::new();
        let mut globs_read = 0usize;
        for (n, a) in raw.annotations.into_iter().enumerate() {
            let at = match header_lines.get(n) {
                Some(line) => format!("{location}:{line}"),
                None => location.to_string(),
            };
            let mut globs = Vec::new();
            for p in a.path.into_vec() {
                globs_read += 1;
                if globs_read > MAX_GLOBS {
                    if globs_read == MAX_GLOBS + 1 {
                        problem(
                            &mut problems,
                            location,
                            format!(
                                "{at}: more than {MAX_GLOBS} paths in one file; the rest are not read"
                            ),
                        );
                    }
                    break;
                }
                match toml_glob(&p) {
                    Ok(g) => globs.push(g),
                    Err(e) => problem(&mut problems, location, format!("{at}: {e}")),
                }
            }
            let mut evidence = Vec::new();
            for c in a.copyright.map(OneOrMany::into_vec).unwrap_or_default() {
                evidence.push(Evidence::new(origin::REUSE_COPYRIGHT, c).at(at.clone()));
            }
            if let Some(l) = a.license {
                evidence.push(Evidence::new(origin::REUSE_LICENSE, l).at(at.clone()));
            }
            self.toml.push(Annotation {
                dir: dir.clone(),
                globs,
                precedence: a.precedence,
                evidence,
            });
        }
        // Shallow files first, so that deeper ones come later and win.
        self.toml.sort_by_key(|a| a.dir.matches('/').count());
        problems
    }

    /// Adds the legacy `.reuse/dep5` of the root; `location` is how reports name it.
    pub fn add_dep5(&mut self, text: &str, location: &str) -> Vec<String> {
        let mut problems = Vec::new();
        let mut para: Vec<(usize, String, String)> = Vec::new();
        let mut globs_read = 0usize;
        let mut flush = |para: &mut Vec<(usize, String, String)>,
                         dep5: &mut Vec<Annotation>,
                         problems: &mut Vec<String>| {
            let Some(start) = para.first().map(|p| p.0) else {
                return;
            };
            let at = format!("{location}:{start}");
            let field = |name: &str| {
                para.iter()
                    .find(|(_, k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, _, v)| v.clone())
            };
            if let Some(files) = field("Files") {
                let mut globs = Vec::new();
                for f in files.split_whitespace() {
                    globs_read += 1;
                    if globs_read > MAX_GLOBS {
                        if globs_read == MAX_GLOBS + 1 {
                            problem(
                                problems,
                                location,
                                format!(
                                    "{at}: more than {MAX_GLOBS} paths in one file; the rest are not read"
                                ),
                            );
                        }
                        break;
                    }
                    match dep5_glob(f) {
                        Ok(g) => globs.push(g),
                        Err(e) => problem(problems, location, format!("{at}: {e}")),
                    }
                }
                let mut evidence = Vec::new();
                if let Some(c) = field("Copyright") {
                    for line in c.lines().map(str::trim).filter(|l| !l.is_empty()) {
                        evidence.push(Evidence::new(origin::REUSE_COPYRIGHT, line).at(at.clone()));
                    }
                }
                if let Some(l) = field("License") {
                    // The first line is the license expression; further lines are its text.
                    let expr = l.lines().next().unwrap_or("").trim();
                    if !expr.is_empty() {
                        evidence.push(Evidence::new(origin::REUSE_LICENSE, expr).at(at.clone()));
                    }
                }
                dep5.push(Annotation {
                    dir: String::new(),
                    globs,
                    precedence: Precedence::Closest,
                    evidence,
                });
            }
            para.clear();
        };
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                flush(&mut para, &mut self.dep5, &mut problems);
            } else if line.starts_with([' ', '\t']) {
                if let Some(last) = para.last_mut() {
                    let cont = line.trim();
                    last.2.push('\n');
                    if cont != "." {
                        last.2.push_str(cont);
                    }
                }
            } else if let Some((k, v)) = line.split_once(':') {
                para.push((i + 1, k.trim().to_string(), v.trim().to_string()));
            } else {
                let line: String = line.chars().take(80).collect();
                problem(
                    &mut problems,
                    location,
                    format!("{location}:{}: not a field: {line:?}", i + 1),
                );
            }
        }
        flush(&mut para, &mut self.dep5, &mut problems);
        problems
    }

    /// The evidence for the file at `rel` (relative to the root, `/`-separated), given its own
    /// `.license` sidecar evidence, following REUSE precedence.
    pub fn evidence_for(&self, rel: &str, own: Vec<Evidence>) -> Vec<Evidence> {
        let matching: Vec<&Annotation> = self.toml.iter().filter(|a| a.matches(rel)).collect();
        if let Some(o) = matching
            .iter()
            .find(|a| a.precedence == Precedence::Override)
        {
            return o.evidence.clone();
        }
        if let Some(a) = matching.last() {
            return match a.precedence {
                Precedence::Aggregate => {
                    let mut e = own;
                    e.extend(a.evidence.iter().cloned());
                    e
                }
                _ if !own.is_empty() => own,
                _ => a.evidence.clone(),
            };
        }
        if !own.is_empty() {
            return own;
        }
        self.dep5
            .iter()
            .rev()
            .find(|a| a.matches(rel))
            .map(|a| a.evidence.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(e: &[Evidence]) -> Vec<String> {
        e.iter()
            .map(|e| {
                format!(
                    "{}={}@{}",
                    e.origin,
                    e.value,
                    e.location.as_deref().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn a_license_sidecar_gives_copyright_and_license_with_lines() {
        let e = read_tags(
            "SPDX-FileCopyrightText: 2024 Jane Doe <jane@example.org>\n\nSPDX-License-Identifier: CC-BY-4.0\n",
            "img/a.jpg.license",
        );
        assert_eq!(
            values(&e),
            [
                "reuse:copyright=2024 Jane Doe <jane@example.org>@img/a.jpg.license:1",
                "reuse:license=CC-BY-4.0@img/a.jpg.license:3"
            ]
        );
    }

    const TOML: &str = r#"version = 1

[[annotations]]
path = "images/**"
SPDX-FileCopyrightText = "2020 Site Team"
SPDX-License-Identifier = "CC-BY-SA-4.0"

[[annotations]]
path = ["images/vendor/*.png", "logo.svg"]
precedence = "override"
SPDX-FileCopyrightText = ["Vendor A", "Vendor B"]
SPDX-License-Identifier = "CC0-1.0"
"#;

    #[test]
    fn reuse_toml_annotations_apply_by_glob_and_precedence() {
        let mut r = Reuse::default();
        assert!(r.add_toml("REUSE.toml", TOML, "site/REUSE.toml").is_empty());
        assert_eq!(
            values(&r.evidence_for("images/a/b.jpg", vec![])),
            [
                "reuse:copyright=2020 Site Team@site/REUSE.toml:3",
                "reuse:license=CC-BY-SA-4.0@site/REUSE.toml:3"
            ]
        );
        // closest: the file's own sidecar wins.
        let own = read_tags("SPDX-License-Identifier: CC-BY-4.0", "x.license");
        assert_eq!(
            values(&r.evidence_for("images/a.jpg", own.clone())),
            ["reuse:license=CC-BY-4.0@x.license:1"]
        );
        // override: the annotation wins over the sidecar.
        let e = r.evidence_for("images/vendor/v.png", own);
        assert_eq!(e.len(), 3);
        assert_eq!(e[2].value, "CC0-1.0");
        assert!(r.evidence_for("other/c.jpg", vec![]).is_empty());
        // `*` does not cross directories in REUSE.toml.
        assert_eq!(r.evidence_for("images/vendor/deep/v.png", vec![]).len(), 2);
    }

    #[test]
    fn a_nested_reuse_toml_covers_its_directory() {
        let mut r = Reuse::default();
        r.add_toml("REUSE.toml", TOML, "REUSE.toml");
        r.add_toml(
            "blog/REUSE.toml",
            "version = 1\n[[annotations]]\npath = \"*.jpg\"\nSPDX-License-Identifier = \"CC-BY-NC-4.0\"\n",
            "blog/REUSE.toml",
        );
        assert_eq!(
            values(&r.evidence_for("blog/p.jpg", vec![])),
            ["reuse:license=CC-BY-NC-4.0@blog/REUSE.toml:2"]
        );
        assert!(r.evidence_for("p.jpg", vec![]).is_empty());
    }

    #[test]
    fn dep5_paragraphs_apply_when_nothing_else_does() {
        let mut r = Reuse::default();
        let text = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: site\n\nFiles: photos/*\nCopyright: 2019 Jane Doe\n 2020 John Roe\nLicense: CC-BY-4.0\n\nFiles: photos/special.jpg\nCopyright: Someone\nLicense: CC0-1.0\n";
        assert!(r.add_dep5(text, ".reuse/dep5").is_empty());
        assert_eq!(
            values(&r.evidence_for("photos/deep/a.jpg", vec![])),
            [
                "reuse:copyright=2019 Jane Doe@.reuse/dep5:4",
                "reuse:copyright=2020 John Roe@.reuse/dep5:4",
                "reuse:license=CC-BY-4.0@.reuse/dep5:4"
            ]
        );
        assert_eq!(
            r.evidence_for("photos/special.jpg", vec![])[1].value,
            "CC0-1.0"
        );
    }

    #[test]
    fn broken_files_are_problems_naming_the_file() {
        let mut r = Reuse::default();
        let p = r.add_toml("REUSE.toml", "[[annotations]\n", "site/REUSE.toml");
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("site/REUSE.toml: "), "{p:?}");
        let p = r.add_dep5("Files: a\nnonsense line\n", ".reuse/dep5");
        assert_eq!(p, [".reuse/dep5:2: not a field: \"nonsense line\""]);
    }
}
