//! ISO base media file boxes: HEIF/HEIC/AVIF (the `meta` box's `iinf` and `iloc` lead to the
//! `Exif` item and the `mime` item of type `application/rdf+xml`) and the JPEG XL container
//! (`Exif` and `xml ` boxes).
//!
//! Top-level boxes are walked by their headers only; `mdat` and codestreams are never read.
//! Only the `meta` box (bounded by [`MAX_PAYLOAD`]) and the metadata items are read. Nesting is
//! fixed by the format (file → `meta` → `iinf` → `infe`), so no box is followed deeper than that.

use super::input::Input;
use super::{Format, Found, MAX_PAYLOAD, ProblemKind, exif, xmp};

/// Items per `iinf` or `iloc`, and extents per item, above any real file.
const MAX_ITEMS: u32 = 65_536;
const MAX_EXTENTS: u16 = 1024;

/// Brands that make an `ftyp` file an image.
pub(crate) fn brand_format(head: &[u8]) -> Result<Format, String> {
    let size = head
        .first_chunk::<4>()
        .map_or(0, |b| u32::from_be_bytes(*b) as usize)
        .clamp(16, head.len().max(16));
    let major = head.get(8..12).unwrap_or_default();
    let compatible = head.get(16..size.min(head.len())).unwrap_or_default();
    let brands = std::iter::once(major).chain(compatible.chunks_exact(4));
    let mut heif = false;
    for b in brands {
        match b {
            b"avif" | b"avis" | b"avio" => return Ok(Format::Avif),
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"mif2"
            | b"msf1" => heif = true,
            _ => {}
        }
    }
    if heif {
        Ok(Format::Heif)
    } else {
        Err(format!(
            "ISO media file of brand {:?}, not an image",
            String::from_utf8_lossy(major)
        ))
    }
}

#[derive(Clone, Copy, Debug)]
struct BoxHeader {
    kind: [u8; 4],
    start: u64,
    /// Offset of the box's data (after size, type and any large size).
    data: u64,
    /// Offset after the box.
    end: u64,
}

/// The header of the box at `pos`, which must end by `limit`.
fn header(input: &mut Input<'_>, pos: u64, limit: u64, found: &mut Found) -> Option<BoxHeader> {
    let h = match input.get(pos, 16) {
        Ok(h) => h,
        Err(e) => {
            found.io(pos, &e);
            return None;
        }
    };
    parse_header(h, pos, limit, found)
}

fn parse_header(h: &[u8], pos: u64, limit: u64, found: &mut Found) -> Option<BoxHeader> {
    let Some(&[s0, s1, s2, s3, t0, t1, t2, t3]) = h.first_chunk::<8>() else {
        found.problem(pos, ProblemKind::Truncated, "box header cut short");
        return None;
    };
    let size = u64::from(u32::from_be_bytes([s0, s1, s2, s3]));
    let kind = [t0, t1, t2, t3];
    let (data, end) = match size {
        0 => (pos + 8, limit),
        1 => {
            let Some(l) = h.get(8..16).and_then(|b| b.first_chunk::<8>()) else {
                found.problem(pos, ProblemKind::Truncated, "box large size cut short");
                return None;
            };
            (pos + 16, pos.saturating_add(u64::from_be_bytes(*l)))
        }
        _ => (pos + 8, pos + size),
    };
    if end < data {
        found.problem(
            pos,
            ProblemKind::Malformed,
            format!("box size {size} too small"),
        );
        return None;
    }
    if end > limit {
        found.problem(
            pos,
            ProblemKind::Truncated,
            format!(
                "box {:?} ends past its container",
                String::from_utf8_lossy(&kind)
            ),
        );
        return None;
    }
    Some(BoxHeader {
        kind,
        start: pos,
        data,
        end,
    })
}

/// Top-level boxes of the file.
fn top_level(input: &mut Input<'_>, start: u64, found: &mut Found) -> Vec<BoxHeader> {
    let mut boxes = Vec::new();
    let mut pos = start;
    let len = input.len();
    while pos < len && boxes.len() < 4096 {
        let Some(b) = header(input, pos, len, found) else {
            break;
        };
        boxes.push(b);
        pos = b.end;
    }
    boxes
}

/// The `uuid` box usertype of a C2PA manifest store in ISOBMFF (C2PA 2.1, A.3.4).
const C2PA_UUID: [u8; 16] = [
    0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4, 0x81,
];

