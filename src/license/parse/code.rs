//! Short codes and SPDX ids: `CC BY-NC-ND 2.0`, `CC-BY-SA-4.0`, `cc by nc nd 2.0`, `BY-NC-ND 2.0`,
//! `(CC BY-SA)`, `CC BY 4.0 International`, `CC BY-SA 3.0 DE`, `by-nc-sa/2.0/fr`, `CC0 1.0`,
//! `PDM`, `CC-PDDC`, `CC-BY-SA-3.0-DE`.

use super::port::port;
use super::resolve;
use super::text::{
    Sep, ascii_word, prose_follows, sep, starts_ci, version, version_glued, word_at, word_before,
    word_ci,
};
use super::{Form, Mention};
use crate::license::{Elements, License, catalogue};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prefix {
    None,
    /// `CC`, with whether it was written in capitals.
    Cc {
        upper: bool,
    },
    CreativeCommons,
    /// `CC` with the elements run into it: `CCBYSA`, `CCBYNC`.
    Compact,
}

/// Parses a short code or SPDX id starting at `i`.
pub(super) fn at(s: &str, i: usize) -> Option<Mention> {
    if word_before(s, i) || joined_before(s, i) {
        return None;
    }
    let (prefix, after_prefix) = prefix(s, i);
    if prefix != Prefix::None {
        if let Some(m) = special(s, i, after_prefix, prefix) {
            return Some(m);
        }
    } else if let Some(m) = special(s, i, i, prefix) {
        return Some(m);
    }
    if prefix == Prefix::Compact {
        return compact(s, i, after_prefix);
    }
    let mut dash_after_prefix = false;
    let first = if prefix == Prefix::None {
        i
    } else {
        let sp = sep(s, after_prefix);
        if sp.is_empty() || sp.slash {
            return None;
        }
        dash_after_prefix = (sp.dash || sp.underscore) && !sp.spaces;
        // "shared under a Creative Commons (BY) license": the elements in brackets after the
        // name.
        if prefix == Prefix::CreativeCommons && s[sp.end..].starts_with('(') {
            sp.end + 1
        } else {
            sp.end
        }
    };
    // "Creative Commons 4.0 BY-SA": the version before the elements.
    if prefix == Prefix::CreativeCommons
        && let Some(m) = version_first(s, i, first)
    {
        return Some(m);
    }
    let (elements, order, mut end, joined_by_dash, upper) = elements(s, first)?;
    let (mut version_found, mut jurisdiction) = (None, "");
    let sp = sep(s, end);
    if !sp.is_empty()
        && let Some((v, vend)) = version(s, sp.end)
    {
        // Without a prefix, "by 2.0" is prose; "by/2.0" is a key.
        let elements_only_by = elements == Elements::BY;
        if !(prefix == Prefix::None && elements_only_by && !sp.slash) {
            version_found = Some((v, sp));
            end = vend;
            if let Some((j, jend)) = port(s, end, elements, v) {
                jurisdiction = j;
                end = jend;
            }
        }
    }
    let strong = match prefix {
        Prefix::CreativeCommons | Prefix::Compact => true,
        // `cc-by` (a wiki template, a tag) is as sure as `CC BY`; "cc by" in lowercase prose is not.
        Prefix::Cc {
            upper: prefix_upper,
        } => {
            prefix_upper || upper || joined_by_dash || dash_after_prefix || version_found.is_some()
        }
        Prefix::None => {
            let n = count(elements);
            let key_form = version_found.is_some_and(|(_, sp): (_, Sep)| sp.slash);
            // `by-sa` and `by/4.0` stand alone; without BY only the key form does (`nd-nc/1.0`),
            // since "NC" alone is also a state and "SA" a company form.
            key_form || (elements.contains(Elements::BY) && n >= 2 && joined_by_dash)
        }
    };
    if !strong {
        return None;
    }
    let license = resolve::license(elements, order, version_found.map(|(v, _)| v), jurisdiction)?;
    Some(mention(s, i, end, license))
}

/// Whether the token at `i` is the tail of a longer identifier joined by a dash or underscore
/// (`odc-by-sa`, `foo_by_nc`): not a license code of its own.
fn joined_before(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    i >= 2 && matches!(b[i - 1], b'-' | b'_') && b[i - 2].is_ascii_alphanumeric()
}

