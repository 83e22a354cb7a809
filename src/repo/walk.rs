//! Walking a content repository with the `ignore` crate (ripgrep's walker): `.gitignore`,
//! `.ignore` and hidden files honoured, `--exclude` and the policy's `ignore` globs applied, in
//! parallel. Files are sorted into what licit reads: images, Markdown and HTML documents, REUSE
//! `.license` sidecars and `REUSE.toml` files.
//!
//! Only regular files are read. The walker reads each directory's ignore files itself, so before
//! it enters a directory, [`unsafe_ignore_file`] looks at them: an ignore file that is a FIFO
//! (opening it would block), a device, a symbolic link (it may lead to `/dev/zero` or out of the
//! tree) or larger than [`MAX_IGNORE_FILE`] keeps the directory out of the walk, with an error
//! naming the file. A FIFO, socket or device named like an image or document is an error, not a
//! read; a symbolic link is followed only to a regular file inside the tree.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::overrides::OverrideBuilder;
use ignore::{WalkBuilder, WalkState};

/// File name extensions of images (content decides the format; this keeps other files out).
pub const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "jpe", "jfif", "png", "tif", "tiff", "dng", "webp", "heic", "heif", "avif",
    "gif", "jxl",
];
/// Markdown documents (`.mdx` and `.markdoc` pages hold Markdown too).
pub const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "mdx"];
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// What a walk found, as paths relative to the root with `/` separators, each list sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub images: Vec<String>,
    pub markdown: Vec<String>,
    pub html: Vec<String>,
    /// `photo.jpg.license` files.
    pub license_sidecars: HashSet<String>,
    /// `.xmp` files (sidecars of the images beside them).
    pub xmp_files: HashSet<String>,
    /// `.c2pa` files (C2PA manifest stores of the images beside them).
    pub c2pa_files: HashSet<String>,
    pub reuse_tomls: Vec<String>,
    /// Directories and files that could not be read, each message naming the path.
    pub errors: Vec<String>,
}

/// What to leave out of a walk.
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// Globs (gitignore syntax, relative to the root) of paths not to walk.
    pub exclude: Vec<String>,
    /// Walk hidden files and directories too.
    pub hidden: bool,
    /// Do not read `.gitignore` and `.ignore` files.
    pub no_ignore: bool,
}

/// The ignore files the walker reads in a directory (with `.git/info/exclude` at a repository's
/// top).
const IGNORE_FILES: &[&str] = &[".gitignore", ".ignore", ".git/info/exclude"];
/// An ignore file larger than this is not read (real ones are a few KiB).
pub const MAX_IGNORE_FILE: u64 = 1024 * 1024;

/// Why an ignore file of `dir` must not be read, if one must not: it is not a regular file, is a
/// symbolic link, or is over [`MAX_IGNORE_FILE`]. Looks at metadata only, never opens the file.
pub fn unsafe_ignore_file(dir: &Path) -> Option<String> {
    for name in IGNORE_FILES {
        let p = dir.join(name);
        let Ok(m) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        let t = m.file_type();
        let why = if t.is_symlink() {
            "is a symbolic link"
        } else if !t.is_file() {
            "is not a regular file (a FIFO, socket or device)"
        } else if m.len() > MAX_IGNORE_FILE {
            "is over the 1 MiB limit for an ignore file"
        } else {
            continue;
        };
        return Some(format!(
            "{}: this ignore file {why}; it is not read and its directory is not checked",
            p.display()
        ));
    }
    None
}

fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

/// How many threads walk `root`. ignore's walker shares out directories, so a folder with no
/// subdirectory (a photo folder) is walked by one thread whatever the count; and an idle
/// walker thread polls for work every millisecond, so the last one to notice the end costs up
/// to a millisecond more than the walk. One thread, then, unless `root` has a subdirectory the
/// walk would enter.
fn walk_threads(root: &Path, hidden: bool) -> usize {
    match has_subdirectory(root, hidden) {
        true => rayon::current_num_threads().clamp(1, 8),
        false => 1,
    }
}