/// Notes a C2PA manifest store among the top-level boxes: a `uuid` box with C2PA's usertype,
/// or (JPEG XL) a `jumb` box labelled "c2pa". Only the first bytes of each are looked at.
fn note_c2pa(input: &mut Input<'_>, boxes: &[BoxHeader], found: &mut Found) {
    for b in boxes {
        let is_store = match &b.kind {
            b"uuid" => input.get(b.data, 16).is_ok_and(|u| u == C2PA_UUID),
            // jumb: its description box (`jumd`, 16-byte type, toggles) then the label.
            b"jumb" => input
                .get(b.data, 64)
                .is_ok_and(|h| memchr::memmem::find(h, b"c2pa").is_some()),
            _ => false,
        };
        if is_store {
            found.c2pa_store = true;
            return;
        }
    }
}

/// HEIF, HEIC, AVIF.
pub(crate) fn read_heif(input: &mut Input<'_>, found: &mut Found) {
    let boxes = top_level(input, 0, found);
    note_c2pa(input, &boxes, found);
    let Some(meta) = boxes.iter().find(|b| &b.kind == b"meta").copied() else {
        return;
    };
    let len = meta.end - meta.data;
    if len > MAX_PAYLOAD as u64 {
        return found.problem(
            meta.start,
            ProblemKind::TooLarge,
            "meta box over the payload limit",
        );
    }
    let bytes = match input.get_vec(meta.data, len as usize) {
        Ok(b) => b,
        Err(e) => return found.io(meta.data, &e),
    };
    // `meta` is a full box: version and flags first.
    let Some(children) = bytes.get(4..) else {
        return found.problem(meta.start, ProblemKind::Truncated, "meta box cut short");
    };
    let base = meta.data + 4;
    let mut items: Vec<Item> = Vec::new();
    let mut locations: Vec<Location> = Vec::new();
    let mut idat: Option<(u64, u64)> = None;
    for b in children_of(children, base, found) {
        let body = &children[(b.data - base) as usize..(b.end - base) as usize];
        match &b.kind {
            b"iinf" => items = iinf(body, b.data, found),
            b"iloc" => locations = iloc(body, b.data, found),
            b"idat" => idat = Some((b.data, b.end - b.data)),
            _ => {}
        }
    }
    // Looked up by id (a linear search per item would be quadratic in the item count).
    let by_id: std::collections::HashMap<u32, &Location> =
        locations.iter().rev().map(|l| (l.id, l)).collect();
    // Items whose extents were already read: many items may name one extent, which is read once.
    let mut read_extents: std::collections::HashSet<ExtentKey> = std::collections::HashSet::new();
    for item in items {
        let is_exif = &item.kind == b"Exif";
        let is_xmp = &item.kind == b"mime" && item.content_type == "application/rdf+xml";
        if !is_exif && !is_xmp {
            continue;
        }
        let Some(&loc) = by_id.get(&item.id) else {
            found.problem(
                meta.start,
                ProblemKind::Malformed,
                format!("item {} has no location", item.id),
            );
            continue;
        };
        if !read_extents.insert((loc.method, loc.base, loc.extents.as_slice())) {
            found.problem(
                loc.at,
                ProblemKind::Malformed,
                format!(
                    "item {} has the same data as an item already read; not read again",
                    item.id
                ),
            );
            continue;
        }
        let Some(data) = item_data(input, loc, idat, found) else {
            continue;
        };
        if is_exif {
            // A 4-byte offset to the TIFF header (after an optional "Exif\0\0").
            let Some((off, rest)) = data.split_first_chunk::<4>() else {
                found.problem(loc.at, ProblemKind::Truncated, "Exif item cut short");
                continue;
            };
            let skip = u32::from_be_bytes(*off) as usize;
            match rest.get(skip..) {
                Some(tiff) => {
                    exif::read(tiff, loc.at, found);
                }
                None => found.problem(
                    loc.at,
                    ProblemKind::Malformed,
                    "Exif item offset past its data",
                ),
            };
        } else {
            xmp::read(&data, loc.at, found);
        }
    }
}