/// `CCBYSA`, `CCBYNC 4.0`, `CCBYNDv3`: the elements run into the prefix, without separators, in
/// capitals.
/// The whole word must be elements (and a version), so that `CCBYSAFE` is not read.
fn compact(s: &str, start: usize, i: usize) -> Option<Mention> {
    let b = s.as_bytes();
    let mut acc = Elements::default();
    let mut order = resolve::Order::default();
    let mut k = i;
    while k + 2 <= b.len() && b[k].is_ascii_alphabetic() && b[k + 1].is_ascii_alphabetic() {
        let e = Elements::from_code(&s[k..k + 2])?;
        if acc.contains(e) {
            return None;
        }
        order.saw(acc, e);
        acc = acc.union(e);
        k += 2;
    }
    if !acc.contains(Elements::BY) {
        return None;
    }
    let mut end = k;
    let mut v = None;
    // A version run into the word (`v3`, `4.0`) or after a separator.
    if let Some((ver, vend)) = version_glued(s, k) {
        v = Some(ver);
        end = vend;
    } else if word_at(s, k) {
        return None;
    } else {
        let sp = sep(s, k);
        if !sp.is_empty()
            && !sp.slash
            && let Some((ver, vend)) = version(s, sp.end)
        {
            v = Some(ver);
            end = vend;
        }
    }
    // `CCBY` alone is too short to be sure of.
    if v.is_none() && acc == Elements::BY {
        return None;
    }
    let mut jurisdiction = "";
    if let Some(ver) = v
        && let Some((j, jend)) = port(s, end, acc, ver)
    {
        jurisdiction = j;
        end = jend;
    }
    let license = resolve::license(acc, order, v, jurisdiction)?;
    Some(mention(s, start, end, license))
}

/// "Creative Commons 4.0 BY-SA", "Creative Commons 4.0 BY International": a version, then the
/// elements, then an optional port word.
fn version_first(s: &str, start: usize, i: usize) -> Option<Mention> {
    let (v, vend) = version(s, i)?;
    let sp = sep(s, vend);
    if !sp.spaces || sp.slash {
        return None;
    }
    let (elements, order, mut end, _, upper) = elements(s, sp.end)?;
    if !upper {
        return None;
    }
    let mut jurisdiction = "";
    if let Some((j, jend)) = port(s, end, elements, v) {
        jurisdiction = j;
        end = jend;
    }
    let license = resolve::license(elements, order, Some(v), jurisdiction)?;
    Some(mention(s, start, end, license))
}

fn mention(s: &str, start: usize, end: usize, license: License) -> Mention {
    let text = &s[start..end];
    let spdx = license
        .tool()
        .and_then(|t| t.spdx)
        .is_some_and(|id| id == text);
    Mention {
        license,
        form: if spdx { Form::Spdx } else { Form::Code },
        span: start..end,
        lang: None,
    }
}

fn count(e: Elements) -> usize {
    [Elements::BY, Elements::NC, Elements::ND, Elements::SA]
        .into_iter()
        .filter(|x| e.contains(*x))
        .count()
}

fn prefix(s: &str, i: usize) -> (Prefix, usize) {
    if let Some(j) = word_ci(s, i, "creative") {
        let sp = sep(s, j);
        if sp.spaces
            && let Some(k) = word_ci(s, sp.end, "commons")
        {
            return (Prefix::CreativeCommons, k);
        }
    }
    if let Some(j) = starts_ci(s, i, "ccby") {
        // In capitals only: lowercase `ccbysa` is as often a file or variable name.
        if &s[i..j] == "CCBY" {
            return (Prefix::Compact, j - 2);
        }
    }
    if let Some(j) = word_ci(s, i, "cc") {
        return (
            Prefix::Cc {
                upper: &s[i..j] == "CC",
            },
            j,
        );
    }
    (Prefix::None, i)
}

/// The elements run at `i`: `BY-NC-ND`, `by nc nd`, `BY-ND-NC`. Returns (elements, their order,
/// end, every separator was a dash/underscore, the first element was in capitals).
fn elements(s: &str, i: usize) -> Option<(Elements, resolve::Order, usize, bool, bool)> {
    let mut acc = Elements::default();
    let mut order = resolve::Order::default();
    let mut end = i;
    let mut joined = true;
    let mut k = i;
    let mut n = 0;
    let mut upper = false;
    loop {
        let w = ascii_word(s, k);
        if w.len() != 2 {
            break;
        }
        let Some(e) = Elements::from_code(w) else {
            break;
        };
        if acc.contains(e) {
            return None;
        }
        if n == 0 {
            upper = w.bytes().all(|b| b.is_ascii_uppercase());
        } else if !(s[end..k].contains('-') || s[end..k].contains('_') || s[end..k].contains('–'))
        {
            joined = false;
        }
        order.saw(acc, e);
        acc = acc.union(e);
        n += 1;
        end = k + 2;
        let sp = sep(s, end);
        if sp.is_empty() || sp.slash {
            break;
        }
        k = sp.end;
    }
    if n == 0 {
        return None;
    }
    Some((acc, order, end, joined && n >= 2, upper))
}

