//! The credit-line parser on arbitrary text: never panics, never returns an empty author, and
//! the assessment and attribution of what it read never panic either.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let line = licit::credit::analyze_credit_line(text);
    for (a, span) in line.credit.authors.iter().zip(&line.spans.authors) {
        assert!(!a.trim().is_empty());
        assert!(span.end <= text.len());
    }
    let use_ = licit::assess::Use::default();
    let _ = licit::assess::assess(&line.credit, &use_);
    let _ = licit::attribution::attribute(&line.credit, licit::attribution::Style::Html);
});
