//! Writing REUSE records for a content repository's images, from the evidence licit found
//! (embedded metadata, a Markdown caption, a page credit): `photo.jpg.license` sidecars, or
//! `[[annotations]]` entries in the root `REUSE.toml` (REUSE 3.2).
//!
//! An image gets a record only when licit is sure of it: one precise legal tool with an SPDX
//! id (from the catalogue), at least one author, and no disagreement among the sources. An
//! image that already has a REUSE record (a sidecar, a `REUSE.toml` annotation or a dep5
//! paragraph that covers it) is left alone unless `force` is set; with `force`, a sidecar is
//! replaced and a `REUSE.toml` entry is appended after the others (the last matching
//! annotation wins in REUSE).
//!
//! ```no_run
//! use licit::repo::annotate::{AnnotateOptions, Style, annotate};
//! let report = annotate("site".as_ref(), &AnnotateOptions { style: Style::Sidecar, ..AnnotateOptions::default() })?;
//! for a in &report {
//!     println!("{a}");
//! }
//! # Ok::<(), licit::repo::annotate::Error>(())
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use crate::check::Item;
use crate::evidence::origin;
use crate::finding::FindingKind;

use super::{Options, Policy, check_repo};

/// Where records go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// `IMAGE.license` next to each image.
    #[default]
    Sidecar,
    /// `[[annotations]]` in the root `REUSE.toml`.
    Toml,
}

/// How to annotate.
#[derive(Clone, Debug, Default)]
pub struct AnnotateOptions {
    pub style: Style,
    /// Replace existing records.
    pub force: bool,
    /// Report what would be written; write nothing.
    pub dry_run: bool,
}

/// The REUSE record of one file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Record {
    /// `2023 Jane Doe`, as `SPDX-FileCopyrightText` holds it.
    pub copyright: String,
    /// The SPDX id: `CC-BY-SA-4.0`.
    pub license: String,
}

/// Why an image got no record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "reason", content = "detail")]
pub enum Skip {
    /// It has a REUSE record already (where).
    Recorded(String),
    NoLicense,
    /// The license is named without a version.
    VersionUnknown,
    /// The sources disagree about the license.
    Conflict,
    /// The legal tool has no SPDX id (its key).
    NoSpdxId(String),
    NoAuthor,
    /// The image could not be read.
    Unreadable,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Recorded(at) => {
                write!(f, "already has a REUSE record ({at}); --force replaces it")
            }
            Skip::NoLicense => f.write_str("no license found"),
            Skip::VersionUnknown => f.write_str("the license is named without a version"),
            Skip::Conflict => f.write_str("the sources disagree about the license"),
            Skip::NoSpdxId(k) => write!(f, "{k} has no SPDX id"),
            Skip::NoAuthor => f.write_str("no author known for the copyright notice"),
            Skip::Unreadable => f.write_str("the image could not be read"),
        }
    }
}

/// What happened to one image.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Annotation {
    /// The image, relative to the root, `/`-separated.
    pub image: String,
    /// The record written (or, in a dry run, to write), and the file it goes to.
    pub record: Option<(Record, PathBuf)>,
    pub skipped: Option<Skip>,
}

impl fmt::Display for Annotation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.record, &self.skipped) {
            (Some((r, at)), _) => write!(
                f,
                "{}: {} / {} → {}",
                self.image,
                r.license,
                r.copyright,
                at.display()
            ),
            (None, Some(s)) => write!(f, "{}: skipped: {s}", self.image),
            (None, None) => write!(f, "{}", self.image),
        }
    }
}

/// A repository that could not be annotated.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Policy(#[from] super::PolicyError),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The record licit is sure of for `item`, or why there is none. `item` is one image of a
/// repository check, with its evidence and merged credit.
pub fn record_for(item: &Item, force: bool) -> Result<Record, Skip> {
    if !item.errors.is_empty() {
        return Err(Skip::Unreadable);
    }
    if !force
        && let Some(e) = item
            .evidence
            .iter()
            .find(|e| e.origin == origin::REUSE_LICENSE || e.origin == origin::REUSE_COPYRIGHT)
    {
        return Err(Skip::Recorded(
            e.location.clone().unwrap_or_else(|| "REUSE".into()),
        ));
    }
    if item.findings.iter().any(|f| {
        matches!(
            f.kind,
            FindingKind::LicenseConflict | FindingKind::PageMetadataConflict
        )
    }) {
        return Err(Skip::Conflict);
    }
    let credit = item.credit.as_ref().ok_or(Skip::NoLicense)?;
    let license = credit.license.ok_or(Skip::NoLicense)?;
    let tool = license.tool().ok_or(Skip::VersionUnknown)?;
    let spdx = tool
        .spdx
        .ok_or_else(|| Skip::NoSpdxId(tool.key.to_string()))?;
    if credit.authors.is_empty() {
        return Err(Skip::NoAuthor);
    }
    let year = credit
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let names = credit.authors.join(", ");
    Ok(Record {
        copyright: match year {
            Some(y) => format!("{y} {names}"),
            None => names,
        },
        license: spdx.to_string(),
    })
}

