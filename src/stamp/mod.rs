//! Writing the rights down: embeds a license and a credit in an image, consistently in XMP,
//! EXIF and IPTC IIM, so that every reader — licit included — sees one story.
//!
//! - XMP: Creative Commons' recommended properties (`cc:license`, `cc:attributionName`,
//!   `cc:attributionURL`, `dc:rights`, `dc:creator`, `dc:title`, `xmpRights:Marked`,
//!   `xmpRights:UsageTerms`, `xmpRights:WebStatement`), merged into the packet the file has.
//! - EXIF: `Artist` and `Copyright` in IFD0; camera fields are not moved.
//! - IPTC IIM (JPEG only; PNG and WebP have no IIM container): By-line, CopyrightNotice,
//!   Credit, ObjectName, UTF-8 with the 1:90 marker; other Photoshop resources kept.
//! - PNG also gets its `Title`, `Author` and `Copyright` text chunks.
//!
//! JPEG, PNG and WebP are written; TIFF, HEIF, AVIF, GIF and JPEG XL are refused with
//! [`ErrorKind::NotSupported`] (an XMP sidecar works for every format). The pixels are never
//! decoded: image data segments are copied byte for byte. Output is deterministic — no dates —
//! so stamping twice gives the same bytes. Before anything is written the result is read back
//! with licit's own reader, and every field must be found there.
//!
//! Files are written safely (see [`Destination`]): a new file by default; in place only when
//! asked, through a temporary file in the same directory, fsync and an atomic rename, so that a
//! failure leaves the original untouched.
//!
//! ```no_run
//! use licit::stamp::{Destination, Stamp, StampRequest, parse_license, stamp_file};
//! let stamp = Stamp {
//!     license: Some(parse_license("CC BY-SA 4.0")?),
//!     authors: vec!["Jane Doe".into()],
//!     title: Some("Dunes".into()),
//!     ..Stamp::default()
//! };
//! let request = StampRequest::new(stamp, Destination::File("dunes.stamped.jpg".into()));
//! let outcome = stamp_file("dunes.jpg".as_ref(), &request)?;
//! for change in &outcome.changes {
//!     println!("{change}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// The `licit stamp` command line (the `cli` feature).
#[cfg(feature = "cli")]
pub mod cli;
mod container;
mod exif;
mod fields;
pub mod fix;
mod iptc;
pub(crate) mod write;
mod xmp;

use std::fmt;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::credit::Credit;
use crate::evidence::Origin;
use crate::license::{self, License};
use crate::metadata::{self, Format};
use fields::Written;

pub use fix::fix_command;

/// The rights to write. Fields left empty are not written, and what the file already says for
/// them is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// A precise legal tool (a version is required: a license without one cannot be linked).
    pub license: Option<License>,
    /// The creators, in order.
    pub authors: Vec<String>,
    pub title: Option<String>,
    /// Where the work is published (`xmpRights:WebStatement`; the attribution URL by default).
    pub source_url: Option<String>,
    /// The URL to link in a credit (`cc:attributionURL`).
    pub attribution_url: Option<String>,
    /// The year of the copyright notice.
    pub year: Option<String>,
    /// The copyright holder, when not the authors.
    pub holder: Option<String>,
    /// IPTC's Data Mining value (`plus:DataMining`): a PLUS code of `metadata::vocab::dmi`.
    pub data_mining: Option<&'static str>,
}

impl Stamp {
    /// What a credit says (from a credit line, or merged from another image's metadata).
    pub fn from_credit(credit: &Credit) -> Stamp {
        let url = credit
            .source
            .clone()
            .filter(|s| s.starts_with("http://") || s.starts_with("https://"));
        Stamp {
            license: credit.license.filter(|l| l.tool().is_some()),
            authors: credit.authors.clone(),
            title: credit.title.clone(),
            source_url: url,
            year: credit
                .date
                .as_ref()
                .and_then(|d| d.get(..4))
                .map(str::to_string),
            ..Stamp::default()
        }
    }

    /// `self`, with every field `over` sets taken from `over` (explicit options over a source).
    pub fn overlaid_with(mut self, over: Stamp) -> Stamp {
        if over.license.is_some() {
            self.license = over.license;
        }
        if !over.authors.is_empty() {
            self.authors = over.authors;
        }
        macro_rules! take {
            ($($f:ident),*) => {$(if over.$f.is_some() { self.$f = over.$f; })*};
        }
        take!(
            title,
            source_url,
            attribution_url,
            year,
            holder,
            data_mining
        );
        self
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self == &Stamp::default()
    }

