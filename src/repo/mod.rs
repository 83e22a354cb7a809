//! Content repositories: static sites, documentation, blogs. [`check_repo`] walks a directory,
//! reads every image's metadata and REUSE information, finds where Markdown and HTML documents
//! show each image and what credit they show with it, and holds the result against a
//! [`Policy`].
//!
//! ```no_run
//! use licit::repo::{check_repo, Options, Policy};
//! let root = std::path::Path::new("site");
//! let opts = Options { policy: Policy::for_root(root)?, ..Options::default() };
//! let run = check_repo(root, &opts, &());
//! for item in &run.items {
//!     for f in &item.findings {
//!         println!("{}: {}", f.kind, f.message);
//!     }
//! }
//! # Ok::<(), licit::repo::PolicyError>(())
//! ```
//!
//! Every image becomes one [`Item`] whose evidence holds what the file says, what REUSE says
//! and what each document showing it says, each located (`content/post.md:12`); its `shown_in`
//! lists the document lines. The findings it adds (see [`gate`]) are located at those lines, or
//! at the image file when no document shows it.

pub mod annotate;
pub mod frontmatter;
pub mod gate;
pub mod html;
pub mod markdown;
mod ordered;
pub mod policy;
pub mod reuse;
pub mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use policy::{Policy, PolicyError};
pub use walk::WalkOptions;

use crate::check::{ImageRead, Item, Showing, item_from};
use crate::evidence::Evidence;
use crate::finding::{Finding, FindingKind, Location};
use markdown::DocumentImages;

/// How to check a repository.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub policy: Policy,
    pub walk: WalkOptions,
    /// When set, report only these images and the images these documents show (paths relative
    /// to the root, `/`-separated); the whole tree is still read to know where images are
    /// shown. This is what a pre-commit hook passes.
    pub only: Option<Vec<String>>,
}

/// Receives progress reports; `()` ignores them.
pub trait Progress: Sync {
    /// The number of images and documents to read is known.
    fn start(&self, _total: u64) {}
    /// One more image or document is read.
    fn advance(&self) {}
    fn finish(&self) {}
}

impl Progress for () {}

/// A problem with the repository that belongs to no image: a document that cannot be read, a
/// broken REUSE file, a reference to an image that is not there.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RepoProblem {
    pub kind: FindingKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// What checking a repository found.
#[derive(Clone, Debug, Default)]
pub struct RepoCheck {
    /// One per image, sorted by path.
    pub items: Vec<Item>,
    pub problems: Vec<RepoProblem>,
    /// Documents read.
    pub documents: usize,
    /// Images shown from other sites (`https://…`), not checked here.
    pub remote_images: usize,
}

/// How reports name a file: the root as given, joined with the relative path, without `./`.
fn display(root: &Path, rel: &str) -> String {
    let r = root.to_string_lossy();
    let r = r.trim_start_matches("./");
    if r.is_empty() || r == "." {
        rel.to_string()
    } else {
        // By hand: one per image and document, and `format!` costs more than the rest here.
        let r = r.trim_end_matches('/');
        let mut s = String::with_capacity(r.len() + 1 + rel.len());
        s.push_str(r);
        s.push('/');
        s.push_str(rel);
        s
    }
}

/// `location:line`, as evidence locates what a document says. Written by hand: `format!` costs
/// about a thousand instructions and a site builds one per image shown.
pub(crate) fn at_line(location: &str, line: usize) -> String {
    let mut digits = [0u8; 20];
    let mut n = line;
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut at = String::with_capacity(location.len() + 1 + digits.len() - start);
    at.push_str(location);
    at.push(':');
    // ASCII digits.
    at.extend(digits[start..].iter().map(|&d| char::from(d)));
    at
}

/// Normalises `a/./b/../c` to `a/c`; `None` when it climbs above the root.
fn normalise(path: &str) -> Option<String> {
    if is_normal(path) {
        return Some(path.to_owned());
    }
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            c => parts.push(c),
        }
    }
    Some(parts.join("/"))
}

/// Whether `path` is already what [`normalise`] makes of it: no empty, `.` or `..` part.
fn is_normal(path: &str) -> bool {
    path.split('/')
        .all(|c| !c.is_empty() && c != "." && c != "..")
}

/// Decodes `%20`-style escapes; invalid ones are kept as written.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Directories a site-absolute path (`/images/a.jpg`) may be served from, as Hugo (`static/`,
/// `assets/`), Jekyll and Eleventy (the root), Astro and Vite (`public/`, `src/`) lay them out.
const SITE_ROOTS: &[&str] = &["", "static/", "public/", "assets/", "src/", "content/"];

