//! The iptc_iim payload parser on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = licit::metadata::fuzzing::iptc_iim(data);
});
