//! Localized official titles: `Namensnennung - Weitergabe unter gleichen Bedingungen 3.0
//! Deutschland`, `Paternité - Pas d'Utilisation Commerciale 2.0 France`, …
//!
//! Every title of the catalogue that carries a version is matched case-insensitively, with
//! whitespace and dashes ignored. A title cut right after its version (`Namensnennung 3.0`) names
//! the unported tool of that version.
//!
//! Titles are indexed by what stands before their version: the scanner finds a version number,
//! reads the words before it and looks them up (one hash probe per word start), then picks the
//! longest port name or "International" that follows. The index is a table sorted by the hash of
//! each title's normalized words, built on first use without allocating per title (a few
//! milliseconds); only texts with a version number pay for a lookup.

use std::sync::{Arc, LazyLock};

use super::{Form, Mention};
use crate::license::{Family, License, ToolId, catalogue};

/// A title, split at its version. `prefix` and `suffix` are slices of the title as written; the
/// index compares them normalized.
struct Entry {
    hash: u64,
    /// The words before the version, normalized.
    prefix: Arc<str>,
    version: &'static str,
    /// What follows the version; empty for a cut title.
    suffix: &'static str,
    /// `suffix`, normalized (compared with the text after a version).
    suffix_norm: Box<str>,
    tool: ToolId,
    langs: &'static str,
}

struct Titles {
    /// Sorted by `hash`.
    entries: Vec<Entry>,
    /// A bit per possible [`filter_bit`] of the entries' hashes.
    filter: Vec<u64>,
    /// The most bytes of text to read before a version, and after it.
    before: usize,
    after: usize,
}

/// One index per version, built the first time a text names that version outside any other
/// mention: most texts need none, a text naming "4.0" only the small 4.0 one.
static TITLES: [LazyLock<Titles>; 6] = [
    LazyLock::new(|| build("1.0")),
    LazyLock::new(|| build("2.0")),
    LazyLock::new(|| build("2.1")),
    LazyLock::new(|| build("2.5")),
    LazyLock::new(|| build("3.0")),
    LazyLock::new(|| build("4.0")),
];

fn titles_for(version: &str) -> Option<&'static Titles> {
    let i = ["1.0", "2.0", "2.1", "2.5", "3.0", "4.0"]
        .iter()
        .position(|v| *v == version)?;
    Some(&*TITLES[i])
}

/// Extra bytes of window for spacing people add around dashes.
const SLACK: usize = 48;
/// Longer tails after a version, in chars, are data defects (a stray sentence in a few French
/// titles); such titles are found by their cut form.
const MAX_TAIL: usize = 64;

/// The base of the polynomial hash of normalized words: h(s) = Σ s[i]·B^(n−1−i) over its bytes,
/// so that the hashes of every ending of a text come out of one right-to-left pass.
const HASH_BASE: u64 = 0x0000_0100_0000_01b3;

/// The hash of text that is already normalized.
fn hash_bytes(s: &str) -> u64 {
    s.bytes().fold(0, |h: u64, b| {
        h.wrapping_mul(HASH_BASE).wrapping_add(u64::from(b))
    })
}

/// The hash of `s` normalized.
fn hash_normalized(s: &str) -> u64 {
    hash_bytes(&s.chars().flat_map(norm_char).collect::<String>())
}

/// Hashes of every ending of `s`: `out[k]` is `hash_bytes(&s[k..])`.
fn ending_hashes(s: &str) -> Vec<u64> {
    let b = s.as_bytes();
    let mut out = vec![0u64; b.len() + 1];
    let mut pow: u64 = 1;
    for k in (0..b.len()).rev() {
        out[k] = u64::from(b[k]).wrapping_mul(pow).wrapping_add(out[k + 1]);
        pow = pow.wrapping_mul(HASH_BASE);
    }
    out
}

/// Bits of a 64 Kib filter: most word runs before a version are no title's start, and this
/// says so without touching the table.
const FILTER_BITS: usize = 1 << 16;

fn filter_bit(hash: u64) -> usize {
    (hash >> 48) as usize % FILTER_BITS
}

fn same_normalized(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(norm_char)
        .eq(b.chars().flat_map(norm_char))
}