    /// Values trimmed; empty ones dropped.
    fn cleaned(&self) -> Stamp {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Stamp {
            license: self.license,
            authors: self
                .authors
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            title: clean(&self.title),
            source_url: clean(&self.source_url),
            attribution_url: clean(&self.attribution_url),
            year: clean(&self.year),
            holder: clean(&self.holder),
            data_mining: self.data_mining,
        }
    }
}

/// Reads a license in any form `licit license` reads (`CC BY-SA 4.0`, a URL, a title, an SPDX
/// id). It must name exactly one legal tool, with its version.
pub fn parse_license(text: &str) -> Result<License, Error> {
    let err = |k| Error {
        path: None,
        kind: k,
    };
    let found = license::scan(text).licenses();
    // Mentions that name the same tool (a code and its URL, a unit and a version of it) agree.
    let precise = found.iter().copied().find(|l| l.tool().is_some());
    let chosen = precise.or_else(|| found.first().copied());
    match chosen {
        None => Err(err(ErrorKind::License(format!(
            "no Creative Commons license found in {text:?}"
        )))),
        Some(l) if found.iter().any(|o| !o.agrees_with(l)) => {
            let mut keys: Vec<&str> = found.iter().map(|l| l.key()).collect();
            keys.dedup();
            Err(err(ErrorKind::License(format!(
                "{text:?} names several licenses ({}); give one",
                keys.join(", ")
            ))))
        }
        Some(l) if l.tool().is_none() => Err(err(ErrorKind::License(format!(
            "{text:?} names {} without a version; give one (for example {} 4.0)",
            l.short_code(),
            l.short_code()
        )))),
        Some(l) => Ok(l),
    }
}

/// The rights another image states (its embedded metadata and XMP sidecar, merged as `licit
/// check` merges them). Sources that disagree about the license are refused: copying one of
/// them would hide the disagreement.
pub fn stamp_from_image(path: &Path) -> Result<Stamp, Error> {
    let credit = credit_from_image(path)?;
    let stamp = Stamp::from_credit(&credit);
    if stamp.is_empty() {
        return Err(Error {
            path: Some(path.to_owned()),
            kind: ErrorKind::NothingToWrite,
        });
    }
    Ok(stamp)
}

/// The credit [`stamp_from_image`] copies, as merged (a license may lack its version).
pub fn credit_from_image(path: &Path) -> Result<Credit, Error> {
    let with = |kind| Error {
        path: Some(path.to_owned()),
        kind,
    };
    let meta =
        metadata::read_path(path).map_err(|e| with(ErrorKind::NotAnImage(e.kind.to_string())))?;
    let mut evidence = meta.evidence;
    if let Some(side) = metadata::sidecar_for(path)
        && let Ok(m) = metadata::read_path(&side)
    {
        evidence.extend(m.evidence);
    }
    let merged = crate::credit::merge(&evidence);
    if let Some(f) = merged
        .findings
        .iter()
        .find(|f| f.kind == crate::finding::FindingKind::LicenseConflict)
    {
        return Err(with(ErrorKind::License(format!(
            "its sources disagree, not copying them: {}",
            f.message
        ))));
    }
    Ok(merged.credit)
}

/// The credit an image at a URL states, or the image a page shows first (read as `licit check
/// URL` reads it: the image's metadata, the credit on the page, site APIs). Sources that
/// disagree about the license are refused.
pub fn credit_from_url(url: &str, fetcher: &crate::web::Fetcher) -> Result<Credit, Error> {
    let with = |kind| Error {
        path: Some(PathBuf::from(url)),
        kind,
    };
    let items = crate::check::web::check_url(url, &crate::assess::Use::default(), fetcher);
    let item = items
        .into_iter()
        .next()
        .ok_or_else(|| with(ErrorKind::NotAnImage("no image found there".into())))?;
    if let Some(e) = item.errors.first() {
        return Err(with(ErrorKind::NotAnImage(e.message.clone())));
    }
    if let Some(f) = item.findings.iter().find(|f| {
        matches!(
            f.kind,
            crate::finding::FindingKind::LicenseConflict
                | crate::finding::FindingKind::PageMetadataConflict
        )
    }) {
        return Err(with(ErrorKind::License(format!(
            "its sources disagree, not copying them: {}",
            f.message
        ))));
    }
    item.credit.ok_or_else(|| with(ErrorKind::NothingToWrite))
}

/// Where the result goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A new file; refused when it exists (unless [`StampRequest::force`]).
    File(PathBuf),
    /// The image itself, replaced atomically (temporary file, fsync, rename).
    InPlace,
    /// An XMP sidecar next to the image (`photo.jpg.xmp`, or the existing sidecar), merged into
    /// what it holds; for any image format.
    Sidecar,
    /// Nothing is written; the changes are reported.
    DryRun,
}

