//! Localized official titles: `Namensnennung - Weitergabe unter gleichen Bedingungen 3.0
//! Deutschland`, `Paternité - Pas d'Utilisation Commerciale 2.0 France`, …
//!
//! Every title of the catalogue that carries a version is matched case-insensitively, with
//! whitespace and dashes ignored. A title cut right after its version
//! (`Namensnennung 3.0`) names the unported tool of that version. The automaton is built on first
//! use, and runs only over the windows of text around version numbers.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Form, Mention};
use crate::license::{Family, License, ToolId, catalogue};

struct Titles {
    automaton: AhoCorasick,
    /// Pattern index → (tool, language tags).
    targets: Vec<(ToolId, &'static str)>,
    /// The most bytes any title has before the dot of its version, and after it.
    before: usize,
    after: usize,
}

static TITLES: LazyLock<Option<Titles>> = LazyLock::new(build);

/// Extra bytes of window for spacing people add around dashes.
const SLACK: usize = 48;
/// Longer tails after a version are data defects (a stray sentence in a few French titles).
const MAX_TAIL: usize = 96;

fn build() -> Option<Titles> {
    let cat = catalogue();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut targets: Vec<(ToolId, &'static str)> = Vec::new();
    let mut add = |pattern: String, tool: ToolId, langs: &'static str, exact: bool| {
        match index.get(&pattern) {
            // An exact title wins over a cut one for the same words.
            Some(&i) if exact && cat.tool(targets[i].0).jurisdiction.is_some() => {
                targets[i] = (tool, langs);
            }
            Some(_) => {}
            None => {
                index.insert(pattern.clone(), patterns.len());
                patterns.push(pattern);
                targets.push((tool, langs));
            }
        }
    };
    let (mut before, mut after) = (0, 0);
    for lt in cat.localized_titles() {
        let tool = cat.tool(lt.tool);
        if tool.family == Family::SoftwareWrapper {
            continue;
        }
        let Some(v) = tool.version else { continue };
        let Some(at) = lt.title.find(v) else { continue };
        // People put more space around dashes than the titles do: allow some slack. A few
        // titles carry a long stray sentence after the version; those are still found by their
        // cut form, so they do not widen the window.
        before = before.max(at + 1 + SLACK);
        let tail = lt.title.len() - at;
        if tail <= MAX_TAIL {
            after = after.max(tail + SLACK);
        }
        add(normalize(lt.title).0, lt.tool, lt.langs, true);
        let cut = &lt.title[..at + v.len()];
        // Cut titles in English words ("Attribution 2.0") are the English parser's to judge.
        let english_cut = tool.title.find(v).map(|e| &tool.title[..e + v.len()]);
        if cut.len() < lt.title.len() && english_cut != Some(cut) {
            let generic = match tool.family {
                Family::Elements(e) => cat.by_parts(e, v, ""),
                _ => cat.by_key(&format!("{}/{}", cat.unit(tool.unit).name, v)),
            };
            if let Some(g) = generic {
                add(normalize(cut).0, g.id, lt.langs, false);
            }
        }
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()
        .map(|automaton| Titles {
            automaton,
            targets,
            before,
            after,
        })
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
    )
}

/// Lowercases and drops whitespace and dashes, so that `Nicht kommerziell`, `NichtKommerziell`
/// and `Nicht-Kommerziell` read alike. Returns the normalized text and, for each of its bytes,
/// the offset in `s` of the char it came from (plus one final entry for the end).
pub(super) fn normalize(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // The common case, without decoding.
            if !(b.is_ascii_whitespace() || b == b'-') {
                out.push(b.to_ascii_lowercase() as char);
                map.push(i);
            }
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if !(c.is_whitespace() || is_dash(c)) {
            // Typographic apostrophes are written both ways in the titles and by people.
            let c = if matches!(c, '\u{2018}' | '\u{2019}') {
                '\''
            } else {
                c
            };
            for l in c.to_lowercase() {
                for _ in 0..l.len_utf8() {
                    map.push(i);
                }
                out.push(l);
            }
        }
        i += len;
    }
    map.push(s.len());
    (out, map)
}

/// Offsets of the dots of things like license versions (`d.d`) in `s`.
fn version_dots(s: &str) -> impl Iterator<Item = usize> + '_ {
    let b = s.as_bytes();
    memchr::memchr_iter(b'.', b).filter(move |&i| {
        i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    })
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Finds localized titles in `s`. Only the windows around version numbers are read: every title
/// with a version has at most `before` bytes before its version and `after` after it.
pub(super) fn find(s: &str) -> Vec<Mention> {
    let Some(titles) = TITLES.as_ref() else {
        return Vec::new();
    };
    let mut windows: Vec<(usize, usize)> = Vec::new();
    for dot in version_dots(s) {
        let lo = floor_boundary(s, dot.saturating_sub(titles.before));
        let hi = ceil_boundary(s, dot + titles.after);
        match windows.last_mut() {
            Some(last) if lo <= last.1 => last.1 = hi,
            _ => windows.push((lo, hi)),
        }
    }
    let mut out = Vec::new();
    for (lo, hi) in windows {
        find_in(s, lo, hi, titles, &mut out);
    }
    out
}

fn find_in(s: &str, lo: usize, hi: usize, titles: &Titles, out: &mut Vec<Mention>) {
    let (norm, map) = normalize(&s[lo..hi]);
    for m in titles.automaton.find_iter(&norm) {
        let start = lo + map[m.start()];
        // The end maps to the byte after the last char of the match in `s`.
        let last = lo + map[m.end() - 1];
        let end = last + s[last..].chars().next().map_or(0, char::len_utf8);
        // Whole words only, judged in the original text.
        let before = s[..start].chars().next_back();
        let after = s[end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let (tool, langs) = titles.targets[m.pattern().as_usize()];
        out.push(Mention {
            license: License::Tool(tool),
            form: Form::Title,
            span: start..end,
            lang: Some(langs),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_maps_back() {
        let s = "Namensnennung  –  Weitergabe";
        let (n, map) = normalize(s);
        assert_eq!(n, "namensnennungweitergabe");
        assert_eq!(map[n.find('w').unwrap()], s.find('W').unwrap());
    }

    #[test]
    fn german_and_french_titles() {
        let s = "Lizenz: Namensnennung - Weitergabe unter gleichen Bedingungen 3.0 Deutschland.";
        let m = find(s);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].license.key(), "by-sa/3.0/de");
        assert_eq!(
            &s[m[0].span.clone()],
            "Namensnennung - Weitergabe unter gleichen Bedingungen 3.0 Deutschland"
        );
        let m = find(
            "sous licence Attribution - Pas d’Utilisation Commerciale - Partage dans les Mêmes Conditions 4.0 International",
        );
        assert_eq!(
            m.iter().map(|m| m.license.key()).collect::<Vec<_>>(),
            ["by-nc-sa/4.0"]
        );
        let m = find("Namensnennung 4.0");
        assert_eq!(
            m.iter().map(|m| m.license.key()).collect::<Vec<_>>(),
            ["by/4.0"]
        );
    }

    #[test]
    fn version_prefilter() {
        assert_eq!(version_dots("CC BY 2.0").collect::<Vec<_>>(), [7]);
        assert_eq!(version_dots("no version here. 2 . 0").count(), 0);
    }
}