fn build(version: &str) -> Titles {
    let cat = catalogue();
    // Words before the version that are English are the English parser's to judge.
    let english_hash: Vec<Option<u64>> = cat
        .tools()
        .iter()
        .map(|t| {
            t.version
                .and_then(|v| t.title.find(v))
                .map(|e| hash_normalized(&t.title[..e]))
        })
        .collect();
    let mut entries = Vec::with_capacity(2 * cat.localized_titles().len());
    let (mut before, mut after) = (0, 0);
    for lt in cat.localized_titles() {
        let tool = cat.tool(lt.tool);
        if tool.family == Family::SoftwareWrapper {
            continue;
        }
        let Some(v) = tool.version.filter(|v| *v == version) else {
            continue;
        };
        let Some(at) = lt.title.find(v) else { continue };
        let written = &lt.title[..at];
        let prefix: Arc<str> = written
            .chars()
            .flat_map(norm_char)
            .collect::<String>()
            .into();
        if prefix.is_empty() {
            continue;
        }
        let hash = hash_bytes(&prefix);
        // A hash equal to the English words' is checked exactly before it counts as English.
        let english = english_hash[lt.tool.index()] == Some(hash)
            && tool
                .title
                .find(v)
                .is_some_and(|e| same_normalized(&tool.title[..e], written));
        let tail = &lt.title[at + v.len()..];
        before = before.max(at + SLACK);
        let tail_ok = tail.chars().count() <= MAX_TAIL;
        if tail_ok {
            after = after.max(tail.len() + SLACK);
        }
        let suffix = if tail_ok { tail } else { "" };
        let cut = suffix.chars().flat_map(norm_char).next().is_none();
        if !(cut && english) {
            entries.push(Entry {
                hash,
                prefix: prefix.clone(),
                version: v,
                suffix,
                suffix_norm: suffix.chars().flat_map(norm_char).collect(),
                tool: lt.tool,
                langs: lt.langs,
            });
        }
        if !english && !cut {
            let generic = match tool.family {
                Family::Elements(e) => cat.by_parts(e, v, ""),
                _ => cat.by_key(&format!("{}/{}", cat.unit(tool.unit).name, v)),
            };
            if let Some(g) = generic {
                entries.push(Entry {
                    hash,
                    prefix,
                    version: v,
                    suffix: "",
                    suffix_norm: "".into(),
                    tool: g.id,
                    langs: lt.langs,
                });
            }
        }
    }
    // Sorted by hash; within equal words and version, unported tools first, so that one stands
    // for the ports whose titles read the same.
    entries.sort_unstable_by_key(|e| {
        (
            e.hash,
            e.version,
            cat.tool(e.tool).jurisdiction.is_some(),
            e.tool,
            e.suffix.is_empty(),
        )
    });
    // Every port's title cut at its version names the same unported tool: keep one of each.
    entries.dedup_by(|a, b| {
        (a.hash, a.version, a.tool, a.suffix, &a.prefix)
            == (b.hash, b.version, b.tool, b.suffix, &b.prefix)
    });
    let mut filter = vec![0u64; FILTER_BITS / 64];
    for e in &entries {
        let bit = filter_bit(e.hash);
        filter[bit / 64] |= 1 << (bit % 64);
    }
    Titles {
        entries,
        filter,
        before,
        after,
    }
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
    )
}

