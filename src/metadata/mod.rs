//! Embedded metadata: the rights fields of EXIF, XMP and IPTC IIM, from the bytes of an image.
//!
//! The container is decided by content (magic bytes), never by the file name. Only the metadata
//! segments are read, never the pixels: a JPEG whose metadata sits at its start costs one read of
//! 64 KiB. Every field becomes [`Evidence`] with the origin names of [`crate::evidence::origin`],
//! kept verbatim (trailing NULs removed); a list value (several `dc:creator`) is one entry per
//! element. Nothing is deduplicated across sources: merging is the credit stage's job.
//!
//! Readers never give up silently: a [`Metadata`] holds what could be read plus the
//! [`Problem`]s met (a truncated segment, a lying length, bad XML), each with its file offset.
//! [`Error`] is kept for files that cannot be read at all (I/O, not an image).
//!
//! ```no_run
//! # fn main() -> Result<(), licit::metadata::Error> {
//! let meta = licit::metadata::read_path("tests/fixtures/images/exif.jpg".as_ref())?;
//! for e in &meta.evidence {
//!     println!("{} = {}", e.origin, e.value);
//! }
//! # Ok(()) }
//! ```
//!
//! Supported containers: JPEG, PNG, TIFF (and DNG), WebP, HEIF/HEIC/AVIF, GIF, JPEG XL (the
//! container's `Exif` and `xml ` boxes; brotli-compressed `brob` boxes are reported, not
//! decoded), and standalone XMP (sidecars: see [`sidecar_for`]).
//!
//! Character sets: EXIF ASCII fields are read as UTF-8 when they are valid UTF-8, otherwise as
//! Windows-1252 (as exiftool does). IPTC IIM is UTF-8 when record 1:90 holds `ESC % G`; otherwise
//! bytes that are valid UTF-8 are read as UTF-8 and others as Windows-1252 (a superset of
//! Latin-1), and a [`ProblemKind::Charset`] problem is recorded for the latter. PNG `tEXt`/`zTXt`
//! are Latin-1, `iTXt` is UTF-8, XP* tags UTF-16LE.

#[cfg(feature = "c2pa")]
pub mod c2pa;
mod exif;
mod gif;
mod input;
mod iptc;
mod isobmff;
mod jpeg;
mod png;
mod text;
mod tiff;
pub mod vocab;
mod webp;
mod xmp;

use std::fmt;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use crate::evidence::{Evidence, Origin};
use input::Input;
pub use input::{open_regular, read_text};

/// The most bytes any single payload (an XMP packet, an EXIF block, an inflated PNG chunk) may
/// take. A length field claiming more is a [`ProblemKind::TooLarge`] problem, never an allocation.
pub const MAX_PAYLOAD: usize = 16 * 1024 * 1024;

/// The most payload bytes one file may make licit decode, across all its segments, chunks and
/// items (inflated PNG text, EXIF values, XMP packets, IPTC blocks, HEIF items). Each payload is
/// capped by [`MAX_PAYLOAD`]; this caps their sum, so that many payloads each just under the cap,
/// or many items sharing one extent, cannot multiply the work. Past it, payloads are not read
/// and a [`ProblemKind::TooLarge`] problem says so.
pub const MAX_DECODED: usize = 2 * MAX_PAYLOAD;

/// The most evidence entries one file may give (a real photo gives a few dozen). Past it,
/// values are dropped with one [`ProblemKind::TooLarge`] problem.
pub const MAX_EVIDENCE: usize = 4096;

/// The container a file was recognised as, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Jpeg,
    Png,
    /// TIFF and TIFF-based raw formats such as DNG.
    Tiff,
    Webp,
    /// HEIF and HEIC (ISO base media file with an image brand).
    Heif,
    Avif,
    Gif,
    JpegXl,
    /// A standalone XMP packet (a sidecar).
    Xmp,
}

