//! The WebP (RIFF) reader: a RIFF/WEBP header, then arbitrary chunks.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"RIFF".to_vec();
    bytes.extend_from_slice(&(data.len() as u32 + 4).to_le_bytes());
    bytes.extend_from_slice(b"WEBP");
    bytes.extend_from_slice(data);
    let _ = licit::metadata::read_bytes(&bytes);
});
