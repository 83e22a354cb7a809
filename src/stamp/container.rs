//! Container edits: which segment or chunk holds each payload, and where a new one goes. The
//! `img-parts` crate splits the files into segments and chunks and writes them back; the image
//! data is carried through as opaque bytes and never decoded.

use img_parts::Bytes;
use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::png::{Png, PngChunk};
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;

use super::ErrorKind;
use super::fields::Written;
use super::{exif, iptc, xmp};

const EXIF_PREFIX: &[u8] = b"Exif\0\0";
const XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const PHOTOSHOP_PREFIX: &[u8] = b"Photoshop 3.0\0";
/// The most data a JPEG marker segment holds (its length field counts itself).
const SEGMENT_MAX: usize = 65533;

fn container_error(format: &str, e: img_parts::Error) -> ErrorKind {
    match e {
        img_parts::Error::Truncated => {
            ErrorKind::Truncated(format!("the {format} file ends inside a segment"))
        }
        img_parts::Error::BadCRC => {
            ErrorKind::Malformed(format!("a {format} chunk fails its CRC check"))
        }
        img_parts::Error::WrongSignature => {
            ErrorKind::Malformed(format!("not a valid {format} file"))
        }
    }
}

fn segment(prefix: &[u8], payload: &[u8], what: &str) -> Result<JpegSegment, ErrorKind> {
    let mut contents = Vec::with_capacity(prefix.len() + payload.len());
    contents.extend_from_slice(prefix);
    contents.extend_from_slice(payload);
    if contents.len() > SEGMENT_MAX {
        return Err(ErrorKind::TooLarge(format!(
            "the {what} would take {} bytes, more than one JPEG segment holds ({SEGMENT_MAX})",
            contents.len()
        )));
    }
    let marker = if prefix == PHOTOSHOP_PREFIX {
        markers::APP13
    } else {
        markers::APP1
    };
    Ok(JpegSegment::new_with_contents(
        marker,
        Bytes::from(contents),
    ))
}

fn is_app(s: &JpegSegment, marker: u8, prefix: &[u8]) -> bool {
    s.marker() == marker && s.contents().starts_with(prefix)
}

pub(crate) fn jpeg(input: &[u8], w: &Written) -> Result<Vec<u8>, ErrorKind> {
    let mut jpeg =
        Jpeg::from_bytes(Bytes::copy_from_slice(input)).map_err(|e| container_error("JPEG", e))?;
    // img-parts keeps everything from the first scan on as entropy data; a file cut inside it
    // has no end-of-image marker.
    let scan = jpeg
        .segments()
        .iter()
        .find(|s| s.marker() == markers::SOS)
        .ok_or_else(|| {
            ErrorKind::Truncated("the JPEG has no image data (no SOS segment)".into())
        })?;
    let mut encoded = Vec::new();
    scan.clone()
        .encoder()
        .write_to(&mut encoded)
        .map_err(|e| ErrorKind::Malformed(format!("JPEG scan: {e}")))?;
    if !encoded.windows(2).any(|p| p == [0xFF, markers::EOI]) {
        return Err(ErrorKind::Truncated(
            "the JPEG ends inside its image data (no end-of-image marker)".into(),
        ));
    }
    let segments = jpeg.segments_mut();
    // New segments go after the leading APP0 (JFIF) ones, in the order Exif, XMP, Photoshop.
    let mut insert_at = segments
        .iter()
        .position(|s| s.marker() != markers::APP0)
        .unwrap_or(segments.len());

    if w.joined_authors.is_some() || w.notice.is_some() {
        let pos = segments
            .iter()
            .position(|s| is_app(s, markers::APP1, EXIF_PREFIX));
        let old = pos.map(|i| segments[i].contents().slice(EXIF_PREFIX.len()..));
        let tiff = exif::set(old.as_deref(), w.exif_values(true))?;
        let seg = segment(EXIF_PREFIX, &tiff, "EXIF block")?;
        match pos {
            Some(i) => {
                segments[i] = seg;
                insert_at = insert_at.max(i + 1);
            }
            None => {
                segments.insert(insert_at, seg);
                insert_at += 1;
            }
        }
    }

    let pos = segments
        .iter()
        .position(|s| is_app(s, markers::APP1, XMP_PREFIX));
    let old = pos.map(|i| segments[i].contents().slice(XMP_PREFIX.len()..));
    let packet = xmp::write(old.as_deref(), w)?;
    let seg = segment(XMP_PREFIX, &packet, "XMP packet")?;
    match pos {
        Some(i) => {
            segments[i] = seg;
            insert_at = insert_at.max(i + 1);
        }
        None => {
            segments.insert(insert_at, seg);
            insert_at += 1;
        }
    }

    // Photoshop may split its resources over several APP13 segments: joined, rewritten as one.
    let ps: Vec<usize> = segments
        .iter()
        .enumerate()
        .filter(|(_, s)| is_app(s, markers::APP13, PHOTOSHOP_PREFIX))
        .map(|(i, _)| i)
        .collect();
    let mut old = Vec::new();
    for &i in &ps {
        old.extend_from_slice(&segments[i].contents()[PHOTOSHOP_PREFIX.len()..]);
    }
    let irb = iptc::set(&old, w)?;
    let seg = segment(PHOTOSHOP_PREFIX, &irb, "Photoshop/IPTC block")?;
    match ps.first() {
        Some(&first) => {
            segments[first] = seg;
            for &i in ps[1..].iter().rev() {
                segments.remove(i);
            }
        }
        None => segments.insert(insert_at, seg),
    }
    Ok(jpeg.encoder().bytes().to_vec())
}

