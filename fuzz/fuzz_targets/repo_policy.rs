//! `licit.toml` on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = licit::repo::Policy::parse(&text, std::path::Path::new("licit.toml"));
});
