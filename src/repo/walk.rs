//! Walking a content repository with the `ignore` crate (ripgrep's walker): `.gitignore`,
//! `.ignore` and hidden files honoured, `--exclude` and the policy's `ignore` globs applied, in
//! parallel. Files are sorted into what licit reads: images, Markdown and HTML documents, REUSE
//! `.license` sidecars and `REUSE.toml` files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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

fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
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
    let found = Mutex::new(Found::default());
    let walker = WalkBuilder::new(root)
        .hidden(!opts.hidden)
        .git_ignore(!opts.no_ignore)
        .git_global(false)
        .git_exclude(!opts.no_ignore)
        .ignore(!opts.no_ignore)
        // A content repository is often checked outside its git work tree (a copy, an export).
        .require_git(false)
        .overrides(overrides)
        .threads(std::thread::available_parallelism().map_or(2, |n| n.get().min(8)))
        .build_parallel();
    walker.run(|| {
        let mut batch = Batch {
            found: &found,
            local: Found::default(),
        };
        Box::new(move |entry| {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file()) {
                        classify(root, e.path(), &mut batch.local);
                    }
                }
                Err(err) => batch.local.errors.push(err.to_string()),
            }
            if batch.local.images.len() + batch.local.markdown.len() >= 256 {
                batch.flush();
            }
            WalkState::Continue
        })
    });
    let mut f = found.into_inner().unwrap_or_else(|e| e.into_inner());
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
        f.reuse_tomls.append(&mut l.reuse_tomls);
        f.errors.append(&mut l.errors);
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

fn classify(root: &Path, path: &Path, into: &mut Found) {
    let rel = relative(root, path);
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    if name == "REUSE.toml" {
        into.reuse_tomls.push(rel);
        return;
    }
    let Some(ext) = extension(name) else { return };
    if ext == "xmp" {
        into.xmp_files.insert(rel);
        return;
    }
    if IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        into.images.push(rel);
    } else if MARKDOWN_EXTENSIONS.contains(&ext.as_str()) {
        into.markdown.push(rel);
    } else if HTML_EXTENSIONS.contains(&ext.as_str()) {
        into.html.push(rel);
    } else if ext == "license" {
        into.license_sidecars.insert(rel);
    }
}

/// `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut s = String::new();
    for c in rel.components() {
        if !s.is_empty() {
            s.push('/');
        }
        s.push_str(&c.as_os_str().to_string_lossy());
    }
    s
}

/// `root` joined with a relative `/`-separated path.
pub fn join(root: &Path, rel: &str) -> PathBuf {
    rel.split('/').fold(root.to_path_buf(), |p, c| p.join(c))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
