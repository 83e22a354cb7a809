//! Credit lines: from one line or caption (the text under a photo in an article), the credit
//! object — authors, title, source, license, rights, date, place, modified.
//!
//! # How a line is read
//!
//! Parsing never fails; it returns what it could read. The line goes through these passes, each
//! of which *masks* the bytes it explains so that later passes only see what is left:
//!
//! 1. [`license::scan`] finds the legal tools and the rights statements ("All rights reserved",
//!    "Public domain"); their spans are masked. The first tool named is the license, and
//!    `scan.rights()` is the rights.
//! 2. URLs that are not license URLs: the first one is the source.
//! 3. Quoted text (`"…"`, `“…”`, `„…“`, `«…»`, `‘…’`): the first quote is the title.
//! 4. Words that say the image was changed (`modified`, `cropped`, `adapted from`,
//!    `bearbeitet`, `recadrée`, …): `modified` is true.
//! 5. Dates (see [`super::date`]), with the words that introduce them (`Taken on`,
//!    `Aufgenommen am`) and the place that follows (`… in Atmeh refugee camp`).
//! 6. What is left is cut into clauses at punctuation and read left to right. Labels
//!    (`Photo:`, `Foto`, `Crédit photo :`, `©`, `Courtesy of`) and connectors (`by`, `via`,
//!    `from`, `on Flickr`) say whether the next words are an author or a source; names of
//!    agencies and platforms are recognized wherever they stand (see [`super::agency`]).
//!
//! # Decisions
//!
//! - Agencies (AP, Reuters, dpa, Getty Images…) and platforms (Wikimedia Commons, Flickr,
//!   Unsplash…) are the source, not authors. When no person is named and an *agency* is
//!   credited ("Photo: Reuters"), the agency is also the author: it is the party to credit. A
//!   platform alone ("Image: Unsplash") is never an author.
//! - A URL that is not a license URL is the source, in preference to a named platform.
//! - The title comes only from quotes; unquoted text before "by" is not taken as a title.
//! - In `X/Y` where neither side is a known agency, the right side is the source
//!   (`Doug Mills/The New York Times`); a known agency may stand on either side
//!   (`AP Photo/Evan Vucci`, `Evan Vucci/AP`).
//! - A day-first reading wins for `14/04/2013`-style dates unless it is impossible.
//! - When the line names an author explicitly (after a label, "by" or "©"), other bare
//!   name-like text (a caption's description) is not taken as an author.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

use super::Credit;
use super::agency::{self, Kind};
use super::date;
use crate::license::{self, Form, StatementKind};

/// A parsed credit line: the credit, and where in the text each field was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditLine {
    pub credit: Credit,
    pub spans: Spans,
}

/// Byte ranges in the parsed text, for highlighting and for explaining a credit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spans {
    /// One range per author, in the order of [`Credit::authors`].
    pub authors: Vec<Range<usize>>,
    /// The title without its quotes.
    pub title: Option<Range<usize>>,
    /// The pieces the source was read from.
    pub source: Vec<Range<usize>>,
    /// Every license mention.
    pub license: Vec<Range<usize>>,
    /// Every rights statement.
    pub rights: Vec<Range<usize>>,
    pub date: Option<Range<usize>>,
    pub place: Option<Range<usize>>,
    /// Each word or phrase saying the image was changed.
    pub modified: Vec<Range<usize>>,
}

/// Reads one credit line or caption into a [`Credit`].
///
/// ```
/// use licit::credit::parse_credit_line;
///
/// let c = parse_credit_line(
///     "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp.",
/// );
/// assert_eq!(c.authors, ["IHH Humanitarian Relief Foundation"]);
/// assert_eq!(c.date.as_deref(), Some("2013-04-14"));
/// assert_eq!(c.place.as_deref(), Some("Atmeh refugee camp"));
///
/// let c = parse_credit_line("Foto: Max Mustermann/dpa");
/// assert_eq!(c.authors, ["Max Mustermann"]);
/// assert_eq!(c.source.as_deref(), Some("dpa"));
/// ```
pub fn parse_credit_line(text: &str) -> Credit {
    analyze_credit_line(text).credit
}

/// Like [`parse_credit_line`], and also says where each field was read ([`Spans`]).
pub fn analyze_credit_line(text: &str) -> CreditLine {
    Parser::new(text).run()
}

/// How a masked byte behaves when the rest is cut into clauses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Free,
    /// Explained, and ends the current clause's context (a license, a date, a URL).
    Hard,
    /// Explained, but the context carries on across it (`© 2019 Jane`, `"Title" by Jane`).
    Soft,
}

struct Parser<'a> {
    text: &'a str,
    lower: String,
    marks: Vec<Mark>,
    spans: Spans,
    credit: Credit,
    url_source: Option<Range<usize>>,
    /// Platforms named by their license ("Unsplash License"): the image came from there.
    license_sources: Vec<Range<usize>>,
}

// ---------------------------------------------------------------------------------------------
// Word lists. Lowercase; multi-word entries are separated by single spaces.

/// Labels that introduce the author. Matched as whole words at the start of a clause.
const AUTHOR_LABELS: &[&str] = &[
    // English
    "photo credit",
    "photo credits",
    "photo courtesy",
    "image credit",
    "image credits",
    "image courtesy",
    "picture credit",
    "photo illustration",
    "photograph",
    "photographs",
    "photography",
    "photographer",
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "pic",
    "credit",
    "credits",
    "illustration",
    "artwork",
    "author",
    "creator",
    "header image",
    "cover photo",
    "lead image",
    "featured image",
    "top image",
    "main image",
    // German
    "foto",
    "fotos",
    "bild",
    "bilder",
    "fotograf",
    "fotografin",
    "fotografie",
    "bildquelle",
    "bildnachweis",
    "fotonachweis",
    "urheber",
    "urheberin",
    "aufnahme",
    "titelbild",
    "titelfoto",
    "mit freundlicher genehmigung",
    // French
    "crédit photo",
    "crédits photo",
    "credit photo",
    "credits photo",
    "crédit photographique",
    "crédit",
    "crédits",
    "photographie",
    "auteur",
    "photographe",
    "cliché",
    // Spanish, Portuguese, Italian
    "crédito de la foto",
    "crédito da foto",
    "crédito foto",
    "créditos foto",
    "crediti foto",
    "fotografía",
    "fotografia",
    "imagen",
    "imagem",
    "immagine",
    "crédito",
    "créditos",
    "credito",
    "crediti",
    "autor",
    "autora",
    "autore",
    "fotógrafo",
    "fotógrafa",
    "fotografo",
    // Dutch
    "afbeelding",
    "beeld",
    "fotograaf",
    // courtesy
    "courtesy of",
    "courtesy",
    "cortesía de",
    "cortesia de",
    "cortesia di",
    "avec l'aimable autorisation de",
];

