//! English titles: `Attribution-NonCommercial-NoDerivs 2.0 Generic`, `Creative Commons
//! Attribution-ShareAlike 4.0 International License`, `Attribution 3.0 Germany`,
//! `Attribution Non-Commercial No Derivatives`, `Public Domain Mark 1.0`, `Sampling Plus 1.0`.

use super::port::port_name;
use super::resolve;
use super::text::{
    Sep, ascii_word, prose_follows, sep, starts_ci, version, word_at, word_before, word_ci,
};
use super::{Form, Mention};
use crate::license::{Elements, License, catalogue};

/// How each element is spelled in titles, as word sequences (separators between the words are
/// free: space, dash or nothing — `NoDerivs`, `No Derivs`, `No-Derivs`).
const ELEMENT_WORDS: &[(&[&str], Elements)] = &[
    (&["attribution"], Elements::BY),
    // "By-Attribution", as some software writes it.
    (&["by", "attribution"], Elements::BY),
    (&["noncommercial"], Elements::NC),
    (&["non", "commercial"], Elements::NC),
    // Misspellings people write in titles: "Non-Commerical", "NonComercial".
    (&["noncommerical"], Elements::NC),
    (&["non", "commerical"], Elements::NC),
    (&["noncomercial"], Elements::NC),
    (&["non", "comercial"], Elements::NC),
    (&["noderivatives"], Elements::ND),
    (&["noderivativeworks"], Elements::ND),
    (&["noderivs"], Elements::ND),
    (&["no", "derivative", "works"], Elements::ND),
    (&["no", "derivatives"], Elements::ND),
    (&["no", "derivs"], Elements::ND),
    (&["no", "derivative"], Elements::ND),
    (&["sharealike"], Elements::SA),
    (&["share", "alike"], Elements::SA),
];

/// Titles of the tools without elements, after an optional `Creative Commons`. `versioned` tells
/// whether a version may follow.
const SPECIAL: &[(&[&str], &str, bool)] = &[
    (&["nc-sampling+"], "nc-sampling+", true),
    (&["noncommercial", "sampling", "plus"], "nc-sampling+", true),
    (
        &["non", "commercial", "sampling", "plus"],
        "nc-sampling+",
        true,
    ),
    (&["sampling", "plus"], "sampling+", true),
    (&["sampling+"], "sampling+", true),
    (&["sampling"], "sampling", true),
    (&["developing", "nations"], "devnations", true),
    (&["public", "domain", "mark"], "mark", true),
    (
        &["public", "domain", "dedication", "and", "certification"],
        "publicdomain",
        false,
    ),
    (&["zero"], "zero", true),
    (&["public", "domain"], "publicdomain", false),
];

/// Words at the end of a title that belong to it.
const TAIL_WORDS: &[&[&str]] = &[
    &["public", "license"],
    &["public", "licence"],
    &["license"],
    &["licence"],
    &["deed"],
];

/// Matches the words of `phrase` at `i`, with free separators between them. Returns the end and
/// whether the first letter was a capital.
fn phrase(s: &str, i: usize, phrase: &[&str]) -> Option<usize> {
    let mut k = i;
    for (n, w) in phrase.iter().enumerate() {
        if n > 0 {
            let sp = sep(s, k);
            if sp.slash || sp.underscore {
                return None;
            }
            k = sp.end;
        }
        k = if w.ends_with('+') {
            starts_ci(s, k, w)?
        } else if n + 1 < phrase.len() {
            // Inner words may run into the next one (`NoDerivs` = `no` + `derivs`).
            starts_ci(s, k, w)?
        } else {
            word_ci(s, k, w)?
        };
    }
    Some(k)
}

fn element(s: &str, i: usize) -> Option<(Elements, usize)> {
    ELEMENT_WORDS
        .iter()
        .filter_map(|(words, e)| phrase(s, i, words).map(|end| (*e, end)))
        .max_by_key(|(_, end)| *end)
}

