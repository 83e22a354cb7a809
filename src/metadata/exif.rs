//! EXIF (a TIFF structure): the rights fields of IFD0 and the Exif IFD.
//!
//! The IFDs are walked here, and only the values of the few tags licit reads are decoded
//! (Artist, Copyright, ImageDescription, UserComment, the XP tags and the payload tags of TIFF
//! files). A general EXIF library decodes every field; a crafted block of a few kilobytes whose
//! thousands of entries all point at one long run of bytes then costs gigabytes. Here the work is
//! bounded by construction: at most [`MAX_ENTRIES`] entries per IFD are looked at (12 bytes
//! each, no allocation), each wanted tag is decoded once per IFD, a text value is at most
//! [`MAX_TEXT`] bytes, and every decoded byte is charged to the file's budget
//! ([`super::MAX_DECODED`]). Each limit hit is a problem naming it.
//!
//! Evidence comes in table order, with the Exif IFD's fields where its pointer sits in IFD0 (the
//! order a TIFF reader following pointers depth-first gives).

use super::input::Input;
use super::text::{trim_nul, utf8_or_cp1252, utf16};
use super::vocab::exif::{
    ARTIST, ASCII, COPYRIGHT, EXIF_IFD, IMAGE_DESCRIPTION, USER_COMMENT, XP_AUTHOR, XP_COMMENT,
    XP_TITLE,
};
use super::{Found, MAX_PAYLOAD, ProblemKind};
use crate::evidence::{Origin, origin};

/// TIFF tags that embed other payloads (TIFF/DNG files).
pub(crate) const TAG_XMP: u16 = 700;
pub(crate) const TAG_IPTC: u16 = 33723;
/// C2PA's manifest store in a TIFF (C2PA 2.1, A.3.5): noted, never read here.
pub(crate) const TAG_C2PA: u16 = 0xCD41;

/// Entries looked at per IFD; a real IFD has a few dozen, a DNG's IFD0 about a hundred.
pub(crate) const MAX_ENTRIES: u16 = 4096;
/// The most bytes of one text tag (a real Copyright or Artist is well under 1 KiB).
pub(crate) const MAX_TEXT: u64 = 64 * 1024;

/// Payloads embedded in IFD0 (only TIFF containers use them).
#[derive(Default)]
pub(crate) struct Embedded {
    /// Tag 700 (XMP).
    pub xmp: Option<Vec<u8>>,
    /// Tag 33723 (IPTC IIM, sometimes typed LONG by Photoshop).
    pub iptc: Option<Vec<u8>>,
}

/// Reads an EXIF block held in memory (starting at the TIFF header) found at file offset `base`.
pub(crate) fn read(tiff: &[u8], base: u64, found: &mut Found) -> Embedded {
    read_input(&mut Input::slice(tiff), base, found)
}

/// Reads the TIFF structure that starts at offset 0 of `input` (at file offset `base`).
pub(crate) fn read_input(input: &mut Input<'_>, base: u64, found: &mut Found) -> Embedded {
    let mut embedded = Embedded::default();
    let head = match input.get(0, 8) {
        Ok(h) => h,
        Err(e) => {
            found.io(base, &e);
            return embedded;
        }
    };
    let Some(&[b0, b1, m0, m1, o0, o1, o2, o3]) = head.first_chunk::<8>() else {
        found.problem(base, ProblemKind::Truncated, "EXIF: TIFF header cut short");
        return embedded;
    };
    let le = match [b0, b1] {
        [b'I', b'I'] => true,
        [b'M', b'M'] => false,
        _ => {
            found.problem(
                base,
                ProblemKind::Malformed,
                "EXIF: no TIFF byte-order mark",
            );
            return embedded;
        }
    };
    let order = Order(le);
    match order.u16([m0, m1]) {
        42 => {}
        43 => {
            found.problem(base, ProblemKind::Unsupported, "BigTIFF is not read");
            return embedded;
        }
        m => {
            found.problem(
                base,
                ProblemKind::Malformed,
                format!("EXIF: TIFF magic number {m}, not 42"),
            );
            return embedded;
        }
    }
    let ifd0 = u64::from(order.u32([o0, o1, o2, o3]));
    let mut reader = Ifds {
        input,
        base,
        order,
        embedded: &mut embedded,
    };
    reader.ifd(ifd0, Ifd::Primary, found);
    embedded
}

#[derive(Clone, Copy)]
struct Order(bool);

