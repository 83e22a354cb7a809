//! The pipeline for one target: sources → evidence → credit → assessment, as one [`Item`].
//!
//! Today a target is a local file (an image, or an XMP sidecar's image) or a directory of
//! images; pages, URLs and content repositories add their sources here as they arrive.

use std::path::{Path, PathBuf};

use crate::assess::{Assessment, Use, Verdict, assess};
use crate::credit::{Credit, merge};
use crate::evidence::Evidence;
use crate::finding::{Finding, FindingKind, Location};
use crate::metadata;

pub mod web;

/// What kind of thing an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Image,
}

/// Why a target could not be (fully) used.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ItemError {
    /// Stable name: `not-an-image`, `io`, `empty`.
    pub kind: &'static str,
    /// What is wrong, naming the file.
    pub message: String,
}

/// One image checked: the item of the JSON contract.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Item {
    pub target: String,
    pub kind: ItemKind,
    /// The page or document the image was found on, when it was found on one.
    pub page: Option<String>,
    pub evidence: Vec<Evidence>,
    pub credit: Option<Credit>,
    pub assessment: Option<Assessment>,
    pub findings: Vec<Finding>,
    pub errors: Vec<ItemError>,
    /// The container the image was read as (`jpeg`, `png`…), when it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<metadata::Format>,
    /// Bytes read from the file to find its metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes_read: Option<u64>,
    /// The document lines that show the image, when a repository was checked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shown_in: Vec<Location>,
}

impl Item {
    fn new(target: String) -> Item {
        Item {
            target,
            kind: ItemKind::Image,
            page: None,
            evidence: Vec::new(),
            credit: None,
            assessment: None,
            findings: Vec::new(),
            errors: Vec::new(),
            format: None,
            bytes_read: None,
            shown_in: Vec::new(),
        }
    }

    pub fn verdict(&self) -> Option<Verdict> {
        self.assessment.as_ref().map(|a| a.verdict)
    }
}

/// Checks one image file: its embedded metadata and its XMP sidecar, if any.
pub fn check_file(path: &Path, proposed: &Use) -> Item {
    let mut item = read_file(path);
    if item.errors.is_empty() {
        conclude(&mut item, proposed);
    }
    item
}

/// Reads the evidence of one image file (embedded metadata, XMP sidecar) without concluding:
/// other sources may add evidence before [`conclude`].
pub fn read_file(path: &Path) -> Item {
    read_image(path, metadata::sidecar_for(path).as_deref())
}

/// Like [`read_file`], with the XMP sidecar already known (`None`: there is none).
pub fn read_image(path: &Path, sidecar: Option<&Path>) -> Item {
    let mut item = Item::new(path.display().to_string());
    match metadata::read_path(path) {
        Ok(meta) => {
            item.format = Some(meta.format);
            item.bytes_read = Some(meta.bytes_read);
            item.evidence = meta.evidence;
            for p in meta.problems {
                item.findings.push(Finding::new(
                    FindingKind::MetadataProblem,
                    format!("{}: {p}", path.display()),
                ));
            }
        }
        Err(e) => {
            let kind = match e.kind {
                metadata::ErrorKind::Io(_) => "io",
                metadata::ErrorKind::Empty => "empty",
                metadata::ErrorKind::NotAnImage(_) => "not-an-image",
            };
            item.errors.push(ItemError {
                kind,
                message: e.to_string(),
            });
            return item;
        }
    }
    if item.format != Some(metadata::Format::Xmp)
        && let Some(sidecar) = sidecar
    {
        match metadata::read_path(sidecar) {
            Ok(meta) => {
                let at = sidecar.display().to_string();
                item.evidence
                    .extend(meta.evidence.into_iter().map(|e| e.at(at.clone())));
            }
            Err(e) => item.findings.push(Finding::new(
                FindingKind::MetadataProblem,
                format!("sidecar {e}"),
            )),
        }
    }
    item
}

/// Merges an item's evidence into its credit and assesses the proposed use.
pub fn conclude(item: &mut Item, proposed: &Use) {
    let merged = merge(&item.evidence);
    item.findings.extend(merged.findings);
    item.assessment = Some(assess(&merged.credit, proposed));
    item.credit = Some(merged.credit);
}

/// File name extensions of the images a directory walk picks up (content decides the format;
/// this only keeps other files out of the report).
const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "jpe", "jfif", "png", "tif", "tiff", "dng", "webp", "heic", "heif", "avif",
    "gif", "jxl",
];

/// The image files under `dir`, sorted, skipping hidden entries. Unreadable directories are
/// returned as errors naming them.
pub fn images_in(dir: &Path) -> (Vec<PathBuf>, Vec<ItemError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(ItemError {
                    kind: "io",
                    message: format!("{}: cannot read directory: {e}", d.display()),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(t) if t.is_file() => {
                    let ext = path
                        .extension()
                        .map(|e| e.to_string_lossy().to_ascii_lowercase());
                    if ext.is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str())) {
                        files.push(path);
                    }
                }
                _ => {}
            }
        }
    }
    files.sort();
    (files, errors)
}

/// Counts of the contract's `summary`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub items: usize,
    pub allowed: usize,
    pub allowed_with_obligations: usize,
    pub not_allowed: usize,
    pub unknown: usize,
    pub errors: usize,
}

impl Summary {
    pub fn add(&mut self, item: &Item) {
        self.items += 1;
        if !item.errors.is_empty() {
            self.errors += 1;
        }
        match item.verdict() {
            Some(Verdict::Allowed) => self.allowed += 1,
            Some(Verdict::AllowedWithObligations) => self.allowed_with_obligations += 1,
            Some(Verdict::NotAllowed) => self.not_allowed += 1,
            Some(Verdict::Unknown) => self.unknown += 1,
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_an_image_is_an_item_with_an_error() {
        let dir = std::env::temp_dir().join(format!("licit-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("not-an-image.jpg");
        std::fs::write(&p, b"plain text, not a JPEG").unwrap();
        let item = check_file(&p, &Use::default());
        assert_eq!(item.errors.len(), 1);
        assert_eq!(item.errors[0].kind, "not-an-image");
        assert!(item.errors[0].message.contains("not-an-image.jpg"));
        assert!(item.assessment.is_none());
        let mut s = Summary::default();
        s.add(&item);
        assert_eq!((s.items, s.errors), (1, 1));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