/// Parses an English title starting at `i`.
pub(super) fn at(s: &str, i: usize) -> Option<Mention> {
    if word_before(s, i) || joined_before(s, i) {
        return None;
    }
    let mut k = i;
    let mut prefixed = false;
    if let Some(end) = phrase(s, i, &["creative", "commons"]) {
        let sp = sep(s, end);
        if sp.is_empty() || sp.slash {
            return None;
        }
        prefixed = true;
        k = sp.end;
    }
    if let Some(m) = special(s, i, k, prefixed) {
        return Some(m);
    }
    let capital = s[k..].starts_with(|c: char| c.is_uppercase());
    let mut acc = Elements::default();
    let mut order = resolve::Order::default();
    let mut n = 0;
    let mut dashed = true;
    let mut end = k;
    while let Some((e, e_end)) = element(s, k) {
        if acc.contains(e) {
            return None;
        }
        order.saw(acc, e);
        acc = acc.union(e);
        n += 1;
        end = e_end;
        let sp = sep(s, end);
        // A slash joins two elements ("Attribution/Share-Alike") but never counts as a dash.
        if sp.underscore || sp.is_empty() {
            break;
        }
        if element(s, sp.end).is_none() {
            break;
        }
        dashed &= sp.dash && !sp.slash;
        k = sp.end;
    }
    if n == 0 {
        return None;
    }
    let mut found_version = None;
    let mut jurisdiction = "";
    let mut ported = false;
    let mut sp = sep(s, end);
    // "Attribution License 2.5", "Attribution-ShareAlike License 3.0 Netherlands": the word
    // License between the elements and the version.
    if sp.spaces
        && !sp.slash
        && let Some(w) = ["license", "licence"]
            .iter()
            .find_map(|w| word_ci(s, sp.end, w))
    {
        let after = sep(s, w);
        if after.spaces && !after.slash && version(s, after.end).is_some() {
            sp = after;
        }
    }
    if sp.spaces
        && !sp.slash
        && let Some((v, vend)) = version(s, sp.end)
    {
        found_version = Some(v);
        end = vend;
        if let Some((j, jend)) = port(s, end, acc, v) {
            jurisdiction = j;
            end = jend;
            ported = true;
        }
    }
    // "Creative Commons non-commercial" describes a kind of license; alone, without BY and a
    // version, an element names no tool.
    if n == 1 && !acc.contains(Elements::BY) && found_version.is_none() {
        return None;
    }
    let tailed = tail(s, end);
    // A single element needs a capital and must end like a title, not run on as prose:
    // "Attribution 2.0 Germany", "Attribution 2.0." but not "attribution 2.0 of the funds".
    let single_ok = capital && (ported || tailed > end || !prose_follows(s, end));
    let accepted =
        prefixed || (found_version.is_some() && (n >= 2 || single_ok)) || (n >= 2 && dashed);
    if !accepted {
        return None;
    }
    end = tailed;
    let license = resolve::license(acc, order, found_version, jurisdiction)?;
    Some(Mention {
        license,
        form: Form::Title,
        span: i..end,
        lang: None,
    })
}

/// Whether the word at `i` is glued by a dash to a word before it ("Namensnennung-Share Alike"):
/// then it is the tail of a title in another language, not an English title of its own.
pub(super) fn joined_before(s: &str, i: usize) -> bool {
    let mut before = s[..i].chars().rev();
    match (before.next(), before.next()) {
        (Some(d), Some(w)) => {
            super::text::dash_at(s, i - d.len_utf8()).is_some() && w.is_alphanumeric()
        }
        _ => false,
    }
}

fn tail(s: &str, end: usize) -> usize {
    let sp = sep(s, end);
    if sp.spaces && !sp.slash {
        for words in TAIL_WORDS {
            if let Some(e) = phrase(s, sp.end, words) {
                return e;
            }
        }
    }
    end
}

fn port(s: &str, i: usize, elements: Elements, v: &str) -> Option<(&'static str, usize)> {
    let sp: Sep = sep(s, i);
    if !sp.spaces || sp.slash {
        return None;
    }
    port_name(s, sp.end, elements, v)
}

