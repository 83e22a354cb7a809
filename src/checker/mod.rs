//! "Check these targets": the one entry point for files, directories, pages and URLs.
//!
//! A [`Checker`] is built once (the proposed use, the policy file, fetch settings and cache,
//! walk options, progress); [`Checker::check`] takes any mix of [`Target`]s and hands every
//! [`Item`] to a [`Sink`] as it is finished, then returns the [`Outcome`]: the summary and the
//! [`Exit`] status.
//!
//! Every target is concluded the same way: the policy's gate ([`crate::repo::gate::Gate`]),
//! with the policy of the directory checked, or the one given with [`Checker::policy_file`],
//! or the defaults. So an image gives the same credit, findings, verdict and exit status
//! whether its folder, its page or the page's URL is checked.
//!
//! Order: targets in the order given; a directory's images sorted by path; a page's images in
//! page order; URLs in the order given (fetched [`crate::web::FetchConfig::concurrency`] at a
//! time).
//!
//! ```no_run
//! use licit::checker::{Checker, Target};
//! let checker = Checker::default();
//! let targets = Target::expand(&["photos".into()]);
//! let outcome = checker.check(&targets, &mut |item: licit::check::Item, _scope| {
//!     println!("{}: {:?}", item.target, item.verdict());
//!     Ok(())
//! })?;
//! std::process::exit(outcome.exit.code().into());
//! # Ok::<(), licit::checker::CheckError>(())
//! ```

mod shard;
mod target;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use shard::{Shard, ShardError, fnv1a64};
pub use target::{MAX_LIST_LINE, Target};

use crate::assess::{Use, Verdict};
use crate::check::web::{check_html_file_with, check_url_with, parallel};
use crate::check::{ImageRead, Item, ItemError, Summary, error_kind, item_from};
use crate::finding::Level;
use crate::metadata;
use crate::repo::gate::Gate;
use crate::repo::{self, Policy, PolicyError, Progress, RepoProblem, WalkOptions};
use crate::web::{FetchConfig, FetchError, Fetcher};

/// The exit status of a run, as the README's table documents it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything passes.
    #[default]
    Pass,
    /// An image may not be used as proposed, licit cannot tell, or a finding is an error.
    Fail,
    /// An input, a URL or the policy file cannot be used.
    Unusable,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Pass => 0,
            Exit::Fail => 1,
            Exit::Unusable => 2,
        }
    }

    /// The status a command's documented exit code stands for (0 pass, 1 fail, anything
    /// else unusable).
    pub fn from_code(code: u8) -> Exit {
        match code {
            0 => Exit::Pass,
            1 => Exit::Fail,
            _ => Exit::Unusable,
        }
    }

    /// What one item calls for: `Unusable` when it has an error (it could not be read or
    /// fetched), `Fail` when its use is not allowed or unknown or a finding is an error,
    /// else `Pass`.
    pub fn of_item(item: &Item) -> Exit {
        if !item.errors.is_empty() {
            return Exit::Unusable;
        }
        let refused = item
            .verdict()
            .is_some_and(|v| Exit::of_verdict(v) == Exit::Fail);
        if refused || item.findings.iter().any(|f| f.kind.level() == Level::Error) {
            return Exit::Fail;
        }
        Exit::Pass
    }

    /// What a verdict calls for: the use may go ahead (`Pass`) or not, or licit cannot tell
    /// (`Fail`).
    pub fn of_verdict(v: Verdict) -> Exit {
        match v {
            Verdict::Allowed | Verdict::AllowedWithObligations => Exit::Pass,
            Verdict::NotAllowed | Verdict::Unknown => Exit::Fail,
        }
    }

    /// What a repository problem (a broken document, a missing image) calls for.
    pub fn of_problem(p: &RepoProblem) -> Exit {
        match p.kind.level() {
            Level::Error => Exit::Fail,
            Level::Warning => Exit::Pass,
        }
    }
}

/// Where an item came from, for reports that print repository findings apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// An image of a directory checked as a repository.
    Repository,
    /// An image file, a page's image, a URL.
    Single,
}