/// Words between a label and the name: `Photo by`, `Foto von`, `Foto de`, `Foto di`.
const LABEL_CONNECTORS: &[&str] = &[
    "by", "von", "de", "di", "por", "par", "door", "van", "da", "do", "of", "del", "dal", "della",
    "des", "du", "der",
];

/// Labels that introduce the source.
const SOURCE_LABELS: &[&str] = &[
    "source", "sources", "quelle", "quellen", "fuente", "fonte", "bron", "origine", "herkunft",
    "via", "origen",
];

/// Labels that introduce license or rights text; what follows is neither author nor source.
const RIGHTS_LABELS: &[&str] = &[
    "license",
    "licence",
    "licensed",
    "lizenz",
    "licencia",
    "licenza",
    "licença",
    "licentie",
    "rights",
    "rechte",
    "droits",
    "derechos",
    "diritti",
    "direitos",
    "rechten",
    "terms",
    "nutzungsrechte",
    "copyright status",
];

/// Phrases masked wherever they stand: boilerplate that is never a name. Rights statements
/// ("All rights reserved" in every language, "used with permission") come from
/// [`license::scan`]'s statements and are masked with them; these are the phrases it does not
/// report.
const NOISE_PHRASES: &[&str] = &["some rights reserved", "creative commons"];

/// Name particles and joining words that may be lowercase inside a name or an organisation.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "la", "le", "les", "du", "da", "das", "do", "dos", "di",
    "del", "della", "dei", "degli", "bin", "ibn", "bint", "al", "el", "y", "e", "zu", "zur", "ten",
    "ter", "te", "of", "the", "and", "for", "für", "des", "d'", "st.", "et", "und", "&", "a", "an",
    "in", "on", "at", "i", "ben", "ap", "af", "av", "op", "'t",
];

/// Words of organisations; a name with one of these is not split at "and".
const ORG_WORDS: &[&str] = &[
    "ministry",
    "department",
    "foundation",
    "museum",
    "library",
    "university",
    "institute",
    "institution",
    "agency",
    "archive",
    "archives",
    "society",
    "council",
    "office",
    "service",
    "association",
    "center",
    "centre",
    "company",
    "corporation",
    "committee",
    "stiftung",
    "ministerium",
    "universität",
    "museé",
    "musée",
    "ministère",
    "fundación",
    "ministerio",
    "museo",
    "fondazione",
    "stichting",
    "fundação",
    "bibliothèque",
    "bibliothek",
    "biblioteca",
    "gallery",
    "studio",
    "studios",
    "team",
    "group",
    "news",
    "times",
    "post",
    "press",
];

/// Conjunctions between authors, written lowercase: `X and Y`, `X und Y`, `X et Y`, `X y Y`,
/// `X e Y`, `X en Y`.
const CONJUNCTIONS: &[&str] = &["and", "&", "und", "et", "y", "e", "en", "og", "och", "+"];

/// Prepositions before a platform name: `on Flickr`, `auf Flickr`, `sur Flickr`, `su Flickr`.
const PLATFORM_PREPS: &[&str] = &[
    "on", "at", "auf", "bei", "sur", "su", "op", "em", "no", "na", "en", "in", "from", "über",
];

/// Words that may stand before a date and belong to it (`Taken on`, `Aufgenommen am`).
const DATE_INTROS: &[&str] = &[
    "taken",
    "on",
    "am",
    "aufgenommen",
    "fotografiert",
    "photographed",
    "shot",
    "captured",
    "le",
    "prise",
    "pris",
    "tomada",
    "tomado",
    "el",
    "scattata",
    "scattato",
    "il",
    "genomen",
    "op",
    "tirada",
    "tirado",
    "feita",
    "feito",
    "em",
    "dated",
    "datiert",
    "vom",
    "du",
    "del",
    "in",
    "im",
    "date",
    "datum",
    "fecha",
    "data",
    "circa",
    "ca",
    "c",
    "um",
    "vers",
    "hacia",
    "cerca",
    "rond",
];

/// Prepositions between a date and a place: `… in Atmeh`, `… à Paris`, `… en Madrid`.
const PLACE_PREPS: &[&str] = &[
    "in", "at", "à", "a", "en", "em", "na", "no", "nel", "nella", "im", "bei", "near", "au", "aux",
    "te", "dans", "ad", "op",
];

/// Words that end a place: a credit starts there ("… in Berlin by Jane").
const PLACE_STOPS: &[&str] = &[
    "by", "via", "von", "photo", "foto", "credit", "par", "por", "door", "di",
];

/// Phrases that introduce a place without a date: `Taken in Berlin`.
const PLACE_INTROS: &[&str] = &[
    "taken in",
    "taken at",
    "photographed in",
    "photographed at",
    "aufgenommen in",
    "fotografiert in",
    "prise à",
    "prise en",
    "tomada en",
    "scattata a",
    "scattata in",
    "genomen in",
    "genomen te",
    "tirada em",
    "tirada no",
    "tirada na",
];

/// The phrase lists as automata: one pass over the text finds all of them. Built from constant
/// lowercase patterns, so building cannot fail in practice; `None` would only skip the pass.
static NOISE_AUTOMATON: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| phrase_automaton(NOISE_PHRASES));
static PLACE_INTRO_AUTOMATON: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| phrase_automaton(PLACE_INTROS));

fn phrase_automaton(phrases: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(phrases)
        .ok()
}

