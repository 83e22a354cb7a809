//! Rights statements that are not Creative Commons legal tools: "All rights reserved", "©",
//! "Public domain", other named licenses and terms, courtesy and agency credits.
//!
//! The phrases are one table, [`PHRASES`]; matching is ASCII-case-insensitive, and phrases with
//! non-ASCII letters are also tried in their all-lowercase and all-capitals spellings.

use std::ops::Range;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::agency::{AGENCIES, LOWERCASE_SHORT_NAMES};

/// What kind of non-CC statement it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    AllRightsReserved,
    PublicDomain,
    /// Another named license or terms; [`Statement::name`] says which.
    Other,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::AllRightsReserved => "all-rights-reserved",
            StatementKind::PublicDomain => "public-domain",
            StatementKind::Other => "other",
        }
    }
}

/// One non-CC rights statement found in a text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Statement {
    pub kind: StatementKind,
    /// The text as written.
    pub text: String,
    /// What the statement is, in a stable English name: `all rights reserved`, `copyright
    /// notice`, `GFDL`, `Unsplash License`, `courtesy`, `agency` (the text says which).
    pub name: &'static str,
    /// Byte range in the scanned text.
    #[serde(skip)]
    pub span: Range<usize>,
}

use StatementKind::{AllRightsReserved as Arr, Other, PublicDomain as Pd};

/// How strictly a phrase must match.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Any case (ASCII letters).
    Any,
    /// Exactly as written: acronyms that are words in lowercase (`AP`, `dpa`, `EPA`).
    Exact,
}