/// JPEG XL: the container's `Exif` and `xml ` boxes (a bare codestream holds no EXIF or XMP).
pub(crate) fn read_jxl(input: &mut Input<'_>, found: &mut Found) {
    if input.get(0, 2).is_ok_and(|h| h == b"\xff\x0a") {
        return;
    }
    let boxes = top_level(input, 0, found);
    note_c2pa(input, &boxes, found);
    for b in boxes {
        let len = b.end - b.data;
        match &b.kind {
            b"Exif" | b"xml " => {
                if len > MAX_PAYLOAD as u64 {
                    found.problem(
                        b.start,
                        ProblemKind::TooLarge,
                        "metadata box over the payload limit",
                    );
                    continue;
                }
                let data = match input.get_vec(b.data, len as usize) {
                    Ok(d) => d,
                    Err(e) => return found.io(b.data, &e),
                };
                if &b.kind == b"xml " {
                    xmp::read(&data, b.data, found);
                    continue;
                }
                let Some((off, rest)) = data.split_first_chunk::<4>() else {
                    found.problem(b.start, ProblemKind::Truncated, "Exif box cut short");
                    continue;
                };
                match rest.get(u32::from_be_bytes(*off) as usize..) {
                    Some(tiff) => {
                        exif::read(tiff, b.data + 4, found);
                    }
                    None => found.problem(
                        b.start,
                        ProblemKind::Malformed,
                        "Exif box offset past its data",
                    ),
                };
            }
            b"brob" => {
                if let Ok(inner) = input.get(b.data, 4)
                    && (inner == b"Exif" || inner == b"xml ")
                {
                    let inner = String::from_utf8_lossy(inner).into_owned();
                    found.problem(
                        b.start,
                        ProblemKind::Unsupported,
                        format!("brotli-compressed {inner:?} box is not decoded"),
                    );
                }
            }
            _ => {}
        }
    }
}

/// The boxes inside `bytes` (which starts at file offset `base`).
fn children_of(bytes: &[u8], base: u64, found: &mut Found) -> Vec<BoxHeader> {
    let mut out = Vec::new();
    let end = base + bytes.len() as u64;
    let mut pos = base;
    while pos < end && out.len() < 4096 {
        let rel = (pos - base) as usize;
        let Some(h) = parse_header(&bytes[rel..], pos, end, found) else {
            break;
        };
        out.push(h);
        pos = h.end;
    }
    out
}

struct Item {
    id: u32,
    kind: [u8; 4],
    content_type: String,
}

/// A cursor over a box body that reports running off the end instead of panicking.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.i..self.i.checked_add(n)?)?;
        self.i += n;
        Some(s)
    }
    fn uint(&mut self, n: usize) -> Option<u64> {
        Some(
            self.take(n)?
                .iter()
                .fold(0u64, |a, &b| (a << 8) | u64::from(b)),
        )
    }
    fn cstr(&mut self) -> Option<String> {
        let rest = self.b.get(self.i..)?;
        let n = memchr::memchr(0, rest).unwrap_or(rest.len());
        let s = String::from_utf8_lossy(&rest[..n]).into_owned();
        self.i += (n + 1).min(rest.len());
        Some(s)
    }
}

fn iinf(body: &[u8], at: u64, found: &mut Found) -> Vec<Item> {
    let mut c = Cur { b: body, i: 0 };
    let Some(version) = c.uint(4).map(|vf| vf >> 24) else {
        found.problem(at, ProblemKind::Truncated, "iinf cut short");
        return Vec::new();
    };
    let count = if version == 0 { c.uint(2) } else { c.uint(4) }.unwrap_or(0);
    if count > u64::from(MAX_ITEMS) {
        found.problem(
            at,
            ProblemKind::TooLarge,
            format!("iinf claims {count} items"),
        );
        return Vec::new();
    }
    let base = at + c.i as u64;
    let Some(rest) = body.get(c.i..) else {
        return Vec::new();
    };
    let mut items = Vec::new();
    for b in children_of(rest, base, found) {
        if &b.kind != b"infe" {
            continue;
        }
        let e = &rest[(b.data - base) as usize..(b.end - base) as usize];
        let mut c = Cur { b: e, i: 0 };
        let parsed = (|| {
            let version = c.uint(4)? >> 24;
            if version < 2 {
                return None; // versions 0 and 1 have no item type
            }
            let id = if version == 2 { c.uint(2)? } else { c.uint(4)? } as u32;
            c.take(2)?; // protection index
            let kind: [u8; 4] = c.take(4)?.try_into().ok()?;
            let _name = c.cstr()?;
            let content_type = if &kind == b"mime" {
                c.cstr().unwrap_or_default()
            } else {
                String::new()
            };
            Some(Item {
                id,
                kind,
                content_type,
            })
        })();
        match parsed {
            Some(item) => items.push(item),
            None => found.problem(b.start, ProblemKind::Malformed, "infe box unreadable"),
        }
    }
    items
}

/// Where an item's data is: construction method, base offset, extents.
type ExtentKey<'a> = (u8, u64, &'a [(u64, u64)]);

struct Location {
    id: u32,
    at: u64,
    method: u8,
    base: u64,
    extents: Vec<(u64, u64)>,
}

