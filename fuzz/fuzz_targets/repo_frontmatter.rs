//! Front matter (YAML `---` or TOML `+++`) on arbitrary text; the first byte picks the fence so
//! that both parsers are reached.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let fence = if pick & 1 == 0 { "---\n" } else { "+++\n" };
    let text = format!("{fence}{}\n{fence}body\n", String::from_utf8_lossy(rest));
    let _ = licit::repo::frontmatter::read(&text, "fuzz.md");
});
