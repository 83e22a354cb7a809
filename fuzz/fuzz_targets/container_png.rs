//! The png container reader: arbitrary bytes after its signature, through `read_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = licit::metadata::read_bytes(&bytes);
});
