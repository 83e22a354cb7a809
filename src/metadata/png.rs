//! PNG: eXIf and text chunks (tEXt, zTXt, iTXt) anywhere before IEND; IDAT is skipped unread
//! when it is larger than the read window.

use super::input::Input;
use super::text::{latin1, trim_nul};
use super::{Found, MAX_PAYLOAD, MAX_VALUE, ProblemKind, exif, iptc, xmp};
use crate::evidence::{Origin, origin};

const XMP_KEYWORD: &[u8] = b"XML:com.adobe.xmp";

/// Text keywords read as evidence (PNG specification 11.3.4.2).
const KEYWORDS: &[(&[u8], Origin)] = &[
    (b"Author", origin::PNG_AUTHOR),
    (b"Copyright", origin::PNG_COPYRIGHT),
    (b"Description", origin::PNG_DESCRIPTION),
    (b"Title", origin::PNG_TITLE),
    (b"Source", origin::PNG_SOURCE),
    (b"Comment", origin::PNG_COMMENT),
];

pub(crate) fn read(input: &mut Input<'_>, found: &mut Found) {
    let mut pos = 8u64;
    loop {
        let head = match input.get(pos, 8) {
            Ok(h) => h,
            Err(e) => return found.io(pos, &e),
        };
        if head.is_empty() {
            found.problem(pos, ProblemKind::Truncated, "PNG ends before IEND");
            return;
        }
        let Some(&[a, b, c, d, t0, t1, t2, t3]) = head.first_chunk::<8>() else {
            found.problem(
                pos,
                ProblemKind::Truncated,
                "PNG ends inside a chunk header",
            );
            return;
        };
        let len = u32::from_be_bytes([a, b, c, d]);
        let kind = [t0, t1, t2, t3];
        if len > 0x7FFF_FFFF {
            found.problem(
                pos,
                ProblemKind::Malformed,
                format!("PNG chunk length {len}"),
            );
            return;
        }
        if &kind == b"IEND" {
            return;
        }
        let data_at = pos + 8;
        // C2PA's chunk (C2PA 2.1, A.3.3); its JUMBF is left to `c2pa`.
        found.c2pa_store |= &kind == b"caBX";
        let wanted = matches!(&kind, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt");
        if wanted {
            if len as usize > MAX_PAYLOAD {
                found.problem(
                    pos,
                    ProblemKind::TooLarge,
                    format!("PNG chunk claims {len} bytes, over the {MAX_PAYLOAD}-byte limit"),
                );
            } else {
                let data = match input.get_vec(data_at, len as usize) {
                    Ok(d) => d,
                    Err(e) => return found.io(data_at, &e),
                };
                if data.len() < len as usize {
                    found.problem(
                        pos,
                        ProblemKind::Truncated,
                        format!("PNG chunk claims {len} bytes, {} remain", data.len()),
                    );
                    return;
                }
                chunk(&kind, &data, data_at, found);
            }
        }
        // data, then the 4-byte CRC
        pos = data_at + u64::from(len) + 4;
        if pos > input.len() {
            found.problem(data_at, ProblemKind::Truncated, "PNG ends inside a chunk");
            return;
        }
    }
}

fn chunk(kind: &[u8; 4], data: &[u8], at: u64, found: &mut Found) {
    match kind {
        b"eXIf" => {
            // Some writers keep the JPEG "Exif\0\0" prefix.
            let tiff = data.strip_prefix(b"Exif\0\0").unwrap_or(data);
            exif::read(tiff, at, found);
        }
        b"tEXt" => {
            let Some((key, text)) = split_nul(data) else {
                return found.problem(at, ProblemKind::Malformed, "tEXt without a keyword");
            };
            text_value(key, text, false, at, found);
        }
        b"zTXt" => {
            let Some((key, rest)) = split_nul(data) else {
                return found.problem(at, ProblemKind::Malformed, "zTXt without a keyword");
            };
            let Some((_method, compressed)) = rest.split_first() else {
                return found.problem(at, ProblemKind::Truncated, "zTXt cut short");
            };
            // Only text licit reads is inflated, and only as far as it may be long.
            let Some(limit) = inflate_limit(key) else {
                return;
            };
            if let Some(text) = inflate(compressed, limit, at, found) {
                text_value(key, &text, false, at, found);
            }
        }
        b"iTXt" => {
            let Some((key, rest)) = split_nul(data) else {
                return found.problem(at, ProblemKind::Malformed, "iTXt without a keyword");
            };
            let Some((&[flag, _method], rest)) = rest.split_first_chunk::<2>() else {
                return found.problem(at, ProblemKind::Truncated, "iTXt cut short");
            };
            let Some((_lang, rest)) = split_nul(rest) else {
                return found.problem(at, ProblemKind::Malformed, "iTXt language tag unterminated");
            };
            let Some((_translated, text)) = split_nul(rest) else {
                return found.problem(at, ProblemKind::Malformed, "iTXt keyword unterminated");
            };
            if flag == 1 {
                let Some(limit) = inflate_limit(key) else {
                    return;
                };
                if let Some(text) = inflate(text, limit, at, found) {
                    text_value(key, &text, true, at, found);
                }
            } else {
                text_value(key, text, true, at, found);
            }
        }
        _ => {}
    }
}

/// How far the compressed text of a chunk with keyword `key` is inflated: a payload (XMP, a raw
/// profile) up to [`MAX_PAYLOAD`]; a text keyword licit reads one byte past the longest value it
/// keeps ([`MAX_VALUE`]), which is enough to tell that it is too long; other keywords not at all.
fn inflate_limit(key: &[u8]) -> Option<usize> {
    if key == XMP_KEYWORD || key.starts_with(b"Raw profile type ") {
        Some(MAX_PAYLOAD)
    } else if KEYWORDS.iter().any(|(k, _)| k.eq_ignore_ascii_case(key)) {
        Some(MAX_VALUE + 1)
    } else {
        None
    }
}

/// One text chunk's keyword and text (`utf8` for iTXt, Latin-1 otherwise).
fn text_value(key: &[u8], text: &[u8], utf8: bool, at: u64, found: &mut Found) {
    if key == XMP_KEYWORD {
        xmp::read(text, at, found);
        return;
    }
    if let Some(kind) = key.strip_prefix(b"Raw profile type ") {
        return raw_profile(kind, text, at, found);
    }
    // Keywords are matched regardless of case, as exiftool does (`author`, `Comment`).
    let Some(&(_, o)) = KEYWORDS.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)) else {
        return;
    };
    let text = trim_nul(text);
    if text.len() > MAX_VALUE {
        return found.problem(
            at,
            ProblemKind::TooLarge,
            format!(
                "PNG text {:?} is over the {MAX_VALUE}-byte limit for one value; not kept",
                String::from_utf8_lossy(key)
            ),
        );
    }
    let value = if utf8 {
        String::from_utf8_lossy(text).into_owned()
    } else {
        latin1(text)
    };
    found.push(o, &value);
}