/// Whether `root` holds a directory (not a hidden one unless `hidden`). A Unix directory's link
/// count is 2 plus its subdirectories on most file systems, so one `stat` answers for a folder
/// of files; where the count says nothing (1 on btrfs, or past ext4's limit) the listing is
/// read, stopping at the first directory. An error answers yes: the walk reports it.
fn has_subdirectory(root: &Path, hidden: bool) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match std::fs::metadata(root).map(|m| m.nlink()) {
            Ok(2) => return false,
            Ok(n) if n > 2 && hidden => return true,
            Err(_) => return true,
            _ => {}
        }
    }
    let Ok(entries) = std::fs::read_dir(root) else {
        return true;
    };
    entries.flatten().any(|e| {
        e.file_type().is_ok_and(|t| t.is_dir())
            && (hidden || !e.file_name().as_encoded_bytes().starts_with(b"."))
    })
}

/// Walks `root`.
pub fn walk(root: &Path, opts: &WalkOptions) -> Result<Found, String> {
    let mut overrides = OverrideBuilder::new(root);
    for g in &opts.exclude {
        overrides
            .add(&format!("!{g}"))
            .map_err(|e| format!("exclude pattern {g:?}: {e}"))?;
    }
    let overrides = overrides
        .build()
        .map_err(|e| format!("exclude patterns: {e}"))?;
    // The walker reads the ignore files of the root and of its parents before anything else.
    let mut parents = !opts.no_ignore;
    let mut early_errors = Vec::new();
    if !opts.no_ignore {
        if let Some(why) = unsafe_ignore_file(root) {
            return Err(why);
        }
        let abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        if let Some(why) = abs.ancestors().skip(1).find_map(unsafe_ignore_file) {
            early_errors.push(format!(
                "{why} (ignore files above the root are not read for this walk)"
            ));
            parents = false;
        }
    }
    let tree = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let skipped_dirs = Arc::new(Mutex::new(early_errors));
    let found = Mutex::new(Found::default());
    let check_ignore_files = !opts.no_ignore;
    let filter_errors = Arc::clone(&skipped_dirs);
    let walker = WalkBuilder::new(root)
        .parents(parents)
        .hidden(!opts.hidden)
        .git_ignore(!opts.no_ignore)
        .git_global(false)
        .git_exclude(!opts.no_ignore)
        .ignore(!opts.no_ignore)
        // A content repository is often checked outside its git work tree (a copy, an export).
        .require_git(false)
        .overrides(overrides)
        .filter_entry(move |e| {
            if !check_ignore_files || e.depth() == 0 || !e.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            match unsafe_ignore_file(e.path()) {
                Some(why) => {
                    filter_errors
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(why);
                    false
                }
                None => true,
            }
        })
        .threads(walk_threads(root, opts.hidden))
        .build_parallel();
    let tree = tree.as_path();
    walker.run(|| {
        let mut batch = Batch {
            found: &found,
            local: Found::default(),
        };
        Box::new(move |entry| {
            match entry {
                Ok(e) => match e.file_type() {
                    Some(t) if t.is_file() => {
                        classify(root, e.path(), &mut batch.local);
                    }
                    Some(t) if t.is_dir() => {}
                    Some(t) if t.is_symlink() => {
                        symlink(root, tree, e.path(), &mut batch.local);
                    }
                    _ => {
                        if classify(root, e.path(), &mut Found::default()) {
                            batch.local.errors.push(format!(
                                "{}: not a regular file (a FIFO, socket or device); not read",
                                e.path().display()
                            ));
                        }
                    }
                },
                Err(err) => batch.local.errors.push(err.to_string()),
            }
            if batch.local.images.len() + batch.local.markdown.len() >= 256 {
                batch.flush();
            }
            WalkState::Continue
        })
    });
    let mut f = found.into_inner().unwrap_or_else(|e| e.into_inner());
    f.errors.extend(
        skipped_dirs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..),
    );
    f.images.sort();
    f.markdown.sort();
    f.html.sort();
    f.reuse_tomls.sort();
    f.errors.sort();
    Ok(f)
}

