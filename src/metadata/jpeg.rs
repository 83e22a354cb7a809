//! JPEG: the marker segments before the first scan (SOS); pixels are never read.

use std::collections::BTreeMap;

use super::input::Input;
use super::{Found, MAX_PAYLOAD, ProblemKind, exif, iptc, text, xmp};
use crate::evidence::origin;

const APP1: u8 = 0xE1;
const APP11: u8 = 0xEB;
const APP13: u8 = 0xED;
const COM: u8 = 0xFE;
const SOS: u8 = 0xDA;
const EOI: u8 = 0xD9;

const EXIF_HEADER: &[u8] = b"Exif\0";
const XMP_HEADER: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXT_HEADER: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const PHOTOSHOP_HEADER: &[u8] = b"Photoshop 3.0\0";

/// One chunk of Extended XMP: its offset in the whole and its bytes.
struct ExtChunk {
    offset: u32,
    data: Vec<u8>,
}

struct Extended {
    full_len: u32,
    at: u64,
    chunks: Vec<ExtChunk>,
}

pub(crate) fn read(input: &mut Input<'_>, found: &mut Found) {
    let mut pos = 2u64; // after SOI
    let mut extended_guid: Option<String> = None;
    let mut extended: BTreeMap<Vec<u8>, Extended> = BTreeMap::new();
    let mut irb: Option<(u64, Vec<u8>)> = None;
    loop {
        let head = match input.get(pos, 4) {
            Ok(h) => h,
            Err(e) => {
                found.io(pos, &e);
                break;
            }
        };
        if head.is_empty() {
            found.problem(
                pos,
                ProblemKind::Truncated,
                "JPEG ends before the image data",
            );
            break;
        }
        if head[0] != 0xFF {
            found.problem(pos, ProblemKind::Malformed, "JPEG marker expected");
            break;
        }
        if head.len() < 2 {
            found.problem(pos, ProblemKind::Truncated, "JPEG ends inside a marker");
            break;
        }
        let marker = head[1];
        match marker {
            0xFF => {
                pos += 1; // fill byte
                continue;
            }
            0x01 | 0xD0..=0xD8 => {
                pos += 2; // markers without a length
                continue;
            }
            SOS | EOI => break,
            _ => {}
        }
        let Some(&[_, _, l0, l1]) = head.first_chunk::<4>() else {
            found.problem(
                pos,
                ProblemKind::Truncated,
                "JPEG ends inside a segment length",
            );
            break;
        };
        let len = u16::from_be_bytes([l0, l1]);
        if len < 2 {
            found.problem(
                pos,
                ProblemKind::Malformed,
                format!("JPEG segment length {len}"),
            );
            break;
        }
        let data_at = pos + 4;
        let data_len = usize::from(len) - 2;
        if marker == APP11 && !found.c2pa_store {
            // JUMBF (ISO 19566-5) in APP11: common identifier "JP", then the superbox whose
            // description box carries the label; C2PA's is "c2pa" (C2PA 2.1, A.3.1).
            if let Ok(head) = input.get(data_at, data_len.min(64)) {
                found.c2pa_store =
                    head.starts_with(b"JP") && memchr::memmem::find(head, b"c2pa").is_some();
            }
        }
        if matches!(marker, APP1 | APP13 | COM) {
            let data = match input.get(data_at, data_len) {
                Ok(d) => d,
                Err(e) => {
                    found.io(data_at, &e);
                    break;
                }
            };
            if data.len() < data_len {
                found.problem(
                    pos,
                    ProblemKind::Truncated,
                    format!(
                        "JPEG segment 0xFF{marker:02X} claims {data_len} bytes, {} remain",
                        data.len()
                    ),
                );
                break;
            }
            match marker {
                APP1 if data.starts_with(EXIF_HEADER) && data.len() >= 6 => {
                    let tiff = &data[6..];
                    exif::read(tiff, data_at + 6, found);
                }
                APP1 if data.starts_with(XMP_HEADER) => {
                    let packet = &data[XMP_HEADER.len()..];
                    if let Some(g) = xmp::read(packet, data_at + XMP_HEADER.len() as u64, found) {
                        extended_guid = Some(g);
                    }
                }
                APP1 if data.starts_with(XMP_EXT_HEADER) => {
                    extended_chunk(&data[XMP_EXT_HEADER.len()..], data_at, &mut extended, found);
                }
                APP13 if data.starts_with(PHOTOSHOP_HEADER) => {
                    let body = &data[PHOTOSHOP_HEADER.len()..];
                    match &mut irb {
                        Some((_, all)) => all.extend_from_slice(body),
                        None => {
                            irb = Some((data_at + PHOTOSHOP_HEADER.len() as u64, body.to_vec()))
                        }
                    }
                }
                COM => {
                    let (s, _) = text::utf8_or_cp1252(text::trim_nul(data));
                    found.push(origin::JPEG_COMMENT, &s);
                }
                _ => {}
            }
        }
        pos = data_at + data_len as u64;
    }
    if let Some((at, bytes)) = irb {
        iptc::read_irb(&bytes, at, found);
    }
    assemble_extended(extended, extended_guid, found);
}

