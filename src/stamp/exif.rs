//! EXIF: sets `Artist` and `Copyright` in IFD0 and leaves every other byte of the TIFF block
//! where it was.
//!
//! Rewriting a whole EXIF block moves data that maker notes and thumbnails point to by absolute
//! offset, which breaks them. Instead the new IFD0 — its entries, then the values that do not fit
//! in an entry — is appended at the end of the block and the header is pointed at it; the old
//! IFD0 stays behind, unreferenced. When the block already ends with an IFD0 laid out exactly
//! that way (a block licit stamped before), that tail is replaced instead of appended to, so
//! stamping twice gives the same bytes.

use super::ErrorKind;
use crate::metadata::vocab::exif::{ARTIST, ASCII, BYTE, COPYRIGHT, XP_AUTHOR, XP_TITLE};

/// More entries than this in IFD0 is not a real file.
const MAX_ENTRIES: usize = 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Little,
    Big,
}

impl Order {
    fn u16(self, b: [u8; 2]) -> u16 {
        match self {
            Order::Little => u16::from_le_bytes(b),
            Order::Big => u16::from_be_bytes(b),
        }
    }
    fn u32(self, b: [u8; 4]) -> u32 {
        match self {
            Order::Little => u32::from_le_bytes(b),
            Order::Big => u32::from_be_bytes(b),
        }
    }
    fn put16(self, v: u16) -> [u8; 2] {
        match self {
            Order::Little => v.to_le_bytes(),
            Order::Big => v.to_be_bytes(),
        }
    }
    fn put32(self, v: u32) -> [u8; 4] {
        match self {
            Order::Little => v.to_le_bytes(),
            Order::Big => v.to_be_bytes(),
        }
    }
}

/// One IFD0 entry. `data` is the value when it is stored outside the entry and its size is
/// known; `None` keeps the 4-byte field as it was.
#[derive(Clone)]
struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    field: [u8; 4],
    data: Option<Vec<u8>>,
}

fn type_size(kind: u16) -> Option<u64> {
    Some(match kind {
        1 | 2 | 6 | 7 => 1,
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => return None,
    })
}

fn malformed(what: impl Into<String>) -> ErrorKind {
    ErrorKind::Malformed(format!("EXIF: {}", what.into()))
}

fn get<const N: usize>(b: &[u8], at: usize) -> Result<[u8; N], ErrorKind> {
    b.get(at..at.saturating_add(N))
        .and_then(|s| s.try_into().ok())
        .ok_or_else(|| malformed(format!("ends at byte {} inside a structure", b.len())))
}

struct Ifd0 {
    order: Order,
    at: usize,
    entries: Vec<Entry>,
    next: [u8; 4],
    /// Whether every entry's value could be read (and so relocated).
    relocatable: bool,
}

fn parse(tiff: &[u8]) -> Result<Ifd0, ErrorKind> {
    let order = match tiff.get(..2) {
        Some(b"II") => Order::Little,
        Some(b"MM") => Order::Big,
        _ => return Err(malformed("no TIFF byte-order mark (II or MM)")),
    };
    if order.u16(get(tiff, 2)?) != 42 {
        return Err(malformed("TIFF magic number is not 42"));
    }
    let at = order.u32(get(tiff, 4)?) as usize;
    if at < 8 {
        return Err(malformed(format!(
            "IFD0 offset {at} points into the header"
        )));
    }
    let count = usize::from(order.u16(get(tiff, at)?));
    if count > MAX_ENTRIES {
        return Err(malformed(format!("IFD0 claims {count} entries")));
    }
    let mut entries = Vec::with_capacity(count);
    let mut relocatable = true;
    for i in 0..count {
        let e = at + 2 + 12 * i;
        let tag = order.u16(get(tiff, e)?);
        let kind = order.u16(get(tiff, e + 2)?);
        let count = order.u32(get(tiff, e + 4)?);
        let field: [u8; 4] = get(tiff, e + 8)?;
        let data = match type_size(kind).map(|s| s * u64::from(count)) {
            Some(size) if size > 4 => {
                let off = order.u32(field) as usize;
                let end = off.saturating_add(size as usize);
                match tiff.get(off..end) {
                    Some(d) => Some(d.to_vec()),
                    None => {
                        relocatable = false;
                        None
                    }
                }
            }
            Some(_) => None,
            None => {
                relocatable = false;
                None
            }
        };
        entries.push(Entry {
            tag,
            kind,
            count,
            field,
            data,
        });
    }
    let next = get(tiff, at + 2 + 12 * count)?;
    Ok(Ifd0 {
        order,
        at,
        entries,
        next,
        relocatable,
    })
}