/// The image file a reference in the document `doc` (relative path) points to, among `images`.
/// `Err(true)` for a remote URL, `Err(false)` for a local path that is not there.
fn resolve(doc: &str, src: &str, images: &HashSet<&str>) -> Result<String, bool> {
    let src = src.trim();
    let lower = src.to_ascii_lowercase();
    if lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("//")
        || lower.starts_with("data:")
    {
        return Err(true);
    }
    let path = src.split(['?', '#']).next().unwrap_or("");
    let path = percent_decode(path);
    if path.is_empty() {
        return Err(false);
    }
    // Candidates are tried in order and only until one is an image, in one reused buffer (a
    // site resolves an image reference per image shown).
    let mut candidate = String::with_capacity(16 + doc.len() + path.len());
    let mut image = |dir: &str, path: &str| {
        candidate.clear();
        candidate.push_str(dir);
        candidate.push_str(path);
        if is_normal(&candidate) {
            // Copied only when it is the answer.
            return images
                .contains(candidate.as_str())
                .then(|| candidate.clone());
        }
        normalise(&candidate).filter(|c| images.contains(c.as_str()))
    };
    let found = if let Some(abs) = path.strip_prefix('/') {
        SITE_ROOTS.iter().find_map(|r| image(r, abs))
    } else {
        let dir = doc.rfind('/').map_or("", |i| &doc[..=i]);
        // Hugo page bundles and Jekyll's relative_url both fall back on the site roots.
        image(dir, &path).or_else(|| SITE_ROOTS.iter().find_map(|r| image(r, &path)))
    };
    found.ok_or(false)
}

/// The largest document read (a generated HTML page can be big; beyond this it is not prose).
pub const MAX_DOCUMENT: u64 = crate::check::MAX_DOCUMENT;

/// Reads one document (Markdown or HTML) into the images it shows.
fn read_document(root: &Path, rel: &str, html: bool) -> DocumentImages {
    let location = display(root, rel);
    let path = walk::join(root, rel);
    let bytes = match crate::check::read_regular(&path, MAX_DOCUMENT) {
        Ok(b) => b,
        Err(e) => {
            return DocumentImages {
                problems: vec![
                    e.message
                        .replacen(&path.display().to_string(), &location, 1),
                ],
                ..DocumentImages::default()
            };
        }
    };
    let text = if html {
        crate::web::charset::decode_html(&bytes, None).text
    } else {
        String::from_utf8_lossy(&bytes)
    };
    if html {
        html_document(&text, &location)
    } else {
        markdown::read(&text, &location)
    }
}

/// The images an HTML document shows, read by the page parser that reads web pages (captions,
/// credit paragraphs next to the image, credit classes, `rel=license`, RDFa, JSON-LD), each
/// piece of evidence located at `document:line`.
fn html_document(text: &str, location: &str) -> DocumentImages {
    let scan = crate::web::page::scan_html(text, None, &crate::web::page::PageLimits::default());
    let images = scan
        .images
        .into_iter()
        .map(|img| {
            let line = img.line.unwrap_or(1);
            let at = at_line(location, line);
            markdown::Shown {
                src: img.src,
                line,
                evidence: img
                    .evidence
                    .into_iter()
                    .chain(img.page_wide)
                    .map(|e| e.at(at.clone()))
                    .collect(),
            }
        })
        .collect();
    DocumentImages {
        images,
        problems: scan
            .problems
            .into_iter()
            .map(|p| format!("{location}: {p}"))
            .collect(),
    }
}

/// Checks the repository at `root`, holding every item in memory (see [`check_repo_each`] to
/// stream them).
pub fn check_repo(root: &Path, opts: &Options, progress: &dyn Progress) -> RepoCheck {
    let mut items = Vec::new();
    let mut run = check_repo_each(root, opts, progress, &mut |item| items.push(item));
    run.items = items;
    run
}

