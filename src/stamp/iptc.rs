//! IPTC IIM inside Photoshop image resources (the JPEG APP13 `Photoshop 3.0` segment).
//!
//! Every resource other than 0x0404 (IPTC) is kept byte for byte. In the IIM, the datasets
//! written (ObjectName 2:05, By-line 2:80, Credit 2:110, CopyrightNotice 2:116) replace the old
//! ones; the others are kept, and record 1:90 declares UTF-8 (`ESC % G`). Text kept from a file
//! that declared no character set is converted to UTF-8 (from Windows-1252 when it is not
//! already valid UTF-8), so that the declaration stays true.

use super::ErrorKind;
use super::fields::Written;
use crate::metadata::vocab::IRB_IPTC;

const UTF8_ESCAPE: &[u8] = b"\x1b%G";
/// IIM dataset numbers (IIM 4.2, chapter 6).
const CODED_CHARACTER_SET: (u8, u8) = (1, 90);
const RECORD_VERSION: (u8, u8) = (2, 0);
const OBJECT_NAME: (u8, u8) = (2, 5);
const BY_LINE: (u8, u8) = (2, 80);
const CREDIT: (u8, u8) = (2, 110);
const COPYRIGHT_NOTICE: (u8, u8) = (2, 116);
/// Record 2 datasets from 200 on are binary (object preview), never transcoded.
const FIRST_BINARY: u8 = 200;
/// The most a dataset with a standard (2-byte) length holds.
const MAX_STANDARD: usize = 0x7FFF;

fn malformed(what: impl Into<String>) -> ErrorKind {
    ErrorKind::Malformed(format!("IPTC: {}", what.into()))
}

/// One Photoshop resource: id, Pascal name (with its length byte and padding), data.
struct Resource {
    id: u16,
    name: Vec<u8>,
    data: Vec<u8>,
}

fn parse_irb(bytes: &[u8]) -> Result<Vec<Resource>, ErrorKind> {
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.iter().all(|&b| b == 0) {
            break; // padding some writers leave
        }
        if rest.len() < 12 || !rest.starts_with(b"8BIM") {
            return Err(malformed(format!(
                "Photoshop resource expected (8BIM) at byte {i} of the segment"
            )));
        }
        let id = u16::from_be_bytes([rest[4], rest[5]]);
        let name_total = (usize::from(rest[6]) + 2) & !1;
        let size_at = 6 + name_total;
        let size = rest
            .get(size_at..size_at + 4)
            .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
            .ok_or_else(|| malformed("Photoshop resource header cut short"))?;
        let data_at = size_at + 4;
        let data = rest
            .get(data_at..data_at.saturating_add(size))
            .ok_or_else(|| {
                malformed(format!("Photoshop resource 0x{id:04x} claims {size} bytes"))
            })?;
        out.push(Resource {
            id,
            name: rest[6..size_at].to_vec(),
            data: data.to_vec(),
        });
        i += data_at + size + (size & 1);
    }
    Ok(out)
}

/// One IIM dataset.
struct Dataset {
    record: u8,
    number: u8,
    data: Vec<u8>,
}

fn parse_iim(bytes: &[u8]) -> Result<Vec<Dataset>, ErrorKind> {
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < bytes.len() {
        if bytes[i..].iter().all(|&b| b == 0) {
            break;
        }
        let Some(&[0x1C, record, number, l0, l1]) = bytes.get(i..i + 5) else {
            return Err(malformed(format!(
                "IIM tag marker 0x1C expected at byte {i}"
            )));
        };
        let mut len = usize::from(u16::from_be_bytes([l0, l1]));
        let mut at = i + 5;
        if len & 0x8000 != 0 {
            // Extended dataset: the low bits give how many bytes hold the length.
            let n = len & 0x7FFF;
            let field = bytes
                .get(at..at + n)
                .filter(|_| n <= 4)
                .ok_or_else(|| malformed(format!("bad extended length at byte {i}")))?;
            len = field.iter().fold(0usize, |a, &b| (a << 8) | usize::from(b));
            at += n;
        }
        let data = bytes
            .get(at..at.saturating_add(len))
            .ok_or_else(|| malformed(format!("dataset {record}:{number} claims {len} bytes")))?;
        out.push(Dataset {
            record,
            number,
            data: data.to_vec(),
        });
        i = at + len;
    }
    Ok(out)
}

