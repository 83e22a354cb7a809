//! Titles in other languages, read word by word: each language's words for BY, NC, ND and SA
//! (with the variants people write), joined by dashes, then a version and a port.
//!
//! "Namensnennung - Nicht kommerziell - Keine Bearbeitungen 4.0 International", "Reconocimiento-
//! NoComercial-SinObraDerivada 3.0 Unported", "Attribution - Utilisation non commerciale - Partage
//! dans les mêmes conditions 4.0 International", "署名-非商业性使用-相同方式共享 4.0 国际",
//! "저작자표시-비영리-변경금지 2.0 대한민국". The catalogue's localized titles
//! ([`super::localized`]) hold the official wording of each deed; this reads the wording people
//! use, which often differs from it (older deeds, other word orders, spaces and dashes).
//!
//! A mention is at least two elements joined by dashes, or one element with a version and a port
//! word ("Namensnennung 4.0 International") or after "Creative Commons". Each parse reads at most
//! four elements, a version and a port, over separators of bounded length: O(1) per trigger.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::port::port_name;
use super::resolve::{self, Order};
use super::text::version;
use super::{Form, Mention};
use crate::license::Elements;

/// (words, element, language). A space in the words stands for any separator or none: "no
/// comercial" reads "NoComercial", "No comercial" and "No-Comercial". Lowercase; `'` stands for
/// both apostrophes.
const ELEMENT_WORDS: &[(&str, Elements, &str)] = &[
    // German
    ("namensnennung", Elements::BY, "de"),
    ("nicht kommerziell", Elements::NC, "de"),
    ("keine kommerzielle nutzung", Elements::NC, "de"),
    ("keine bearbeitungen", Elements::ND, "de"),
    ("keine bearbeitung", Elements::ND, "de"),
    ("weitergabe unter gleichen bedingungen", Elements::SA, "de"),
    ("share alike", Elements::SA, "de"),
    // Spanish, Catalan, Galician
    ("reconocimiento", Elements::BY, "es"),
    ("atribución", Elements::BY, "es"),
    ("atribucion", Elements::BY, "es"),
    ("reconeixement", Elements::BY, "ca"),
    ("recoñecemento", Elements::BY, "gl"),
    ("no comercial", Elements::NC, "es"),
    ("sin obra derivada", Elements::ND, "es"),
    ("sin obras derivadas", Elements::ND, "es"),
    ("sin derivadas", Elements::ND, "es"),
    ("sense obra derivada", Elements::ND, "ca"),
    ("sen obra derivada", Elements::ND, "gl"),
    ("compartir igual", Elements::SA, "es"),
    ("compartir amb la mateixa llicència", Elements::SA, "ca"),
    // Portuguese
    ("atribuição", Elements::BY, "pt"),
    ("atribuicao", Elements::BY, "pt"),
    ("não comercial", Elements::NC, "pt"),
    ("nao comercial", Elements::NC, "pt"),
    ("uso não comercial", Elements::NC, "pt"),
    ("sem derivações", Elements::ND, "pt"),
    ("sem derivacoes", Elements::ND, "pt"),
    ("sem derivados", Elements::ND, "pt"),
    ("compartilha igual", Elements::SA, "pt"),
    ("compartilhamento pela mesma licença", Elements::SA, "pt"),
    // French
    ("paternité", Elements::BY, "fr"),
    ("paternite", Elements::BY, "fr"),
    ("attribution", Elements::BY, "fr"),
    ("pas d'utilisation commerciale", Elements::NC, "fr"),
    ("utilisation non commerciale", Elements::NC, "fr"),
    ("pas de modification", Elements::ND, "fr"),
    ("pas de modifications", Elements::ND, "fr"),
    ("pas d'œuvre dérivée", Elements::ND, "fr"),
    ("pas d'oeuvre dérivée", Elements::ND, "fr"),
    ("partage dans les mêmes conditions", Elements::SA, "fr"),
    (
        "partage des conditions initiales à l'identique",
        Elements::SA,
        "fr",
    ),
    // Italian
    ("attribuzione", Elements::BY, "it"),
    ("non commerciale", Elements::NC, "it"),
    ("non opere derivate", Elements::ND, "it"),
    ("condividi allo stesso modo", Elements::SA, "it"),
    // Dutch
    ("naamsvermelding", Elements::BY, "nl"),
    ("niet commercieel", Elements::NC, "nl"),
    ("geen afgeleide werken", Elements::ND, "nl"),
    ("gelijk delen", Elements::SA, "nl"),
    // Polish
    ("uznanie autorstwa", Elements::BY, "pl"),
    ("użycie niekomercyjne", Elements::NC, "pl"),
    ("bez utworów zależnych", Elements::ND, "pl"),
    ("na tych samych warunkach", Elements::SA, "pl"),
    // Japanese
    ("表示", Elements::BY, "ja"),
    ("非営利", Elements::NC, "ja"),
    ("改変禁止", Elements::ND, "ja"),
    ("継承", Elements::SA, "ja"),
    // Chinese (simplified, traditional)
    ("署名", Elements::BY, "zh"),
    ("姓名標示", Elements::BY, "zh-tw"),
    ("非商业性使用", Elements::NC, "zh"),
    ("非商業性", Elements::NC, "zh-tw"),
    ("禁止演绎", Elements::ND, "zh"),
    ("禁止改作", Elements::ND, "zh-tw"),
    ("相同方式共享", Elements::SA, "zh"),
    ("相同方式分享", Elements::SA, "zh-tw"),
    // Korean
    ("저작자표시", Elements::BY, "ko"),
    ("비영리", Elements::NC, "ko"),
    ("변경금지", Elements::ND, "ko"),
    ("동일조건변경허락", Elements::SA, "ko"),
    // Swedish, Norwegian, Danish, Finnish
    ("erkännande", Elements::BY, "sv"),
    ("icke kommersiell", Elements::NC, "sv"),
    ("inga bearbetningar", Elements::ND, "sv"),
    ("dela lika", Elements::SA, "sv"),
    ("navngivelse", Elements::BY, "nb"),
    ("ikke kommersiell", Elements::NC, "nb"),
    ("ingen bearbeidelse", Elements::ND, "nb"),
    ("ingen bearbeidelser", Elements::ND, "nb"),
    ("del på samme vilkår", Elements::SA, "nb"),
    ("del på same vilkår", Elements::SA, "nn"),
    ("kreditering", Elements::BY, "da"),
    ("ikke kommerciel", Elements::NC, "da"),
    ("ingen bearbejdelser", Elements::ND, "da"),
    ("deling på samme vilkår", Elements::SA, "da"),
    ("nimeä", Elements::BY, "fi"),
    ("ei kaupallinen", Elements::NC, "fi"),
    ("ei muutoksia", Elements::ND, "fi"),
    ("jaa samoin", Elements::SA, "fi"),
    // Czech, Hungarian, Turkish, Indonesian
    ("uveďte původ", Elements::BY, "cs"),
    ("uveďte autora", Elements::BY, "cs"),
    ("neužívejte komerčně", Elements::NC, "cs"),
    ("neužívejte dílo komerčně", Elements::NC, "cs"),
    ("nezpracovávejte", Elements::ND, "cs"),
    ("zachovejte licenci", Elements::SA, "cs"),
    ("nevezd meg!", Elements::BY, "hu"),
    ("ne add el!", Elements::NC, "hu"),
    ("ne változtasd!", Elements::ND, "hu"),
    ("így add tovább!", Elements::SA, "hu"),
    ("atıf", Elements::BY, "tr"),
    ("gayri ticari", Elements::NC, "tr"),
    ("türetilemez", Elements::ND, "tr"),
    ("aynı lisansla paylaş", Elements::SA, "tr"),
    ("atribusi", Elements::BY, "id"),
    ("non komersial", Elements::NC, "id"),
    ("tanpa turunan", Elements::ND, "id"),
    ("berbagi serupa", Elements::SA, "id"),
    // Russian
    ("атрибуция", Elements::BY, "ru"),
    ("некоммерческое использование", Elements::NC, "ru"),
    ("некоммерческая", Elements::NC, "ru"),
    ("без производных произведений", Elements::ND, "ru"),
    ("без производных", Elements::ND, "ru"),
    ("с сохранением условий", Elements::SA, "ru"),
    ("на тех же условиях", Elements::SA, "ru"),
];

