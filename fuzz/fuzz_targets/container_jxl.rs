//! The jxl container reader: arbitrary bytes after its signature, through `read_bytes`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"\0\0\0\x0cJXL \r\n\x87\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = licit::metadata::read_bytes(&bytes);
});
