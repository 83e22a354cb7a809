//! Localized official titles: `Namensnennung - Weitergabe unter gleichen Bedingungen 3.0
//! Deutschland`, `Paternité - Pas d'Utilisation Commerciale 2.0 France`, …
//!
//! Every title of the catalogue that carries a version is matched case-insensitively, with
//! whitespace and dashes ignored. A title cut right after its version
//! (`Namensnennung 3.0`) names the unported tool of that version. The automaton is built on first
//! use, and only for texts that contain a version number at all.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Form, Mention};
use crate::license::{Family, License, ToolId, catalogue};

struct Titles {
    automaton: AhoCorasick,
    /// Pattern index → (tool, language tags).
    targets: Vec<(ToolId, &'static str)>,
}

static TITLES: LazyLock<Option<Titles>> = LazyLock::new(build);

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
    for lt in cat.localized_titles() {
        let tool = cat.tool(lt.tool);
        if tool.family == Family::SoftwareWrapper {
            continue;
        }
        let Some(v) = tool.version else { continue };
        let Some(at) = lt.title.find(v) else { continue };
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
        .map(|automaton| Titles { automaton, targets })
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
    for (i, c) in s.char_indices() {
        if c.is_whitespace() || is_dash(c) {
            continue;
        }
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
    map.push(s.len());
    (out, map)
}

/// Whether `s` contains something like a license version (`d.d`).
pub(super) fn has_version(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'.', b)
        .any(|i| i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// Finds localized titles in `s`.
pub(super) fn find(s: &str) -> Vec<Mention> {
    let Some(titles) = TITLES.as_ref() else {
        return Vec::new();
    };
    let (norm, map) = normalize(s);
    let mut out = Vec::new();
    for m in titles.automaton.find_iter(&norm) {
        let start = map[m.start()];
        // The end maps to the byte after the last char of the match in `s`.
        let last = map[m.end() - 1];
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
    out
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
        assert!(has_version("CC BY 2.0"));
        assert!(!has_version("no version here. 2 . 0"));
    }
}