/// The first words of the BY entries: where the scanner starts this parser (with "attribution"
/// and "creative", which it shares with the English parsers).
pub(super) const TRIGGERS: &[&str] = &[
    "namensnennung",
    "reconocimiento",
    "atribución",
    "atribucion",
    "reconeixement",
    "recoñecemento",
    "atribuição",
    "atribuicao",
    "paternité",
    "paternite",
    "attribuzione",
    "naamsvermelding",
    "uznanie autorstwa",
    "表示",
    "署名",
    "姓名標示",
    "저작자표시",
    "атрибуция",
    "Атрибуция",
    "erkännande",
    "navngivelse",
    "kreditering",
    "nimeä",
    "uveďte",
    "nevezd meg",
    "atıf",
    "atribusi",
];

/// Words after a version that say "no port", in the languages above.
const NO_PORT: &[&str] = &[
    "international",
    "internationell",
    "internasjonal",
    "kansainvälinen",
    "mezinárodní",
    "nemzetközi",
    "uluslararası",
    "internacional",
    "internationaal",
    "internazionale",
    "międzynarodowe",
    "международная",
    "unported",
    "generic",
    "genérica",
    "genérico",
    "国際",
    "国际",
    "국제",
];

/// Words before a single element that make it a license name: "Creative Commons Namensnennung
/// 3.0", "クリエイティブ・コモンズ 表示 4.0".
const CC_NAMES: &[&str] = &[
    "commons",
    "コモンズ",
    "知识共享",
    "커먼즈",
    "licencia",
    "lizenz",
];