/// Receives each item as it is finished (to keep or drop: streaming reporters drop it at
/// once), and each repository problem.
pub trait Sink {
    fn item(&mut self, item: Item, scope: Scope) -> std::io::Result<()>;
    fn problem(&mut self, _problem: &RepoProblem) -> std::io::Result<()> {
        Ok(())
    }
}

impl<F: FnMut(Item, Scope) -> std::io::Result<()>> Sink for F {
    fn item(&mut self, item: Item, scope: Scope) -> std::io::Result<()> {
        self(item, scope)
    }
}

/// What a run found, besides the items.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Outcome {
    pub summary: Summary,
    pub exit: Exit,
    /// Directories checked as repositories.
    pub repositories: usize,
    /// Documents read in them.
    pub documents: usize,
    /// The policy file of the last directory checked, when it had one.
    pub policy_path: Option<PathBuf>,
    /// The use the run assessed: `--use`, else the last directory's policy's, else the default.
    pub proposed: Use,
}

/// Why a run could not start or had to stop.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    #[error(transparent)]
    Policy(#[from] PolicyError),
    #[error("{0}")]
    Config(String),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The sink could not take an item (a closed pipe).
    #[error(transparent)]
    Sink(#[from] std::io::Error),
}

/// Checks targets; build once, run as often as needed.
#[derive(Clone, Default)]
pub struct Checker {
    proposed: Option<Use>,
    policy_file: Option<PathBuf>,
    walk: WalkOptions,
    fetch: FetchConfig,
    root: Option<PathBuf>,
    allow_empty: bool,
    progress: Option<Arc<dyn Progress + Send>>,
}

impl Checker {
    /// The use to assess, over any policy's.
    pub fn proposed(mut self, u: Option<Use>) -> Checker {
        self.proposed = u;
        self
    }
    /// The policy file for every target (default: each directory's `licit.toml`).
    pub fn policy_file(mut self, p: Option<PathBuf>) -> Checker {
        self.policy_file = p;
        self
    }
    pub fn walk(mut self, w: WalkOptions) -> Checker {
        self.walk = w;
        self
    }
    pub fn fetch(mut self, c: FetchConfig) -> Checker {
        self.fetch = c;
        self
    }
    /// Reads the whole repository at `root` and reports only the targets (paths in it) and
    /// the images the target documents show, as a pre-commit hook passes files.
    pub fn root(mut self, r: Option<PathBuf>) -> Checker {
        self.root = r;
        self
    }
    /// Lets a directory that holds no image and no document pass (by default it is an error).
    pub fn allow_empty(mut self, yes: bool) -> Checker {
        self.allow_empty = yes;
        self
    }
    pub fn progress(mut self, p: Arc<dyn Progress + Send>) -> Checker {
        self.progress = Some(p);
        self
    }

    fn policy(&self, dir: Option<&Path>) -> Result<Policy, CheckError> {
        let mut policy = match (&self.policy_file, dir) {
            (Some(p), _) => {
                // `/dev/null` is the usual way to say "no policy file": read as empty.
                if p != Path::new("/dev/null") {
                    crate::check::regular_file(p).map_err(|e| CheckError::Config(e.message))?;
                }
                Policy::read(p)?
            }
            (None, Some(d)) => Policy::for_root(d)?,
            (None, None) => Policy::default(),
        };
        if let Some(u) = &self.proposed {
            policy.proposed = u.clone();
        }
        Ok(policy)
    }

    /// Checks `targets` in order, handing each item to `sink` as it is finished.
    pub fn check(&self, targets: &[Target], sink: &mut dyn Sink) -> Result<Outcome, CheckError> {
        let mut out = Outcome {
            proposed: self.proposed.clone().unwrap_or_default(),
            ..Outcome::default()
        };
        let no_progress = ();
        let progress: &dyn Progress = match &self.progress {
            Some(p) => p.as_ref(),
            None => &no_progress,
        };
        if let Some(root) = &self.root {
            let only = targets
                .iter()
                .map(|t| relative_to(root, &t.name()))
                .collect();
            self.check_dir(root, Some(only), progress, &mut out, sink)?;
            return Ok(out);
        }
        let single = self.policy(None)?;
        if targets.is_empty() && !self.allow_empty {
            // An empty list (`@FILE`, `-`) is as suspect as an empty directory.
            return Err(CheckError::Config(
                "no target to check (pass --allow-empty if that is expected)".into(),
            ));
        }
        let gate = Gate(&single);
        let needs_net = targets.iter().any(|t| matches!(t, Target::Url(_)));
        let fetcher = if needs_net {
            Some(Fetcher::new(self.fetch.clone())?)
        } else {
            None
        };
        let mut i = 0;
        while i < targets.len() {
            let t = &targets[i];
            i += 1;
            match t {
                Target::Unusable(..) => {
                    if let Some(item) = t.unusable_item() {
                        emit(&mut out, sink, item, Scope::Single)?;
                    }
                }
                Target::File(_) => {
                    // A run of image files (a list of paths) is read on every core, a chunk
                    // at a time, and reported in order as each chunk finishes.
                    let start = i - 1;
                    while i < targets.len() && matches!(targets[i], Target::File(_)) {
                        i += 1;
                    }
                    let chunk = rayon::current_num_threads().max(1) * 16;
                    for run in targets[start..i].chunks(chunk) {
                        let items: Vec<Item> = run
                            .par_iter()
                            .filter_map(|t| match t {
                                Target::File(p) => Some(check_image(p, &gate)),
                                _ => None,
                            })
                            .collect();
                        for item in items {
                            emit(&mut out, sink, item, Scope::Single)?;
                        }
                    }
                }
                Target::Page(p) => {
                    for item in check_html_file_with(p, &gate) {
                        emit(&mut out, sink, item, Scope::Single)?;
                    }
                }
                Target::Url(_) => {
                    // A run of URLs is fetched together, in order.
                    let start = i - 1;
                    while i < targets.len() && matches!(targets[i], Target::Url(_)) {
                        i += 1;
                    }
                    let urls: Vec<&str> = targets[start..i]
                        .iter()
                        .filter_map(|t| match t {
                            Target::Url(u) => Some(u.as_str()),
                            _ => None,
                        })
                        .collect();
                    let Some(fetcher) = &fetcher else { continue };
                    let n = self.fetch.concurrency.max(1);
                    for chunk in urls.chunks(n) {
                        let done =
                            parallel(chunk.len(), n, |k| check_url_with(chunk[k], fetcher, &gate));
                        for item in done.into_iter().flatten() {
                            emit(&mut out, sink, item, Scope::Single)?;
                        }
                    }
                }
                Target::Dir(d) => self.check_dir(d, None, progress, &mut out, sink)?,
            }
        }
        Ok(out)
    }

    /// Checks images held in memory (a column of image bytes, a download not written to disk):
    /// each `(name, bytes)` gives its item, in order, read on every core. An image is
    /// concluded exactly as an image file target is (the same gate, the same one way from
    /// evidence to item); only the XMP sidecar, which has no place here, is not looked for.
    /// `name` is the item's `target`. `bytes_read` counts the bytes the reader looked at, where
    /// a file's counts the windows read from disk (a little more).
    pub fn check_bytes<N: AsRef<str> + Sync, B: AsRef<[u8]> + Sync>(
        &self,
        images: &[(N, B)],
    ) -> Result<Vec<Item>, CheckError> {
        let policy = self.policy(None)?;
        let gate = Gate(&policy);
        Ok(images
            .par_iter()
            .map(|(name, bytes)| {
                let name = name.as_ref();
                let mut read = image_read(name, metadata::read_bytes(bytes.as_ref()));
                read.credentials_of_stream(name, &mut std::io::Cursor::new(bytes.as_ref()));
                item_from(name.to_string(), None, &[], read, &gate)
            })
            .collect())
    }

    /// Checks one image read in place from a seekable reader (an upload held as it arrived),
    /// as `check FILE` checks a file with no sidecar: only the bytes came.
    pub fn check_reader<R: std::io::Read + std::io::Seek>(
        &self,
        name: &str,
        reader: &mut R,
    ) -> Result<Item, CheckError> {
        let policy = self.policy(None)?;
        let mut read = image_read(name, metadata::read_reader(reader));
        if read.c2pa_store {
            // Validation hashes every byte and wants a stream it may hand to other threads:
            // the upload (bounded by the caller) is copied once, only for a signed image.
            let copy = |reader: &mut R| -> std::io::Result<Vec<u8>> {
                let len = reader.seek(std::io::SeekFrom::End(0))?;
                if len > metadata::MAX_C2PA_FILE {
                    return Err(std::io::Error::other(format!(
                        "{len} bytes, more than the {} licit validates C2PA content credentials in",
                        metadata::MAX_C2PA_FILE
                    )));
                }
                reader.rewind()?;
                let mut bytes = Vec::with_capacity(len as usize);
                reader.read_to_end(&mut bytes)?;
                Ok(bytes)
            };
            match copy(reader) {
                Ok(bytes) => read.credentials_of_stream(name, &mut std::io::Cursor::new(bytes)),
                Err(e) => read.findings.push(crate::finding::Finding::new(
                    crate::finding::FindingKind::MetadataProblem,
                    format!("{name}: C2PA content credentials not read: {e}"),
                )),
            }
        }
        Ok(item_from(name.to_string(), None, &[], read, &Gate(&policy)))
    }

    /// Checks one directory as a repository, streaming its items.
    fn check_dir(
        &self,
        dir: &Path,
        only: Option<Vec<String>>,
        progress: &dyn Progress,
        out: &mut Outcome,
        sink: &mut dyn Sink,
    ) -> Result<(), CheckError> {
        let policy = self.policy(Some(dir))?;
        out.policy_path = policy.path.clone();
        out.proposed = policy.proposed.clone();
        let opts = repo::Options {
            policy,
            walk: self.walk.clone(),
            only,
        };
        let mut failed = None;
        let mut items = 0;
        let run = repo::check_repo_each(dir, &opts, progress, &mut |item| {
            items += 1;
            if failed.is_none()
                && let Err(e) = emit(out, sink, item, Scope::Repository)
            {
                failed = Some(e);
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        out.repositories += 1;
        out.documents += run.documents;
        for p in &run.problems {
            out.exit = out.exit.max(Exit::of_problem(p));
            sink.problem(p)?;
        }
        if items == 0 && run.documents == 0 && !self.allow_empty && opts.only.is_none() {
            let e = ItemError::new(
                error_kind::NOTHING_TO_CHECK,
                format!(
                    "{}: no image and no document to check (pass --allow-empty if that is expected)",
                    dir.display()
                ),
            );
            emit(
                out,
                sink,
                Item::failed(dir.display().to_string(), None, e),
                Scope::Single,
            )?;
        }
        Ok(())
    }
}

/// One image file and its XMP sidecar, concluded by `how`.
fn check_image(p: &Path, how: &dyn crate::check::Conclude) -> Item {
    let sidecar = metadata::sidecar_for(p);
    let read = ImageRead::local(p, sidecar.as_deref());
    item_from(p.display().to_string(), None, &[], read, how)
}

/// Counts an item, then hands it on.
fn emit(
    out: &mut Outcome,
    sink: &mut dyn Sink,
    item: Item,
    scope: Scope,
) -> Result<(), CheckError> {
    out.summary.add(&item);
    out.exit = out.exit.max(Exit::of_item(&item));
    sink.item(item, scope)?;
    Ok(())
}

/// `target` relative to `root`, `/`-separated, for [`Checker::root`].
fn relative_to(root: &Path, target: &str) -> String {
    let target = Path::new(target);
    let t = target.strip_prefix(root).unwrap_or(target);
    let t = t.strip_prefix(".").unwrap_or(t);
    t.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// What was read from an image that came as bytes without a file: a read error is named as
/// the file would be.
fn image_read(name: &str, read: Result<metadata::Metadata, metadata::Error>) -> ImageRead {
    ImageRead::from_metadata(read.map_err(|mut e| {
        e.path = Some(PathBuf::from(name));
        e
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, FindingKind};

    fn item(verdict: Option<Verdict>) -> Item {
        let mut it = Item::new("a.jpg".into());
        if let Some(v) = verdict {
            let mut a = crate::assess::assess(&crate::credit::Credit::default(), &Use::default());
            a.verdict = v;
            it.assessment = Some(a);
        }
        it
    }

    #[test]
    fn the_exit_rule() {
        assert_eq!(Exit::of_item(&item(Some(Verdict::Allowed))), Exit::Pass);
        assert_eq!(
            Exit::of_item(&item(Some(Verdict::AllowedWithObligations))),
            Exit::Pass
        );
        assert_eq!(Exit::of_item(&item(Some(Verdict::NotAllowed))), Exit::Fail);
        assert_eq!(Exit::of_item(&item(Some(Verdict::Unknown))), Exit::Fail);
        let mut warned = item(Some(Verdict::Allowed));
        warned
            .findings
            .push(Finding::new(FindingKind::MetadataProblem, "x"));
        assert_eq!(Exit::of_item(&warned), Exit::Pass);
        warned
            .findings
            .push(Finding::new(FindingKind::CreditIncomplete, "y"));
        assert_eq!(Exit::of_item(&warned), Exit::Fail);
        let mut broken = item(None);
        broken
            .errors
            .push(ItemError::new(error_kind::IO, "a.jpg: cannot read"));
        assert_eq!(Exit::of_item(&broken), Exit::Unusable);
        assert_eq!(
            Exit::Pass.max(Exit::Unusable).max(Exit::Fail),
            Exit::Unusable
        );
        assert_eq!(
            (Exit::Pass.code(), Exit::Fail.code(), Exit::Unusable.code()),
            (0, 1, 2)
        );
    }

    #[test]
    fn images_in_memory_give_the_items_their_files_give() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
        let u = Use::parse("commercial,crop").unwrap();
        let checker = Checker::default().proposed(Some(u));
        for name in [
            "xmp.jpg",
            "exif.png",
            "iptc.jpg",
            "exif-xmp.webp",
            "comment.jpg",
        ] {
            let path = dir.join(name);
            let mut from_file = Vec::new();
            checker
                .check(&[Target::File(path.clone())], &mut |it: Item, _| {
                    from_file.push(it);
                    Ok(())
                })
                .unwrap();
            let bytes = std::fs::read(&path).unwrap();
            let target = path.display().to_string();
            let mut in_memory = checker.check_bytes(&[(target.as_str(), &bytes)]).unwrap();
            // The one difference: the file reader counts the windows it read, the in-memory
            // reader the bytes it looked at.
            assert!(in_memory[0].bytes_read.unwrap() <= from_file[0].bytes_read.unwrap());
            in_memory[0].bytes_read = from_file[0].bytes_read;
            assert_eq!(
                serde_json::to_string(&in_memory).unwrap(),
                serde_json::to_string(&from_file).unwrap(),
                "{name}"
            );
        }
        let none: &[(&str, &[u8])] = &[];
        assert!(checker.check_bytes(none).unwrap().is_empty());
        let bad = checker.check_bytes(&[("x", b"hello")]).unwrap();
        assert_eq!(bad[0].errors[0].kind, error_kind::NOT_AN_IMAGE);
    }

    #[test]
    fn an_empty_directory_is_an_error_unless_allowed() {
        let dir = std::env::temp_dir().join(format!("licit-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let targets = [Target::Dir(dir.clone())];
        let mut seen = Vec::new();
        let out = Checker::default()
            .check(&targets, &mut |it: Item, _s| {
                seen.push(it.errors[0].kind);
                Ok(())
            })
            .unwrap();
        assert_eq!(out.exit, Exit::Unusable);
        assert_eq!(seen, [error_kind::NOTHING_TO_CHECK]);
        let out = Checker::default()
            .allow_empty(true)
            .check(&targets, &mut |_: Item, _s| Ok(()))
            .unwrap();
        assert_eq!(out.exit, Exit::Pass);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_policy_file_that_is_a_fifo_is_refused_without_opening_it() {
        let dir = std::env::temp_dir().join(format!("licit-fifo-cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("licit.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let r = Checker::default()
                .policy_file(Some(fifo))
                .check(&[], &mut |_: Item, _s| Ok(()));
            let e = r.err().map(|e| e.to_string()).unwrap_or_default();
            assert!(e.contains("FIFO"), "{e}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
