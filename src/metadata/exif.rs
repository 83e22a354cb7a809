//! EXIF (a TIFF structure) through kamadak-exif: the rights fields of IFD0 and the Exif IFD.

use exif::{Context, In, Tag, Value};

use super::text::{trim_nul, utf8_or_cp1252, utf16};
use super::{Found, ProblemKind};
use crate::evidence::origin;

/// Windows XP tags (IFD0, BYTE, UTF-16LE), by tag number.
const XP_TITLE: u16 = 0x9C9B;
const XP_COMMENT: u16 = 0x9C9C;
const XP_AUTHOR: u16 = 0x9C9D;
/// TIFF tags that embed other payloads (TIFF/DNG files).
pub(crate) const TAG_XMP: u16 = 700;
pub(crate) const TAG_IPTC: u16 = 33723;

/// Payloads embedded in IFD0 (only TIFF containers use them).
#[derive(Default)]
pub(crate) struct Embedded {
    /// Tag 700 (XMP), with the file offset of the EXIF block for problems.
    pub xmp: Option<Vec<u8>>,
    /// Tag 33723 (IPTC IIM, sometimes typed LONG by Photoshop).
    pub iptc: Option<Vec<u8>>,
}

/// Reads an EXIF block (starting at the TIFF header) found at file offset `base`.
pub(crate) fn read(tiff: Vec<u8>, base: u64, found: &mut Found) -> Embedded {
    let mut embedded = Embedded::default();
    let exif = match exif::Reader::new()
        .continue_on_error(true)
        .read_raw(tiff)
        .or_else(|e| {
            e.distill_partial_result(|errors| {
                for e in errors {
                    found.problem(base, ProblemKind::Malformed, format!("EXIF: {e}"));
                }
            })
        }) {
        Ok(exif) => exif,
        Err(e) => {
            found.problem(base, ProblemKind::Malformed, format!("EXIF: {e}"));
            return embedded;
        }
    };
    let le = exif.little_endian();
    for field in exif.fields() {
        if field.ifd_num != In::PRIMARY {
            continue;
        }
        let v = &field.value;
        match field.tag {
            Tag::Artist => ascii(v, origin::EXIF_ARTIST, found),
            Tag::Copyright => ascii(v, origin::EXIF_COPYRIGHT, found),
            Tag::ImageDescription => ascii(v, origin::EXIF_IMAGE_DESCRIPTION, found),
            Tag::UserComment => user_comment(&raw(v, le), le, base, found),
            Tag(Context::Tiff, n) => match n {
                XP_TITLE => found.push(origin::EXIF_XP_TITLE, &utf16(&raw(v, le), true)),
                XP_COMMENT => found.push(origin::EXIF_XP_COMMENT, &utf16(&raw(v, le), true)),
                XP_AUTHOR => found.push(origin::EXIF_XP_AUTHOR, &utf16(&raw(v, le), true)),
                TAG_XMP => embedded.xmp = Some(raw(v, le)),
                TAG_IPTC => embedded.iptc = Some(raw(v, le)),
                _ => {}
            },
            _ => {}
        }
    }
    embedded
}

/// An ASCII field; NUL-separated parts (Copyright's photographer and editor) are one entry each.
fn ascii(v: &Value, origin: crate::evidence::Origin, found: &mut Found) {
    match v {
        Value::Ascii(parts) => {
            for part in parts {
                found.push(origin, &utf8_or_cp1252(trim_nul(part)).0);
            }
        }
        other => found.push(origin, &utf8_or_cp1252(trim_nul(&raw(other, true))).0),
    }
}

/// UserComment: an 8-byte character code, then the text.
fn user_comment(bytes: &[u8], little_endian: bool, base: u64, found: &mut Found) {
    let Some((code, text)) = bytes.split_first_chunk::<8>() else {
        return;
    };
    let value = match code {
        b"ASCII\0\0\0" | b"\0\0\0\0\0\0\0\0" => utf8_or_cp1252(trim_nul(text)).0,
        b"UNICODE\0" => match text {
            [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
            [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
            _ => utf16(text, little_endian),
        },
        b"JIS\0\0\0\0\0" => {
            found.problem(
                base,
                ProblemKind::Unsupported,
                "EXIF UserComment in JIS is not decoded",
            );
            return;
        }
        _ => {
            found.problem(
                base,
                ProblemKind::Charset,
                "EXIF UserComment has an unknown character code; read as UTF-8 or Windows-1252",
            );
            utf8_or_cp1252(trim_nul(bytes)).0
        }
    };
    found.push(origin::EXIF_USER_COMMENT, &value);
}

/// The bytes of a value as they are in the file.
fn raw(v: &Value, little_endian: bool) -> Vec<u8> {
    match v {
        Value::Byte(b) | Value::Undefined(b, _) => b.clone(),
        Value::SByte(b) => b.iter().map(|&x| x.to_ne_bytes()[0]).collect(),
        Value::Ascii(parts) => parts.join(&0u8),
        Value::Short(s) => s
            .iter()
            .flat_map(|&x| {
                if little_endian {
                    x.to_le_bytes()
                } else {
                    x.to_be_bytes()
                }
            })
            .collect(),
        Value::Long(l) => l
            .iter()
            .flat_map(|&x| {
                if little_endian {
                    x.to_le_bytes()
                } else {
                    x.to_be_bytes()
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}