/// How many separator chars may stand for one space of an entry, or between elements.
const MAX_GAP: usize = 8;

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Chars that may stand between the words of a title: spaces, dashes, and line breaks with the
/// comment marks of source files (" *", "#") where a title wraps.
fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{3000}' | '-' | '\u{2010}'..='\u{2014}'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2014}')
}

fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' => '\'',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Matches `words` at `i` (see [`ELEMENT_WORDS`]); returns the end.
fn words_at(s: &str, i: usize, words: &str) -> Option<usize> {
    let mut rest = s[i..].char_indices().peekable();
    let mut end = i;
    for w in words.chars() {
        if w == ' ' {
            let mut n = 0;
            while n < MAX_GAP
                && let Some(&(k, c)) = rest.peek()
                && is_gap(c)
            {
                rest.next();
                end = i + k + c.len_utf8();
                n += 1;
            }
            continue;
        }
        let (k, c) = rest.next()?;
        if fold(c) != w {
            return None;
        }
        end = i + k + c.len_utf8();
    }
    // A Latin or Cyrillic word must end here; CJK runs on without spaces.
    let last_cjk = words.chars().next_back().is_some_and(is_cjk);
    if !last_cjk && s[end..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(end)
}

/// The entries of [`ELEMENT_WORDS`] by their first char, so that a position is compared only
/// with the few entries that can start there.
static BY_FIRST_CHAR: LazyLock<HashMap<char, Vec<usize>>> = LazyLock::new(|| {
    let mut map: HashMap<char, Vec<usize>> = HashMap::new();
    for (k, (w, ..)) in ELEMENT_WORDS.iter().enumerate() {
        if let Some(c) = w.chars().next() {
            map.entry(c).or_default().push(k);
        }
    }
    map
});

/// The longest element entry at `i`.
fn element(s: &str, i: usize) -> Option<(Elements, usize, &'static str)> {
    let first = fold(s[i..].chars().next()?);
    BY_FIRST_CHAR
        .get(&first)?
        .iter()
        .filter_map(|&k| {
            let (w, e, lang) = ELEMENT_WORDS[k];
            words_at(s, i, w).map(|end| (e, end, lang))
        })
        .max_by_key(|(_, end, _)| *end)
}

/// A separator between two elements: gaps holding at least one dash. Returns its end.
fn between(s: &str, i: usize) -> Option<usize> {
    let mut dash = false;
    let mut end = i;
    for (k, c) in s[i..].char_indices().take(MAX_GAP) {
        if !(is_gap(c) || c == '*' || c == '#') {
            break;
        }
        dash |= is_dash(c);
        end = i + k + c.len_utf8();
    }
    dash.then_some(end)
}

/// Spaces (and a closing quote) before a version or port word. Returns the end, or `None` when
/// there is nothing.
fn spaces(s: &str, i: usize) -> Option<usize> {
    let mut end = i;
    for (k, c) in s[i..].char_indices().take(MAX_GAP) {
        if !matches!(c, ' ' | '\t' | '\u{a0}' | '\u{3000}' | '»' | '”' | '"') {
            break;
        }
        end = i + k + c.len_utf8();
    }
    (end > i).then_some(end)
}

fn no_port_word(s: &str, i: usize) -> Option<usize> {
    NO_PORT.iter().find_map(|w| words_at(s, i, w))
}

/// Whether a name of Creative Commons or a word for "license" stands just before `i`.
fn cc_before(s: &str, i: usize) -> bool {
    let mut lo = i.saturating_sub(40);
    while !s.is_char_boundary(lo) {
        lo += 1;
    }
    let before = s[lo..i].to_lowercase();
    CC_NAMES.iter().any(|n| before.contains(n))
}

/// Parses a title in another language whose first element starts at `i`.
pub(super) fn at(s: &str, i: usize) -> Option<Mention> {
    let first = s[i..].chars().next()?;
    if !is_cjk(first)
        && s[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let mut acc = Elements::default();
    let mut order = Order::default();
    let mut n = 0;
    let mut end = i;
    let mut lang = "";
    let mut next = element(s, i);
    while let Some((e, e_end, l)) = next {
        if acc.contains(e) {
            return None;
        }
        if n == 0 {
            lang = l;
        }
        order.saw(acc, e);
        acc = acc.union(e);
        n += 1;
        end = e_end;
        next = match between(s, end) {
            Some(j) if n < 4 => element(s, j),
            _ => None,
        };
    }
    if n == 0 || !acc.contains(Elements::BY) {
        return None;
    }
    // Elements that run on, after a dash, into words this table does not know were only partly
    // understood ("Attribution - Utilisation non commerciale - Partage à l'identique"): without
    // a version to anchor them, no reading beats a wrong one.
    let runs_on = between(s, end).is_some_and(|j| s[j..].starts_with(char::is_alphabetic));
    let mut found_version = None;
    let mut jurisdiction = "";
    let mut ported = false;
    if let Some(j) = spaces(s, end)
        && let Some((v, vend)) = version(s, j)
    {
        found_version = Some(v);
        end = vend;
        if let Some(j) = spaces(s, end) {
            if let Some(pend) = no_port_word(s, j) {
                end = pend;
                ported = true;
            } else if let Some((code, pend)) = port_name(s, j, acc, v) {
                jurisdiction = code;
                end = pend;
                ported = true;
            }
        }
    }
    if runs_on && found_version.is_none() {
        return None;
    }
    let accepted = match (n, found_version) {
        (1, None) => false,
        (1, Some(_)) => ported || cc_before(s, i),
        _ => true,
    };
    if !accepted {
        return None;
    }
    let license = resolve::license(acc, order, found_version, jurisdiction)?;
    Some(Mention {
        license,
        form: Form::Title,
        span: i..end,
        lang: Some(lang),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Option<&'static str> {
        at(s, 0).map(|m| m.license.key())
    }

    #[test]
    fn titles_people_write() {
        assert_eq!(
            key("Namensnennung - Nicht kommerziell - Keine Bearbeitungen 3.0 Deutschland"),
            Some("by-nc-nd/3.0/de")
        );
        assert_eq!(
            key("Reconocimiento-NoComercial-SinObraDerivada 3.0 Unported"),
            Some("by-nc-nd/3.0")
        );
        assert_eq!(
            key("Attribution - Utilisation non commerciale - Partage dans les mêmes conditions"),
            Some("by-nc-sa")
        );
        assert_eq!(
            key("署名-非商业性使用-相同方式共享 4.0 国际"),
            Some("by-nc-sa/4.0")
        );
        assert_eq!(
            key("저작자표시-비영리-변경금지 2.0 대한민국"),
            Some("by-nc-nd/2.0/kr")
        );
        assert_eq!(key("Namensnennung 4.0 International"), Some("by/4.0"));
    }

    #[test]
    fn prose_is_not_a_title() {
        assert_eq!(key("Namensnennung — Sie müssen den Namen nennen"), None);
        assert_eq!(key("Reconeixement. Heu de reconèixer"), None);
        assert_eq!(key("表示 4.0"), None);
        assert_eq!(key("Attribution - Utilisation"), None);
    }
}
