//! The pipeline for one image: sources → evidence → credit → assessment, as one [`Item`].
//!
//! Every way in (an image file, an image in a repository, an image on a local page or a page
//! fetched over HTTP, a Commons or Flickr photo) ends in one function, [`item_from`]: what the
//! image's own bytes said ([`ImageRead`]) plus what the places showing it said ([`Showing`]),
//! concluded by a [`Conclude`] (the proposed use alone, or a repository's policy gate). The
//! same evidence therefore gives the same credit, findings and verdict whichever way it came.

use std::path::Path;

use crate::assess::{Assessment, Use, Verdict};
use crate::credit::Credit;
use crate::evidence::Evidence;
use crate::finding::{Finding, FindingKind, Location};
use crate::metadata;

pub mod error_kind;
mod memo;
pub mod warm;
pub mod web;

pub use memo::Memo;

/// What kind of thing an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ItemKind {
    Image,
}

/// Why a target could not be (fully) used.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ItemError {
    /// Stable name, one of [`error_kind`]'s (`not-an-image`, `io`, `empty`, …).
    pub kind: &'static str,
    /// What is wrong, naming the file.
    pub message: String,
}

impl ItemError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> ItemError {
        ItemError {
            kind,
            message: message.into(),
        }
    }
}

/// One image checked: the item of the JSON contract.
#[derive(Clone, Debug, serde::Serialize)]
#[non_exhaustive]
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
    /// An item for `target` with nothing read yet.
    pub fn new(target: String) -> Item {
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

    /// An item that is only an error (a target that could not be read at all).
    pub fn failed(target: String, page: Option<String>, error: ItemError) -> Item {
        let mut item = Item::new(target);
        item.page = page;
        item.errors.push(error);
        item
    }

    pub fn verdict(&self) -> Option<Verdict> {
        self.assessment.as_ref().map(|a| a.verdict)
    }
}

/// Where the `.c2pa` sidecar of a local image is (C2PA's manifest store kept beside an asset).
#[derive(Clone, Copy, Debug)]
pub enum C2paSidecar<'a> {
    /// Ask the disk (`photo.c2pa` beside `photo.jpg`).
    Look,
    /// The caller listed the directory: this one, or none.
    Known(Option<&'a Path>),
}

/// What an image's own bytes said: its metadata (embedded, sidecar, HTTP headers), or why it
/// could not be read.
#[derive(Clone, Debug, Default)]
pub struct ImageRead {
    pub evidence: Vec<Evidence>,
    pub format: Option<metadata::Format>,
    pub bytes_read: Option<u64>,
    pub findings: Vec<Finding>,
    pub errors: Vec<ItemError>,
    /// The container embeds a C2PA manifest store ([`metadata::Metadata::c2pa_store`]).
    pub c2pa_store: bool,
}

impl ImageRead {
    /// C2PA content credentials of a local image: its embedded manifest store or its `.c2pa`
    /// sidecar, validated over the whole file (see `metadata::c2pa`).
    pub fn credentials_of_file(&mut self, path: &Path, c2pa: C2paSidecar<'_>) {
        #[cfg(feature = "c2pa")]
        {
            let Some(format) = self.format else { return };
            let sidecar = match (self.c2pa_store, c2pa) {
                (true, _) => None,
                (false, C2paSidecar::Look) => metadata::c2pa::sidecar_for(path),
                (false, C2paSidecar::Known(s)) => s.map(Path::to_path_buf),
            };
            if self.c2pa_store || sidecar.is_some() {
                let found =
                    metadata::c2pa::read_file(path, format, self.c2pa_store, sidecar.as_deref());
                self.take_credentials(found);
            }
        }
        #[cfg(not(feature = "c2pa"))]
        {
            let _ = (path, c2pa);
            self.credentials_unvalidated();
        }
    }

    /// C2PA content credentials embedded in an image that came as bytes (an upload).
    pub fn credentials_of_stream<R: std::io::Read + std::io::Seek + Send>(
        &mut self,
        name: &str,
        stream: &mut R,
    ) {
        #[cfg(feature = "c2pa")]
        if let (true, Some(format)) = (self.c2pa_store, self.format) {
            let found = metadata::c2pa::read_stream(name, format, stream);
            self.take_credentials(found);
        }
        #[cfg(not(feature = "c2pa"))]
        {
            let _ = (name, stream);
            self.credentials_unvalidated();
        }
    }

    #[cfg(feature = "c2pa")]
    fn take_credentials(&mut self, (evidence, problem): (Vec<Evidence>, Option<String>)) {
        self.evidence.extend(evidence);
        if let Some(p) = problem {
            self.findings
                .push(Finding::new(FindingKind::MetadataProblem, p));
        }
    }