const ITXT: [u8; 4] = *b"iTXt";
const XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp";

/// The keyword of a text chunk (`tEXt`, `zTXt`, `iTXt`).
fn text_keyword(c: &PngChunk) -> Option<&[u8]> {
    if !matches!(&c.kind(), b"tEXt" | b"zTXt" | b"iTXt") {
        return None;
    }
    let data = c.contents();
    let end = data.iter().position(|&b| b == 0)?;
    Some(&data[..end])
}

/// An uncompressed `iTXt` chunk (PNG 1.2, 11.3.4.5): keyword, NUL, flag 0, method 0, empty
/// language tag, empty translated keyword, UTF-8 text.
fn itxt(keyword: &[u8], text: &[u8]) -> PngChunk {
    let mut d = Vec::with_capacity(keyword.len() + 5 + text.len());
    d.extend_from_slice(keyword);
    d.extend_from_slice(&[0, 0, 0, 0, 0]);
    d.extend_from_slice(text);
    PngChunk::new(ITXT, Bytes::from(d))
}

/// The text of an `iTXt` chunk, inflated when compressed (bounded by the payload cap).
fn itxt_text(c: &PngChunk) -> Result<Vec<u8>, ErrorKind> {
    let d = c.contents();
    let bad = || ErrorKind::Malformed("a PNG iTXt chunk is malformed".into());
    let k = d.iter().position(|&b| b == 0).ok_or_else(bad)?;
    let flag = *d.get(k + 1).ok_or_else(bad)?;
    let rest = d.get(k + 3..).ok_or_else(bad)?;
    let lang = rest.iter().position(|&b| b == 0).ok_or_else(bad)?;
    let rest = &rest[lang + 1..];
    let tr = rest.iter().position(|&b| b == 0).ok_or_else(bad)?;
    let text = &rest[tr + 1..];
    if flag == 0 {
        return Ok(text.to_vec());
    }
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(text, crate::metadata::MAX_PAYLOAD)
        .map_err(|_| ErrorKind::Malformed("a compressed PNG iTXt chunk does not inflate".into()))
}