/// CC0, PDM, PDDC and `CC Zero`: tools with no elements.
fn special(s: &str, start: usize, i: usize, prefix: Prefix) -> Option<Mention> {
    let cat = catalogue();
    let tool = |key: &str| cat.by_key(key).map(|t| License::Tool(t.id));
    let b = s.as_bytes();
    // `CC0`, `CC-0`, `cc0`, `Creative Commons CC0`: the prefix word check fails on "CC0", so
    // look at the raw bytes.
    let zero_at = match prefix {
        Prefix::CreativeCommons => sep(s, i).end,
        _ => start,
    };
    if let Some(j) = starts_ci(s, zero_at, "cc") {
        let k = if b.get(j) == Some(&b'-') { j + 1 } else { j };
        if b.get(k) == Some(&b'0') && !word_at(s, k + 1) {
            let (end, universal) = zero_tail(s, k + 1);
            let mut m = mention(s, start, tail_words(s, end), tool("zero/1.0")?);
            // "CC0 1.0 Universal" is the tool's official title.
            if universal && m.form == Form::Code {
                m.form = Form::Title;
            }
            return Some(m);
        }
    }
    if prefix == Prefix::None {
        // A bare `PDM` is the Public Domain Mark only in capitals.
        let j = word_ci(s, i, "pdm").filter(|&j| &s[i..j] == "PDM")?;
        let end = version_tail(s, j, "1.0");
        if end == j && prose_follows(s, j) {
            return None;
        }
        return Some(mention(s, start, end, tool("mark/1.0")?));
    }
    let sp = sep(s, i);
    if sp.is_empty() || sp.slash {
        return None;
    }
    let j = sp.end;
    if let Some(k) = word_ci(s, j, "zero") {
        return Some(mention(
            s,
            start,
            tail_words(s, zero_tail(s, k).0),
            tool("zero/1.0")?,
        ));
    }
    if let Some(k) = word_ci(s, j, "pdm") {
        return Some(mention(
            s,
            start,
            version_tail(s, k, "1.0"),
            tool("mark/1.0")?,
        ));
    }
    if let Some(k) = word_ci(s, j, "pddc") {
        return Some(mention(s, start, k, tool("publicdomain")?));
    }
    // `CC Sampling+ 1.0`, `CC DevNations 2.0`: the title parser knows these names.
    if let Some(k) = word_ci(s, j, "devnations") {
        let end = version_tail(s, k, "2.0");
        return Some(mention(s, start, end, tool("devnations/2.0")?));
    }
    let mut m = super::title::special(s, start, j, true)?;
    if prefix != Prefix::CreativeCommons {
        m.form = Form::Code;
    }
    Some(m)
}

/// After `CC0`: an optional ` 1.0`, `-1.0` and ` Universal`; says whether `Universal` was there.
fn zero_tail(s: &str, i: usize) -> (usize, bool) {
    let end = version_tail(s, i, "1.0");
    if end > i {
        let sp = sep(s, end);
        if sp.spaces
            && let Some(k) = word_ci(s, sp.end, "universal")
        {
            return (k, true);
        }
    }
    (end, false)
}

/// After a CC0 title: an optional `Public Domain Dedication`, `License` or `Licence`.
fn tail_words(s: &str, end: usize) -> usize {
    let sp = sep(s, end);
    if !sp.spaces || sp.slash {
        return end;
    }
    let mut k = end;
    let mut j = sp.end;
    for w in ["public", "domain", "dedication"] {
        match word_ci(s, j, w) {
            Some(e) => {
                k = e;
                j = sep(s, e).end;
            }
            None => break,
        }
    }
    if k > end {
        return k;
    }
    ["license", "licence"]
        .iter()
        .find_map(|w| word_ci(s, sp.end, w))
        .unwrap_or(end)
}