/// One stamp to perform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StampRequest {
    pub stamp: Stamp,
    pub destination: Destination,
    /// Replace an existing output file.
    pub force: bool,
}

impl StampRequest {
    pub fn new(stamp: Stamp, destination: Destination) -> StampRequest {
        StampRequest {
            stamp,
            destination,
            force: false,
        }
    }
}

/// `photo.jpg` with `suffix` before its extension: `photo.stamped.jpg` for `.stamped`.
pub fn path_with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let stem = path.file_stem().unwrap_or(path.as_os_str()).to_owned();
    let mut name = stem;
    name.push(suffix);
    if let Some(ext) = path.extension() {
        name.push(".");
        name.push(ext);
    }
    path.with_file_name(name)
}

/// The XMP sidecar a stamp writes for `image`: the one that exists, else `image.xmp` appended
/// to the full name (`photo.jpg.xmp`, which keeps `photo.jpg` and `photo.png` apart).
pub fn sidecar_path(image: &Path) -> PathBuf {
    metadata::sidecar_for(image).unwrap_or_else(|| {
        let mut p = image.as_os_str().to_owned();
        p.push(".xmp");
        PathBuf::from(p)
    })
}

/// One field a stamp sets: its evidence origin (`xmp:cc:license`, `exif:Artist`), the values
/// the file had and the values written.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub field: Origin,
    pub old: Vec<String>,
    pub new: Vec<String>,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &[String]| match v {
            [] => "(none)".to_string(),
            v => v
                .iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", "),
        };
        write!(
            f,
            "{}: {} → {}",
            self.field,
            show(&self.old),
            show(&self.new)
        )
    }
}

/// What a stamp did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Outcome {
    pub input: PathBuf,
    /// The file written; `None` for a dry run.
    pub output: Option<PathBuf>,
    pub format: Format,
    /// The fields whose values change (fields already holding the new values are left out).
    pub changes: Vec<Change>,
}

/// A stamp that could not be done. Nothing was written.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", path.as_deref().map_or_else(|| "<bytes>".to_owned(), |p| p.display().to_string()))]
pub struct Error {
    /// The file concerned, when there is one.
    pub path: Option<PathBuf>,
    pub kind: ErrorKind,
}

/// Why a stamp could not be done.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("not an image licit can read: {0}")]
    NotAnImage(String),
    #[error("{0} files are not supported for writing (use --sidecar to write an XMP sidecar)")]
    NotSupported(Format),
    #[error("truncated: {0}; nothing written")]
    Truncated(String),
    #[error("malformed: {0}; nothing written")]
    Malformed(String),
    #[error("too large: {0}; nothing written")]
    TooLarge(String),
    #[error("{0}")]
    License(String),
    /// A `--data-mining` value that names no PLUS Data Mining code.
    #[error("{0}")]
    DataMining(String),
    #[error("nothing to write: give a license, an author, a title or a holder")]
    NothingToWrite,
    #[error("{} exists; use --force to replace it", .0.display())]
    Exists(PathBuf),
    /// The result did not read back as written (a defect, never written to disk).
    #[error("the stamped file does not read back: {0}; nothing written")]
    ReadBack(String),
}

/// The image with the stamp written, and the changes. `input` is the whole file.
fn stamp_inner(input: &[u8], w: &Written) -> Result<(Format, Vec<u8>, Vec<Change>), ErrorKind> {
    let before =
        metadata::read_bytes(input).map_err(|e| ErrorKind::NotAnImage(e.kind.to_string()))?;
    let out = match before.format {
        Format::Jpeg => container::jpeg(input, w)?,
        Format::Png => container::png(input, w)?,
        Format::Webp => container::webp(input, w)?,
        f => return Err(ErrorKind::NotSupported(f)),
    };
    let fields = w.fields_for(before.format, &before.evidence);
    read_back(&out, before.format, &fields)?;
    let changes = changes(&before.evidence, fields);
    Ok((before.format, out, changes))
}

fn changes(old: &[crate::evidence::Evidence], fields: Vec<(Origin, Vec<String>)>) -> Vec<Change> {
    fields
        .into_iter()
        .map(|(field, new)| Change {
            field,
            old: old
                .iter()
                .filter(|e| e.origin == field)
                .map(|e| e.value.clone())
                .collect(),
            new,
        })
        .filter(|c| c.old != c.new)
        .collect()
}