/// What a char of a title becomes when normalized: nothing for whitespace and dashes, `'` for
/// typographic apostrophes (written both ways in the titles and by people), else its lowercase.
fn norm_char(c: char) -> impl Iterator<Item = char> {
    let c = if matches!(c, '\u{2018}' | '\u{2019}') {
        '\''
    } else {
        c
    };
    let keep = !(c.is_whitespace() || is_dash(c));
    c.to_lowercase().filter(move |_| keep)
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
            if !((b as char).is_whitespace() || b == b'-') {
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
        for l in norm_char(c) {
            for _ in 0..l.len_utf8() {
                map.push(i);
            }
            out.push(l);
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

/// A license version whose dot is at `dot`: `2.0`, `4.0`, as (version text, end).
fn version_at(s: &str, dot: usize) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    let start = dot.checked_sub(1)?;
    if start > 0 && b[start - 1].is_ascii_digit() || b.get(dot + 2).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    Some((&s[start..dot + 2], dot + 2))
}

/// Finds localized titles in `s`, ending at versions that no URL or code in `found` covers (a
/// version inside one already has its tool).
///
/// `found` is sorted and its spans do not overlap, and the dots come in text order, so one cursor
/// walks `found` once. Each lookup reads a window of at most `before + after` bytes around its
/// version, a constant of the catalogue: the whole pass is linear in `s`. At most `budget`
/// versions are looked up; the second value says whether the budget was hit.
pub(super) fn find(s: &str, found: &[Mention], budget: usize) -> (Vec<Mention>, bool) {
    let mut out: Vec<Mention> = Vec::new();
    let mut cursor = 0;
    let mut lookups = 0;
    for dot in version_dots(s) {
        let Some((v, v_end)) = version_at(s, dot) else {
            continue;
        };
        let v_start = dot - 1;
        while cursor < found.len() && found[cursor].span.end < v_end {
            cursor += 1;
        }
        // An English title may be the tail of a longer localized one; URLs and codes are not.
        let covered = found.get(cursor).is_some_and(|m| {
            m.form != Form::Title && m.span.start <= v_start && v_end <= m.span.end
        });
        if out.last().is_some_and(|m| m.span.end > v_start) || covered {
            continue;
        }
        let Some(titles) = titles_for(v) else {
            continue;
        };
        if lookups == budget {
            return (out, true);
        }
        lookups += 1;
        if let Some(m) = title_ending_at(s, v, v_start, v_end, titles) {
            out.push(m);
        }
    }
    (out, false)
}

fn title_ending_at(
    s: &str,
    v: &str,
    v_start: usize,
    v_end: usize,
    titles: &Titles,
) -> Option<Mention> {
    let lo = floor_boundary(s, v_start.saturating_sub(titles.before));
    let (pre, map) = normalize(&s[lo..v_start]);
    // The longest run of words before the version that starts a title.
    let mut found: Option<(usize, &[Entry], &str)> = None;
    let hashes = ending_hashes(&pre);
    for (k, _) in pre.char_indices() {
        let hash = hashes[k];
        let bit = filter_bit(hash);
        if titles.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            continue;
        }
        let orig = lo + map[k];
        if k > 0 && map[k - 1] == map[k] {
            continue;
        }
        if s[..orig]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let words = &pre[k..];
        let first = titles.entries.partition_point(|e| e.hash < hash);
        let last = titles.entries.partition_point(|e| e.hash <= hash);
        let same = &titles.entries[first..last];
        if same.iter().any(|e| e.version == v && &*e.prefix == words) {
            found = Some((orig, same, words));
            break;
        }
    }
    let (start, candidates, words) = found?;
    // The longest port name or "International" that follows, as a whole word.
    let hi = ceil_boundary(s, v_end + titles.after);
    let (post, post_map) = normalize(&s[v_end..hi]);
    let mut best: Option<(&Entry, usize)> = None;
    let same_words = |e: &&Entry| &*e.prefix == words;
    for e in candidates
        .iter()
        .filter(|e| e.version == v)
        .filter(same_words)
    {
        let suffix = &*e.suffix_norm;
        let end = if suffix.is_empty() {
            v_end
        } else if post.starts_with(suffix) {
            let last = v_end + post_map[suffix.len() - 1];
            last + s[last..].chars().next().map_or(0, char::len_utf8)
        } else {
            continue;
        };
        if s[end..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        // Longer wins; on a tie the first (an unported tool, by the index's order).
        if best.is_none_or(|(_, b)| end > b) {
            best = Some((e, end));
        }
    }
    let (e, end) = best?;
    Some(Mention {
        license: License::Tool(e.tool),
        form: Form::Title,
        span: start..end,
        lang: Some(e.langs),
    })
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
        let m = find(s, &[], usize::MAX).0;
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].license.key(), "by-sa/3.0/de");
        assert_eq!(
            &s[m[0].span.clone()],
            "Namensnennung - Weitergabe unter gleichen Bedingungen 3.0 Deutschland"
        );
        let (m, _) = find(
            "sous licence Attribution - Pas d’Utilisation Commerciale - Partage dans les Mêmes Conditions 4.0 International",
            &[],
            usize::MAX,
        );
        assert_eq!(
            m.iter().map(|m| m.license.key()).collect::<Vec<_>>(),
            ["by-nc-sa/4.0"]
        );
        let m = find("Namensnennung 4.0", &[], usize::MAX).0;
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
