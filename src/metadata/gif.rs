//! GIF: comment extensions and the XMP application extension ("XMP DataXMP").
//!
//! The XMP extension stores the packet raw (not in sub-blocks) followed by a 258-byte "magic
//! trailer" that lets a sub-block reader skip it; the packet is the bytes before that trailer.

use super::input::Input;
use super::text::{trim_nul, utf8_or_cp1252};
use super::{Found, MAX_PAYLOAD, MAX_VALUE, ProblemKind, xmp};
use crate::evidence::origin;

const XMP_APP: &[u8] = b"XMP DataXMP";
const C2PA_APP: &[u8] = b"C2PA_GIF";

pub(crate) fn read(input: &mut Input<'_>, found: &mut Found) {
    let flags = match input.get(10, 1) {
        Ok(&[f]) => f,
        Ok(_) => return found.problem(0, ProblemKind::Truncated, "GIF header cut short"),
        Err(e) => return found.io(0, &e),
    };
    let mut pos = 13u64;
    if flags & 0x80 != 0 {
        pos += 3 << ((flags & 7) + 1);
    }
    loop {
        let intro = match input.get(pos, 2) {
            Ok(b) => b.to_vec(),
            Err(e) => return found.io(pos, &e),
        };
        match intro.as_slice() {
            [0x3B, ..] => return,
            [0x21, label] => {
                let label = *label;
                let start = pos + 2;
                if label == 0xFF {
                    let id = match input.get_vec(start, 12) {
                        Ok(b) => b,
                        Err(e) => return found.io(start, &e),
                    };
                    // C2PA's application extension (identifier "C2PA_GIF"); its JUMBF is left
                    // to `c2pa`.
                    found.c2pa_store |= id.first() == Some(&11) && id.get(1..9) == Some(C2PA_APP);
                    if id.first() == Some(&11) && id.get(1..12) == Some(XMP_APP) {
                        let data_at = start + 12;
                        let Some(end) = skip_sub_blocks(input, data_at, found) else {
                            return;
                        };
                        xmp_extension(input, data_at, end, found);
                        pos = end;
                        continue;
                    }
                }
                if label == 0xFE {
                    let Some((text, end)) = sub_blocks(input, start, found) else {
                        return;
                    };
                    found.push(origin::GIF_COMMENT, &utf8_or_cp1252(trim_nul(&text)).0);
                    pos = end;
                } else {
                    let Some(end) = skip_sub_blocks(input, start, found) else {
                        return;
                    };
                    pos = end;
                }
            }
            [0x2C, ..] => {
                let desc = match input.get(pos, 10) {
                    Ok(d) => d.to_vec(),
                    Err(e) => return found.io(pos, &e),
                };
                let Some(&f) = desc.get(9) else {
                    return found.problem(
                        pos,
                        ProblemKind::Truncated,
                        "GIF image descriptor cut short",
                    );
                };
                let mut next = pos + 10;
                if f & 0x80 != 0 {
                    next += 3 << ((f & 7) + 1);
                }
                // LZW minimum code size, then the image data sub-blocks.
                let Some(end) = skip_sub_blocks(input, next + 1, found) else {
                    return;
                };
                pos = end;
            }
            [] => {
                return found.problem(pos, ProblemKind::Truncated, "GIF ends without a trailer");
            }
            [b, ..] => {
                return found.problem(pos, ProblemKind::Malformed, format!("GIF block 0x{b:02x}"));
            }
        }
    }
}

/// Walks sub-blocks from `pos`; returns the offset after the terminator.
fn skip_sub_blocks(input: &mut Input<'_>, mut pos: u64, found: &mut Found) -> Option<u64> {
    loop {
        match input.get(pos, 1) {
            Ok(&[0]) => return Some(pos + 1),
            Ok(&[n]) => pos += 1 + u64::from(n),
            Ok(_) => {
                found.problem(pos, ProblemKind::Truncated, "GIF ends inside a block");
                return None;
            }
            Err(e) => {
                found.io(pos, &e);
                return None;
            }
        }
    }
}

/// The concatenated data of the sub-blocks from `pos` (bounded), and the offset after them.
fn sub_blocks(input: &mut Input<'_>, mut pos: u64, found: &mut Found) -> Option<(Vec<u8>, u64)> {
    let mut out = Vec::new();
    loop {
        let n = match input.get(pos, 1) {
            Ok(&[n]) => n,
            Ok(_) => {
                found.problem(pos, ProblemKind::Truncated, "GIF ends inside a block");
                return None;
            }
            Err(e) => {
                found.io(pos, &e);
                return None;
            }
        };
        if n == 0 {
            return Some((out, pos + 1));
        }
        match input.get(pos + 1, usize::from(n)) {
            Ok(d) if d.len() == usize::from(n) => {
                // A comment is one value: past the longest value kept, the rest is not copied
                // (the value is then refused, with a problem, by `Found::push`).
                if out.len() <= MAX_VALUE {
                    out.extend_from_slice(d);
                }
            }
            Ok(_) => {
                found.problem(pos, ProblemKind::Truncated, "GIF ends inside a block");
                return None;
            }
            Err(e) => {
                found.io(pos, &e);
                return None;
            }
        }
        pos += 1 + u64::from(n);
    }
}

/// The XMP packet of the extension spanning `[start, end)`: everything before the magic
/// trailer (a 0x01 byte, then 0xFF down to 0x00, then the block terminator).
fn xmp_extension(input: &mut Input<'_>, start: u64, end: u64, found: &mut Found) {
    let span = end - start;
    if span > MAX_PAYLOAD as u64 {
        return found.problem(
            start,
            ProblemKind::TooLarge,
            "GIF XMP over the payload limit",
        );
    }
    let raw = match input.get_vec(start, span as usize) {
        Ok(r) => r,
        Err(e) => return found.io(start, &e),
    };
    let packet = if raw.len() >= 258 && raw[raw.len() - 258] == 1 {
        &raw[..raw.len() - 258]
    } else {
        // No proper trailer: read up to the last '>' of the packet.
        let last = raw.iter().rposition(|&b| b == b'>').map_or(0, |i| i + 1);
        &raw[..last]
    };
    xmp::read(packet, start, found);
}