/// Word stems that say the image was changed.
const MODIFIED_STEMS: &[&str] = &[
    "modif",
    "cropp",
    "recadr",
    "recort",
    "ritagli",
    "bijgesned",
    "beschnitt",
    "zugeschnitt",
    "bearbeit",
    "retouch",
    "retusch",
    "retoc",
    "ritocc",
    "adapted",
    "adaptation",
    "adapté",
    "adaptad",
    "adattat",
    "aangepast",
    "bewerkt",
    "derivat",
    "derivad",
    "derived",
    "editad",
    "altered",
    "coloriz",
    "colouris",
    "coloris",
    "koloriert",
    "verändert",
    "geändert",
];
/// Whole words that say the image was changed.
const MODIFIED_WORDS: &[&str] = &["crop", "edited", "edit", "montage", "composite", "collage"];
/// Words after a modification word that belong to it (`adapted from`, `derivative of`).
const MODIFIED_TAILS: &[&str] = &[
    "from", "of", "von", "de", "da", "di", "van", "work", "werk", "version", "by",
];

/// Words cut from the end of a piece: the rest of "… is licensed under", "… CC".
const TAIL_NOISE: &[&str] = &[
    "is",
    "are",
    "was",
    "licensed",
    "license",
    "licence",
    "under",
    "used",
    "available",
    "released",
    "published",
    "shared",
    "lizenziert",
    "unter",
    "sous",
    "bajo",
    "sotto",
    "sob",
    "onder",
    "licencia",
    "licenza",
    "licença",
    "licentie",
    "lizenz",
    "a",
    "the",
    "der",
    "die",
    "la",
    "una",
    "uma",
    "een",
    "cc",
    "cc-lizenz",
    "this",
    "image",
    "photo",
    "foto",
    "with",
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "&",
    "-",
    "is licensed",
    "copyright",
];

/// Words cut from the start of a piece.
const HEAD_NOISE: &[&str] = &[
    "cc",
    "copyright",
    "this",
    "image",
    "photo",
    "foto",
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "&",
    "-",
    "by",
    "is",
    "licensed",
    "under",
];

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "st", "dr", "jr", "sr", "mr", "mrs", "ms", "prof", "mt", "ft", "co", "inc", "ltd", "bros",
    "corp", "dipl", "ing", "hon", "rev", "gen", "col", "capt", "lt", "sgt", "no", "nr", "vol",
    "ca", "mag", "ph", "phil", "sen", "rep", "gov", "jun", "sen", "av", "ave", "sta", "sto", "ste",
    "s",
];

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

// ---------------------------------------------------------------------------------------------
// Clauses.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    Start,
    End,
    Comma,
    Colon,
    Slash,
    /// A soft mask: the context carries on.
    Soft,
    /// A hard mask (a license, a date, a URL): the context ends.
    HardMask,
    /// ` - `, `–`, `—`: after an author, what follows is the source (`By X - Own work`).
    Dash,
    /// Sentence end, brackets: the context ends.
    Hard,
}

#[derive(Clone, Debug)]
struct Word {
    span: Range<usize>,
    lower: String,
    /// `©`, `(c)`, `℗`.
    copyright: bool,
    /// Starts with a lowercase letter as written (`wonderlane`, `gather`); not for CJK or Arabic.
    lowercase_initial: bool,
}

#[derive(Clone, Debug)]
struct Clause {
    words: Vec<Word>,
    before: Sep,
    after: Sep,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// No label seen: name-like text may be an author.
    None,
    /// After a label, "by", "©": what follows is the author.
    Author,
    /// After "via", "from", "Source:".
    Source,
    /// After "License:": neither author nor source.
    Ignore,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Author { explicit: bool },
    Source { kind: Option<Kind> },
}

