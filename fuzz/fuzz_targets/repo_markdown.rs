//! A Markdown document (front matter, HTML inside, captions) on arbitrary text: for time and
//! memory, run with `-timeout=2 -rss_limit_mb=512 -max_len=1048576`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = licit::repo::markdown::read(&text, "fuzz.md");
});