/// ImageMagick's "Raw profile type NAME" text: `\nNAME\n   LENGTH\nHEX…`.
fn raw_profile(kind: &[u8], text: &[u8], at: u64, found: &mut Found) {
    let mut fields = text
        .split(|b| b.is_ascii_whitespace())
        .filter(|f| !f.is_empty());
    let _name = fields.next();
    let len: Option<usize> = fields
        .next()
        .and_then(|l| std::str::from_utf8(l).ok())
        .and_then(|l| l.parse().ok());
    let Some(len) = len.filter(|&l| l <= MAX_PAYLOAD) else {
        return found.problem(
            at,
            ProblemKind::Malformed,
            "raw profile length missing or too large",
        );
    };
    let mut bytes = Vec::with_capacity(len.min(text.len() / 2));
    let mut high: Option<u8> = None;
    for f in fields {
        for &c in f {
            let Some(v) = (c as char).to_digit(16) else {
                return found.problem(at, ProblemKind::Malformed, "raw profile is not hex");
            };
            match high.take() {
                Some(h) => bytes.push((h << 4) | v as u8),
                None => high = Some(v as u8),
            }
        }
    }
    if bytes.len() != len {
        found.problem(
            at,
            ProblemKind::Truncated,
            format!("raw profile claims {len} bytes, holds {}", bytes.len()),
        );
    }
    match kind {
        b"exif" | b"APP1" if bytes.starts_with(b"Exif\0") && bytes.len() >= 6 => {
            exif::read(&bytes[6..], at, found);
        }
        b"exif" => {
            exif::read(&bytes, at, found);
        }
        b"iptc" | b"8bim" => {
            if bytes.starts_with(b"8BIM") {
                iptc::read_irb(&bytes, at, found);
            } else {
                iptc::read_iim(&bytes, at, found);
            }
        }
        b"xmp" => {
            xmp::read(&bytes, at, found);
        }
        _ => {}
    }
}

fn split_nul(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let i = memchr::memchr(0, data)?;
    Some((&data[..i], &data[i + 1..]))
}

/// Inflates compressed text, within the payload cap and what is left of the file's budget of
/// decoded bytes (many chunks each inflating to just under the cap would otherwise add up).
fn inflate(compressed: &[u8], cap: usize, at: u64, found: &mut Found) -> Option<Vec<u8>> {
    let limit = cap.min(found.remaining());
    match miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(compressed, limit) {
        Ok(v) => found.spend(at, v.len(), "inflated PNG text").then_some(v),
        Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput && limit < cap => {
            found.exhaust(at, "inflated PNG text");
            None
        }
        Err(e)
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput
                && cap <= MAX_VALUE + 1 =>
        {
            // A text value: what was inflated is over the limit for one value.
            found.spend(at, e.output.len(), "inflated PNG text");
            found.problem(
                at,
                ProblemKind::TooLarge,
                format!("compressed PNG text inflates past the {MAX_VALUE}-byte limit for one value; not kept"),
            );
            None
        }
        Err(e) => {
            let kind = if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                ProblemKind::TooLarge
            } else {
                ProblemKind::Malformed
            };
            found.problem(
                at,
                kind,
                format!("compressed PNG text does not inflate: {e}"),
            );
            None
        }
    }
}
