//! The jpeg container reader: arbitrary bytes after its signature, through `read_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"\xff\xd8\xff".to_vec();
    bytes.extend_from_slice(data);
    let _ = licit::metadata::read_bytes(&bytes);
});