/// `(phrase, kind, name, case)`.
const PHRASES: &[(&str, StatementKind, &str, Case)] = &[
    // All rights reserved, in the major languages.
    ("all rights reserved", Arr, "all rights reserved", Case::Any),
    (
        "alle rechte vorbehalten",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "tous droits réservés",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "tous droits reserves",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "todos los derechos reservados",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "tutti i diritti riservati",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "alle rechten voorbehouden",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "todos os direitos reservados",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "wszelkie prawa zastrzeżone",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "alla rättigheter förbehållna",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "alle rettigheder forbeholdes",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "alle rettigheter reservert",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "kaikki oikeudet pidätetään",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "všechna práva vyhrazena",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "minden jog fenntartva",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "tüm hakları saklıdır",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    (
        "toate drepturile rezervate",
        Arr,
        "all rights reserved",
        Case::Any,
    ),
    ("все права защищены", Arr, "all rights reserved", Case::Any),
    ("всі права захищені", Arr, "all rights reserved", Case::Any),
    ("版权所有", Arr, "all rights reserved", Case::Any),
    ("版權所有", Arr, "all rights reserved", Case::Any),
    ("無断転載禁止", Arr, "all rights reserved", Case::Any),
    ("著作権所有", Arr, "all rights reserved", Case::Any),
    ("모든 권리 보유", Arr, "all rights reserved", Case::Any),
    ("جميع الحقوق محفوظة", Arr, "all rights reserved", Case::Any),
    ("كل الحقوق محفوظة", Arr, "all rights reserved", Case::Any),
    ("כל הזכויות שמורות", Arr, "all rights reserved", Case::Any),
    ("सर्वाधिकार सुरक्षित", Arr, "all rights reserved", Case::Any),
    ("rights managed", Arr, "rights managed", Case::Any),
    ("rights-managed", Arr, "rights managed", Case::Any),
    ("©", Arr, "copyright notice", Case::Any),
    ("(c)", Arr, "copyright notice", Case::Any),
    ("copyright", Arr, "copyright notice", Case::Any),
    ("copyrighted", Arr, "copyright notice", Case::Any),
    // Public domain.
    ("public domain", Pd, "public domain", Case::Any),
    ("public-domain", Pd, "public domain", Case::Any),
    ("gemeinfrei", Pd, "public domain", Case::Any),
    ("domaine public", Pd, "public domain", Case::Any),
    ("dominio público", Pd, "public domain", Case::Any),
    ("dominio publico", Pd, "public domain", Case::Any),
    ("pubblico dominio", Pd, "public domain", Case::Any),
    ("dominio pubblico", Pd, "public domain", Case::Any),
    ("publiek domein", Pd, "public domain", Case::Any),
    ("domínio público", Pd, "public domain", Case::Any),
    ("domena publiczna", Pd, "public domain", Case::Any),
    (
        "no known copyright restrictions",
        Pd,
        "no known copyright restrictions",
        Case::Any,
    ),
    ("no copyright", Pd, "no copyright", Case::Any),
    ("not copyrighted", Pd, "no copyright", Case::Any),
    // French "droits réservés", abbreviated under press photos.
    ("D.R.", Arr, "all rights reserved", Case::Exact),
    ("PD-US", Pd, "public domain", Case::Exact),
    ("PD-old", Pd, "public domain", Case::Exact),
    ("PD-self", Pd, "public domain", Case::Exact),
    ("PD-author", Pd, "public domain", Case::Exact),
    ("PD-USGov", Pd, "public domain", Case::Exact),
    ("U.S. government work", Pd, "US government work", Case::Any),
    ("US government work", Pd, "US government work", Case::Any),
    // Other named licenses and terms.
    ("GNU Free Documentation License", Other, "GFDL", Case::Any),
    ("GFDL", Other, "GFDL", Case::Any),
    ("GNU FDL", Other, "GFDL", Case::Any),
    ("GNU General Public License", Other, "GPL", Case::Any),
    ("GNU GPL", Other, "GPL", Case::Any),
    ("GPL", Other, "GPL", Case::Exact),
    ("GPLv2", Other, "GPL", Case::Any),
    ("GPLv3", Other, "GPL", Case::Any),
    (
        "GNU Lesser General Public License",
        Other,
        "LGPL",
        Case::Any,
    ),
    ("LGPL", Other, "LGPL", Case::Exact),
    ("Free Art License", Other, "Free Art License", Case::Any),
    ("Licence Art Libre", Other, "Free Art License", Case::Any),
    ("Lizenz Freie Kunst", Other, "Free Art License", Case::Any),
    ("Unsplash License", Other, "Unsplash License", Case::Any),
    ("Unsplash+ License", Other, "Unsplash+ License", Case::Any),
    ("Pixabay License", Other, "Pixabay License", Case::Any),
    (
        "Pixabay Content License",
        Other,
        "Pixabay License",
        Case::Any,
    ),
    ("Pexels License", Other, "Pexels License", Case::Any),
    (
        "Open Government Licence",
        Other,
        "Open Government Licence",
        Case::Any,
    ),
    (
        "Open Government License",
        Other,
        "Open Government Licence",
        Case::Any,
    ),
    ("Licence Ouverte", Other, "Licence Ouverte", Case::Any),
    ("Open Licence", Other, "Licence Ouverte", Case::Any),
    (
        "Datenlizenz Deutschland",
        Other,
        "Data Licence Germany",
        Case::Any,
    ),
    (
        "Data licence Germany",
        Other,
        "Data Licence Germany",
        Case::Any,
    ),
    ("MIT License", Other, "MIT License", Case::Any),
    ("Apache License", Other, "Apache License", Case::Any),
    ("ODbL", Other, "ODbL", Case::Any),
    ("Open Database License", Other, "ODbL", Case::Any),
    ("courtesy of", Other, "courtesy", Case::Any),
    // "Photo courtesy Jane Doe", "Courtesy Example Gallery": supplied by its owner, without "of".
    ("photo courtesy", Other, "courtesy", Case::Any),
    ("photos courtesy", Other, "courtesy", Case::Any),
    ("image courtesy", Other, "courtesy", Case::Any),
    ("images courtesy", Other, "courtesy", Case::Any),
    ("photograph courtesy", Other, "courtesy", Case::Any),
    ("Courtesy", Other, "courtesy", Case::Exact),
    ("courtesy:", Other, "courtesy", Case::Any),
    ("mit freundlicher genehmigung", Other, "courtesy", Case::Any),
    ("avec l'aimable autorisation", Other, "courtesy", Case::Any),
    ("avec l’aimable autorisation", Other, "courtesy", Case::Any),
    ("gracieuseté", Other, "courtesy", Case::Any),
    ("cortesía de", Other, "courtesy", Case::Any),
    ("cortesia de", Other, "courtesy", Case::Any),
    ("per gentile concessione", Other, "courtesy", Case::Any),
    ("cortesia di", Other, "courtesy", Case::Any),
    ("met dank aan", Other, "courtesy", Case::Any),
    ("handout", Other, "handout", Case::Any),
    ("pressefoto", Other, "press photo", Case::Any),
    ("press photo", Other, "press photo", Case::Any),
    (
        "used with permission",
        Other,
        "used with permission",
        Case::Any,
    ),
    ("with permission", Other, "used with permission", Case::Any),
    (
        "reproduced with permission",
        Other,
        "used with permission",
        Case::Any,
    ),
    ("mit genehmigung", Other, "used with permission", Case::Any),
    // German picture lists: "free to use with the author named", terms that are no CC license.
    (
        "nutzung mit namensnennung",
        Other,
        "use with attribution",
        Case::Any,
    ),
    (
        "verwendung mit namensnennung",
        Other,
        "use with attribution",
        Case::Any,
    ),
    ("fair use", Other, "fair use", Case::Any),
    ("editorial use only", Other, "editorial use only", Case::Any),
    ("for editorial use", Other, "editorial use only", Case::Any),
    (
        "nur zur redaktionellen",
        Other,
        "editorial use only",
        Case::Any,
    ),
    ("royalty-free", Other, "royalty-free", Case::Any),
    ("royalty free", Other, "royalty-free", Case::Any),
    ("copyright-free", Other, "copyright-free", Case::Any),
    ("copyright free", Other, "copyright-free", Case::Any),
    ("lizenzfrei", Other, "royalty-free", Case::Any),
    // Permission granted in words ("This image may be used, edited and reproduced freely"):
    // terms that are not a CC license, never "all rights reserved".
    (
        "may be used freely",
        Other,
        "permission in words",
        Case::Any,
    ),
    (
        "may be freely used",
        Other,
        "permission in words",
        Case::Any,
    ),
    (
        "can be used freely",
        Other,
        "permission in words",
        Case::Any,
    ),
    (
        "can be freely used",
        Other,
        "permission in words",
        Case::Any,
    ),
    ("reproduced freely", Other, "permission in words", Case::Any),
    ("free to use", Other, "permission in words", Case::Any),
    ("free for use", Other, "permission in words", Case::Any),
    (
        "free of charge for",
        Other,
        "permission in words",
        Case::Any,
    ),
    ("frei verwendbar", Other, "permission in words", Case::Any),
    (
        "frei verwendet werden",
        Other,
        "permission in words",
        Case::Any,
    ),
    ("libre de droits", Other, "royalty-free", Case::Any),
    ("libre de derechos", Other, "royalty-free", Case::Any),
    ("uso libre", Other, "permission in words", Case::Any),
    // Agencies whose short names are also words or abbreviations, spelled out.
    ("AP Photo", Arr, "agency", Case::Any),
    ("Associated Press", Arr, "agency", Case::Any),
];

/// What an agency name found in text stands for.
const AGENCY: (&str, StatementKind, &str, Case) = ("", Arr, "agency", Case::Any);

struct Matcher {
    automaton: AhoCorasick,
    /// Pattern index → index in [`PHRASES`].
    phrase: Vec<usize>,
}

/// The matcher as aho-corasick builds it by default (a contiguous NFA for this many patterns):
/// quick to build, for processes that scan a few texts.
static MATCHER: LazyLock<Option<Matcher>> = LazyLock::new(|| matcher(None));

/// The same matcher as a DFA: it searches in about half the time (−3% of a credit line's
/// cost in the credit bench) but takes ≈ 36 M instructions (several milliseconds) to build,
/// worth it only for a process that scans many texts. Both find the same matches.
static DFA_MATCHER: LazyLock<Option<Matcher>> =
    LazyLock::new(|| matcher(Some(AhoCorasickKind::DFA)));

/// How many texts a process scans with [`MATCHER`] before building [`DFA_MATCHER`]: about
/// half the texts whose saved search time pays for the build.
const DFA_AFTER: usize = 16_384;

/// Texts scanned with [`MATCHER`] so far.
static SCANNED: AtomicUsize = AtomicUsize::new(0);

/// The matcher for the next text.
fn current() -> Option<&'static Matcher> {
    if SCANNED.load(Ordering::Relaxed) >= DFA_AFTER {
        if let Some(m) = DFA_MATCHER.as_ref() {
            return Some(m);
        }
    } else {
        SCANNED.fetch_add(1, Ordering::Relaxed);
    }
    MATCHER.as_ref()
}