/// One walker thread's findings, handed over in batches so that the lock is rarely taken, and
/// the rest when the thread's visitor is dropped.
struct Batch<'a> {
    found: &'a Mutex<Found>,
    local: Found,
}

impl Batch<'_> {
    fn flush(&mut self) {
        let mut f = self.found.lock().unwrap_or_else(|e| e.into_inner());
        let l = &mut self.local;
        f.images.append(&mut l.images);
        f.markdown.append(&mut l.markdown);
        f.html.append(&mut l.html);
        f.license_sidecars.extend(l.license_sidecars.drain());
        f.xmp_files.extend(l.xmp_files.drain());
        f.c2pa_files.extend(l.c2pa_files.drain());
        f.reuse_tomls.append(&mut l.reuse_tomls);
        f.errors.append(&mut l.errors);
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

/// A symbolic link met in the walk: classified as its target when that is a regular file inside
/// the tree; an error when the link leaves the tree or leads to anything else and is named like
/// a file licit reads.
fn symlink(root: &Path, tree: &Path, path: &Path, into: &mut Found) {
    if !classify(root, path, &mut Found::default()) {
        return;
    }
    let why = match std::fs::canonicalize(path) {
        Ok(target) if !target.starts_with(tree) => "a symbolic link out of the checked tree",
        Ok(target) if std::fs::metadata(&target).is_ok_and(|m| m.is_file()) => {
            classify(root, path, into);
            return;
        }
        Ok(_) => "a symbolic link to something other than a regular file",
        Err(_) => "a broken symbolic link",
    };
    into.errors
        .push(format!("{}: {why}; not read", path.display()));
}

/// Sorts a file into what licit reads; false when it reads nothing of that name.
fn classify(root: &Path, path: &Path, into: &mut Found) -> bool {
    let rel = relative(root, path);
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    if name == "REUSE.toml" {
        into.reuse_tomls.push(rel);
        return true;
    }
    let Some(ext) = extension(name) else {
        return false;
    };
    if ext == "xmp" {
        into.xmp_files.insert(rel);
        return true;
    }
    if ext == "c2pa" {
        into.c2pa_files.insert(rel);
        return true;
    }
    if IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        into.images.push(rel);
    } else if MARKDOWN_EXTENSIONS.contains(&ext.as_str()) {
        into.markdown.push(rel);
    } else if HTML_EXTENSIONS.contains(&ext.as_str()) {
        into.html.push(rel);
    } else if ext == "license" {
        into.license_sidecars.insert(rel);
    } else {
        return false;
    }
    true
}

/// Relative paths whose names are not UTF-8, by the text [`relative`] gave them, so that
/// [`join`] finds the file again. Only such paths are kept here (they are rare).
static RAW_NAMES: std::sync::LazyLock<Mutex<std::collections::HashMap<String, PathBuf>>> =
    std::sync::LazyLock::new(Mutex::default);

/// `path` relative to `root`, with `/` separators. A name that is not UTF-8 is written with its
/// invalid bytes as `\xNN` (one text per file, printable), and [`join`] maps that text back to
/// the name on disk.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut s = String::new();
    let mut raw = false;
    for c in rel.components() {
        if !s.is_empty() {
            s.push('/');
        }
        let name = c.as_os_str();
        match name.to_str() {
            Some(n) => s.push_str(n),
            None => {
                raw = true;
                escape_into(name, &mut s);
            }
        }
    }
    if raw {
        RAW_NAMES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(s.clone(), rel.to_path_buf());
    }
    s
}

/// A name that is not UTF-8, with each invalid byte as `\xNN`.
fn escape_into(name: &std::ffi::OsStr, out: &mut String) {
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
}