/// The text of a `.license` sidecar.
pub fn sidecar_text(r: &Record) -> String {
    format!(
        "SPDX-FileCopyrightText: {}\nSPDX-License-Identifier: {}\n",
        one_line(&r.copyright),
        r.license
    )
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A path as a REUSE.toml pattern that matches only it: glob characters escaped.
fn literal_pattern(rel: &str) -> String {
    let mut out = String::with_capacity(rel.len());
    for c in rel.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '{' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One `[[annotations]]` entry.
pub fn toml_entry(rel: &str, r: &Record) -> String {
    format!(
        "\n[[annotations]]\npath = {}\nSPDX-FileCopyrightText = {}\nSPDX-License-Identifier = {}\n",
        toml_string(&literal_pattern(rel)),
        toml_string(&one_line(&r.copyright)),
        toml_string(&r.license)
    )
}

/// Annotates the repository at `root`: checks it (as `licit check DIR` does, with its
/// `licit.toml`), then writes a record for every image licit is sure of.
pub fn annotate(root: &Path, opts: &AnnotateOptions) -> Result<Vec<Annotation>, Error> {
    let policy = Policy::for_root(root)?;
    let check = check_repo(
        root,
        &Options {
            policy,
            ..Options::default()
        },
        &(),
    );
    let mut out = Vec::new();
    let mut toml_entries = String::new();
    let reuse_toml = root.join("REUSE.toml");
    for item in &check.items {
        let rel = relative(root, &item.target);
        let mut a = Annotation {
            image: rel.clone(),
            record: None,
            skipped: None,
        };
        match record_for(item, opts.force) {
            Err(s) => a.skipped = Some(s),
            Ok(r) => match opts.style {
                Style::Sidecar => {
                    let path = super::walk::join(root, &format!("{rel}.license"));
                    if !opts.force && path.exists() {
                        // A sidecar without tags gives no evidence, but it is still a file.
                        a.skipped = Some(Skip::Recorded(path.display().to_string()));
                        out.push(a);
                        continue;
                    }
                    if !opts.dry_run {
                        write_text(&path, sidecar_text(&r).as_bytes(), opts.force)?;
                    }
                    a.record = Some((r, path));
                }
                Style::Toml => {
                    toml_entries.push_str(&toml_entry(&rel, &r));
                    a.record = Some((r, reuse_toml.clone()));
                }
            },
        }
        out.push(a);
    }
    if !toml_entries.is_empty() && !opts.dry_run {
        let mut text = match std::fs::read_to_string(&reuse_toml) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => "version = 1\n".to_string(),
            Err(source) => {
                return Err(Error::Io {
                    path: reuse_toml,
                    source,
                });
            }
        };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&toml_entries);
        write_text(&reuse_toml, text.as_bytes(), true)?;
    }
    Ok(out)
}

/// The image's path relative to `root`, from the target a repository check names it by (the
/// root as given, joined with the relative path).
fn relative(root: &Path, target: &str) -> String {
    let r = root.to_string_lossy();
    let r = r.trim_start_matches("./").trim_end_matches('/');
    if r.is_empty() || r == "." {
        return target.to_string();
    }
    target
        .strip_prefix(r)
        .and_then(|t| t.strip_prefix('/'))
        .unwrap_or(target)
        .to_string()
}

fn write_text(path: &Path, bytes: &[u8], replace: bool) -> Result<(), Error> {
    crate::stamp::write::write_file(path, bytes, replace, &mut |f| Box::new(f)).map_err(|source| {
        Error::Io {
            path: path.to_owned(),
            source,
        }
    })
}

#[cfg(feature = "cli")]
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum StyleArg {
    /// `IMAGE.license` files next to the images.
    Sidecar,
    /// `[[annotations]]` in the root REUSE.toml.
    Toml,
}