pub(crate) fn png(input: &[u8], w: &Written) -> Result<Vec<u8>, ErrorKind> {
    let mut png =
        Png::from_bytes(Bytes::copy_from_slice(input)).map_err(|e| container_error("PNG", e))?;
    let chunks = png.chunks_mut();
    if chunks.first().map(PngChunk::kind) != Some(*b"IHDR") {
        return Err(ErrorKind::Malformed(
            "the PNG does not start with IHDR".into(),
        ));
    }
    if chunks.last().map(PngChunk::kind) != Some(*b"IEND") {
        return Err(ErrorKind::Truncated("the PNG ends before IEND".into()));
    }
    let first_idat = chunks
        .iter()
        .position(|c| c.kind() == *b"IDAT")
        .ok_or_else(|| ErrorKind::Malformed("the PNG has no image data (IDAT)".into()))?;
    // New chunks go before the image data, where every reader looks.
    let mut insert_at = first_idat;

    if w.joined_authors.is_some() || w.notice.is_some() {
        let pos = chunks.iter().position(|c| c.kind() == *b"eXIf");
        let old = pos.map(|i| chunks[i].contents().clone());
        let tiff = exif::set(old.as_deref(), w.exif_values(false))?;
        let chunk = PngChunk::new(*b"eXIf", Bytes::from(tiff));
        match pos.filter(|&i| i < first_idat) {
            Some(i) => chunks[i] = chunk,
            None => {
                if let Some(i) = pos {
                    // eXIf after IDAT is invalid (PNG 3rd edition); move it before.
                    chunks.remove(i);
                }
                chunks.insert(insert_at, chunk);
                insert_at += 1;
            }
        }
    }

    let pos = chunks
        .iter()
        .position(|c| c.kind() == ITXT && text_keyword(c) == Some(XMP_KEYWORD));
    let old = pos.map(|i| itxt_text(&chunks[i])).transpose()?;
    let packet = xmp::write(old.as_deref(), w)?;
    let chunk = itxt(XMP_KEYWORD, &packet);
    match pos {
        Some(i) => chunks[i] = chunk,
        None => {
            chunks.insert(insert_at, chunk);
            insert_at += 1;
        }
    }

    // The PNG text keywords licit and exiftool read as rights (PNG 1.2, 11.3.4.2).
    for (keyword, value) in [
        (&b"Title"[..], &w.title),
        (b"Author", &w.joined_authors),
        (b"Copyright", &w.notice),
    ] {
        let Some(value) = value else { continue };
        let old: Vec<usize> = chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| text_keyword(c) == Some(keyword))
            .map(|(i, _)| i)
            .collect();
        let chunk = itxt(keyword, value.as_bytes());
        match old.first() {
            Some(&i) => {
                chunks[i] = chunk;
                for &j in old[1..].iter().rev() {
                    chunks.remove(j);
                }
            }
            None => {
                chunks.insert(insert_at, chunk);
                insert_at += 1;
            }
        }
    }
    Ok(png.encoder().bytes().to_vec())
}

/// VP8X flag bits (WebP container specification, "Extended file format").
const FLAG_ICC: u8 = 0x20;
const FLAG_ALPHA: u8 = 0x10;
const FLAG_EXIF: u8 = 0x08;
const FLAG_XMP: u8 = 0x04;
const FLAG_ANIMATION: u8 = 0x02;

fn data_chunk(id: [u8; 4], data: Vec<u8>) -> RiffChunk {
    RiffChunk::new(id, RiffContent::Data(Bytes::from(data)))
}

