//! The policy file, `licit.toml`: which licenses a site accepts, how it uses images, whether a
//! complete credit must be shown next to each image, and which files to leave alone.
//!
//! ```toml
//! allow = ["by/*", "by-sa/4.0", "zero/1.0", "mark/1.0"]
//! deny = ["*-nc*"]
//! use = "commercial"
//! require_credit = true
//! ignore = ["drafts/**"]
//! ```
//!
//! Without a file, [`Policy::default`] applies: every Creative Commons legal tool is accepted,
//! the use is verbatim, non-commercial and online, a complete credit is required, nothing is
//! ignored. Those are safe: an image without a license, or whose license forbids that use, still
//! fails.
//!
//! `allow` and `deny` are globs over license keys (`by-nc-sa/2.0/fr`, `zero/1.0`); `*` matches
//! any characters, `/` included. A license is accepted when it matches `allow` and not `deny`. A
//! license named without a version is matched as its newest version, as the assessment assumes.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

use crate::assess::Use;
use crate::license::License;

/// The file name looked for at the root of a checked directory.
pub const FILE_NAME: &str = "licit.toml";

/// A starter policy, as `licit init` writes it. Parsing it gives the defaults, except for the
/// commented examples.
pub const STARTER: &str = r#"# licit.toml: the image policy of this repository, read by `licit check`.
# Every key is optional; the values below are the defaults licit uses without this file.

# Licenses this site accepts: globs over license keys as creativecommons.org spells them
# (by/4.0, by-sa/3.0/de, by-nc-nd/2.0, zero/1.0, mark/1.0). "*" accepts every Creative Commons
# legal tool. An image without any license always fails.
allow = ["*"]
# allow = ["by/*", "by-sa/4.0", "zero/1.0", "mark/1.0"]

# Licenses this site refuses even when `allow` matches them.
deny = []
# deny = ["*-nc*"]        # a company site: no NonCommercial licenses

# How the site uses its images, in the words of `licit check --use`: commercial or
# noncommercial; edits such as resize or crop; online, print or broadcast.
use = "noncommercial, online"
# use = "commercial"

# Whether a complete credit (author, license name and link, as the license version asks) must be
# shown next to each image where a page shows it.
require_credit = true

# Files and directories licit does not check (globs, relative to this file's directory).
ignore = []
# ignore = ["drafts/**", "themes/**"]
"#;

/// A policy, read from `licit.toml` or the defaults.
#[derive(Clone, Debug)]
pub struct Policy {
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    allow: Patterns,
    deny: Patterns,
    /// The use the site makes of its images.
    pub proposed: Use,
    /// A complete credit must be shown wherever an image is shown.
    pub require_credit: bool,
    /// Globs of paths (relative to the root) not to check.
    pub ignore: Vec<String>,
}

#[derive(Clone, Debug)]
struct Patterns {
    globs: Vec<String>,
    set: GlobSet,
}

impl Patterns {
    fn new(globs: &[String], what: &str) -> Result<Patterns, String> {
        let mut b = GlobSetBuilder::new();
        for g in globs {
            let glob = GlobBuilder::new(g)
                .literal_separator(false)
                .build()
                .map_err(|e| format!("{what}: bad pattern {g:?}: {e}"))?;
            b.add(glob);
        }
        let set = b
            .build()
            .map_err(|e| format!("{what}: bad patterns: {e}"))?;
        Ok(Patterns {
            globs: globs.to_vec(),
            set,
        })
    }

    /// The first pattern matching `key`.
    fn matching(&self, key: &str) -> Option<&str> {
        // `is_match` first: it allocates nothing, and most keys match no deny pattern.
        if !self.set.is_match(key) {
            return None;
        }
        self.set
            .matches(key)
            .first()
            .map(|&i| self.globs[i].as_str())
    }
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            path: None,
            allow: Patterns::new(&["*".to_string()], "allow").expect("the default compiles"),
            deny: Patterns::new(&[], "deny").expect("the default compiles"),
            proposed: Use::default(),
            require_credit: true,
            ignore: Vec::new(),
        }
    }
}

/// The file as written; every key optional, unknown keys refused (a typo must not silently
/// weaken the gate).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    allow: Option<Vec<String>>,
    deny: Option<Vec<String>>,
    #[serde(rename = "use")]
    proposed: Option<String>,
    require_credit: Option<bool>,
    ignore: Option<Vec<String>>,
}

/// Why a policy file could not be used; the message names the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct PolicyError {
    pub path: String,
    pub message: String,
}

/// What the policy says about a license.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Acceptance {
    Accepted,
    /// Matched by this `deny` pattern.
    Denied(String),
    /// Matched by no `allow` pattern.
    NotAllowed,
}

/// The largest `licit.toml` read (a real one is a few hundred bytes).
pub const MAX_POLICY_FILE: u64 = 1024 * 1024;

