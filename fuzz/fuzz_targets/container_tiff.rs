//! The TIFF reader: a little- or big-endian TIFF signature (chosen by the first byte), then
//! arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let magic: &[u8] = if data.first().is_some_and(|b| b & 1 == 1) { b"II*\0" } else { b"MM\0*" };
    let mut bytes = magic.to_vec();
    bytes.extend_from_slice(data.get(1..).unwrap_or_default());
    let _ = licit::metadata::read_bytes(&bytes);
});