pub(super) fn special(s: &str, start: usize, k: usize, prefixed: bool) -> Option<Mention> {
    let cat = catalogue();
    for (words, unit, versioned) in SPECIAL {
        let Some(mut end) = phrase(s, k, words) else {
            continue;
        };
        let unit = cat.unit_by_name(unit)?;
        let mut tool = None;
        if *versioned {
            let sp = sep(s, end);
            if (sp.spaces || sp.dash)
                && !sp.slash
                && let Some((v, vend)) = version(s, sp.end)
            {
                tool = cat.by_key(&format!("{}/{}", unit.name, v));
                if tool.is_some() {
                    end = vend;
                    // A port code after the version: `CC Sampling+ 1.0 BR`.
                    let sp = sep(s, end);
                    let word = ascii_word(s, sp.end);
                    if !sp.is_empty()
                        && !sp.slash
                        && !word.is_empty()
                        && !word_at(s, sp.end + word.len())
                        && let Some(port) = cat.by_key(&format!(
                            "{}/{}/{}",
                            unit.name,
                            v,
                            word.to_ascii_lowercase()
                        ))
                    {
                        tool = Some(port);
                        end = sp.end + word.len();
                    }
                }
            }
        }
        let has_tail = tail(s, end) > end;
        // "Zero" and "Sampling" are everyday words: they need "Creative Commons" before them.
        let accepted = match unit.name {
            // Without "Creative Commons", "Public Domain" is a statement, not the retired tool.
            "zero" | "publicdomain" => prefixed,
            "sampling" | "devnations" => prefixed || tool.is_some() || has_tail,
            _ => true,
        };
        if !accepted {
            return None;
        }
        // A unit with one tool only (CC0, the Mark, the Dedication) needs no version.
        let tool = tool.or_else(|| {
            let members: Vec<_> = cat.tools().iter().filter(|t| t.unit == unit.id).collect();
            (members.len() == 1).then(|| members[0])
        });
        let end = tail(s, end);
        let license = match tool {
            Some(t) => License::Tool(t.id),
            None => License::Unit(unit.id),
        };
        return Some(Mention {
            license,
            form: Form::Title,
            span: start..end,
            lang: None,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(&'static str, &str)> {
        at(s, 0).map(|m| (m.license.key(), &s[m.span.clone()]))
    }

    #[test]
    fn titles() {
        let seed = "Attribution-NonCommercial-NoDerivs 2.0 Generic";
        assert_eq!(parse(seed), Some(("by-nc-nd/2.0", seed)));
        assert_eq!(
            parse("Creative Commons Attribution-ShareAlike 4.0 International License")
                .unwrap()
                .0,
            "by-sa/4.0"
        );
        assert_eq!(parse("Attribution 3.0 Germany").unwrap().0, "by/3.0/de");
        assert_eq!(
            parse("Attribution-NoDerivatives 4.0 International")
                .unwrap()
                .0,
            "by-nd/4.0"
        );
        assert_eq!(
            parse("Attribution Non-Commercial No Derivatives 3.0 Unported")
                .unwrap()
                .0,
            "by-nc-nd/3.0"
        );
        assert_eq!(parse("Attribution-ShareAlike").unwrap().0, "by-sa");
        assert_eq!(parse("Creative Commons Attribution").unwrap().0, "by");
        assert_eq!(parse("Public Domain Mark 1.0").unwrap().0, "mark/1.0");
        assert_eq!(parse("Public Domain Mark").unwrap().0, "mark/1.0");
        assert_eq!(parse("Creative Commons Zero").unwrap().0, "zero/1.0");
        assert_eq!(parse("Sampling Plus 1.0").unwrap().0, "sampling+/1.0");
        assert_eq!(
            parse("NonCommercial Sampling Plus 1.0").unwrap().0,
            "nc-sampling+/1.0"
        );
        assert_eq!(
            parse("Developing Nations License").unwrap().0,
            "devnations/2.0"
        );
        assert_eq!(
            parse("NoDerivs-NonCommercial 1.0 Generic").unwrap().0,
            "nd-nc/1.0"
        );
        assert_eq!(
            parse("Attribution-ShareAlike 2.5 UK: Scotland").unwrap().0,
            "by-sa/2.5/scotland"
        );
    }

    #[test]
    fn not_titles() {
        assert_eq!(parse("Attribution is required"), None);
        assert_eq!(parse("attribution 2.0 of the funds"), None);
        assert_eq!(parse("zero tolerance"), None);
        assert_eq!(parse("sampling error"), None);
        assert_eq!(parse("share alike"), None);
    }
}
