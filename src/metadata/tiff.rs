//! TIFF and TIFF-based raw files (DNG): IFD0 and its Exif, GPS and Interop IFDs.
//!
//! kamadak-exif wants the TIFF structure as one buffer, but a DNG's pixels can be 50 MB. So the
//! IFDs are walked here first, and only their tables and the values they point to are read into
//! a zero-filled buffer of the same layout (`vec![0; n]` is lazily zeroed memory); strips, tiles
//! and the thumbnail IFD are never read.

use super::input::Input;
use super::{Found, MAX_PAYLOAD, ProblemKind, exif, iptc, xmp};

/// Sub-IFD pointer tags followed: Exif, GPS, Interoperability.
const POINTERS: [u16; 3] = [34665, 34853, 40965];
/// Values larger than this are skipped unless they are a payload we read (XMP, IPTC).
const MAX_VALUE: u64 = 64 * 1024;
/// The layout buffer may span at most this much of the file.
const MAX_SPAN: u64 = 256 * 1024 * 1024;
/// Entries per IFD (a real IFD has a few dozen).
const MAX_ENTRIES: u64 = 4096;

pub(crate) fn read(input: &mut Input<'_>, found: &mut Found) {
    let head = match input.get_vec(0, 8) {
        Ok(h) => h,
        Err(e) => return found.io(0, &e),
    };
    let Some(&[b0, _, m0, m1, o0, o1, o2, o3]) = head.first_chunk::<8>() else {
        return found.problem(0, ProblemKind::Truncated, "TIFF header cut short");
    };
    let le = b0 == b'I';
    let u16_ = |b: [u8; 2]| {
        if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    };
    let u32_ = |b: [u8; 4]| {
        if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    };
    if u16_([m0, m1]) == 43 {
        return found.problem(0, ProblemKind::Unsupported, "BigTIFF is not read");
    }
    let ifd0 = u64::from(u32_([o0, o1, o2, o3]));

    let mut layout = Layout {
        ranges: vec![(0, 8)],
        skipped: Vec::new(),
        problems: Vec::new(),
    };
    let mut queue = vec![(ifd0, 0u8)];
    let mut seen = Vec::new();
    while let Some((at, depth)) = queue.pop() {
        if seen.contains(&at) || depth > 2 || seen.len() > 16 {
            continue;
        }
        seen.push(at);
        let Some(count) = input
            .get(at, 2)
            .ok()
            .and_then(|b| b.first_chunk::<2>().copied())
            .map(|b| u64::from(u16_(b)))
        else {
            layout.problem(
                at,
                ProblemKind::Truncated,
                "TIFF IFD is past the end of the file",
            );
            continue;
        };
        if count > MAX_ENTRIES {
            layout.problem(
                at,
                ProblemKind::Malformed,
                format!("TIFF IFD with {count} entries"),
            );
            continue;
        }
        // The table and the next-IFD pointer (zeroed below: the thumbnail IFD is not wanted).
        let table = match input.get_vec(at + 2, (count * 12 + 4) as usize) {
            Ok(t) => t,
            Err(e) => return found.io(at, &e),
        };
        if (table.len() as u64) < count * 12 {
            layout.problem(at, ProblemKind::Truncated, "TIFF IFD cut short");
        }
        layout.ranges.push((at, 2 + table.len() as u64));
        for (i, e) in table.chunks_exact(12).enumerate() {
            let count_at = at + 2 + i as u64 * 12 + 4;
            let tag = u16_([e[0], e[1]]);
            let typ = u16_([e[2], e[3]]);
            let n = u64::from(u32_([e[4], e[5], e[6], e[7]]));
            let value = u64::from(u32_([e[8], e[9], e[10], e[11]]));
            let size = type_size(typ).saturating_mul(n);
            if POINTERS.contains(&tag) {
                queue.push((value, depth + 1));
            }
            if size <= 4 {
                continue;
            }
            let payload = tag == exif::TAG_XMP || tag == exif::TAG_IPTC;
            let limit = if payload {
                MAX_PAYLOAD as u64
            } else {
                MAX_VALUE
            };
            if size > limit {
                layout.skipped.push(count_at);
                if payload {
                    layout.problem(
                        at,
                        ProblemKind::TooLarge,
                        format!("TIFF tag {tag} claims {size} bytes, over the {limit}-byte limit"),
                    );
                }
                continue;
            }
            if value.saturating_add(size) > input.len() {
                layout.skipped.push(count_at);
                layout.problem(
                    at,
                    ProblemKind::Truncated,
                    format!("TIFF tag {tag} points past the end of the file"),
                );
                continue;
            }
            layout.ranges.push((value, size));
        }
    }
    found.problems.append(&mut layout.problems);

    let span = layout.ranges.iter().map(|&(o, l)| o + l).max().unwrap_or(8);
    if span > MAX_SPAN {
        found.problem(
            0,
            ProblemKind::TooLarge,
            format!("TIFF metadata spans {span} bytes; values past {MAX_SPAN} are not read"),
        );
        layout.ranges.retain(|&(o, l)| o + l <= MAX_SPAN);
    }
    let span = layout.ranges.iter().map(|&(o, l)| o + l).max().unwrap_or(8);
    let mut buf = vec![0u8; span as usize];
    for &(o, l) in &layout.ranges {
        match input.get(o, l as usize) {
            Ok(b) => buf[o as usize..o as usize + b.len()].copy_from_slice(b),
            Err(e) => return found.io(o, &e),
        }
    }
    for &c in &layout.skipped {
        if let Some(f) = buf.get_mut(c as usize..c as usize + 4) {
            f.fill(0);
        }
    }
    // IFD0's next-IFD pointer: zero it so that the thumbnail IFD (not read) is not followed.
    if let Some(count) = buf.get(ifd0 as usize..ifd0 as usize + 2) {
        let next = ifd0 as usize + 2 + usize::from(u16_([count[0], count[1]])) * 12;
        if let Some(p) = buf.get_mut(next..next + 4) {
            p.fill(0);
        }
    }
    let embedded = exif::read(buf, 0, found);
    if let Some(x) = embedded.xmp {
        xmp::read(&x, 0, found);
    }
    if let Some(i) = embedded.iptc {
        // Usually IIM; some writers store a Photoshop IRB there.
        if i.starts_with(b"8BIM") {
            iptc::read_irb(&i, 0, found);
        } else {
            iptc::read_iim(&i, 0, found);
        }
    }
}

struct Layout {
    /// (offset, length) of every table and value read.
    ranges: Vec<(u64, u64)>,
    /// File offsets of the count fields of entries whose values are not read: set to 0 in the
    /// buffer, so kamadak-exif sees an empty value rather than reading zeros or past the end.
    skipped: Vec<u64>,
    problems: Vec<super::Problem>,
}

impl Layout {
    fn problem(&mut self, offset: u64, kind: ProblemKind, message: impl Into<String>) {
        self.problems.push(super::Problem {
            offset,
            kind,
            message: message.into(),
        });
    }
}

/// Bytes per value of a TIFF field type (unknown types: 1, so their size stays bounded by count).
fn type_size(typ: u16) -> u64 {
    match typ {
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => 1,
    }
}