#[derive(Clone, Debug)]
struct Piece {
    span: Range<usize>,
    /// For an agency or platform, the name without suffixes ("AP" of "AP Photo").
    name: Range<usize>,
    role: Role,
    /// Clauses joined by slashes (and the same bracket) share a group.
    group: usize,
    /// Whether the piece's clause came after a slash.
    after_slash: bool,
    /// Whether a connector (`via`, `by`, …) put the piece in its role.
    connected: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            lower: text.to_ascii_lowercase(),
            marks: vec![Mark::Free; text.len()],
            spans: Spans::default(),
            credit: Credit::default(),
            url_source: None,
            license_sources: Vec::new(),
        }
    }

    fn run(mut self) -> CreditLine {
        self.licenses();
        self.urls();
        self.noise();
        self.title();
        self.modified();
        self.dates();
        self.place_intros();
        let clauses = self.clauses();
        self.read(&clauses);
        CreditLine {
            credit: self.credit,
            spans: self.spans,
        }
    }

    fn free(&self, r: Range<usize>) -> bool {
        self.marks
            .get(r)
            .is_some_and(|m| m.iter().all(|&m| m == Mark::Free))
    }

    fn mark(&mut self, r: Range<usize>, m: Mark) {
        let end = r.end.min(self.marks.len());
        for x in &mut self.marks[r.start.min(end)..end] {
            if *x != Mark::Hard {
                *x = m;
            }
        }
    }

    /// Whether `r` stands as whole words: no letter or digit touches it.
    fn whole_word(&self, r: &Range<usize>) -> bool {
        let before = self.text[..r.start].chars().next_back();
        let after = self.text[r.end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }

    /// Every whole-word, unmasked occurrence of a phrase of the automaton, leftmost longest.
    fn find_phrases(&self, phrases: &AhoCorasick) -> Vec<Range<usize>> {
        phrases
            .find_iter(&self.lower)
            .map(|m| m.range())
            .filter(|r| self.text.is_char_boundary(r.start) && self.text.is_char_boundary(r.end))
            .filter(|r| self.whole_word(r) && self.free(r.clone()))
            .collect()
    }

    // -- passes ------------------------------------------------------------------------------

    fn licenses(&mut self) {
        let scan = license::scan(self.text);
        self.credit.license = scan.licenses().first().copied();
        self.credit.rights = scan.rights();
        self.credit.license_url_given = scan.mentions.iter().any(|m| m.form == Form::Url);
        for m in &scan.mentions {
            self.spans.license.push(m.span.clone());
            self.mark(m.span.clone(), Mark::Hard);
        }
        for s in &scan.statements {
            self.spans.rights.push(s.span.clone());
            // A "©" or "courtesy" statement labels the name after it: read it as a label.
            let t = s.text.trim_start().to_lowercase();
            let words: Vec<&str> = t.split_whitespace().collect();
            let names_an_agency =
                agency::classify(&words).is_some_and(|m| m.kind != Kind::Boilerplate);
            let labels_a_name = names_an_agency
                || t.starts_with('©')
                || t.starts_with("(c)")
                || t.starts_with("copyright")
                || t.starts_with('℗')
                || t.starts_with("courtesy")
                || t.starts_with("mit freundlicher");
            if s.kind == StatementKind::Other
                && let Some(n) = words.len().checked_sub(1)
                && agency::classify(&words[..n]).is_some_and(|m| m.kind == Kind::Platform)
                && let Some(first) = words.first()
            {
                let start = s.span.start + (s.text.len() - s.text.trim_start().len());
                self.license_sources.push(start..start + first.len());
            }
            if !labels_a_name {
                let m = if s.kind == StatementKind::Other {
                    Mark::Soft
                } else {
                    Mark::Hard
                };
                self.mark(s.span.clone(), m);
            }
        }
    }

    fn urls(&mut self) {
        let mut found = Vec::new();
        for prefix in ["https://", "http://", "www."] {
            for (i, _) in self.lower.match_indices(prefix) {
                let before = self.text[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '.') {
                    continue;
                }
                let rest = &self.text[i..];
                let len = rest
                    .find(|c: char| {
                        c.is_whitespace() || "<>\"“”«»()[]{}|".contains(c) || c == '\u{27e9}'
                    })
                    .unwrap_or(rest.len());
                let url = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
                if url.len() > prefix.len() {
                    found.push(i..i + url.len());
                }
            }
        }
        found.sort_by_key(|r| r.start);
        for r in found {
            if self.free(r.clone()) && self.url_source.is_none() {
                self.url_source = Some(r.clone());
            }
            self.mark(r, Mark::Hard);
        }
    }

    fn noise(&mut self) {
        if let Some(phrases) = &*NOISE_AUTOMATON {
            for r in self.find_phrases(phrases) {
                self.mark(r, Mark::Hard);
            }
        }
    }

    fn title(&mut self) {
        let text = self.text;
        let mut chars = text.char_indices();
        while let Some((i, c)) = chars.next() {
            let closers: &[char] = match c {
                '"' => &['"'],
                '“' => &['”', '“'],
                '„' => &['“', '”'],
                '«' => &['»'],
                '»' => &['«'],
                '‘' => &['’'],
                '‚' => &['‘', '’'],
                '\'' => &['\''],
                '「' => &['」'],
                '《' => &['》'],
                _ => continue,
            };
            if !self.free(i..i + c.len_utf8()) {
                continue;
            }
            let single = matches!(c, '\'' | '‘');
            // An apostrophe inside a word (O'Brien, l'image) opens nothing.
            if single
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let start = i + c.len_utf8();
            let Some(len) = text[start..].find(closers) else {
                continue;
            };
            let mut end = start + len;
            if single {
                // The closing quote of a single-quoted title ends a word: 'Sunset' by …
                let mut ok = false;
                let mut search = start;
                while let Some(off) = text[search..].find(closers) {
                    let j = search + off;
                    let clen = text[j..].chars().next().map_or(1, char::len_utf8);
                    let after = text[j + clen..].chars().next();
                    if j > start && !after.is_some_and(char::is_alphanumeric) {
                        end = j;
                        ok = true;
                        break;
                    }
                    search = j + clen;
                    if search >= text.len() {
                        break;
                    }
                }
                if !ok {
                    continue;
                }
            }
            let close_len = text[end..].chars().next().map_or(0, char::len_utf8);
            let inner = &text[start..end];
            let trimmed = inner.trim();
            if trimmed.is_empty()
                || trimmed.len() > 300
                || !self.free(start..end)
                || !trimmed.chars().any(char::is_alphanumeric)
            {
                continue;
            }
            let lead = inner.len() - inner.trim_start().len();
            let t = start + lead..start + lead + trimmed.len();
            self.credit.title = Some(trimmed.to_string());
            self.spans.title = Some(t);
            self.mark(i..end + close_len, Mark::Soft);
            // Skip past the title so that its closing quote does not open another.
            for (k, _) in chars.by_ref() {
                if k >= end {
                    break;
                }
            }
            return;
        }
    }

    fn modified(&mut self) {
        let words = self.alpha_words();
        let mut k = 0;
        while k < words.len() {
            let r = words[k].clone();
            let w = self.text[r.clone()].to_lowercase();
            let hit = MODIFIED_STEMS.iter().any(|s| w.starts_with(s)) || is_in(MODIFIED_WORDS, &w);
            if hit && self.free(r.clone()) {
                let mut end = r.end;
                // "adapted from", "derivative work of"
                while let Some(n) = words.get(k + 1) {
                    let nw = self.text[n.clone()].to_lowercase();
                    let gap = &self.text[end..n.start];
                    if is_in(MODIFIED_TAILS, &nw) && gap.trim().is_empty() {
                        end = n.end;
                        k += 1;
                    } else {
                        break;
                    }
                }
                self.credit.modified = true;
                self.spans.modified.push(r.start..end);
                self.mark(r.start..end, Mark::Soft);
                // "edited by Jane Roe": the one who changed it is not an author of the work.
                if self.text[r.start..end].to_lowercase().ends_with(" by") {
                    let mut name_end = end;
                    while let Some(n) = words.get(k + 1) {
                        let nw = &self.text[n.clone()];
                        let gap = &self.text[name_end..n.start];
                        let particle = is_in(PARTICLES, &nw.to_lowercase());
                        if gap.trim().is_empty() && (nw.starts_with(char::is_uppercase) || particle)
                        {
                            name_end = n.end;
                            k += 1;
                        } else {
                            break;
                        }
                    }
                    self.mark(end..name_end, Mark::Hard);
                }
            }
            k += 1;
        }
    }

    /// Byte ranges of runs of letters (with inner apostrophes and hyphens), unmasked.
    fn alpha_words(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in self.text.char_indices() {
            let inner = matches!(c, '\'' | '’' | '-') && start.is_some();
            if c.is_alphabetic() || inner {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(s..i);
            }
        }
        if let Some(s) = start {
            out.push(s..self.text.len());
        }
        for r in &mut out {
            while r.end > r.start
                && let Some(c) = self.text[..r.end]
                    .chars()
                    .next_back()
                    .filter(|c| matches!(c, '\'' | '’' | '-'))
            {
                r.end -= c.len_utf8();
            }
        }
        out.retain(|r| !r.is_empty());
        out
    }

    fn dates(&mut self) {
        let found = {
            let marks = &self.marks;
            date::find_dates(self.text, &|i| marks.get(i) == Some(&Mark::Free))
        };
        let best = found
            .iter()
            .enumerate()
            .max_by_key(|(i, d)| (d.precision(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        for (i, d) in found.iter().enumerate() {
            let start = self.extend_back(d.span.start);
            let m = if d.precision() == 0 {
                Mark::Soft
            } else {
                Mark::Hard
            };
            self.mark(start..d.span.end, m);
            if Some(i) == best {
                self.credit.date = Some(d.iso());
                self.spans.date = Some(d.span.clone());
            }
            if d.precision() > 0 && self.credit.place.is_none() {
                self.place_after(d.span.end, PLACE_PREPS);
            }
        }
    }

    /// Extends a date backwards over the words that introduce it.
    fn extend_back(&self, mut start: usize) -> usize {
        loop {
            let trimmed = self.text[..start].trim_end();
            // "ca. 1910": an abbreviation's dot.
            let before = trimmed.strip_suffix('.').unwrap_or(trimmed);
            let wstart = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map(|(i, _)| i);
            let Some(ws) = wstart else { return start };
            let w = before[ws..].to_lowercase();
            let w = w.trim_end_matches('.');
            if is_in(DATE_INTROS, w) && self.free(ws..trimmed.len()) {
                start = ws;
            } else {
                return start;
            }
        }
    }

    /// Reads a place after `from` when it starts with one of `preps` (or, for `preps` empty,
    /// right away).
    fn place_after(&mut self, from: usize, preps: &[&str]) {
        let rest = &self.text[from..];
        let mut i = from + (rest.len() - rest.trim_start().len());
        let intro_start = from;
        if !preps.is_empty() {
            let r = &self.text[i..];
            let wlen = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
            let w = r[..wlen].to_lowercase();
            if wlen == 0 || !is_in(preps, &w) || !self.free(i..i + wlen) {
                return;
            }
            i += wlen;
            let r = &self.text[i..];
            if !r.starts_with(char::is_whitespace) {
                return;
            }
            i += r.len() - r.trim_start().len();
        }
        let end = self.place_end(i);
        let place = self.text[i..end].trim_end();
        if place.is_empty() || !place.starts_with(char::is_alphabetic) {
            return;
        }
        let pend = i + place.len();
        self.credit.place = Some(place.to_string());
        self.spans.place = Some(i..pend);
        self.mark(intro_start..pend, Mark::Hard);
    }

    /// Where a place starting at `i` ends.
    fn place_end(&self, start: usize) -> usize {
        let text = self.text;
        let mut i = start;
        let mut word_start = start;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if self.marks[i] != Mark::Free {
                return i;
            }
            if c.is_whitespace() {
                // Stop before a word that starts a credit: "… in Berlin by Jane", "… Photo: …".
                let next = text[i..].trim_start();
                let nlen = next
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(next.len());
                let nw = next[..nlen].to_lowercase();
                if PLACE_STOPS.contains(&nw.as_str()) {
                    return i;
                }
                if next.starts_with(" - ") || next.starts_with("- ") {
                    return i;
                }
                word_start = i + c.len_utf8();
            }
            match c {
                ';' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '/' | '\n' | '\r' | '–' | '—'
                | '"' | '“' | '”' | '«' | '»' | '©' | ':' | '·' | '•' => return i,
                '.' => {
                    let w = text[word_start..i].to_lowercase();
                    let initial = w.chars().filter(|c| c.is_alphabetic()).count() == 1;
                    let next = text[i + 1..].chars().next();
                    let ends = next.is_none_or(char::is_whitespace);
                    if ends && !initial && !is_in(ABBREVIATIONS, &w) {
                        return i;
                    }
                }
                ',' => {
                    // "Berlin, Germany": a short capitalized tail belongs to the place.
                    let rest = &text[i + 1..];
                    let chunk_len = rest
                        .find([',', '.', ';', '(', ')', '|', '/', '\n', ':'])
                        .unwrap_or(rest.len());
                    let chunk = &rest[..chunk_len];
                    // "Berlin, Germany by Jane": the tail ends where a credit starts.
                    let ws: Vec<&str> = chunk
                        .split_whitespace()
                        .take_while(|w| !PLACE_STOPS.contains(&w.to_lowercase().as_str()))
                        .collect();
                    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
                    let lower_refs: Vec<&str> = lower.iter().map(String::as_str).collect();
                    let caps = !ws.is_empty()
                        && ws.len() <= 3
                        && ws.iter().all(|w| w.starts_with(char::is_uppercase))
                        && agency::classify(&lower_refs).is_none()
                        && !lower_refs
                            .first()
                            .is_some_and(|w| is_in(AUTHOR_LABELS, w) || is_in(SOURCE_LABELS, w))
                        && self.free(i + 1..i + 1 + chunk_len);
                    if !caps {
                        return i;
                    }
                }
                _ => {}
            }
            i += c.len_utf8();
        }
        text.len()
    }

    fn place_intros(&mut self) {
        if self.credit.place.is_some() {
            return;
        }
        let Some(phrases) = &*PLACE_INTRO_AUTOMATON else {
            return;
        };
        for r in self.find_phrases(phrases) {
            {
                self.mark(r.clone(), Mark::Hard);
                self.place_after(r.end, &[]);
                if self.credit.place.is_some() {
                    return;
                }
            }
        }
    }

    // -- clauses -----------------------------------------------------------------------------

    fn clauses(&self) -> Vec<Clause> {
        let text = self.text;
        let mut out = Vec::new();
        let mut cur = Clause {
            words: Vec::new(),
            before: Sep::Start,
            after: Sep::End,
        };
        let push_sep = |cur: &mut Clause, out: &mut Vec<Clause>, sep: Sep| {
            // Consecutive separators collapse; the strongest wins.
            if cur.words.is_empty() {
                cur.before = stronger(cur.before, sep);
                return;
            }
            let mut done = std::mem::replace(
                cur,
                Clause {
                    words: Vec::new(),
                    before: sep,
                    after: Sep::End,
                },
            );
            done.after = sep;
            out.push(done);
        };
        let mut i = 0;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let clen = c.len_utf8();
            if self.marks[i] != Mark::Free {
                let mut j = i;
                let mut hard = false;
                while j < text.len() && self.marks[j] != Mark::Free {
                    hard |= self.marks[j] == Mark::Hard;
                    j += 1;
                }
                push_sep(
                    &mut cur,
                    &mut out,
                    if hard { Sep::HardMask } else { Sep::Soft },
                );
                i = j;
                continue;
            }
            if c.is_whitespace() && c != '\n' && c != '\r' {
                i += clen;
                continue;
            }
            if c == '©' || c == '℗' {
                cur.words.push(Word {
                    span: i..i + clen,
                    lower: "©".into(),
                    copyright: true,
                    lowercase_initial: false,
                });
                i += clen;
                continue;
            }
            if c == '(' && matches!(self.lower.get(i..i + 3), Some("(c)" | "(p)")) {
                cur.words.push(Word {
                    span: i..i + 3,
                    lower: "©".into(),
                    copyright: true,
                    lowercase_initial: false,
                });
                i += 3;
                continue;
            }
            let sep = match c {
                ',' => Some(Sep::Comma),
                ':' if self.inner_colon(i) => None,
                ':' => Some(Sep::Colon),
                '/' | '\\' => Some(Sep::Slash),
                ';' | '|' | '(' | ')' | '[' | ']' | '{' | '}' | '·' | '•' | '\n' | '\r' | '!'
                | '?' | '…' | '¦' => Some(Sep::Hard),
                '–' | '—' => Some(Sep::Dash),
                '-' | '.' | '*' | '=' | '~' | '>' | '<' => {
                    let prev_space = text[..i]
                        .chars()
                        .next_back()
                        .is_none_or(char::is_whitespace);
                    let next_space = text[i + clen..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace);
                    let sep = if c == '-' && prev_space && next_space {
                        Sep::Dash
                    } else {
                        Sep::Hard
                    };
                    (prev_space || next_space).then_some(sep)
                }
                _ => None,
            };
            if let Some(sep) = sep {
                push_sep(&mut cur, &mut out, sep);
                i += clen;
                continue;
            }
            if is_quote(c) {
                i += clen;
                continue;
            }
            // A word: up to whitespace, a separator or a mask.
            let start = i;
            let mut j = i;
            while j < text.len() {
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                if d.is_whitespace()
                    || self.marks[j] != Mark::Free
                    || (d == ':' && !self.inner_colon(j))
                    || ",/\\;|()[]{}·•–—!?…©℗".contains(d)
                    || (is_quote(d) && !matches!(d, '\'' | '’'))
                {
                    break;
                }
                j += d.len_utf8();
            }
            let mut end = j;
            // Closing quotes or apostrophes stuck to a word's end are not part of it.
            while end > start
                && let Some(c) = text[..end]
                    .chars()
                    .next_back()
                    .filter(|c| matches!(c, '\'' | '’'))
            {
                end -= c.len_utf8();
            }
            let mut period = false;
            if text[start..end].ends_with('.') && end - start > 1 {
                let w = &text[start..end - 1];
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                let next = text[j..].trim_start().chars().next();
                let keep = letters == 1
                    || w.contains('.')
                    || is_in(ABBREVIATIONS, &w.to_lowercase())
                    || next.is_some_and(|n| n.is_lowercase() || n.is_ascii_digit());
                if !keep {
                    end -= 1;
                    period = true;
                }
            }
            let word = &text[start..end];
            if word.chars().any(char::is_alphanumeric) || word == "&" || word == "+" {
                cur.words.push(Word {
                    span: start..end,
                    lower: word.to_lowercase(),
                    copyright: false,
                    lowercase_initial: word.starts_with(char::is_lowercase),
                });
            }
            if period {
                push_sep(&mut cur, &mut out, Sep::Hard);
            }
            i = j.max(start + clen);
        }
        if !cur.words.is_empty() {
            cur.after = Sep::End;
            out.push(cur);
        }
        out
    }

    fn read(&mut self, clauses: &[Clause]) {
        let mut ctx = Ctx::None;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut group = 0;
        for clause in clauses {
            match clause.before {
                Sep::Hard | Sep::Start | Sep::HardMask => ctx = Ctx::None,
                // "By X - Own work, …", "Photo: X — Unsplash": after an author, the source.
                Sep::Dash => {
                    ctx = if ctx == Ctx::Author {
                        Ctx::Source
                    } else {
                        Ctx::None
                    }
                }
                _ => {}
            }
            if clause.before != Sep::Slash {
                group += 1;
            }
            let after_slash = clause.before == Sep::Slash;
            let words = &clause.words;
            // "Photo:", "Crédit photo :", "Top left:" — a short clause before a colon is a label.
            if clause.after == Sep::Colon && words.len() <= 4 {
                ctx = if words.iter().any(|w| is_in(SOURCE_LABELS, &w.lower)) {
                    Ctx::Source
                } else if words.iter().any(|w| is_in(RIGHTS_LABELS, &w.lower)) {
                    Ctx::Ignore
                } else {
                    Ctx::Author
                };
                continue;
            }
            let mut i = 0;
            // Leading labels: "©", "Photo by", "Foto von", "Courtesy of". A clause that is a known
            // name ("picture alliance") has none.
            let known = classify(words).is_some();
            // "„Title“ von X", "… 2013 in Leipzig von X": a connector right after a mask.
            if matches!(clause.before, Sep::Soft | Sep::HardMask)
                && words.len() > 1
                && ["von", "par", "de", "di", "por", "door", "da", "van"]
                    .contains(&words[0].lower.as_str())
                && !words[1].lowercase_initial
            {
                ctx = Ctx::Author;
                i = 1;
            }
            while !known && i < words.len() {
                if let Some(w) = words.get(i)
                    && (w.copyright || w.lower == "copyright" || w.lower == "copr.")
                {
                    ctx = Ctx::Author;
                    i += 1;
                    continue;
                }
                match match_label(&words[i..]) {
                    Some((n, false)) => {
                        ctx = Ctx::Author;
                        i += n;
                    }
                    Some((n, true)) => {
                        ctx = Ctx::Source;
                        i += n;
                    }
                    None => break,
                }
                if words
                    .get(i)
                    .is_some_and(|w| is_in(LABEL_CONNECTORS, &w.lower))
                {
                    i += 1;
                }
            }
            let mut start = i;
            let mut connected = false;
            let mut role_ctx = ctx;
            let org_from = |k: usize| {
                words[k..]
                    .iter()
                    .take_while(|w| {
                        !is_in(&["by", "via", "for", "from", "über", "courtesy"], &w.lower)
                    })
                    .any(|w| is_in(ORG_WORDS, &w.lower))
            };
            let mut org = org_from(i);
            let mut j = i;
            while j < words.len() {
                let w = &words[j];
                let orig = &self.text[w.span.clone()];
                let next_ctx = match w.lower.as_str() {
                    "by" => Some((Ctx::Author, 1)),
                    "via" | "for" | "über" => Some((Ctx::Source, 1)),
                    "courtesy" => {
                        let of = words.get(j + 1).is_some_and(|n| {
                            matches!(n.lower.as_str(), "of" | "von" | "de" | "di" | "van")
                        });
                        Some((Ctx::Author, 1 + usize::from(of)))
                    }
                    p if is_in(PLATFORM_PREPS, p) && j > start => {
                        let rest: Vec<&str> =
                            words[j + 1..].iter().map(|w| w.lower.as_str()).collect();
                        let known = agency::classify(&rest)
                            .is_some_and(|m| m.kind != Kind::Boilerplate)
                            || p == "from" && !rest.is_empty();
                        known.then_some((Ctx::Source, 1))
                    }
                    _ => None,
                };
                if let Some((next, skip)) = next_ctx {
                    // Text before "by" that no label introduced is a description or an
                    // unquoted title, not a name.
                    let keep_before = !(w.lower == "by" && role_ctx == Ctx::None);
                    if keep_before {
                        self.flush(
                            &words[start..j],
                            role_ctx,
                            connected,
                            group,
                            after_slash,
                            &mut pieces,
                        );
                    }
                    role_ctx = next;
                    connected = true;
                    j += skip;
                    start = j;
                    org = org_from(j.min(words.len()));
                    continue;
                }
                let is_conj = is_in(CONJUNCTIONS, orig) || orig == "&";
                if is_conj && role_ctx != Ctx::Source && !org && j > start {
                    self.flush(
                        &words[start..j],
                        role_ctx,
                        connected,
                        group,
                        after_slash,
                        &mut pieces,
                    );
                    start = j + 1;
                }
                j += 1;
            }
            self.flush(
                &words[start..],
                role_ctx,
                connected,
                group,
                after_slash,
                &mut pieces,
            );
            ctx = role_ctx;
        }
        self.finish(pieces);
    }

    /// Turns the words of one piece into an author or a source, or drops them.
    fn flush(
        &self,
        words: &[Word],
        ctx: Ctx,
        connected: bool,
        group: usize,
        after_slash: bool,
        pieces: &mut Vec<Piece>,
    ) {
        let mut words = words;
        // A piece that is a known name is taken whole, before trimming its ends.
        let m = classify(words).or_else(|| {
            while words
                .first()
                .is_some_and(|w| w.copyright || is_in(HEAD_NOISE, &w.lower))
            {
                words = &words[1..];
            }
            while words
                .last()
                .is_some_and(|w| w.copyright || is_in(TAIL_NOISE, &w.lower))
            {
                words = &words[..words.len() - 1];
            }
            classify(words)
        });
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return;
        };
        let span = first.span.start..last.span.end;
        let mut piece = Piece {
            span: span.clone(),
            name: span.clone(),
            role: Role::Author { explicit: false },
            group,
            after_slash,
            connected,
        };
        match m {
            Some(m) if m.kind == Kind::Boilerplate => return,
            Some(m) => {
                let n = m.words.clamp(1, words.len());
                piece.name = first.span.start..words[n - 1].span.end;
                piece.role = Role::Source { kind: Some(m.kind) };
            }
            None => match ctx {
                Ctx::Ignore => return,
                Ctx::Source => piece.role = Role::Source { kind: None },
                Ctx::Author => {
                    if !plausible(words, 12, 2) {
                        return;
                    }
                    piece.role = Role::Author { explicit: true };
                }
                Ctx::None => {
                    if !plausible(words, 6, 0) {
                        return;
                    }
                }
            },
        }
        pieces.push(piece);
    }

    fn finish(&mut self, mut pieces: Vec<Piece>) {
        // "Doug Mills/The New York Times": in a slash group with no known name, the last piece
        // is the source.
        let groups: Vec<usize> = pieces.iter().map(|p| p.group).collect();
        for g in groups.iter().copied() {
            let idx: Vec<usize> = (0..pieces.len())
                .filter(|&k| pieces[k].group == g)
                .collect();
            let known = idx
                .iter()
                .any(|&k| matches!(pieces[k].role, Role::Source { .. }));
            if idx.len() >= 2 && !known {
                // The piece that reads as an organisation is the source; else the last one.
                let org = idx
                    .iter()
                    .copied()
                    .find(|&k| self.org_like(pieces[k].span.clone()));
                let last = idx[idx.len() - 1];
                let src = org.unwrap_or(last);
                if (pieces[src].after_slash || idx.get(1).is_some_and(|&k| pieces[k].after_slash))
                    && !pieces[src].connected
                {
                    pieces[src].role = Role::Source { kind: None };
                }
            }
        }
        let explicit = pieces
            .iter()
            .any(|p| p.role == Role::Author { explicit: true });
        let group_has_known = |g: usize, pieces: &[Piece]| {
            pieces
                .iter()
                .any(|p| p.group == g && matches!(p.role, Role::Source { kind: Some(_) }))
        };
        let keep: Vec<bool> = pieces
            .iter()
            .map(|p| match p.role {
                Role::Author { explicit: false } => !explicit || group_has_known(p.group, &pieces),
                _ => true,
            })
            .collect();
        let mut authors: Vec<Range<usize>> = Vec::new();
        let mut sources: Vec<Range<usize>> = Vec::new();
        let mut first_agency: Option<Range<usize>> = None;
        for (p, keep) in pieces.iter().zip(keep) {
            if !keep {
                continue;
            }
            match p.role {
                Role::Author { .. } => {
                    let name = &self.text[p.span.clone()];
                    if !authors.iter().any(|a| &self.text[a.clone()] == name) {
                        authors.push(p.span.clone());
                    }
                }
                Role::Source { kind } => {
                    if kind == Some(Kind::Agency) && first_agency.is_none() {
                        first_agency = Some(p.name.clone());
                    }
                    sources.push(p.name.clone());
                }
            }
        }
        if authors.is_empty()
            && let Some(a) = first_agency
        {
            authors.push(a);
        }
        self.credit.authors = authors
            .iter()
            .map(|r| self.text[r.clone()].to_string())
            .collect();
        self.spans.authors = authors;
        sources.extend(self.license_sources.iter().cloned());
        if let Some(u) = self.url_source.clone() {
            self.credit.source = Some(self.text[u.clone()].to_string());
            self.spans.source = vec![u];
        } else if !sources.is_empty() {
            self.credit.source = Some(self.join_sources(&sources));
            self.spans.source = sources;
        }
    }

    /// Whether a piece reads as an organisation: "The …", or with a word like "Museum".
    fn org_like(&self, span: Range<usize>) -> bool {
        let t = self.text[span].to_lowercase();
        t.starts_with("the ") || t.split_whitespace().any(|w| is_in(ORG_WORDS, w))
    }

    /// A colon inside a word (`re:publica`), not after a label (`Foto:dpa`).
    fn inner_colon(&self, i: usize) -> bool {
        let before = self.text[..i].chars().next_back();
        let after = self.text[i + 1..].chars().next();
        if !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
        {
            return false;
        }
        let wstart = self.text[..i]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let w = self.lower[wstart..i].to_string();
        !is_in(AUTHOR_LABELS, &w) && !is_in(SOURCE_LABELS, &w) && !is_in(RIGHTS_LABELS, &w)
    }

    /// Sources next to each other ("AFP via Getty Images", "picture alliance/dpa") are kept as
    /// written; others are joined with ", ".
    fn join_sources(&self, sources: &[Range<usize>]) -> String {
        let mut out = String::new();
        let mut run = sources[0].clone();
        for s in &sources[1..] {
            let gap = self
                .text
                .get(run.end..s.start)
                .map(|g| g.trim().to_lowercase());
            let joinable = gap
                .as_deref()
                .is_some_and(|g| matches!(g, "" | "/" | "via" | "for" | "&" | "and" | "|" | "-"));
            if joinable {
                run.end = s.end;
            } else {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                out.push_str(&self.text[run.clone()]);
                run = s.clone();
            }
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&self.text[run]);
        out
    }
}