#[cfg(feature = "cli")]
/// Arguments of `licit annotate`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The content repository (its licit.toml applies).
    #[arg(value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    #[arg(long, value_enum, default_value_t = StyleArg::Sidecar)]
    pub style: StyleArg,
    /// Replace existing REUSE records.
    #[arg(long)]
    pub force: bool,
    /// Print the records that would be written; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[cfg(feature = "cli")]
/// Runs `licit annotate` and prints what it did. Exit status: 0 when every image has a
/// record, 1 when some could not be given one with certainty, 2 when the repository cannot be
/// used.
pub fn run(args: Args) -> std::io::Result<u8> {
    use std::io::Write as _;
    const PASS: u8 = 0;
    const INCOMPLETE: u8 = 1;
    const UNUSABLE: u8 = 2;
    let opts = AnnotateOptions {
        style: match args.style {
            StyleArg::Sidecar => Style::Sidecar,
            StyleArg::Toml => Style::Toml,
        },
        force: args.force,
        dry_run: args.dry_run,
    };
    let report = match annotate(&args.root, &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("licit: {e}");
            return Ok(UNUSABLE);
        }
    };
    let mut out = std::io::stdout().lock();
    let mut code = PASS;
    for a in &report {
        writeln!(out, "{a}")?;
        if a.skipped
            .as_ref()
            .is_some_and(|s| !matches!(s, Skip::Recorded(_)))
        {
            code = INCOMPLETE;
        }
    }
    let written = report.iter().filter(|a| a.record.is_some()).count();
    let verb = if args.dry_run { "would write" } else { "wrote" };
    writeln!(
        out,
        "{verb} {written} record(s); {} image(s) checked",
        report.len()
    )?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::Credit;
    use crate::evidence::Evidence;
    use crate::finding::Finding;
    use crate::license::{License, Rights};

    fn item(license: &str, authors: &[&str]) -> Item {
        let mut item = crate::check::Item::new("/nonexistent/x.jpg".to_string());
        item.errors.clear();
        item.credit = Some(Credit {
            authors: authors.iter().map(|a| a.to_string()).collect(),
            license: License::from_key(license),
            rights: Rights::Cc,
            date: Some("2021-05-02".into()),
            ..Credit::default()
        });
        item
    }

    #[test]
    fn a_sure_credit_becomes_a_record_with_the_spdx_id() {
        let r = record_for(&item("by-sa/4.0", &["Jane Doe"]), false).unwrap();
        assert_eq!(r.license, "CC-BY-SA-4.0");
        assert_eq!(r.copyright, "2021 Jane Doe");
        assert_eq!(
            sidecar_text(&r),
            "SPDX-FileCopyrightText: 2021 Jane Doe\nSPDX-License-Identifier: CC-BY-SA-4.0\n"
        );
        let cc0 = record_for(&item("zero/1.0", &["Jane Doe"]), false).unwrap();
        assert_eq!(cc0.license, "CC0-1.0");
    }

    #[test]
    fn unsure_credits_and_existing_records_are_skipped() {
        assert_eq!(
            record_for(&item("by-sa", &["A"]), false),
            Err(Skip::VersionUnknown)
        );
        assert_eq!(record_for(&item("by/4.0", &[]), false), Err(Skip::NoAuthor));
        let mut conflict = item("by/4.0", &["A"]);
        conflict
            .findings
            .push(Finding::new(FindingKind::LicenseConflict, "x"));
        assert_eq!(record_for(&conflict, false), Err(Skip::Conflict));
        let mut recorded = item("by/4.0", &["A"]);
        recorded
            .evidence
            .push(Evidence::new(origin::REUSE_LICENSE, "CC-BY-4.0").at("img/x.jpg.license:2"));
        assert_eq!(
            record_for(&recorded, false),
            Err(Skip::Recorded("img/x.jpg.license:2".into()))
        );
        assert!(record_for(&recorded, true).is_ok());
    }

    #[test]
    fn toml_entries_escape_globs_and_quotes() {
        let r = Record {
            copyright: "2021 \"Jo\" Doe".into(),
            license: "CC-BY-4.0".into(),
        };
        let e = toml_entry("img/a*[1].jpg", &r);
        let v: toml::Value = toml::from_str(&e).unwrap();
        let a = &v["annotations"][0];
        assert_eq!(a["path"].as_str(), Some("img/a\\*\\[1\\].jpg"));
        assert_eq!(
            a["SPDX-FileCopyrightText"].as_str(),
            Some("2021 \"Jo\" Doe")
        );
    }
}