impl Order {
    fn u16(self, b: [u8; 2]) -> u16 {
        if self.0 {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    }
    fn u32(self, b: [u8; 4]) -> u32 {
        if self.0 {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ifd {
    Primary,
    Exif,
}

/// What to do with a tag's value.
#[derive(Clone, Copy)]
enum Want {
    /// ASCII text: NUL-separated parts are one entry each.
    Text(Origin),
    /// UTF-16LE text (the XP tags).
    Utf16(Origin),
    UserComment,
    Xmp,
    Iptc,
}

fn wanted(ifd: Ifd, tag: u16) -> Option<Want> {
    Some(match (ifd, tag) {
        (Ifd::Primary, IMAGE_DESCRIPTION) => Want::Text(origin::EXIF_IMAGE_DESCRIPTION),
        (Ifd::Primary, ARTIST) => Want::Text(origin::EXIF_ARTIST),
        (Ifd::Primary, COPYRIGHT) => Want::Text(origin::EXIF_COPYRIGHT),
        (Ifd::Primary, XP_TITLE) => Want::Utf16(origin::EXIF_XP_TITLE),
        (Ifd::Primary, XP_COMMENT) => Want::Utf16(origin::EXIF_XP_COMMENT),
        (Ifd::Primary, XP_AUTHOR) => Want::Utf16(origin::EXIF_XP_AUTHOR),
        (Ifd::Primary, TAG_XMP) => Want::Xmp,
        (Ifd::Primary, TAG_IPTC) => Want::Iptc,
        (Ifd::Exif, USER_COMMENT) => Want::UserComment,
        _ => return None,
    })
}

struct Ifds<'r, 'i> {
    input: &'r mut Input<'i>,
    base: u64,
    order: Order,
    embedded: &'r mut Embedded,
}

impl Ifds<'_, '_> {
    fn ifd(&mut self, at: u64, which: Ifd, found: &mut Found) {
        let base = self.base;
        let count = match self.input.get(at, 2) {
            Ok(&[c0, c1]) => self.order.u16([c0, c1]),
            Ok(_) => {
                found.problem(
                    base + at,
                    ProblemKind::Truncated,
                    "EXIF: IFD is past the end of the block",
                );
                return;
            }
            Err(e) => return found.io(base + at, &e),
        };
        if count > MAX_ENTRIES {
            found.problem(
                base + at,
                ProblemKind::TooLarge,
                format!(
                    "EXIF: IFD claims {count} entries, over the limit of {MAX_ENTRIES}; only the first {MAX_ENTRIES} are read"
                ),
            );
        }
        let count = u64::from(count.min(MAX_ENTRIES));
        // Tags already decoded in this IFD: a tag is read once (bit i of `seen` for tag i of
        // the short list below), so repeats cannot multiply the work.
        let mut seen: u16 = 0;
        let mut repeated = false;
        for i in 0..count {
            let entry_at = at + 2 + i * 12;
            let e: [u8; 12] = match self.input.get(entry_at, 12) {
                Ok(b) => match b.first_chunk::<12>() {
                    Some(e) => *e,
                    None => {
                        found.problem(base + at, ProblemKind::Truncated, "EXIF: IFD cut short");
                        return;
                    }
                },
                Err(e) => return found.io(base + entry_at, &e),
            };
            let tag = self.order.u16([e[0], e[1]]);
            if which == Ifd::Primary && tag == TAG_C2PA {
                found.c2pa_store = true;
                continue;
            }
            if which == Ifd::Primary && tag == EXIF_IFD {
                let sub = u64::from(self.order.u32([e[8], e[9], e[10], e[11]]));
                if sub != at && seen & (1 << 15) == 0 {
                    seen |= 1 << 15;
                    self.ifd(sub, Ifd::Exif, found);
                }
                continue;
            }
            let Some(want) = wanted(which, tag) else {
                continue;
            };
            let bit = 1u16 << slot(tag);
            if seen & bit != 0 {
                repeated = true;
                continue;
            }
            seen |= bit;
            self.value(tag, want, &e, entry_at, found);
        }
        if repeated {
            found.problem(
                base + at,
                ProblemKind::Malformed,
                "EXIF: a tag is repeated in one IFD; only its first entry is read",
            );
        }
    }

    fn value(&mut self, tag: u16, want: Want, e: &[u8; 12], entry_at: u64, found: &mut Found) {
        let base = self.base;
        let typ = self.order.u16([e[2], e[3]]);
        let n = u64::from(self.order.u32([e[4], e[5], e[6], e[7]]));
        let size = type_size(typ).saturating_mul(n);
        let limit = match want {
            Want::Xmp | Want::Iptc => MAX_PAYLOAD as u64,
            _ => MAX_TEXT,
        };
        if size > limit {
            found.problem(
                base + entry_at,
                ProblemKind::TooLarge,
                format!("EXIF tag {tag} claims {size} bytes, over the {limit}-byte limit"),
            );
            return;
        }
        if !found.spend(base + entry_at, size as usize, "EXIF value") {
            return;
        }
        let bytes: &[u8] = if size <= 4 {
            &e[8..8 + size as usize]
        } else {
            let offset = u64::from(self.order.u32([e[8], e[9], e[10], e[11]]));
            match self.input.get(offset, size as usize) {
                Ok(b) if b.len() as u64 == size => b,
                Ok(_) => {
                    found.problem(
                        base + entry_at,
                        ProblemKind::Truncated,
                        format!("EXIF tag {tag} points past the end of the block"),
                    );
                    return;
                }
                Err(err) => return found.io(base + offset, &err),
            }
        };
        let le = self.order.0;
        match want {
            Want::Text(o) => {
                if typ == ASCII {
                    // Several NUL-separated strings are several values (Copyright's
                    // photographer and editor).
                    for part in bytes.split(|&b| b == 0) {
                        found.push(o, &utf8_or_cp1252(part).0);
                    }
                } else {
                    found.push(o, &utf8_or_cp1252(trim_nul(&raw(bytes, typ, le, true))).0);
                }
            }
            Want::Utf16(o) => found.push(o, &utf16(&raw(bytes, typ, le, le), true)),
            Want::UserComment => user_comment(&raw(bytes, typ, le, le), le, base, found),
            Want::Xmp => self.embedded.xmp = Some(raw(bytes, typ, le, le)),
            Want::Iptc => self.embedded.iptc = Some(raw(bytes, typ, le, le)),
        }
    }
}

/// A small index per wanted tag, for the `seen` bit set (bit 15 is the Exif IFD pointer).
fn slot(tag: u16) -> u16 {
    match tag {
        IMAGE_DESCRIPTION => 0,
        ARTIST => 1,
        COPYRIGHT => 2,
        XP_TITLE => 3,
        XP_COMMENT => 4,
        XP_AUTHOR => 5,
        TAG_XMP => 6,
        TAG_IPTC => 7,
        USER_COMMENT => 8,
        _ => 14,
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

/// The bytes of a value, with SHORT and LONG values written in the byte order `out_le` (the
/// file's order for values read as bytes; little-endian for text typed as numbers). Types that
/// are not bytes or integers give nothing; an ASCII value loses its terminating NUL.
fn raw(bytes: &[u8], typ: u16, file_le: bool, out_le: bool) -> Vec<u8> {
    match typ {
        1 | 6 | 7 => bytes.to_vec(),
        ASCII => bytes.strip_suffix(&[0]).unwrap_or(bytes).to_vec(),
        3 | 4 => {
            let width = if typ == 3 { 2 } else { 4 };
            let mut v = bytes.to_vec();
            if file_le != out_le {
                v.chunks_exact_mut(width).for_each(<[u8]>::reverse);
            }
            v
        }
        _ => Vec::new(),
    }
}

/// Bytes per value of a TIFF field type (unknown types: 1, so their size stays bounded by count).
pub(crate) fn type_size(typ: u16) -> u64 {
    match typ {
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian TIFF block with IFD0 entries (tag, type, count, inline-or-offset) and
    /// extra data appended after the table.
    fn block(entries: &[(u16, u16, u32, u32)], data: &[u8]) -> Vec<u8> {
        let mut t = b"II*\0\x08\0\0\0".to_vec();
        t.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for &(tag, typ, n, v) in entries {
            t.extend_from_slice(&tag.to_le_bytes());
            t.extend_from_slice(&typ.to_le_bytes());
            t.extend_from_slice(&n.to_le_bytes());
            t.extend_from_slice(&v.to_le_bytes());
        }
        t.extend_from_slice(&[0; 4]);
        t.extend_from_slice(data);
        t
    }

    #[test]
    fn reads_text_tags_once_each() {
        let data_at = 8 + 2 + 3 * 12 + 4;
        let t = block(
            &[
                (ARTIST, ASCII, 9, data_at),
                (ARTIST, ASCII, 9, data_at),
                (COPYRIGHT, ASCII, 3, u32::from_le_bytes(*b"Me\0\0")),
            ],
            b"Jane Doe\0",
        );
        let mut f = Found::default();
        read(&t, 0, &mut f);
        let got: Vec<_> = f.evidence.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(got, ["Jane Doe", "Me"]);
        assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
        assert_eq!(f.problems[0].kind, ProblemKind::Malformed);
    }

    #[test]
    fn value_past_the_end_is_truncated() {
        let t = block(&[(ARTIST, ASCII, 40, 1000)], b"");
        let mut f = Found::default();
        read(&t, 0, &mut f);
        assert!(f.evidence.is_empty());
        assert_eq!(f.problems[0].kind, ProblemKind::Truncated);
    }

    #[test]
    fn too_many_entries_is_a_problem_naming_the_limit() {
        let entries: Vec<_> = (0..5000).map(|_| (1u16, 1u16, 1u32, 0u32)).collect();
        let t = block(&entries, b"");
        let mut f = Found::default();
        read(&t, 0, &mut f);
        assert_eq!(f.problems.len(), 1);
        assert!(f.problems[0].message.contains("4096"), "{}", f.problems[0]);
    }
}
