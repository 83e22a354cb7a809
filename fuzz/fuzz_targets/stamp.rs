//! The stamp writer: arbitrary bytes as an image file. It never panics; when it succeeds, the
//! output reads back as the same container with the license written. Seed the corpus with
//! real files (`cp tests/fixtures/stamp/* tests/fixtures/images/*.{jpg,png,webp} fuzz/corpus/stamp/`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use licit::evidence::origin;
use licit::license::License;
use licit::stamp::{Stamp, stamp_bytes};

fuzz_target!(|data: &[u8]| {
    let stamp = Stamp {
        license: License::from_key("by-sa/4.0"),
        authors: vec!["Jane Doe".into(), "Ana Lima".into()],
        title: Some("Dunes".into()),
        ..Stamp::default()
    };
    let Ok(out) = stamp_bytes(data, &stamp) else {
        return;
    };
    let before = licit::metadata::read_bytes(data).expect("a stamped input was readable");
    let after = licit::metadata::read_bytes(&out).expect("the output reads back");
    assert_eq!(before.format, after.format);
    assert!(after.evidence.iter().any(|e| e.origin == origin::XMP_CC_LICENSE
        && e.value == "https://creativecommons.org/licenses/by-sa/4.0/"));
});