/// Checks the repository at `root`, handing each image's item to `sink` as soon as it and the
/// images before it are done, sorted by path. The returned run has no items.
pub fn check_repo_each(
    root: &Path,
    opts: &Options,
    progress: &dyn Progress,
    sink: &mut dyn FnMut(Item),
) -> RepoCheck {
    let mut run = RepoCheck::default();
    // The tables the first image needs are built on another core while this one walks.
    crate::check::warm::warm_up_in_background();
    let mut walk_opts = opts.walk.clone();
    walk_opts.exclude.extend(opts.policy.ignore.iter().cloned());
    let found = match walk::walk(root, &walk_opts) {
        Ok(f) => f,
        Err(e) => {
            run.problems.push(RepoProblem {
                kind: FindingKind::ImageNotFound,
                message: e,
                location: None,
            });
            return run;
        }
    };
    for e in &found.errors {
        run.problems.push(RepoProblem {
            kind: FindingKind::MetadataProblem,
            message: e.clone(),
            location: None,
        });
    }
    progress.start((found.images.len() + found.markdown.len() + found.html.len()) as u64);

    // REUSE.toml and .reuse/dep5.
    let mut reuse = reuse::Reuse::default();
    let mut reuse_problems = Vec::new();
    for rel in &found.reuse_tomls {
        let loc = display(root, rel);
        match crate::metadata::read_text(&walk::join(root, rel), reuse::MAX_FILE) {
            Ok(t) => reuse_problems.extend(reuse.add_toml(rel, &t, &loc)),
            Err(e) => reuse_problems.push(format!("{loc}: cannot read: {e}")),
        }
    }
    let dep5 = root.join(".reuse").join("dep5");
    if dep5.is_file() {
        let loc = display(root, ".reuse/dep5");
        match crate::metadata::read_text(&dep5, reuse::MAX_FILE) {
            Ok(t) => reuse_problems.extend(reuse.add_dep5(&t, &loc)),
            Err(e) => reuse_problems.push(format!("{loc}: cannot read: {e}")),
        }
    }
    for message in reuse_problems {
        run.problems.push(RepoProblem {
            kind: FindingKind::MetadataProblem,
            message,
            location: None,
        });
    }

    // Documents, in parallel.
    let docs: Vec<(&String, bool)> = found
        .markdown
        .iter()
        .map(|d| (d, false))
        .chain(found.html.iter().map(|d| (d, true)))
        .collect();
    run.documents = docs.len();
    let read: Vec<(&String, DocumentImages)> = docs
        .par_iter()
        .map(|(rel, html)| {
            let d = read_document(root, rel, *html);
            progress.advance();
            (*rel, d)
        })
        .collect();

    // Where each image is shown.
    let image_set: HashSet<&str> = found.images.iter().map(String::as_str).collect();
    let mut shown: HashMap<&str, Vec<Showing>> = HashMap::new();
    let mut doc_images: HashMap<&str, Vec<&str>> = HashMap::new();
    // Consumed: each showing's evidence is moved, not copied, out of its document.
    for (doc, d) in read {
        let doc_loc = display(root, doc);
        for p in d.problems {
            run.problems.push(RepoProblem {
                kind: FindingKind::MetadataProblem,
                message: p,
                location: None,
            });
        }
        for s in d.images {
            match resolve(doc, &s.src, &image_set) {
                Ok(rel) => {
                    // `resolve` answers only with members of the set.
                    let Some(&key) = image_set.get(rel.as_str()) else {
                        continue;
                    };
                    doc_images.entry(doc.as_str()).or_default().push(key);
                    shown.entry(key).or_default().push(Showing {
                        location: Location {
                            file: doc_loc.clone(),
                            line: Some(s.line),
                        },
                        evidence: s.evidence,
                    });
                }
                Err(true) => run.remote_images += 1,
                Err(false) => run.problems.push(RepoProblem {
                    kind: FindingKind::ImageNotFound,
                    message: format!("{}: no image file for this reference", s.src),
                    location: Some(Location {
                        file: doc_loc.clone(),
                        line: Some(s.line),
                    }),
                }),
            }
        }
    }

    // Which images to report.
    let wanted: Option<HashSet<&str>> = opts.only.as_ref().map(|only| {
        let mut w = HashSet::new();
        for o in only {
            let o = normalise(o).unwrap_or_default();
            // A REUSE sidecar stands for its image.
            let image = o.strip_suffix(".license").unwrap_or(&o);
            if let Some(i) = image_set.get(image) {
                w.insert(*i);
            }
            if let Some(imgs) = doc_images.get(o.as_str()) {
                w.extend(imgs.iter().copied());
            }
        }
        w
    });
    if let Some(only) = &opts.only {
        let docs: HashSet<String> = only.iter().map(|o| display(root, o)).collect();
        run.problems
            .retain(|p| p.location.as_ref().is_none_or(|l| docs.contains(&l.file)));
    }

    // Images, in parallel, handed on in path order.
    let gate = gate::Gate(&opts.policy);
    let empty = Vec::new();
    let chosen: Vec<&String> = found
        .images
        .iter()
        .filter(|rel| wanted.as_ref().is_none_or(|w| w.contains(rel.as_str())))
        .collect();
    // The pool concludes the images while this thread hands each on in order (a reporter
    // serialises it): on two cores, writing the output does not idle the pool, and at most a
    // window of finished items waits, so memory stays flat however large the site.
    let (found, reuse, shown) = (&found, &reuse, &shown);
    ordered::map_in_order(
        &chosen,
        |rel| {
            let showings = shown.get(rel.as_str()).unwrap_or(&empty);
            let item = check_image(root, rel, found, reuse, showings, &gate);
            progress.advance();
            item
        },
        &mut *sink,
    );
    progress.finish();
    run
}

