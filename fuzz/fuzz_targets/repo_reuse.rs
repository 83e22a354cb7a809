//! REUSE files on arbitrary text: the first byte picks a `.license` sidecar, a `REUSE.toml` or a
//! `.reuse/dep5`; evidence is then looked up for a few paths.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match pick % 3 {
        0 => {
            let _ = licit::repo::reuse::read_tags(&text, "a.jpg.license");
        }
        1 => {
            let mut r = licit::repo::reuse::Reuse::default();
            let _ = r.add_toml("REUSE.toml", &text, "REUSE.toml");
            for p in ["a.jpg", "img/b.png", "x/y/z.webp"] {
                let _ = r.evidence_for(p, Vec::new());
            }
        }
        _ => {
            let mut r = licit::repo::reuse::Reuse::default();
            let _ = r.add_dep5(&text, ".reuse/dep5");
            for p in ["a.jpg", "img/b.png", "x/y/z.webp"] {
                let _ = r.evidence_for(p, Vec::new());
            }
        }
    }
});