impl Format {
    /// The lower-case name: `jpeg`, `png`, `tiff`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Tiff => "tiff",
            Format::Webp => "webp",
            Format::Heif => "heif",
            Format::Avif => "avif",
            Format::Gif => "gif",
            Format::JpegXl => "jpeg-xl",
            Format::Xmp => "xmp",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of trouble a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The file ends inside a structure.
    Truncated,
    /// A structure is inconsistent: a length that does not fit, a bad marker, invalid XML.
    Malformed,
    /// A length claims more than [`MAX_PAYLOAD`] or a nesting limit was hit.
    TooLarge,
    /// A structure licit recognises but does not read (BigTIFF, brotli boxes, JIS text).
    Unsupported,
    /// Text whose character set was not declared or not valid; it was decoded as documented.
    Charset,
}

/// A problem met while reading: where, what kind, and what.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Byte offset in the file of the structure concerned.
    pub offset: u64,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

/// What was read from one file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Metadata {
    pub format: Format,
    /// The rights fields, in file order, verbatim.
    pub evidence: Vec<Evidence>,
    /// Everything that went wrong; the evidence read before and after it is kept.
    pub problems: Vec<Problem>,
    /// Bytes actually read from the file (for a byte slice: the extent looked at).
    pub bytes_read: u64,
    /// The container embeds a C2PA manifest store (JPEG APP11 JUMBF, PNG `caBX`, WebP `C2PA`,
    /// ISOBMFF `uuid` or JPEG XL `jumb` box, GIF `C2PA_GIF` extension, TIFF tag 0xCD41), seen
    /// while walking the container: nothing of it is read here. With the `c2pa` feature
    /// `check` validates it; without, the item says it is there and unvalidated.
    pub c2pa_store: bool,
}

/// A file that could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", path.as_deref().map_or_else(|| "<bytes>".to_owned(), |p| p.display().to_string()))]
pub struct Error {
    /// The file, when reading from a path.
    pub path: Option<PathBuf>,
    pub kind: ErrorKind,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    /// The first bytes match no supported container; says what they look like.
    #[error("not an image: {0}")]
    NotAnImage(String),
}

/// Reads the metadata of the file at `path`. The file is opened read-only.
pub fn read_path(path: &Path) -> Result<Metadata, Error> {
    let with_path = |kind: ErrorKind| Error {
        path: Some(path.to_owned()),
        kind,
    };
    // Only a regular file: a FIFO would block, a device such as /dev/zero never end.
    let (mut file, len) = open_regular(path).map_err(|e| with_path(e.into()))?;
    read_input(Input::reader(&mut file, len).at_start()).map_err(with_path)
}

/// Reads the metadata of an image held in memory.
pub fn read_bytes(bytes: &[u8]) -> Result<Metadata, Error> {
    read_input(Input::slice(bytes)).map_err(|kind| Error { path: None, kind })
}

/// Reads the metadata from any seekable reader (the reader's position is moved).
pub fn read_reader<R: Read + Seek>(reader: &mut R) -> Result<Metadata, Error> {
    let err = |e: std::io::Error| Error {
        path: None,
        kind: e.into(),
    };
    let len = reader.seek(std::io::SeekFrom::End(0)).map_err(err)?;
    read_input(Input::reader(reader, len)).map_err(|kind| Error { path: None, kind })
}

/// Like [`read_reader`], for a reader that fetches in blocks of `block` bytes (HTTP Range
/// requests): every read ends on a block boundary, so reading ahead never costs a block the
/// metadata does not reach.
pub fn read_reader_in_blocks<R: Read + Seek>(
    reader: &mut R,
    block: u64,
) -> Result<Metadata, Error> {
    let err = |e: std::io::Error| Error {
        path: None,
        kind: e.into(),
    };
    let len = reader.seek(std::io::SeekFrom::End(0)).map_err(err)?;
    read_input(Input::reader(reader, len).in_blocks(block))
        .map_err(|kind| Error { path: None, kind })
}

/// The XMP sidecar of `image`, if one exists: `photo.jpg.xmp` first, then `photo.xmp`
/// (either in upper or lower case). Read it with [`read_path`]; its format is [`Format::Xmp`].
pub fn sidecar_for(image: &Path) -> Option<PathBuf> {
    sidecar_candidates(image).into_iter().find(|p| p.is_file())
}