fn iloc(body: &[u8], at: u64, found: &mut Found) -> Vec<Location> {
    let mut c = Cur { b: body, i: 0 };
    let parsed = (|| {
        let version = c.uint(4)? >> 24;
        let sizes = c.uint(2)?;
        let offset_size = ((sizes >> 12) & 0xF) as usize;
        let length_size = ((sizes >> 8) & 0xF) as usize;
        let base_size = ((sizes >> 4) & 0xF) as usize;
        let index_size = if version >= 1 {
            (sizes & 0xF) as usize
        } else {
            0
        };
        if [offset_size, length_size, base_size, index_size]
            .iter()
            .any(|&s| s > 8)
        {
            return None;
        }
        let count = if version < 2 { c.uint(2)? } else { c.uint(4)? };
        if count > u64::from(MAX_ITEMS) {
            return None;
        }
        let mut out = Vec::new();
        for _ in 0..count {
            let id = if version < 2 { c.uint(2)? } else { c.uint(4)? } as u32;
            let method = if version >= 1 {
                (c.uint(2)? & 0xF) as u8
            } else {
                0
            };
            c.take(2)?; // data reference index
            let base = c.uint(base_size)?;
            let n = c.uint(2)? as u16;
            if n > MAX_EXTENTS {
                return None;
            }
            let mut extents = Vec::with_capacity(usize::from(n));
            for _ in 0..n {
                c.uint(index_size)?;
                extents.push((c.uint(offset_size)?, c.uint(length_size)?));
            }
            out.push(Location {
                id,
                at,
                method,
                base,
                extents,
            });
        }
        Some(out)
    })();
    parsed.unwrap_or_else(|| {
        found.problem(at, ProblemKind::Malformed, "iloc box unreadable");
        Vec::new()
    })
}

/// An item's bytes: its extents, from the file (method 0) or the `idat` box (method 1).
fn item_data(
    input: &mut Input<'_>,
    loc: &Location,
    idat: Option<(u64, u64)>,
    found: &mut Found,
) -> Option<Vec<u8>> {
    let (origin, limit) = match (loc.method, idat) {
        (0, _) => (0, input.len()),
        (1, Some((start, len))) => (start, start + len),
        _ => {
            found.problem(
                loc.at,
                ProblemKind::Unsupported,
                format!("item {} construction method {}", loc.id, loc.method),
            );
            return None;
        }
    };
    let total: u64 = loc.extents.iter().map(|e| e.1).fold(0, u64::saturating_add);
    if total > MAX_PAYLOAD as u64 {
        found.problem(
            loc.at,
            ProblemKind::TooLarge,
            format!("item {} claims {total} bytes", loc.id),
        );
        return None;
    }
    let mut data = Vec::with_capacity(total as usize);
    for &(off, len) in &loc.extents {
        let start = origin.saturating_add(loc.base).saturating_add(off);
        // Length 0 means "to the end" of the file or idat.
        let len = if len == 0 {
            limit.saturating_sub(start)
        } else {
            len
        };
        if start.saturating_add(len) > limit || len > MAX_PAYLOAD as u64 {
            found.problem(
                loc.at,
                ProblemKind::Truncated,
                format!(
                    "item {} extent at {start} of {len} bytes is past the end",
                    loc.id
                ),
            );
            return None;
        }
        if !found.spend(start, len as usize, &format!("item {}", loc.id)) {
            return None;
        }
        match input.get(start, len as usize) {
            Ok(b) => data.extend_from_slice(b),
            Err(e) => {
                found.io(start, &e);
                return None;
            }
        }
        if data.len() > MAX_PAYLOAD {
            found.problem(loc.at, ProblemKind::TooLarge, "item over the payload limit");
            return None;
        }
    }
    Some(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands() {
        let mut h = b"\0\0\0\x18ftypmif1\0\0\0\0mif1avif".to_vec();
        assert_eq!(brand_format(&h).unwrap(), Format::Avif);
        h[20..24].copy_from_slice(b"heic");
        assert_eq!(brand_format(&h).unwrap(), Format::Heif);
        assert!(brand_format(b"\0\0\0\x14ftypisom\0\0\0\0isom").is_err());
    }

    #[test]
    fn lying_box_sizes() {
        let mut f = Found::default();
        assert!(parse_header(b"\0\0\0\x04meta", 0, 100, &mut f).is_none());
        assert!(parse_header(b"\xff\xff\xff\xffmeta", 0, 100, &mut f).is_none());
        assert!(
            parse_header(
                b"\0\0\0\x01meta\xff\xff\xff\xff\xff\xff\xff\xff",
                0,
                100,
                &mut f
            )
            .is_none()
        );
        assert_eq!(f.problems.len(), 3);
    }
}