    /// Without the `c2pa` feature, a manifest store is said to be there, and unread.
    #[cfg(not(feature = "c2pa"))]
    fn credentials_unvalidated(&mut self) {
        if self.c2pa_store {
            self.findings.push(Finding::new(
                FindingKind::MetadataProblem,
                "the image carries C2PA content credentials, which this build of licit cannot \
                 validate (built without the `c2pa` feature); none of their claims is used",
            ));
        }
    }

    /// Nothing read, for one reason.
    pub fn failed(error: ItemError) -> ImageRead {
        ImageRead {
            errors: vec![error],
            ..ImageRead::default()
        }
    }

    /// What a metadata reader answered for the image called `name`. Its problems become
    /// findings; the message does not repeat `name`, which the item's target already says.
    pub fn from_metadata(read: Result<metadata::Metadata, metadata::Error>) -> ImageRead {
        match read {
            Ok(meta) => ImageRead {
                c2pa_store: meta.c2pa_store,
                format: Some(meta.format),
                bytes_read: Some(meta.bytes_read),
                findings: meta
                    .problems
                    .into_iter()
                    .map(|p| Finding::new(FindingKind::MetadataProblem, p.to_string()))
                    .collect(),
                evidence: meta.evidence,
                errors: Vec::new(),
            },
            Err(e) => ImageRead::failed(ItemError::new(error_kind::of_metadata(&e), e.to_string())),
        }
    }

    /// Reads a local image file and, unless it is an XMP file itself, its XMP sidecar (`None`:
    /// there is none). Evidence from the sidecar is located at the sidecar.
    pub fn local(path: &Path, sidecar: Option<&Path>) -> ImageRead {
        ImageRead::local_listed(path, sidecar, C2paSidecar::Look)
    }

    /// [`ImageRead::local`] for a caller that knows whether a `.c2pa` sidecar exists (a
    /// directory walk saw every file), so the disk is not asked once more per image.
    pub fn local_listed(path: &Path, sidecar: Option<&Path>, c2pa: C2paSidecar<'_>) -> ImageRead {
        let mut read = ImageRead::from_metadata(metadata::read_path(path));
        if !read.errors.is_empty() || read.format == Some(metadata::Format::Xmp) {
            return read;
        }
        read.credentials_of_file(path, c2pa);
        if let Some(sidecar) = sidecar {
            match metadata::read_path(sidecar) {
                Ok(meta) => {
                    let at = sidecar.display().to_string();
                    read.evidence
                        .extend(meta.evidence.into_iter().map(|e| e.at(at.clone())));
                }
                Err(e) => read.findings.push(Finding::new(
                    FindingKind::MetadataProblem,
                    format!("sidecar {e}"),
                )),
            }
        }
        read
    }
}

/// One place that shows an image (a document line, a page) and what it says next to it.
#[derive(Clone, Debug)]
pub struct Showing {
    pub location: Location,
    /// The evidence read there, located at `location`.
    pub evidence: Vec<Evidence>,
}

/// Turns an item's evidence into its credit, findings and assessment.
///
/// [`Use`] concludes with the proposed use alone; a repository's policy gate
/// (`crate::repo::gate::Gate`) adds the policy's findings and checks the credit each showing
/// gives. Implementations must depend only on the item's evidence and the showings.
pub trait Conclude: Sync {
    fn conclude(&self, item: &mut Item, showings: &[Showing]);

    /// Whether the use is mining or AI training: only then is a site's
    /// `/.well-known/tdmrep.json` fetched (one more request per host); the data-mining headers
    /// and `<meta>` tags of what is fetched anyway are always read.
    fn reads_tdmrep(&self) -> bool {
        false
    }
}

impl Conclude for Use {
    fn conclude(&self, item: &mut Item, _showings: &[Showing]) {
        conclude(item, self);
    }

    fn reads_tdmrep(&self) -> bool {
        self.training.is_some()
    }
}

/// THE way evidence becomes an item, whatever the source. `read` holds all the evidence about
/// the image in the order the caller read it (what a page says, what the file says, REUSE, the
/// documents showing it); `showings` name the places that show the image and what each says
/// there, for conclusions that check the credit shown ([`Conclude`]). An item is concluded
/// unless it is a bare image that could not be read (no page, no showing): a page's words are
/// evidence even when its image cannot be fetched.
pub fn item_from(
    target: String,
    page: Option<String>,
    showings: &[Showing],
    read: ImageRead,
    how: &dyn Conclude,
) -> Item {
    let mut item = Item::new(target);
    item.page = page;
    item.evidence = read.evidence;
    item.format = read.format;
    item.bytes_read = read.bytes_read;
    item.findings = read.findings;
    let unreadable = !read.errors.is_empty() && item.page.is_none() && showings.is_empty();
    item.errors = read.errors;
    if !unreadable {
        how.conclude(&mut item, showings);
    }
    item
}