fn matcher(kind: Option<AhoCorasickKind>) -> Option<Matcher> {
    let mut patterns: Vec<String> = Vec::new();
    let mut phrase = Vec::new();
    let mut agency_spellings: Vec<(String, usize)> = Vec::new();
    for name in AGENCIES {
        if name.len() <= 2 {
            continue;
        }
        let spelling = if name.len() <= 4 && !LOWERCASE_SHORT_NAMES.contains(name) {
            name.to_uppercase()
        } else {
            name.to_string()
        };
        agency_spellings.push((spelling, PHRASES.len()));
    }
    for (s, i) in agency_spellings {
        patterns.push(s);
        phrase.push(i);
    }
    for (i, (p, ..)) in PHRASES.iter().enumerate() {
        let mut spellings = vec![p.to_string()];
        if !p.is_ascii() {
            spellings.push(p.to_lowercase());
            spellings.push(p.to_uppercase());
        }
        spellings.sort();
        spellings.dedup();
        for s in spellings {
            patterns.push(s);
            phrase.push(i);
        }
    }
    AhoCorasick::builder()
        .kind(kind)
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()
        .map(|automaton| Matcher { automaton, phrase })
}

fn word_char(c: Option<char>) -> bool {
    // "pressefoto_korb" is a user name, not the word "Pressefoto".
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Finds statements in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Statement> {
    current().map_or_else(Vec::new, |matcher| find_with(matcher, text))
}

fn find_with(matcher: &Matcher, text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    for m in matcher.automaton.find_iter(text) {
        let (phrase, kind, name, case) = match PHRASES.get(matcher.phrase[m.pattern().as_usize()]) {
            Some(p) => *p,
            None => AGENCY,
        };
        let found = &text[m.range()];
        // Short agency names count only as written in the table (`AFP`, `dpa`).
        if phrase == AGENCY.0
            && found.len() <= 4
            && !LOWERCASE_SHORT_NAMES.contains(&found)
            && found != found.to_uppercase()
        {
            continue;
        }
        if case == Case::Exact && found != phrase {
            continue;
        }
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let first = found.chars().next();
        let last = found.chars().next_back();
        // Words must stand alone: "copyrighted" is not "copyright", "GPL" not in "LGPLv3".
        if (word_char(first) && word_char(before)) || (word_char(last) && word_char(after)) {
            continue;
        }
        // "(c)" is a copyright sign only before a year or a name: not "(a), (b), (c)".
        if phrase == "(c)" && !text[m.end()..].starts_with(' ') {
            continue;
        }
        if phrase == "(c)"
            && !text[m.end()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
        {
            continue;
        }
        out.push(Statement {
            kind,
            text: found.to_string(),
            name,
            span: m.range(),
        });
    }
    out
}

#[cfg(test)]
mod tests {

    /// The DFA that a process switches to after many texts finds what the default matcher finds.
    #[test]
    fn dfa_matcher_finds_the_same() {
        let (Some(nfa), Some(dfa)) = (MATCHER.as_ref(), DFA_MATCHER.as_ref()) else {
            panic!("both matchers build");
        };
        let data = include_str!("../../tests/data/credit_lines.txt");
        let extra = [
            "© 2019 AP Photo/Jane Doe. All Rights Reserved.",
            "Foto: dpa / picture alliance, ALLE RECHTE VORBEHALTEN",
            "(c) Reuters; Tous droits réservés — Public Domain",
        ];
        let mut n = 0;
        for text in data.lines().chain(extra) {
            let (a, b) = (find_with(nfa, text), find_with(dfa, text));
            assert_eq!(a, b, "{text}");
            n += a.len();
        }
        assert!(n > 50, "the texts hold statements: {n}");
    }

    use super::*;

    fn kinds(s: &str) -> Vec<(StatementKind, &'static str)> {
        find(s).into_iter().map(|s| (s.kind, s.name)).collect()
    }

    #[test]
    fn all_rights_reserved_in_several_languages() {
        assert_eq!(
            kinds("© 2019 Jane Doe. All Rights Reserved."),
            [(Arr, "copyright notice"), (Arr, "all rights reserved")]
        );
        assert_eq!(
            kinds("Tous droits réservés"),
            [(Arr, "all rights reserved")]
        );
        assert_eq!(
            kinds("TOUS DROITS RÉSERVÉS"),
            [(Arr, "all rights reserved")]
        );
        assert_eq!(
            kinds("Alle Rechte vorbehalten"),
            [(Arr, "all rights reserved")]
        );
        assert_eq!(kinds("(c) 2019 Jane"), [(Arr, "copyright notice")]);
    }

    #[test]
    fn other_terms_and_public_domain() {
        assert_eq!(
            kinds("Photo: Unsplash License"),
            [(Other, "Unsplash License")]
        );
        assert_eq!(kinds("Courtesy of the artist"), [(Other, "courtesy")]);
        assert_eq!(
            kinds("This image is in the public domain"),
            [(Pd, "public domain")]
        );
        assert_eq!(kinds("Photo: John Smith/Reuters"), [(Arr, "agency")]);
        assert_eq!(kinds("Foto: Max Mustermann/dpa"), [(Arr, "agency")]);
        assert_eq!(kinds("Foto: ANP / Jan de Vries"), [(Arr, "agency")]);
        assert!(kinds("Pittsburgh, PA and the afp of rex").is_empty());
    }

    #[test]
    fn words_stand_alone() {
        assert!(kinds("options (a), (b), (c) apply").is_empty());
        assert!(kinds("the reutersville adpa epaulette").is_empty());
        assert!(kinds("LGPLv3x").is_empty());
    }
}