fn stronger(a: Sep, b: Sep) -> Sep {
    let rank = |s: Sep| match s {
        // Any separator at the start of the text says more than "start".
        Sep::Start => 0,
        Sep::Hard | Sep::HardMask | Sep::Dash => 4,
        Sep::Colon => 3,
        Sep::Comma => 2,
        Sep::Slash => 1,
        Sep::Soft => 1,
        Sep::End => 5,
    };
    if rank(b) > rank(a) { b } else { a }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '\'' | '「' | '」' | '《' | '》'
    )
}

fn classify(words: &[Word]) -> Option<agency::NameMatch> {
    if words.is_empty() {
        return None;
    }
    let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    agency::classify(&lower)
}

/// A label split into words, and whether it introduces the source (else the author).
type Label = (Vec<&'static str>, bool);

/// Labels split into words once, indexed by their first word.
static LABEL_INDEX: LazyLock<HashMap<&'static str, Vec<Label>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Label>> = HashMap::new();
    for (table, is_source) in [(AUTHOR_LABELS, false), (SOURCE_LABELS, true)] {
        for l in table {
            let words: Vec<&'static str> = l.split(' ').collect();
            map.entry(words[0]).or_default().push((words, is_source));
        }
    }
    map
});

/// The longest author label (`false`) or source label (`true`) that the words start with, and
/// its length in words.
fn match_label(words: &[Word]) -> Option<(usize, bool)> {
    let first = words.first()?;
    let mut best: Option<(usize, bool)> = None;
    for (label, is_source) in LABEL_INDEX.get(first.lower.as_str())? {
        let n = label.len();
        if words.len() >= n
            && label.iter().zip(words).all(|(a, w)| *a == w.lower)
            && best.is_none_or(|(b, _)| n > b)
        {
            best = Some((n, *is_source));
        }
    }
    best
}

/// Whether words can be a name: not too long, with at most `lowercase` words that start with a
/// lowercase letter and are not name particles. A single word (a user name) is accepted.
fn plausible(words: &[Word], max_words: usize, lowercase: usize) -> bool {
    if words.is_empty() || words.len() > max_words {
        return false;
    }
    if !words
        .iter()
        .any(|w| w.lower.chars().any(char::is_alphabetic))
    {
        return false;
    }
    if words.len() == 1 {
        return true;
    }
    let lowercase_words = words
        .iter()
        .filter(|w| w.lowercase_initial && !is_in(PARTICLES, &w.lower))
        .count();
    lowercase_words <= lowercase
}