fn check_image(
    root: &Path,
    rel: &str,
    found: &walk::Found,
    reuse: &reuse::Reuse,
    showings: &[Showing],
    gate: &gate::Gate<'_>,
) -> Item {
    let path: PathBuf = walk::join(root, rel);
    // The walk saw every file: find the XMP sidecar in its list instead of asking the disk.
    // Most trees hold no sidecar at all: then there is no candidate to spell out.
    let candidates = match found.xmp_files.is_empty() {
        true => Vec::new(),
        false => crate::metadata::sidecar_candidates(Path::new(rel)),
    };
    let xmp = candidates
        .into_iter()
        .filter_map(|c| c.to_str().map(str::to_string))
        .find(|c| found.xmp_files.contains(c))
        .map(|c| walk::join(root, &c));
    // The same for a C2PA manifest store kept in a `.c2pa` sidecar.
    let c2pa = match found.c2pa_files.is_empty() {
        true => None,
        false => Path::new(rel)
            .with_extension("c2pa")
            .to_str()
            .filter(|c| found.c2pa_files.contains(*c))
            .map(|c| walk::join(root, c)),
    };
    let mut read = ImageRead::local_listed(
        &path,
        xmp.as_deref(),
        crate::check::C2paSidecar::Known(c2pa.as_deref()),
    );
    if !read.errors.is_empty() {
        return item_from(display(root, rel), None, &[], read, gate);
    }
    let sidecar = [rel, ".license"].concat();
    let own: Vec<Evidence> = if found.license_sidecars.contains(&sidecar) {
        let loc = display(root, &sidecar);
        match crate::metadata::read_text(&walk::join(root, &sidecar), reuse::MAX_FILE) {
            Ok(t) => reuse::read_tags(&t, &loc),
            Err(e) => {
                read.findings.push(Finding::new(
                    FindingKind::MetadataProblem,
                    format!("{loc}: cannot read: {e}"),
                ));
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    read.evidence.extend(reuse.evidence_for(rel, own));
    for s in showings {
        read.evidence.extend(s.evidence.iter().cloned());
    }
    item_from(display(root, rel), None, showings, read, gate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_relative_site_absolute_and_escaped() {
        let images: HashSet<&str> = [
            "content/posts/bundle/cover.jpg",
            "static/img/a b.png",
            "images/x.jpg",
        ]
        .into_iter()
        .collect();
        let doc = "content/posts/bundle/index.md";
        assert_eq!(
            resolve(doc, "cover.jpg", &images).unwrap(),
            "content/posts/bundle/cover.jpg"
        );
        assert_eq!(
            resolve(doc, "./cover.jpg?w=300#x", &images).unwrap(),
            "content/posts/bundle/cover.jpg"
        );
        assert_eq!(
            resolve(doc, "/img/a%20b.png", &images).unwrap(),
            "static/img/a b.png"
        );
        assert_eq!(
            resolve(doc, "../../../images/x.jpg", &images).unwrap(),
            "images/x.jpg"
        );
        assert_eq!(
            resolve("a.md", "images/x.jpg", &images).unwrap(),
            "images/x.jpg"
        );
        assert_eq!(
            resolve(doc, "https://example.org/x.jpg", &images),
            Err(true)
        );
        assert_eq!(resolve(doc, "missing.jpg", &images), Err(false));
        assert_eq!(
            resolve(doc, "../../../../../../etc/x.jpg", &images),
            Err(false)
        );
    }

    #[test]
    fn normal_paths_are_kept_and_others_normalised() {
        for (p, want) in [
            ("a/b.jpg", Some("a/b.jpg")),
            ("a/./b.jpg", Some("a/b.jpg")),
            ("a//b.jpg", Some("a/b.jpg")),
            ("/a/b.jpg", Some("a/b.jpg")),
            ("a/../b.jpg", Some("b.jpg")),
            ("../b.jpg", None),
            ("", Some("")),
            ("a/", Some("a")),
        ] {
            assert_eq!(normalise(p).as_deref(), want, "{p}");
            if is_normal(p) {
                assert_eq!(normalise(p).as_deref(), Some(p));
            }
        }
    }

    #[test]
    fn display_paths_keep_the_root_as_given() {
        assert_eq!(display(Path::new("."), "a/b.jpg"), "a/b.jpg");
        assert_eq!(display(Path::new("./site"), "a.jpg"), "site/a.jpg");
        assert_eq!(display(Path::new("site/"), "a.jpg"), "site/a.jpg");
    }
}