/// IFD0 laid out at offset `at`: entries sorted by tag, the next-IFD link, then the values
/// stored outside the entries in entry order, each on an even offset.
fn layout(ifd: &Ifd0, entries: &[Entry], at: usize) -> Result<Vec<u8>, ErrorKind> {
    let o = ifd.order;
    let head = 2 + 12 * entries.len() + 4;
    let mut values: Vec<u8> = Vec::new();
    let mut out = Vec::with_capacity(head);
    out.extend_from_slice(&o.put16(entries.len() as u16));
    for e in entries {
        out.extend_from_slice(&o.put16(e.tag));
        out.extend_from_slice(&o.put16(e.kind));
        out.extend_from_slice(&o.put32(e.count));
        match &e.data {
            Some(d) => {
                let off = u32::try_from(at + head + values.len())
                    .map_err(|_| ErrorKind::TooLarge("EXIF block over 4 GiB".into()))?;
                out.extend_from_slice(&o.put32(off));
                values.extend_from_slice(d);
                if values.len() % 2 == 1 {
                    values.push(0);
                }
            }
            None => out.extend_from_slice(&e.field),
        }
    }
    out.extend_from_slice(&ifd.next);
    out.extend_from_slice(&values);
    Ok(out)
}

fn ascii(order: Order, tag: u16, value: &str) -> Entry {
    let mut bytes: Vec<u8> = value.bytes().filter(|&b| b != 0).collect();
    bytes.push(0);
    let count = bytes.len() as u32;
    let (field, data) = if bytes.len() <= 4 {
        let mut f = [0u8; 4];
        f[..bytes.len()].copy_from_slice(&bytes);
        (f, None)
    } else {
        (order.put32(0), Some(bytes))
    };
    Entry {
        tag,
        kind: ASCII,
        count,
        field,
        data,
    }
}

/// A BYTE field holding UTF-16LE text with its terminating NUL, as Windows writes XP* tags.
fn utf16(order: Order, tag: u16, value: &str) -> Entry {
    let mut bytes: Vec<u8> = value
        .encode_utf16()
        .filter(|&u| u != 0)
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.extend_from_slice(&[0, 0]);
    Entry {
        tag,
        kind: BYTE,
        count: bytes.len() as u32,
        field: order.put32(0),
        data: Some(bytes),
    }
}

/// The fields a stamp sets in IFD0; `None` leaves a field as it is.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Values<'a> {
    pub artist: Option<&'a str>,
    pub copyright: Option<&'a str>,
    pub title: Option<&'a str>,
    /// The block is for a JPEG: a new one gets the IFD0 fields EXIF requires there.
    pub jpeg: bool,
}

/// The IFD0 fields EXIF 2.32 (4.6.8) requires in a JPEG file, with the values the standard
/// gives as defaults: 72 dpi, YCbCr samples centered.
fn jpeg_required(order: Order) -> Vec<Entry> {
    let rational = |tag| {
        let mut d = order.put32(72).to_vec();
        d.extend_from_slice(&order.put32(1));
        Entry {
            tag,
            kind: 5,
            count: 1,
            field: [0; 4],
            data: Some(d),
        }
    };
    let short = |tag, v: u16| {
        let mut field = [0u8; 4];
        field[..2].copy_from_slice(&order.put16(v));
        Entry {
            tag,
            kind: 3,
            count: 1,
            field,
            data: None,
        }
    };
    vec![
        rational(0x011A), // XResolution
        rational(0x011B), // YResolution
        short(0x0128, 2), // ResolutionUnit: inches
        short(0x0213, 1), // YCbCrPositioning: centered
    ]
}