/// `root` joined with a relative `/`-separated path (as [`relative`] wrote it).
pub fn join(root: &Path, rel: &str) -> PathBuf {
    if let Some(raw) = RAW_NAMES.lock().unwrap_or_else(|e| e.into_inner()).get(rel) {
        return root.join(raw);
    }
    rel.split('/').fold(root.to_path_buf(), |p, c| p.join(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_files_is_walked_by_one_thread() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.jpg"), b"x").unwrap();
        assert!(!has_subdirectory(root, false));
        assert_eq!(walk_threads(root, false), 1);
        // A hidden directory is not entered, so it does not count unless hidden ones are walked.
        std::fs::create_dir(root.join(".git")).unwrap();
        assert!(!has_subdirectory(root, false));
        assert!(has_subdirectory(root, true));
        std::fs::create_dir(root.join("b")).unwrap();
        assert!(has_subdirectory(root, false));
        assert!(has_subdirectory(&root.join("missing"), false));
    }

    #[test]
    fn walks_sorts_and_honours_gitignore_hidden_and_excludes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.jpg",
            "b/c.PNG",
            "b/c.PNG.license",
            "b/post.md",
            "b/page.html",
            "REUSE.toml",
            "ignored/x.jpg",
            "drafts/d.md",
            ".hidden/h.jpg",
            "notes.txt",
        ] {
            let p = join(root, f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, b"x").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "ignored/\n").unwrap();
        let opts = WalkOptions {
            exclude: vec!["drafts/**".into()],
            ..WalkOptions::default()
        };
        let f = walk(root, &opts).unwrap();
        assert_eq!(f.images, ["a.jpg", "b/c.PNG"]);
        assert_eq!(f.markdown, ["b/post.md"]);
        assert_eq!(f.html, ["b/page.html"]);
        assert_eq!(f.reuse_tomls, ["REUSE.toml"]);
        assert!(f.license_sidecars.contains("b/c.PNG.license"));
        let all = walk(
            root,
            &WalkOptions {
                hidden: true,
                no_ignore: true,
                ..WalkOptions::default()
            },
        )
        .unwrap();
        assert_eq!(
            all.images,
            [".hidden/h.jpg", "a.jpg", "b/c.PNG", "ignored/x.jpg"]
        );
        assert!(
            walk(
                root,
                &WalkOptions {
                    exclude: vec!["[".into()],
                    ..Default::default()
                }
            )
            .is_err()
        );
    }

    #[cfg(unix)]
    #[test]
    fn special_ignore_files_and_links_are_errors_not_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["ok", "fifo", "zero", "out"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
            std::fs::write(root.join(d).join("a.jpg"), b"x").unwrap();
        }
        let fifo = root.join("fifo/.gitignore");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        std::os::unix::fs::symlink("/dev/zero", root.join("zero/.ignore")).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", root.join("out/b.jpg")).unwrap();
        std::os::unix::fs::symlink("../ok/a.jpg", root.join("out/c.jpg")).unwrap();
        let f = walk(root, &WalkOptions::default()).unwrap();
        assert_eq!(f.images, ["ok/a.jpg", "out/a.jpg", "out/c.jpg"]);
        assert_eq!(f.errors.len(), 3, "{:?}", f.errors);
        assert!(f.errors.iter().any(|e| e.contains("fifo/.gitignore")));
        assert!(f.errors.iter().any(|e| e.contains("zero/.ignore")));
        assert!(
            f.errors
                .iter()
                .any(|e| e.contains("out of the checked tree"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_found_again() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.jpg");
        std::fs::write(root.join(name), b"x").unwrap();
        let f = walk(root, &WalkOptions::default()).unwrap();
        assert_eq!(f.images, ["caf\\xE9.jpg"]);
        assert_eq!(std::fs::read(join(root, &f.images[0])).unwrap(), b"x");
    }
}