/// Keeps one Extended XMP chunk: GUID (32 hex digits), full length, offset, data.
fn extended_chunk(
    body: &[u8],
    at: u64,
    extended: &mut BTreeMap<Vec<u8>, Extended>,
    found: &mut Found,
) {
    let Some((guid, rest)) = body.split_first_chunk::<32>() else {
        found.problem(at, ProblemKind::Truncated, "Extended XMP header cut short");
        return;
    };
    let Some((lens, data)) = rest.split_first_chunk::<8>() else {
        found.problem(at, ProblemKind::Truncated, "Extended XMP header cut short");
        return;
    };
    let full_len = u32::from_be_bytes([lens[0], lens[1], lens[2], lens[3]]);
    let offset = u32::from_be_bytes([lens[4], lens[5], lens[6], lens[7]]);
    let entry = extended.entry(guid.to_vec()).or_insert(Extended {
        full_len,
        at,
        chunks: Vec::new(),
    });
    entry.chunks.push(ExtChunk {
        offset,
        data: data.to_vec(),
    });
}

/// Puts the Extended XMP of the GUID the main packet names back together and reads it.
fn assemble_extended(
    extended: BTreeMap<Vec<u8>, Extended>,
    guid: Option<String>,
    found: &mut Found,
) {
    for (g, ext) in extended {
        if guid.as_deref().map(str::as_bytes) != Some(g.as_slice()) {
            found.problem(
                ext.at,
                ProblemKind::Malformed,
                "Extended XMP whose GUID the main XMP does not name; ignored",
            );
            continue;
        }
        let full = ext.full_len as usize;
        if full > MAX_PAYLOAD {
            found.problem(
                ext.at,
                ProblemKind::TooLarge,
                format!("Extended XMP claims {full} bytes, over the {MAX_PAYLOAD}-byte limit"),
            );
            continue;
        }
        let have: usize = ext.chunks.iter().map(|c| c.data.len()).sum();
        if have < full {
            found.problem(
                ext.at,
                ProblemKind::Truncated,
                format!("Extended XMP claims {full} bytes, its chunks hold {have}"),
            );
            continue;
        }
        let mut whole = vec![0u8; full];
        let mut covered = 0usize;
        let mut chunks = ext.chunks;
        chunks.sort_by_key(|c| c.offset);
        let mut ok = true;
        for c in &chunks {
            let start = c.offset as usize;
            let end = start.saturating_add(c.data.len());
            if start != covered || end > full {
                ok = false;
                break;
            }
            whole[start..end].copy_from_slice(&c.data);
            covered = end;
        }
        if !ok || covered != full {
            found.problem(
                ext.at,
                ProblemKind::Malformed,
                "Extended XMP chunks overlap, leave gaps or overflow the declared length",
            );
            continue;
        }
        xmp::read(&whole, ext.at, found);
    }
}
