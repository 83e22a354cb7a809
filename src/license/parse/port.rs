//! Ports after a version: a code (`DE`, `-de`, `/de/`), an English or local name (`Germany`,
//! `Deutschland`), or a word that says "no port" (`International`, `Unported`).
//!
//! Shared by the code and title parsers; it sits below both so that neither imports the other
//! for it.

use super::text::{ascii_word, sep, starts_ci, word_at, word_ci};
use crate::license::jurisdiction::JURISDICTIONS;
use crate::license::{Elements, catalogue};

/// Words after a version that say "no port" and belong to the mention.
pub(super) const NO_PORT_WORDS: &[&str] = &["international", "unported", "generic", "universal"];

/// Lowercase words that are also jurisdiction codes; written lowercase after a space they are
/// prose ("CC BY 2.5 in Flickr"), not a port.
const PROSE_WORDS: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "he", "in", "is", "it", "me", "my", "no", "of", "on", "or",
    "so", "to", "up", "we", "us",
];

/// A port after a version: `DE`, `-de`, `/de/`, `Germany`, or a no-port word (`International`).
/// Returns (jurisdiction code or "", end).
pub(super) fn port(
    s: &str,
    i: usize,
    elements: Elements,
    v: &str,
) -> Option<(&'static str, usize)> {
    let sp = sep(s, i);
    if sp.is_empty() {
        return None;
    }
    let j = sp.end;
    let word = ascii_word(s, j);
    if (2..=8).contains(&word.len()) && !word_at(s, j + word.len()) {
        // Lower-cased on the stack: this runs after every version in every text.
        let mut buf = [0u8; 8];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        let Ok(code) = std::str::from_utf8(buf) else {
            return port_name(s, j, elements, v);
        };
        let prose = sp.spaces
            && !sp.dash
            && !sp.slash
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && PROSE_WORDS.contains(&code);
        if !prose && let Some(t) = catalogue().by_parts(elements, v, code) {
            return t.jurisdiction.map(|jj| (jj, j + word.len()));
        }
    }
    port_name(s, j, elements, v)
}

/// A no-port word (`International`, `Unported`) or the name of a port that exists for these
/// elements and version (`Germany`, `England & Wales`) at `j`. Returns (code or "", end).
pub(super) fn port_name(
    s: &str,
    j: usize,
    elements: Elements,
    v: &str,
) -> Option<(&'static str, usize)> {
    for w in NO_PORT_WORDS {
        if let Some(end) = word_ci(s, j, w) {
            return Some(("", end));
        }
    }
    let cat = catalogue();
    for (code, name, aliases) in JURISDICTIONS {
        for n in std::iter::once(name).chain(aliases.iter()) {
            if let Some(end) = starts_ci(s, j, n)
                && !word_at(s, end)
                && cat.by_parts(elements, v, code).is_some()
            {
                return Some((code, end));
            }
        }
    }
    None
}