/// An optional version equal to `want` after a separator; returns the end of what was consumed.
fn version_tail(s: &str, i: usize, want: &str) -> usize {
    let sp = sep(s, i);
    if !sp.is_empty()
        && !sp.slash
        && let Some((v, end)) = version(s, sp.end)
        && v == want
    {
        return end;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(&'static str, &str, Form)> {
        at(s, 0).map(|m| (m.license.key(), &s[m.span.clone()], m.form))
    }

    #[test]
    fn codes() {
        assert_eq!(parse("CC BY-NC-ND 2.0").unwrap().0, "by-nc-nd/2.0");
        assert_eq!(parse("CC-BY-NC-ND-2.0").unwrap().0, "by-nc-nd/2.0");
        assert_eq!(parse("cc by nc nd 2.0").unwrap().0, "by-nc-nd/2.0");
        assert_eq!(parse("BY-NC-ND 2.0").unwrap().0, "by-nc-nd/2.0");
        assert_eq!(parse("BY-ND-NC 1.0").unwrap().0, "by-nd-nc/1.0");
        assert_eq!(parse("CC BY-SA 3.0 DE").unwrap().0, "by-sa/3.0/de");
        assert_eq!(parse("CC BY-SA 2.5 es").unwrap().0, "by-sa/2.5/es");
        assert_eq!(parse("CC BY-SA 3.0 Germany").unwrap().0, "by-sa/3.0/de");
        assert_eq!(
            parse("CC BY 4.0 International").unwrap().1,
            "CC BY 4.0 International"
        );
        assert_eq!(parse("by-nc-sa/2.0/fr").unwrap().0, "by-nc-sa/2.0/fr");
        assert_eq!(parse("CC-BY").unwrap().0, "by");
        assert_eq!(parse("CC BY-SA").unwrap().0, "by-sa");
        assert_eq!(parse("CC0").unwrap().0, "zero/1.0");
        assert_eq!(parse("CC0 1.0 Universal").unwrap().1, "CC0 1.0 Universal");
        assert_eq!(parse("PDM").unwrap().0, "mark/1.0");
        assert_eq!(
            parse("CC-PDDC").unwrap(),
            ("publicdomain", "CC-PDDC", Form::Spdx)
        );
        assert_eq!(
            parse("CC-BY-SA-3.0-DE").unwrap(),
            ("by-sa/3.0/de", "CC-BY-SA-3.0-DE", Form::Spdx)
        );
        assert_eq!(parse("CC0-1.0").unwrap().2, Form::Spdx);
        assert_eq!(
            parse("CC-PDM-1.0").unwrap(),
            ("mark/1.0", "CC-PDM-1.0", Form::Spdx)
        );
        assert_eq!(parse("Creative Commons BY-SA 4.0").unwrap().0, "by-sa/4.0");
        assert_eq!(parse("CC BY-SA 2.1").unwrap().0, "by-sa");
        assert_eq!(parse("nd-nc/1.0").unwrap().0, "nd-nc/1.0");
        assert_eq!(parse("CC Sampling+ 1.0").unwrap().0, "sampling+/1.0");
        assert_eq!(parse("CC NC-Sampling+ 1.0").unwrap().0, "nc-sampling+/1.0");
        assert_eq!(parse("CC DevNations 2.0").unwrap().0, "devnations/2.0");
        assert_eq!(parse("sa/1.0").unwrap().0, "sa/1.0");
        assert_eq!(parse("CC NC-SA 1.0").unwrap().0, "nc-sa/1.0");
    }

    #[test]
    fn not_codes() {
        assert_eq!(parse("by John"), None);
        assert_eq!(parse("by 2.0 percent"), None);
        assert_eq!(parse("cc: john@example.org"), None);
        assert_eq!(parse("cc by"), None);
        assert_eq!(parse("NC State"), None);
        assert_eq!(parse("pdm system"), None);
        assert_eq!(parse("ccbysa"), None);
        assert_eq!(parse("BY-BY"), None);
        assert_eq!(parse("NC-SA"), None);
        assert_eq!(parse("SA 2.0"), None);
    }

    #[test]
    fn prose_after_a_version_is_not_a_port() {
        let (key, text, _) = parse("CC BY 2.5 in Flickr").unwrap();
        assert_eq!((key, text), ("by/2.5", "CC BY 2.5"));
        assert_eq!(parse("CC BY 2.5 IN").unwrap().0, "by/2.5/in");
    }
}
