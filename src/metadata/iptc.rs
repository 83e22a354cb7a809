//! IPTC IIM records, and the Photoshop image resources (IRB) that carry them.

use super::text::{trim_nul, utf8_or_cp1252};
use super::vocab::IRB_IPTC;
use super::{Found, ProblemKind};
use crate::evidence::{Origin, origin};

/// Record 1 dataset 90: CodedCharacterSet; `ESC % G` declares UTF-8.
const CODED_CHARACTER_SET: (u8, u8) = (1, 90);
const UTF8_ESCAPE: &[u8] = b"\x1b%G";

/// Record 2 datasets read, with their IIM names.
const DATASETS: &[(u8, Origin)] = &[
    (5, origin::IPTC_OBJECT_NAME),
    (40, origin::IPTC_SPECIAL_INSTRUCTIONS),
    (80, origin::IPTC_BY_LINE),
    (85, origin::IPTC_BY_LINE_TITLE),
    (110, origin::IPTC_CREDIT),
    (115, origin::IPTC_SOURCE),
    (116, origin::IPTC_COPYRIGHT_NOTICE),
    (120, origin::IPTC_CAPTION_ABSTRACT),
];

/// Reads a Photoshop IRB sequence (`8BIM` resources) found at file offset `base` and the IPTC
/// IIM of every 0x0404 resource in it.
pub(crate) fn read_irb(bytes: &[u8], base: u64, found: &mut Found) {
    let mut i = 0usize;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.iter().all(|&b| b == 0) {
            break; // padding
        }
        let at = base + i as u64;
        if rest.len() < 12 || !(rest.starts_with(b"8BIM") || rest.starts_with(b"PHUT")) {
            found.problem(
                at,
                ProblemKind::Malformed,
                "Photoshop resource expected (8BIM)",
            );
            return;
        }
        let id = u16::from_be_bytes([rest[4], rest[5]]);
        // Pascal name, padded so that length byte + name is even.
        let name_len = usize::from(rest[6]);
        let name_total = (name_len + 1 + 1) & !1;
        let size_at = 6 + name_total;
        let Some(size) = rest
            .get(size_at..size_at + 4)
            .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
        else {
            found.problem(
                at,
                ProblemKind::Truncated,
                "Photoshop resource header cut short",
            );
            return;
        };
        let data_at = size_at + 4;
        let avail = rest.len() - data_at.min(rest.len());
        if size > avail {
            found.problem(
                at,
                ProblemKind::Truncated,
                format!("Photoshop resource 0x{id:04x} claims {size} bytes, {avail} remain"),
            );
            if id == IRB_IPTC {
                read_iim(&rest[data_at.min(rest.len())..], at + data_at as u64, found);
            }
            return;
        }
        if id == IRB_IPTC {
            read_iim(&rest[data_at..data_at + size], at + data_at as u64, found);
        }
        i += data_at + size + (size & 1);
    }
}