/// Checks one image file: its embedded metadata and its XMP sidecar, if any.
pub fn check_file(path: &Path, proposed: &Use) -> Item {
    let sidecar = metadata::sidecar_for(path);
    let read = ImageRead::local(path, sidecar.as_deref());
    item_from(path.display().to_string(), None, &[], read, proposed)
}

/// Merges an item's evidence into its credit and assesses the proposed use. Distinct evidence
/// sets are merged and assessed once per process ([`Memo`]): photo folders repeat the same
/// copyright and license strings across hundreds of files.
pub fn conclude(item: &mut Item, proposed: &Use) {
    let (credit, findings, assessment) = Memo::global().conclude(&item.evidence, proposed);
    item.findings.extend(findings);
    item.assessment = Some(assessment);
    item.credit = Some(credit);
}

/// The largest document or page read from disk (a generated HTML page can be big; beyond this
/// it is not prose).
pub const MAX_DOCUMENT: u64 = 32 * 1024 * 1024;

/// Whether `path` is something licit may open: a regular file (after symlinks). A FIFO, a
/// device or a socket is refused by looking at its metadata, never by opening it: opening a
/// FIFO blocks until a writer comes, and a device like `/dev/zero` never ends.
pub fn regular_file(path: &Path) -> Result<std::fs::Metadata, ItemError> {
    let name = path.display();
    let m = std::fs::metadata(path).map_err(|e| {
        let kind = if e.kind() == std::io::ErrorKind::NotFound {
            error_kind::NOT_FOUND
        } else {
            error_kind::IO
        };
        ItemError::new(kind, format!("{name}: cannot read: {e}"))
    })?;
    if m.is_file() {
        return Ok(m);
    }
    let what = special_kind(&m);
    Err(ItemError::new(
        error_kind::NOT_A_REGULAR_FILE,
        format!("{name}: {what}, not a regular file; not read"),
    ))
}

/// What a file that is not a regular file is, in words.
fn special_kind(m: &std::fs::Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}

/// Reads a regular file whole, at most `max` bytes (see [`regular_file`]).
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ItemError> {
    use std::io::Read;
    let m = regular_file(path)?;
    let name = path.display();
    if m.len() > max {
        return Err(ItemError::new(
            error_kind::IO,
            format!(
                "{name}: {} bytes, more than the {max} a document may have; not read",
                m.len()
            ),
        ));
    }
    let mut out = Vec::with_capacity(usize::try_from(m.len()).unwrap_or(0));
    // Opened non-blocking and its type checked again on the handle: a FIFO swapped in after
    // the metadata check above still cannot block the read.
    crate::metadata::open_regular(path)
        .and_then(|(f, _)| f.take(max).read_to_end(&mut out))
        .map_err(|e| ItemError::new(error_kind::IO, format!("{name}: cannot read: {e}")))?;
    Ok(out)
}

/// Counts of the contract's `summary`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
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

    #[test]
    fn evidence_keeps_the_callers_order_and_an_unreadable_image_is_not_concluded() {
        let shown = Showing {
            location: Location {
                file: "post.md".into(),
                line: Some(3),
            },
            evidence: vec![
                Evidence::new(
                    crate::evidence::origin::MARKDOWN_CAPTION,
                    "Photo: Jane Doe (CC BY 4.0)",
                )
                .at("post.md:3"),
            ],
        };
        let mut read = ImageRead {
            evidence: vec![Evidence::new(
                crate::evidence::origin::EXIF_ARTIST,
                "Jane Doe",
            )],
            ..ImageRead::default()
        };
        read.evidence.extend(shown.evidence.iter().cloned());
        let item = item_from("a.jpg".into(), None, &[shown], read, &Use::default());
        assert_eq!(item.evidence.len(), 2);
        assert_eq!(item.evidence[1].location.as_deref(), Some("post.md:3"));
        assert_eq!(item.credit.unwrap().authors, ["Jane Doe"]);
        assert!(item.assessment.is_some());
        let bad = ImageRead::failed(ItemError::new(error_kind::IO, "b.jpg: cannot read"));
        let item = item_from("b.jpg".into(), None, &[], bad, &Use::default());
        assert!(item.assessment.is_none() && item.credit.is_none());
    }
}
