//! The ISOBMFF (HEIF/AVIF) reader: an `ftyp` box of an image brand, then arbitrary boxes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
    bytes.extend_from_slice(data);
    let _ = licit::metadata::read_bytes(&bytes);
});