/// A new TIFF block holding only IFD0 with the given fields, big-endian (as most cameras).
fn fresh(v: Values<'_>) -> Result<Vec<u8>, ErrorKind> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let mut entries = if v.jpeg {
        jpeg_required(Order::Big)
    } else {
        Vec::new()
    };
    if let Some(a) = v.artist {
        entries.push(ascii(Order::Big, ARTIST, a));
    }
    if let Some(c) = v.copyright {
        entries.push(ascii(Order::Big, COPYRIGHT, c));
    }
    entries.sort_by_key(|e| e.tag);
    let ifd = Ifd0 {
        order: Order::Big,
        at: 8,
        entries: Vec::new(),
        next: [0; 4],
        relocatable: true,
    };
    tiff.extend(layout(&ifd, &entries, 8)?);
    Ok(tiff)
}

/// The TIFF block (`II*\0…` or `MM\0*…`) with `Artist` and `Copyright` set; other fields kept.
/// `None` fields are left as they are. `existing` is `None` when the file has no EXIF yet.
pub(crate) fn set(existing: Option<&[u8]>, v: Values<'_>) -> Result<Vec<u8>, ErrorKind> {
    let Some(tiff) = existing else {
        return fresh(v);
    };
    let ifd = parse(tiff)?;
    let has = |tag| ifd.entries.iter().any(|e| e.tag == tag);
    let mut new = Vec::new();
    if let Some(a) = v.artist {
        new.push(ascii(ifd.order, ARTIST, a));
        if has(XP_AUTHOR) {
            new.push(utf16(ifd.order, XP_AUTHOR, a));
        }
    }
    if let Some(c) = v.copyright {
        new.push(ascii(ifd.order, COPYRIGHT, c));
    }
    if let Some(t) = v.title.filter(|_| has(XP_TITLE)) {
        new.push(utf16(ifd.order, XP_TITLE, t));
    }
    let new_tags: Vec<u16> = new.iter().map(|e| e.tag).collect();
    let mut entries: Vec<Entry> = ifd
        .entries
        .iter()
        .filter(|e| !new_tags.contains(&e.tag))
        .cloned()
        .collect();
    if !ifd.relocatable {
        // A value that cannot be read stays where it is: keep its field, move nothing else.
        for e in &mut entries {
            e.data = None;
        }
    }
    entries.extend(new);
    entries.sort_by_key(|e| e.tag);
    // Replace our own tail rather than grow the block at each stamp.
    let mut keep = tiff.len();
    if ifd.relocatable && ifd.at % 2 == 0 {
        let mut sorted = ifd.entries.clone();
        sorted.sort_by_key(|e| e.tag);
        if layout(&ifd, &sorted, ifd.at)? == tiff[ifd.at..] {
            keep = ifd.at;
        }
    }
    let mut out = tiff[..keep].to_vec();
    if out.len() % 2 == 1 {
        out.push(0);
    }
    let at = out.len();
    let new_at =
        u32::try_from(at).map_err(|_| ErrorKind::TooLarge("EXIF block over 4 GiB".into()))?;
    out.extend(layout(&ifd, &entries, at)?);
    out[4..8].copy_from_slice(&ifd.order.put32(new_at));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals<'a>(artist: Option<&'a str>, copyright: Option<&'a str>) -> Values<'a> {
        Values {
            artist,
            copyright,
            title: None,
            jpeg: false,
        }
    }

    /// Reads Artist and Copyright back with kamadak-exif, the reader licit uses.
    fn read(tiff: &[u8]) -> (Option<String>, Option<String>, usize) {
        let exif = exif::Reader::new()
            .read_raw(tiff.to_vec())
            .expect("valid EXIF");
        let get = |tag| {
            exif.get_field(tag, exif::In::PRIMARY)
                .map(|f| match &f.value {
                    exif::Value::Ascii(v) => String::from_utf8_lossy(&v[0]).into_owned(),
                    v => format!("{v:?}"),
                })
        };
        (
            get(exif::Tag::Artist),
            get(exif::Tag::Copyright),
            exif.fields().count(),
        )
    }

    /// A camera-like block: IFD0 (Make, Orientation, an Exif IFD pointer) at offset 8, the Exif
    /// IFD after it with an exposure time (a RATIONAL stored out of line).
    fn camera(order: Order) -> Vec<u8> {
        let o = order;
        let mut t = match order {
            Order::Little => b"II\x2a\0".to_vec(),
            Order::Big => b"MM\0\x2a".to_vec(),
        };
        t.extend(o.put32(8));
        // IFD0: 3 entries at 8; values after it at 8 + 2 + 36 + 4 = 50.
        t.extend(o.put16(3));
        t.extend(o.put16(0x010F)); // Make
        t.extend(o.put16(2));
        t.extend(o.put32(6));
        t.extend(o.put32(50));
        t.extend(o.put16(0x0112)); // Orientation
        t.extend(o.put16(3));
        t.extend(o.put32(1));
        t.extend(o.put16(6));
        t.extend([0, 0]);
        t.extend(o.put16(0x8769)); // Exif IFD pointer
        t.extend(o.put16(4));
        t.extend(o.put32(1));
        t.extend(o.put32(56));
        t.extend(o.put32(0));
        t.extend(b"Canon\0"); // 50..56
        // Exif IFD at 56: ExposureTime RATIONAL at 56 + 2 + 12 + 4 = 74.
        t.extend(o.put16(1));
        t.extend(o.put16(0x829A));
        t.extend(o.put16(5));
        t.extend(o.put32(1));
        t.extend(o.put32(74));
        t.extend(o.put32(0));
        t.extend(o.put32(1));
        t.extend(o.put32(250));
        t
    }

    #[test]
    fn artist_and_copyright_are_set_and_camera_fields_kept_in_both_byte_orders() {
        for order in [Order::Little, Order::Big] {
            let before = camera(order);
            let (_, _, n) = read(&before);
            let after = set(
                Some(&before),
                vals(Some("Jane Doe"), Some("© 2024 Jane Doe")),
            )
            .unwrap();
            // Nothing before the new IFD0 moved.
            assert_eq!(after[8..before.len()], before[8..]);
            let (artist, copyright, m) = read(&after);
            assert_eq!(artist.as_deref(), Some("Jane Doe"));
            assert_eq!(copyright.as_deref(), Some("© 2024 Jane Doe"));
            assert_eq!(m, n + 2);
            let exif = exif::Reader::new().read_raw(after.clone()).unwrap();
            let exposure = exif
                .get_field(exif::Tag::ExposureTime, exif::In::PRIMARY)
                .unwrap();
            assert_eq!(exposure.display_value().to_string(), "1/250");
            let make = exif.get_field(exif::Tag::Make, exif::In::PRIMARY).unwrap();
            assert_eq!(make.display_value().to_string(), "\"Canon\"");
        }
    }

    #[test]
    fn stamping_twice_gives_the_same_block_and_a_new_value_replaces_the_old() {
        let once = set(
            Some(&camera(Order::Big)),
            vals(Some("Jane Doe"), Some("© Jane Doe")),
        )
        .unwrap();
        let twice = set(Some(&once), vals(Some("Jane Doe"), Some("© Jane Doe"))).unwrap();
        assert_eq!(once, twice);
        let other = set(Some(&once), vals(Some("John Roe"), None)).unwrap();
        // The tail was replaced, not appended to.
        assert!(
            other.len() < once.len() + 12,
            "{} → {}",
            once.len(),
            other.len()
        );
        let (artist, copyright, _) = read(&other);
        assert_eq!(artist.as_deref(), Some("John Roe"));
        assert_eq!(copyright.as_deref(), Some("© Jane Doe"));
    }

    #[test]
    fn a_fresh_block_reads_back() {
        let t = set(None, vals(Some("Jane Doe"), Some("CC BY 4.0"))).unwrap();
        let (artist, copyright, n) = read(&t);
        assert_eq!(
            (artist.as_deref(), copyright.as_deref(), n),
            (Some("Jane Doe"), Some("CC BY 4.0"), 2)
        );
        assert_eq!(
            set(Some(&t), vals(Some("Jane Doe"), Some("CC BY 4.0"))).unwrap(),
            t
        );
    }

    #[test]
    fn broken_blocks_are_refused() {
        for bad in [
            &b""[..],
            b"XX\0\x2a\0\0\0\x08",
            b"MM\0\x2b\0\0\0\x08",
            b"MM\0\x2a\0\0\0\x02",
            b"MM\0\x2a\0\0\0\x08\x00\x05",
            b"MM\0\x2a\xff\xff\xff\xff",
        ] {
            assert!(set(Some(bad), vals(Some("a"), None)).is_err(), "{bad:?}");
        }
    }
}