impl Policy {
    /// Parses the text of a policy file; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Policy, PolicyError> {
        let err = |message: String| PolicyError {
            path: path.display().to_string(),
            message,
        };
        let raw: Raw = toml::from_str(text).map_err(|e| err(e.to_string().trim().to_string()))?;
        let mut p = Policy {
            path: Some(path.to_path_buf()),
            ..Policy::default()
        };
        if let Some(a) = raw.allow {
            p.allow = Patterns::new(&a, "allow").map_err(err)?;
        }
        if let Some(d) = raw.deny {
            p.deny = Patterns::new(&d, "deny").map_err(err)?;
        }
        if let Some(u) = raw.proposed {
            p.proposed = Use::parse(&u).map_err(|e| err(format!("use: {e}")))?;
        }
        if let Some(r) = raw.require_credit {
            p.require_credit = r;
        }
        if let Some(i) = raw.ignore {
            for g in &i {
                Glob::new(g).map_err(|e| err(format!("ignore: bad pattern {g:?}: {e}")))?;
            }
            p.ignore = i;
        }
        Ok(p)
    }

    /// Reads a policy file: a regular file (a FIFO or device given as `--config` is an error,
    /// not a read that blocks or never ends) of at most [`MAX_POLICY_FILE`] bytes.
    pub fn read(path: &Path) -> Result<Policy, PolicyError> {
        let text = crate::metadata::read_text(path, MAX_POLICY_FILE).map_err(|e| PolicyError {
            path: path.display().to_string(),
            message: format!("cannot read: {e}"),
        })?;
        Policy::parse(&text, path)
    }

    /// The policy of the directory `root`: its `licit.toml` if there is one, else the defaults.
    pub fn for_root(root: &Path) -> Result<Policy, PolicyError> {
        let path = root.join(FILE_NAME);
        // Whatever is there under that name is read (a FIFO or a link to a device is then an
        // error naming it, not silently the defaults).
        if std::fs::symlink_metadata(&path).is_ok() {
            Policy::read(&path)
        } else {
            Ok(Policy::default())
        }
    }

    /// Whether the site accepts `license`.
    pub fn accepts(&self, license: License) -> Acceptance {
        let key = license.effective_tool().key;
        if let Some(p) = self.deny.matching(key) {
            return Acceptance::Denied(p.to_string());
        }
        // Which allow pattern matched is not reported: whether one does is enough.
        match self.allow.set.is_match(key) {
            true => Acceptance::Accepted,
            false => Acceptance::NotAllowed,
        }
    }

    /// The `allow` patterns, as written.
    pub fn allow(&self) -> &[String] {
        &self.allow.globs
    }

    /// The `deny` patterns, as written.
    pub fn deny(&self) -> &[String] {
        &self.deny.globs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lic(key: &str) -> License {
        License::from_key(key).unwrap_or_else(|| panic!("{key} is in the catalogue"))
    }

    #[test]
    fn allow_and_deny_are_globs_over_keys_and_deny_wins() {
        let p = Policy::parse(
            r#"allow = ["by/*", "by-sa/4.0", "zero/1.0", "by-nc/*"]
               deny = ["*-nc*"]
               use = "commercial""#,
            Path::new("licit.toml"),
        )
        .unwrap();
        assert_eq!(p.accepts(lic("by/2.0")), Acceptance::Accepted);
        assert_eq!(p.accepts(lic("by/3.0/de")), Acceptance::Accepted);
        assert_eq!(p.accepts(lic("zero/1.0")), Acceptance::Accepted);
        assert_eq!(p.accepts(lic("by-sa/3.0")), Acceptance::NotAllowed);
        assert_eq!(
            p.accepts(lic("by-nc/4.0")),
            Acceptance::Denied("*-nc*".into())
        );
        assert_eq!(
            p.accepts(lic("by-nc-sa/2.0/fr")),
            Acceptance::Denied("*-nc*".into())
        );
        assert!(p.proposed.commercial);
    }

    #[test]
    fn a_license_without_version_is_matched_as_its_newest() {
        let p = Policy::parse(r#"allow = ["by/4.0"]"#, Path::new("licit.toml")).unwrap();
        assert_eq!(p.accepts(lic("by")), Acceptance::Accepted);
    }

    #[test]
    fn the_defaults_accept_every_tool_and_require_credit() {
        let p = Policy::default();
        assert_eq!(p.accepts(lic("by-nc-nd/2.0")), Acceptance::Accepted);
        assert!(p.require_credit);
        assert!(!p.proposed.commercial);
    }

    #[test]
    fn the_starter_file_parses_to_the_defaults() {
        let p = Policy::parse(STARTER, Path::new("licit.toml")).unwrap();
        let d = Policy::default();
        assert_eq!(p.allow(), d.allow());
        assert_eq!(p.deny(), d.deny());
        assert_eq!(p.proposed, d.proposed);
        assert_eq!(p.require_credit, d.require_credit);
        assert_eq!(p.ignore, d.ignore);
    }

    #[test]
    fn mistakes_name_the_file_and_the_key() {
        let e = Policy::parse("alow = []", Path::new("site/licit.toml")).unwrap_err();
        assert!(e.to_string().starts_with("site/licit.toml: "), "{e}");
        assert!(e.to_string().contains("alow"), "{e}");
        let e = Policy::parse(r#"use = "comercial""#, Path::new("licit.toml")).unwrap_err();
        assert!(e.to_string().contains("comercial"), "{e}");
        let e = Policy::parse(r#"allow = ["by/[4"]"#, Path::new("licit.toml")).unwrap_err();
        assert!(e.to_string().contains("allow"), "{e}");
        let e = Policy::parse("allow = 3", Path::new("licit.toml")).unwrap_err();
        assert!(e.to_string().contains("licit.toml"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_device_is_an_error_not_a_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join(FILE_NAME);
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let e = Policy::read(&fifo).unwrap_err();
        assert!(e.message.contains("not a regular file"), "{e}");
        assert!(Policy::for_root(dir.path()).is_err());
        // A device is read at most to the size limit (and /dev/null is an empty policy).
        let e = Policy::read(Path::new("/dev/zero")).unwrap_err();
        assert!(e.message.contains("limit"), "{e}");
        assert!(Policy::read(Path::new("/dev/null")).is_ok());
    }
}