/// Windows-1252 bytes 0x80–0x9F (the rest of the range is Latin-1); unassigned bytes map to
/// themselves as C1 controls, as WHATWG's decoder does.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn to_utf8(bytes: &[u8]) -> Vec<u8> {
    if std::str::from_utf8(bytes).is_ok() {
        return bytes.to_vec();
    }
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            b => char::from(b),
        })
        .collect::<String>()
        .into_bytes()
}

fn push_dataset(
    out: &mut Vec<u8>,
    (record, number): (u8, u8),
    data: &[u8],
) -> Result<(), ErrorKind> {
    out.extend_from_slice(&[0x1C, record, number]);
    if data.len() <= MAX_STANDARD {
        out.extend_from_slice(&(data.len() as u16).to_be_bytes());
    } else {
        let len = u32::try_from(data.len())
            .map_err(|_| ErrorKind::TooLarge("IPTC dataset over 4 GiB".into()))?;
        out.extend_from_slice(&0x8004u16.to_be_bytes());
        out.extend_from_slice(&len.to_be_bytes());
    }
    out.extend_from_slice(data);
    Ok(())
}

/// The IIM with the written datasets set.
fn set_iim(existing: &[u8], w: &Written) -> Result<Vec<u8>, ErrorKind> {
    let old = parse_iim(existing)?;
    let utf8 = old
        .iter()
        .any(|d| (d.record, d.number) == CODED_CHARACTER_SET && d.data == UTF8_ESCAPE);
    let mut new: Vec<((u8, u8), Vec<u8>)> = Vec::new();
    if let Some(t) = &w.title {
        new.push((OBJECT_NAME, t.as_bytes().to_vec()));
    }
    for a in &w.authors {
        new.push((BY_LINE, a.as_bytes().to_vec()));
    }
    if let Some(c) = &w.credit_line {
        new.push((CREDIT, c.as_bytes().to_vec()));
    }
    if let Some(n) = &w.notice {
        new.push((COPYRIGHT_NOTICE, n.as_bytes().to_vec()));
    }
    let replaced = |key: (u8, u8)| {
        key == CODED_CHARACTER_SET
            || (key != BY_LINE && new.iter().any(|(k, _)| *k == key))
            || (key == BY_LINE && !w.authors.is_empty())
    };
    let mut datasets: Vec<((u8, u8), Vec<u8>)> = vec![(CODED_CHARACTER_SET, UTF8_ESCAPE.to_vec())];
    for d in old {
        let key = (d.record, d.number);
        if replaced(key) {
            continue;
        }
        let data = if !utf8 && d.record == 2 && d.number != 0 && d.number < FIRST_BINARY {
            to_utf8(&d.data)
        } else {
            d.data
        };
        datasets.push((key, data));
    }
    if !datasets.iter().any(|(k, _)| *k == RECORD_VERSION) {
        // IIM 4 (record version 4), which every reader expects first in record 2.
        datasets.push((RECORD_VERSION, vec![0, 4]));
    }
    datasets.extend(new);
    // Records in order, datasets in order within each; a stable sort keeps repeated datasets
    // (several By-lines, keywords) in the order given.
    datasets.sort_by_key(|(k, _)| *k);
    let mut out = Vec::new();
    for (k, data) in &datasets {
        push_dataset(&mut out, *k, data)?;
    }
    Ok(out)
}