pub(crate) fn webp(input: &[u8], w: &Written) -> Result<Vec<u8>, ErrorKind> {
    let mut webp =
        WebP::from_bytes(Bytes::copy_from_slice(input)).map_err(|e| container_error("WebP", e))?;
    let has = |webp: &WebP, id: &[u8; 4]| webp.chunks().iter().any(|c| c.id() == *id);
    if !(has(&webp, b"VP8 ") || has(&webp, b"VP8L") || has(&webp, b"ANMF")) {
        return Err(ErrorKind::Malformed("the WebP has no image data".into()));
    }
    let dimensions = webp.dimensions();
    let chunks = webp.chunks_mut();

    let exif_pos = chunks.iter().position(|c| c.id() == *b"EXIF");
    if w.joined_authors.is_some() || w.notice.is_some() {
        let old = exif_pos.and_then(|i| chunks[i].content().data().cloned());
        // Some writers keep the JPEG "Exif\0\0" prefix; the WebP specification has none.
        let old = old
            .as_deref()
            .map(|d| d.strip_prefix(EXIF_PREFIX).unwrap_or(d));
        let tiff = exif::set(old, w.exif_values(false))?;
        let chunk = data_chunk(*b"EXIF", tiff);
        match exif_pos {
            Some(i) => chunks[i] = chunk,
            None => {
                // EXIF goes after the image data, before XMP (specification's chunk order).
                let at = chunks
                    .iter()
                    .position(|c| c.id() == *b"XMP ")
                    .unwrap_or(chunks.len());
                chunks.insert(at, chunk);
            }
        }
    }
    let xmp_pos = chunks.iter().position(|c| c.id() == *b"XMP ");
    let old = xmp_pos.and_then(|i| chunks[i].content().data().cloned());
    let packet = xmp::write(old.as_deref(), w)?;
    let chunk = data_chunk(*b"XMP ", packet);
    match xmp_pos {
        Some(i) => chunks[i] = chunk,
        None => {
            let at = chunks
                .iter()
                .position(|c| c.id() == *b"EXIF")
                .map_or(chunks.len(), |i| i + 1);
            chunks.insert(at, chunk);
        }
    }

    // Metadata chunks need the extended format: create VP8X, or set its flags to what the file
    // holds. img-parts keeps the XMP flag as it was, so the flags are computed here.
    let has_id = |id: &[u8; 4]| chunks.iter().any(|c| c.id() == *id);
    let lossless_alpha = chunks
        .iter()
        .find(|c| c.id() == *b"VP8L")
        .and_then(|c| c.content().data())
        .is_some_and(|d| matches!(d.get(..5), Some(&[0x2f, _, _, _, last]) if last & 0x10 != 0));
    let mut flags = 0u8;
    if has_id(b"ICCP") {
        flags |= FLAG_ICC;
    }
    if has_id(b"ALPH") || lossless_alpha {
        flags |= FLAG_ALPHA;
    }
    if has_id(b"EXIF") {
        flags |= FLAG_EXIF;
    }
    if has_id(b"XMP ") {
        flags |= FLAG_XMP;
    }
    if has_id(b"ANIM") || has_id(b"ANMF") {
        flags |= FLAG_ANIMATION;
    }
    match chunks.iter().position(|c| c.id() == *b"VP8X") {
        Some(i) => {
            let mut data = chunks[i]
                .content()
                .data()
                .filter(|d| d.len() >= 10)
                .ok_or_else(|| ErrorKind::Malformed("the WebP VP8X chunk is too short".into()))?
                .to_vec();
            // Only the metadata bits change; alpha and animation are the encoder's statement.
            data[0] = (data[0] & !(FLAG_EXIF | FLAG_XMP)) | (flags & (FLAG_EXIF | FLAG_XMP));
            chunks[i] = data_chunk(*b"VP8X", data);
        }
        None => {
            let (width, height) = dimensions
                .ok_or_else(|| ErrorKind::Malformed("the WebP image size cannot be read".into()))?;
            let mut data = vec![flags, 0, 0, 0];
            data.extend_from_slice(&width.saturating_sub(1).to_le_bytes()[..3]);
            data.extend_from_slice(&height.saturating_sub(1).to_le_bytes()[..3]);
            chunks.insert(0, data_chunk(*b"VP8X", data));
        }
    }
    Ok(webp.encoder().bytes().to_vec())
}