/// The paths an XMP sidecar of `image` may have, in the order [`sidecar_for`] tries them; for
/// callers that already know which files exist (a directory walk) and need not ask the disk.
pub fn sidecar_candidates(image: &Path) -> Vec<PathBuf> {
    let mut candidates = Vec::with_capacity(4);
    for ext in ["xmp", "XMP"] {
        let mut whole = image.as_os_str().to_owned();
        whole.push(".");
        whole.push(ext);
        candidates.push(PathBuf::from(whole));
    }
    for ext in ["xmp", "XMP"] {
        if image.extension().is_some_and(|e| e != ext) {
            candidates.push(image.with_extension(ext));
        }
    }
    candidates
}

/// The most bytes of one evidence value (a credit, a license, a description). Longer text is
/// not a credit anyone wrote; keeping it would hand megabytes to every later stage.
pub const MAX_VALUE: usize = 64 * 1024;

/// The largest image whose C2PA content credentials are validated (validation hashes every
/// byte; see `c2pa.rs`).
pub const MAX_C2PA_FILE: u64 = 512 * 1024 * 1024;

/// The most problems listed for one file.
pub const MAX_PROBLEMS: usize = 256;

/// What the parsers fill in, with the file's budgets.
#[derive(Default)]
pub(crate) struct Found {
    pub evidence: Vec<Evidence>,
    pub problems: Vec<Problem>,
    /// Payload bytes decoded so far (see [`MAX_DECODED`]).
    decoded: usize,
    over_budget: bool,
    too_much_evidence: bool,
    /// See [`Metadata::c2pa_store`].
    pub c2pa_store: bool,
}

impl Found {
    /// Adds evidence unless the value is empty or only whitespace once NULs are removed.
    pub fn push(&mut self, origin: Origin, value: &str) {
        let value = value.trim_end_matches('\0').trim_start_matches('\0');
        if value.trim().is_empty() {
            return;
        }
        if value.len() > MAX_VALUE {
            self.problem(
                0,
                ProblemKind::TooLarge,
                format!(
                    "a {origin} value of {} bytes is over the {MAX_VALUE}-byte limit for one value; not kept",
                    value.len()
                ),
            );
            return;
        }
        if self.evidence.len() >= MAX_EVIDENCE {
            if !self.too_much_evidence {
                self.too_much_evidence = true;
                self.problem(
                    0,
                    ProblemKind::TooLarge,
                    format!("more than {MAX_EVIDENCE} metadata values; the rest were not kept"),
                );
            }
            return;
        }
        self.evidence.push(Evidence::new(origin, value));
    }

    /// Charges `n` decoded bytes of `what` (at `offset`) to the file's budget; false (with one
    /// problem for the file) when the budget is spent, and the payload must not be read.
    pub fn spend(&mut self, offset: u64, n: usize, what: &str) -> bool {
        match self.decoded.checked_add(n) {
            Some(total) if total <= MAX_DECODED => {
                self.decoded = total;
                true
            }
            _ => {
                self.exhaust(offset, &format!("{what} of {n} bytes"));
                false
            }
        }
    }

    /// Reports (once per file) that `what` would go past the file's budget of decoded bytes.
    pub fn exhaust(&mut self, offset: u64, what: &str) {
        if !self.over_budget {
            self.over_budget = true;
            self.problem(
                offset,
                ProblemKind::TooLarge,
                format!(
                    "{what} would take the file past its budget of {MAX_DECODED} decoded metadata bytes; it and any later payload were not read"
                ),
            );
        }
    }

    /// Decoded bytes the file may still spend.
    pub fn remaining(&self) -> usize {
        MAX_DECODED.saturating_sub(self.decoded)
    }

    pub fn problem(&mut self, offset: u64, kind: ProblemKind, message: impl Into<String>) {
        // A crafted file can hold a problem every few bytes; past the cap, one last problem
        // says how many more there were.
        if self.problems.len() > MAX_PROBLEMS {
            return;
        }
        if self.problems.len() == MAX_PROBLEMS {
            self.problems.push(Problem {
                offset,
                kind: ProblemKind::TooLarge,
                message: format!("more than {MAX_PROBLEMS} problems; the rest are not listed"),
            });
            return;
        }
        self.problems.push(Problem {
            offset,
            kind,
            message: message.into(),
        });
    }

