//! Decoding the character sets metadata text comes in.

/// Windows-1252 code points for bytes 0x80..=0x9F (the rest of the code page is Latin-1).
/// Undefined bytes map to themselves as C1 controls, as the WHATWG encoding standard does.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

/// Windows-1252 to UTF-8.
pub fn cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// ISO 8859-1 to UTF-8.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// UTF-8 if the bytes are valid UTF-8, else Windows-1252; the bool says which (true = UTF-8).
pub fn utf8_or_cp1252(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), true),
        Err(_) => (cp1252(bytes), false),
    }
}

/// UTF-16 to UTF-8, stopping at the first NUL code unit; unpaired surrogates become U+FFFD.
pub fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units.take_while(|&u| u != 0))
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Removes trailing NUL bytes.
pub fn trim_nul(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        assert_eq!(cp1252(b"\xa9 Jos\xe9 \x93x\x94"), "© José “x”");
        assert_eq!(latin1(b"\x93"), "\u{93}");
        assert_eq!(utf8_or_cp1252("José".as_bytes()), ("José".to_owned(), true));
        assert_eq!(utf8_or_cp1252(b"Jos\xe9").0, "José");
        assert_eq!(utf16(b"J\0o\0\0\0x\0", true), "Jo");
        assert_eq!(utf16(b"\0J\0o\0", false), "Jo");
        assert_eq!(utf16(b"\x00\xd8A\0", true), "\u{FFFD}A");
        assert_eq!(trim_nul(b"ab\0\0"), b"ab");
        assert_eq!(trim_nul(b"\0"), b"");
    }
}