/// Reads `out` with licit's reader: it must be the same format and hold every value written.
fn read_back(
    out: &[u8],
    format: Format,
    fields: &[(Origin, Vec<String>)],
) -> Result<(), ErrorKind> {
    let after = metadata::read_bytes(out).map_err(|e| ErrorKind::ReadBack(e.kind.to_string()))?;
    if after.format != format {
        return Err(ErrorKind::ReadBack(format!("read as {}", after.format)));
    }
    for (origin, values) in fields {
        for v in values {
            if !after
                .evidence
                .iter()
                .any(|e| e.origin == *origin && e.value == *v)
            {
                return Err(ErrorKind::ReadBack(format!("{origin} {v:?} not found")));
            }
        }
    }
    Ok(())
}

/// Stamps an image held in memory; returns the new file's bytes.
///
/// ```
/// # use licit::stamp::{Stamp, stamp_bytes};
/// let err = stamp_bytes(b"GIF89a", &Stamp { authors: vec!["Jane Doe".into()], ..Stamp::default() });
/// assert!(err.is_err());
/// ```
pub fn stamp_bytes(input: &[u8], stamp: &Stamp) -> Result<Vec<u8>, Error> {
    let err = |kind| Error { path: None, kind };
    let stamp = stamp.cleaned();
    if stamp.is_empty() {
        return Err(err(ErrorKind::NothingToWrite));
    }
    stamp_inner(input, &Written::new(&stamp))
        .map(|(_, out, _)| out)
        .map_err(err)
}

/// Stamps the image at `path` as `request` says.
pub fn stamp_file(path: &Path, request: &StampRequest) -> Result<Outcome, Error> {
    stamp_file_with(path, request, &mut |f| Box::new(f))
}

/// Like [`stamp_file`], with the writer of the temporary file wrapped by `wrap` (for tests of a
/// failure in the middle of writing, or to count bytes). Whatever `wrap`'s writer does, the
/// original and any existing output are left as they were unless the whole file was written.
pub fn stamp_file_with(
    path: &Path,
    request: &StampRequest,
    wrap: &mut dyn FnMut(&mut File) -> Box<dyn Write + '_>,
) -> Result<Outcome, Error> {
    let stamp = request.stamp.cleaned();
    let err = |p: &Path| {
        let p = p.to_owned();
        move |kind| Error {
            path: Some(p),
            kind,
        }
    };
    if stamp.is_empty() {
        return Err(err(path)(ErrorKind::NothingToWrite));
    }
    let w = Written::new(&stamp);
    if request.destination == Destination::Sidecar {
        if !path.is_file() {
            return Err(err(path)(ErrorKind::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such file",
            ))));
        }
        return stamp_sidecar(path, &w, wrap);
    }
    let input = std::fs::read(path).map_err(|e| err(path)(e.into()))?;
    let (format, out, changes) = stamp_inner(&input, &w).map_err(err(path))?;
    let output = match &request.destination {
        Destination::DryRun => None,
        Destination::InPlace => {
            // Through a symbolic link, the file it points to is replaced, not the link.
            let real = std::fs::canonicalize(path).map_err(|e| err(path)(e.into()))?;
            write::write_file(&real, &out, true, wrap).map_err(|e| err(path)(e.into()))?;
            Some(path.to_owned())
        }
        Destination::File(target) => {
            if !request.force && target.exists() {
                return Err(err(target)(ErrorKind::Exists(target.clone())));
            }
            write::write_file(target, &out, request.force, wrap).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => err(target)(ErrorKind::Exists(target.clone())),
                _ => err(target)(e.into()),
            })?;
            Some(target.clone())
        }
        Destination::Sidecar => None, // written above
    };
    Ok(Outcome {
        input: path.to_owned(),
        output,
        format,
        changes,
    })
}

/// Writes (or merges into) the XMP sidecar of `image`.
fn stamp_sidecar(
    image: &Path,
    w: &Written,
    wrap: &mut dyn FnMut(&mut File) -> Box<dyn Write + '_>,
) -> Result<Outcome, Error> {
    let side = sidecar_path(image);
    let err = |kind| Error {
        path: Some(side.clone()),
        kind,
    };
    let old = match std::fs::read(&side) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(err(e.into())),
    };
    let before = match &old {
        Some(b) => {
            metadata::read_bytes(b)
                .map_err(|e| err(ErrorKind::Malformed(e.kind.to_string())))?
                .evidence
        }
        None => Vec::new(),
    };
    let packet = xmp::write(old.as_deref(), w).map_err(err)?;
    read_back(&packet, Format::Xmp, &w.fields(Format::Xmp)).map_err(err)?;
    write::write_file(&side, &packet, true, wrap).map_err(|e| err(e.into()))?;
    Ok(Outcome {
        input: image.to_owned(),
        output: Some(side.clone()),
        format: Format::Xmp,
        changes: changes(&before, w.fields(Format::Xmp)),
    })
}
