//! WebP (RIFF): the `EXIF` and `XMP ` chunks; image chunks are skipped unread.

use super::input::Input;
use super::{Found, MAX_PAYLOAD, ProblemKind, exif, xmp};

pub(crate) fn read(input: &mut Input<'_>, found: &mut Found) {
    let riff_len = match input.get(4, 4) {
        Ok(&[a, b, c, d]) => u64::from(u32::from_le_bytes([a, b, c, d])),
        Ok(_) => return found.problem(4, ProblemKind::Truncated, "RIFF header cut short"),
        Err(e) => return found.io(4, &e),
    };
    let end = (8 + riff_len).min(input.len());
    if 8 + riff_len > input.len() {
        found.problem(
            4,
            ProblemKind::Truncated,
            format!(
                "RIFF claims {riff_len} bytes, the file holds {}",
                input.len() - 8
            ),
        );
    }
    let mut pos = 12u64;
    while pos + 8 <= end {
        let (fourcc, len) = match input.get(pos, 8) {
            Ok(&[a, b, c, d, l0, l1, l2, l3]) => {
                ([a, b, c, d], u32::from_le_bytes([l0, l1, l2, l3]) as usize)
            }
            Ok(_) => {
                return found.problem(pos, ProblemKind::Truncated, "RIFF chunk header cut short");
            }
            Err(e) => return found.io(pos, &e),
        };
        let data_at = pos + 8;
        // C2PA's RIFF chunk (C2PA 2.1, A.3.6); its JUMBF is left to `c2pa`.
        found.c2pa_store |= &fourcc == b"C2PA";
        if matches!(&fourcc, b"EXIF" | b"XMP ") {
            if len > MAX_PAYLOAD {
                found.problem(
                    pos,
                    ProblemKind::TooLarge,
                    format!("WebP chunk claims {len} bytes, over the {MAX_PAYLOAD}-byte limit"),
                );
            } else {
                let data = match input.get_vec(data_at, len) {
                    Ok(d) => d,
                    Err(e) => return found.io(data_at, &e),
                };
                if data.len() < len {
                    found.problem(
                        pos,
                        ProblemKind::Truncated,
                        format!("WebP chunk claims {len} bytes, {} remain", data.len()),
                    );
                    return;
                }
                if &fourcc == b"EXIF" {
                    // Some writers keep the JPEG "Exif\0\0" prefix.
                    let tiff = data.strip_prefix(b"Exif\0\0").unwrap_or(&data);
                    exif::read(tiff, data_at, found);
                } else {
                    xmp::read(&data, data_at, found);
                }
            }
        }
        // Chunks are padded to an even size.
        pos = data_at + len as u64 + (len as u64 & 1);
    }
}