    /// Records a read error as a problem (the reader keeps what it had).
    pub fn io(&mut self, offset: u64, e: &std::io::Error) {
        self.problem(offset, ProblemKind::Truncated, format!("read failed: {e}"));
    }
}

fn read_input(mut input: Input<'_>) -> Result<Metadata, ErrorKind> {
    if input.len() == 0 {
        return Err(ErrorKind::Empty);
    }
    let mut head = [0u8; 64];
    let got = input.get(0, 64)?;
    let n = got.len();
    head[..n].copy_from_slice(got);
    let head = &head[..n];
    let format = sniff(head).map_err(ErrorKind::NotAnImage)?;
    let mut found = Found::default();
    match format {
        Format::Jpeg => jpeg::read(&mut input, &mut found),
        Format::Png => png::read(&mut input, &mut found),
        Format::Tiff => tiff::read(&mut input, &mut found),
        Format::Webp => webp::read(&mut input, &mut found),
        Format::Heif | Format::Avif => isobmff::read_heif(&mut input, &mut found),
        Format::JpegXl => isobmff::read_jxl(&mut input, &mut found),
        Format::Gif => gif::read(&mut input, &mut found),
        Format::Xmp => read_xmp_file(&mut input, &mut found),
    }
    Ok(Metadata {
        format,
        evidence: found.evidence,
        problems: found.problems,
        bytes_read: input.bytes_read(),
        c2pa_store: found.c2pa_store,
    })
}

fn read_xmp_file(input: &mut Input<'_>, found: &mut Found) {
    let len = input.len();
    if len > MAX_PAYLOAD as u64 {
        found.problem(
            0,
            ProblemKind::TooLarge,
            format!("XMP file of {len} bytes is over the {MAX_PAYLOAD}-byte limit"),
        );
        return;
    }
    match input.get(0, len as usize) {
        Ok(bytes) => {
            xmp::read(bytes, 0, found);
        }
        Err(e) => found.io(0, &e),
    }
}

const JXL_CONTAINER: &[u8] = b"\0\0\0\x0cJXL \r\n\x87\n";