/// The Photoshop resources with the IPTC resource set; `existing` is the resource block of
/// the file's APP13 segments, joined (empty when it has none).
pub(crate) fn set(existing: &[u8], w: &Written) -> Result<Vec<u8>, ErrorKind> {
    let resources = parse_irb(existing)?;
    let old_iim = resources
        .iter()
        .find(|r| r.id == IRB_IPTC)
        .map_or(&[][..], |r| &r.data[..]);
    let iim = set_iim(old_iim, w)?;
    let mut out = Vec::with_capacity(existing.len() + iim.len() + 16);
    let mut written = false;
    let push = |out: &mut Vec<u8>, id: u16, name: &[u8], data: &[u8]| -> Result<(), ErrorKind> {
        let size = u32::try_from(data.len())
            .map_err(|_| ErrorKind::TooLarge("Photoshop resource over 4 GiB".into()))?;
        out.extend_from_slice(b"8BIM");
        out.extend_from_slice(&id.to_be_bytes());
        out.extend_from_slice(name);
        out.extend_from_slice(&size.to_be_bytes());
        out.extend_from_slice(data);
        if data.len() % 2 == 1 {
            out.push(0);
        }
        Ok(())
    };
    for r in &resources {
        if r.id == IRB_IPTC {
            if !written {
                push(&mut out, IRB_IPTC, &r.name, &iim)?;
                written = true;
            }
        } else {
            push(&mut out, r.id, &r.name, &r.data)?;
        }
    }
    if !written {
        push(&mut out, IRB_IPTC, &[0, 0], &iim)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::license::License;
    use crate::stamp::Stamp;

    fn written() -> Written {
        Written::new(&Stamp {
            license: License::from_key("by/4.0"),
            authors: vec!["Jürgen Müller".into(), "Ana Lima".into()],
            title: Some("Dünen".into()),
            ..Stamp::default()
        })
    }

    fn datasets(irb: &[u8]) -> Vec<(u8, u8, Vec<u8>)> {
        let r = parse_irb(irb).unwrap();
        let iptc = r.iter().find(|r| r.id == IRB_IPTC).unwrap();
        parse_iim(&iptc.data)
            .unwrap()
            .into_iter()
            .map(|d| (d.record, d.number, d.data))
            .collect()
    }

    #[test]
    fn a_new_block_declares_utf8_first_and_holds_every_dataset() {
        let irb = set(&[], &written()).unwrap();
        let ds = datasets(&irb);
        assert_eq!((ds[0].0, ds[0].1, &ds[0].2[..]), (1, 90, UTF8_ESCAPE));
        assert_eq!((ds[1].0, ds[1].1), (2, 0));
        let bylines: Vec<_> = ds
            .iter()
            .filter(|d| (d.0, d.1) == BY_LINE)
            .map(|d| String::from_utf8(d.2.clone()).unwrap())
            .collect();
        assert_eq!(bylines, ["Jürgen Müller", "Ana Lima"]);
        assert!(ds.iter().any(|d| (d.0, d.1) == COPYRIGHT_NOTICE));
        assert!(ds.iter().any(|d| (d.0, d.1) == CREDIT));
        assert_eq!(set(&irb, &written()).unwrap(), irb, "stamping twice");
    }

    #[test]
    fn other_resources_and_datasets_are_kept_and_latin_text_becomes_utf8() {
        let mut iim = Vec::new();
        push_dataset(&mut iim, (2, 0), &[0, 2]).unwrap();
        push_dataset(&mut iim, (2, 25), b"caf\xe9").unwrap(); // keyword, Windows-1252
        push_dataset(&mut iim, (2, 80), b"Old Name").unwrap();
        let mut irb = Vec::new();
        irb.extend_from_slice(b"8BIM\x03\xed\x00\x00\x00\x00\x00\x03abc\x00"); // resolution-like
        irb.extend_from_slice(b"8BIM\x04\x04\x00\x00");
        irb.extend_from_slice(&(iim.len() as u32).to_be_bytes());
        irb.extend_from_slice(&iim);
        if iim.len() % 2 == 1 {
            irb.push(0);
        }
        let out = set(&irb, &written()).unwrap();
        assert!(out.starts_with(b"8BIM\x03\xed\x00\x00\x00\x00\x00\x03abc\x00"));
        let ds = datasets(&out);
        assert!(
            ds.iter()
                .any(|d| (d.0, d.1, &d.2[..]) == (2, 25, "café".as_bytes()))
        );
        assert!(
            ds.iter()
                .any(|d| (d.0, d.1, &d.2[..]) == (2, 0, &[0u8, 2][..]))
        );
        assert!(!ds.iter().any(|d| d.2 == b"Old Name"));
    }

    #[test]
    fn broken_blocks_are_refused() {
        for bad in [
            &b"8BIM\x04\x04\x00\x00\xff\xff\xff\xff"[..],
            b"XXXX\x04\x04\x00\x00\x00\x00\x00\x00",
            b"8BIM",
        ] {
            assert!(set(bad, &written()).is_err());
        }
        let mut irb = b"8BIM\x04\x04\x00\x00\x00\x00\x00\x04".to_vec();
        irb.extend_from_slice(b"\x1c\x02\x50\xff");
        assert!(set(&irb, &written()).is_err());
    }
}
