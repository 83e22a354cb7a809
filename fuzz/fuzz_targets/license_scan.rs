//! The license parser on arbitrary text: never panics, spans stay inside the input on char
//! boundaries, mentions never overlap, and there are never more than the mention budget.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scan = licit::license::scan(text);
    let mut last_end = 0;
    for m in &scan.mentions {
        assert!(m.span.start >= last_end && m.span.start < m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        last_end = m.span.end;
    }
    for s in &scan.statements {
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    assert!(scan.mentions.len() <= licit::license::MAX_MENTIONS);
    let _ = scan.rights();
    let _ = scan.licenses();
});