/// Decides the container from the first bytes.
fn sniff(head: &[u8]) -> Result<Format, String> {
    let starts = |m: &[u8]| head.starts_with(m);
    if starts(b"\xff\xd8\xff") {
        return Ok(Format::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
        return Ok(Format::Tiff);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Ok(Format::Gif);
    }
    if starts(b"\xff\x0a") || starts(JXL_CONTAINER) {
        return Ok(Format::JpegXl);
    }
    if head.len() >= 12 && starts(b"RIFF") && &head[8..12] == b"WEBP" {
        return Ok(Format::Webp);
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return isobmff::brand_format(head);
    }
    if looks_like_xmp(head) {
        return Ok(Format::Xmp);
    }
    Err(describe(head))
}

fn looks_like_xmp(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let text = &text[start..];
    [
        &b"<?xpacket"[..],
        b"<x:xmpmeta",
        b"<x:xapmeta",
        b"<rdf:RDF",
        b"<?xml",
    ]
    .iter()
    .any(|m| text.starts_with(m))
}

/// A short description of unrecognised content, for the error message.
fn describe(head: &[u8]) -> String {
    let sample = &head[..head.len().min(16)];
    if sample
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace())
    {
        "starts with text, no image signature".to_owned()
    } else {
        let hex: Vec<String> = sample.iter().map(|b| format!("{b:02x}")).collect();
        format!("unknown signature {}", hex.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG chunk: length, type, data, a CRC (not checked by the reader).
    fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0; 4]);
        c
    }

    #[test]
    fn a_c2pa_manifest_store_is_noted_in_each_container() {
        // JPEG: an APP11 JUMBF segment labelled "c2pa".
        let mut jumbf = b"JP\0\x01\0\0\0\x01\0\0\0\x40jumb\0\0\0\x20jumd".to_vec();
        jumbf.extend_from_slice(&[0x63, 0x32, 0x70, 0x61, 0, 0x11, 0, 0x10]);
        jumbf.extend_from_slice(&[0; 8]);
        jumbf.extend_from_slice(b"\x03c2pa\0");
        let mut jpeg = b"\xff\xd8\xff\xeb".to_vec();
        jpeg.extend_from_slice(&((jumbf.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(&jumbf);
        jpeg.extend_from_slice(b"\xff\xda\0\x02");
        assert!(read_bytes(&jpeg).unwrap().c2pa_store);
        // The same segment with another type and label is some other JUMBF.
        let mut other = jpeg.clone();
        while let Some(at) = memchr::memmem::find(&other, b"c2pa") {
            other[at..at + 4].copy_from_slice(b"xxxx");
        }
        assert!(!read_bytes(&other).unwrap().c2pa_store);
        // PNG: a `caBX` chunk.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(png_chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
        let plain = [png.clone(), png_chunk(b"IEND", &[])].concat();
        png.extend(png_chunk(b"caBX", b"\0\0\0\x08jumb"));
        png.extend(png_chunk(b"IEND", &[]));
        assert!(read_bytes(&png).unwrap().c2pa_store);
        assert!(!read_bytes(&plain).unwrap().c2pa_store);
        // WebP: a `C2PA` chunk.
        let mut webp = b"RIFF\0\0\0\0WEBPC2PA\x04\0\0\0abcd".to_vec();
        let n = (webp.len() - 8) as u32;
        webp[4..8].copy_from_slice(&n.to_le_bytes());
        assert!(read_bytes(&webp).unwrap().c2pa_store);
    }

    #[test]
    fn text_is_not_an_image() {
        let err = read_bytes(b"hello, I am a text file named photo.jpg\n").unwrap_err();
        assert!(matches!(err.kind, ErrorKind::NotAnImage(_)), "{err}");
        assert!(err.to_string().contains("not an image"), "{err}");
    }

    #[test]
    fn empty_is_an_error() {
        assert!(matches!(
            read_bytes(b"").unwrap_err().kind,
            ErrorKind::Empty
        ));
    }

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"\xff\xd8\xff\xe0").unwrap(), Format::Jpeg);
        assert_eq!(sniff(b"MM\0*\0\0\0\x08").unwrap(), Format::Tiff);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").unwrap(), Format::Webp);
        assert_eq!(sniff(b"\xef\xbb\xbf <?xpacket begin").unwrap(), Format::Xmp);
        assert!(sniff(b"RIFF\0\0\0\0WAVEfmt ").is_err());
    }

    #[test]
    fn empty_values_are_not_evidence() {
        let mut f = Found::default();
        f.push(crate::evidence::origin::EXIF_ARTIST, "\0\0");
        f.push(crate::evidence::origin::EXIF_ARTIST, "   ");
        f.push(crate::evidence::origin::EXIF_ARTIST, "Jane\0");
        assert_eq!(f.evidence.len(), 1);
        assert_eq!(f.evidence[0].value, "Jane");
    }
}

/// Entry points for the fuzz targets in `fuzz/` (not a stable API).
#[doc(hidden)]
pub mod fuzzing {
    use super::Found;

    /// Reads an XMP packet; returns how many evidence entries and problems it gave.
    pub fn xmp(bytes: &[u8]) -> (usize, usize) {
        let mut f = Found::default();
        super::xmp::read(bytes, 0, &mut f);
        (f.evidence.len(), f.problems.len())
    }

    /// Reads IPTC IIM datasets.
    pub fn iptc_iim(bytes: &[u8]) -> (usize, usize) {
        let mut f = Found::default();
        super::iptc::read_iim(bytes, 0, &mut f);
        (f.evidence.len(), f.problems.len())
    }

    /// Reads a Photoshop image resource block.
    pub fn iptc_irb(bytes: &[u8]) -> (usize, usize) {
        let mut f = Found::default();
        super::iptc::read_irb(bytes, 0, &mut f);
        (f.evidence.len(), f.problems.len())
    }

    /// Reads an EXIF (TIFF) block.
    pub fn exif(bytes: &[u8]) -> (usize, usize) {
        let mut f = Found::default();
        let _ = super::exif::read(bytes, 0, &mut f);
        (f.evidence.len(), f.problems.len())
    }
}