/// Reads IPTC IIM datasets found at file offset `base`.
pub(crate) fn read_iim(bytes: &[u8], base: u64, found: &mut Found) {
    if !found.spend(base, bytes.len(), "IPTC block") {
        return;
    }
    let mut utf8 = false;
    let mut undeclared_non_utf8 = false;
    let mut i = 0usize;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let at = base + i as u64;
        if rest[0] != 0x1C {
            if !rest.iter().all(|&b| b == 0) {
                found.problem(
                    at,
                    ProblemKind::Malformed,
                    "IPTC dataset marker 0x1C expected",
                );
            }
            break;
        }
        let Some(&[_, record, dataset, l0, l1]) = rest.first_chunk::<5>() else {
            found.problem(at, ProblemKind::Truncated, "IPTC dataset header cut short");
            break;
        };
        let mut header = 5usize;
        let mut len = usize::from(u16::from_be_bytes([l0, l1]));
        if len & 0x8000 != 0 {
            // Extended dataset: the low 15 bits give the size of the length field.
            let n = len & 0x7FFF;
            let Some(field) = rest.get(5..5 + n).filter(|_| n <= 4) else {
                found.problem(
                    at,
                    ProblemKind::Malformed,
                    "IPTC extended length is invalid",
                );
                break;
            };
            len = field
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            header += n;
        }
        let avail = rest.len() - header;
        if len > avail {
            found.problem(
                at,
                ProblemKind::Truncated,
                format!("IPTC {record}:{dataset} claims {len} bytes, {avail} remain"),
            );
            break;
        }
        let data = &rest[header..header + len];
        if (record, dataset) == CODED_CHARACTER_SET {
            utf8 = data.windows(3).any(|w| w == UTF8_ESCAPE);
        } else if record == 2
            && let Some(&(_, o)) = DATASETS.iter().find(|(d, _)| *d == dataset)
        {
            let data = trim_nul(data);
            let value = if utf8 {
                let s = String::from_utf8_lossy(data);
                if matches!(s, std::borrow::Cow::Owned(_)) {
                    found.problem(at, ProblemKind::Charset, "IPTC text declared UTF-8 is not");
                }
                s.into_owned()
            } else {
                let (s, was_utf8) = utf8_or_cp1252(data);
                undeclared_non_utf8 |= !was_utf8;
                s
            };
            found.push(o, &value);
        }
        i += header + len;
    }
    if undeclared_non_utf8 {
        found.problem(
            base,
            ProblemKind::Charset,
            "IPTC text without a declared character set was read as Windows-1252",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(record: u8, dataset: u8, data: &[u8]) -> Vec<u8> {
        let mut v = vec![0x1C, record, dataset];
        v.extend((data.len() as u16).to_be_bytes());
        v.extend(data);
        v
    }

    #[test]
    fn records_and_charsets() {
        let mut iim = ds(1, 90, UTF8_ESCAPE);
        iim.extend(ds(2, 80, "José".as_bytes()));
        iim.extend(ds(2, 80, b"Second"));
        iim.extend(ds(2, 116, "© 2024".as_bytes()));
        let mut f = Found::default();
        read_iim(&iim, 0, &mut f);
        let vals: Vec<_> = f.evidence.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(vals, ["José", "Second", "© 2024"]);
        assert!(f.problems.is_empty());

        let mut f = Found::default();
        read_iim(&ds(2, 116, b"\xa9 Jos\xe9"), 0, &mut f);
        assert_eq!(f.evidence[0].value, "© José");
        assert_eq!(f.problems[0].kind, ProblemKind::Charset);
    }

    #[test]
    fn lying_lengths() {
        let mut iim = ds(2, 80, b"Fine");
        iim.extend([0x1C, 2, 116, 0xFF, 0x00, b'x']);
        let mut f = Found::default();
        read_iim(&iim, 100, &mut f);
        assert_eq!(f.evidence.len(), 1);
        assert_eq!(f.problems[0].offset, 100 + 9);
        // An extended length of 2^32-1 in a few bytes.
        let mut f = Found::default();
        read_iim(
            &[0x1C, 2, 80, 0x80, 4, 0xFF, 0xFF, 0xFF, 0xFF, 1],
            0,
            &mut f,
        );
        assert_eq!(f.problems[0].kind, ProblemKind::Truncated);
    }

    #[test]
    fn irb_with_name_and_padding() {
        let iim = ds(2, 110, b"Agency");
        let mut irb = b"8BIM\x03\xed\x00\x00\x00\x00\x00\x02ab".to_vec();
        irb.extend(b"8BIM\x04\x04\x03abc\x00\x00\x00");
        irb.push(iim.len() as u8);
        irb.extend(&iim);
        irb.push(0); // odd size padding
        let mut f = Found::default();
        read_irb(&irb, 0, &mut f);
        assert_eq!(f.evidence[0].value, "Agency", "{:?}", f.problems);
    }
}
