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
//! 2. URLs that are not license URLs: the first one is the source. A closing e-mail address
//!    that spells the name before it ("Jane Doe jdoe@example.com") signs the caption.
//! 3. Quoted text (`"…"`, `“…”`, `„…“`, `«…»`, `‘…’`): the first quote is the title.
//! 4. Words that say the image was changed (`modified`, `cropped`, `adapted from`,
//!    `bearbeitet`, `recadrée`, …): `modified` is true.
//! 5. An artist's life years in brackets ("Jane Doe (American, 1801–1848)") are masked, so
//!    that they are not the picture's date. Dates (see [`super::date`]), with the words that
//!    introduce them (`Taken on`, `Aufgenommen am`) and the place that follows (`… in Atmeh
//!    refugee camp`).
//! 6. What is left is cut into clauses at punctuation and read left to right. Labels
//!    (`Photo:`, `Foto`, `Crédit photo :`, `©`, `Courtesy of`) and connectors (`by`, `via`,
//!    `from`, `on Flickr`) say whether the next words are an author or a source; names of
//!    agencies and platforms are recognized wherever they stand (see [`super::agency`]).
//!
//! # Evidence: why a name is an author
//!
//! A name is named as an author only when the line says so; a wrong author is worse than none,
//! and a line that cannot tell says `author-unclear` instead. The reasons, strongest first:
//!
//! - a label (`Photo:`, `Foto:`, `Bild:`, `Credit:`, `写真`, `تصوير`…), a by-word (`by`, `von`,
//!   `par`, `por`, `由`, "photographed" in Chinese and Japanese), or a `©` — though a labelled
//!   photographer outranks a copyright holder named elsewhere in the line ("© Org, 1989.
//!   Photo: Jane Doe");
//! - a machine-made attribution (Openverse, Commons' "use this file" in English and in other
//!   languages), whose fixed words say where the author stands (`formats.rs`);
//! - a known agency or platform in the same slash group (`Jane Doe/Reuters`), or in brackets
//!   right after (`Jane Doe (AP)`);
//! - a slash, a bracket or a connector (`for`, `via`) where a caption puts its credit, or a
//!   license right after the name;
//! - a museum's provenance (`Gift of …`): one artist's name before the museum.
//!
//! Weak on their own, and abstained from when nothing above backs them: a bare name that is the
//! whole line and ends in a full stop ("Jane Doe."); a comma list with a job title or other
//! text that is not a name ("Jane Doe, Assistant Booking"); of a comma list before a license,
//! every segment but the one right before it; two possible artists in a museum line. What
//! stands next to an author but is not one is dropped: a job title or an outlet after her name
//! (`, Staff Photographer`, `| El Diario de Ejemplo`), the maker of an illustration or the
//! writer of the text when the photo is credited too, a common noun after "the" ("courtesy of
//! the vendors"), and ranks before a name (`trim.rs`).
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

use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

use super::Credit;
use super::agency::{self, Kind};
use super::date;
use super::words::*;
use crate::license::{self, Form, Rights, StatementKind};

/// A searcher for a fixed needle, built once per process. `str::find` and `str::contains` build
/// a new searcher on every call, which a profile of the credit bench put at 5% of a line's cost.
macro_rules! fixed {
    ($needle:literal) => {{
        static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new($needle));
        &*FINDER
    }};
}

mod clauses;
mod confidence;
mod formats;
#[cfg(test)]
mod kinds;
mod masks;
mod read;
mod trim;

/// At most this many authors are kept from one line: a credit names a handful of people, and a
/// crafted line with thousands of names must not cost more than a bounded amount of work
/// downstream. Hitting the budget is reported as [`LineNote::TooManyAuthors`], never silent.
pub const MAX_AUTHORS: usize = 64;

/// Something the reader of a line wants its caller to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineNote {
    /// The line credits someone, but the reader could not tell who (a label followed by text
    /// that is not a name, a caption run into the name before an agency): it names no author
    /// rather than guessing.
    AuthorUnclear,
    /// The line names more than [`MAX_AUTHORS`] authors; only the first ones were kept.
    TooManyAuthors { named: usize, kept: usize },
}

/// A parsed credit line: the credit, and where in the text each field was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditLine {
    pub credit: Credit,
    pub spans: Spans,
    /// What the reader could not settle; empty for most lines.
    pub notes: Vec<LineNote>,
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

impl Spans {
    /// Where the first license mention or rights statement starts: the end of the author
    /// segment in the attribution formats that put the author before the license.
    pub(crate) fn first_license_or_rights(&self) -> Option<usize> {
        self.license
            .iter()
            .chain(&self.rights)
            .map(|r| r.start)
            .min()
    }
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
    /// `text` in ASCII lowercase; shared, so that the clauses' words can point into it while
    /// the reader changes the parser.
    lower: Rc<str>,
    marks: Vec<Mark>,
    spans: Spans,
    credit: Credit,
    url_source: Option<Range<usize>>,
    /// Platforms named by their license ("Unsplash License"): the image came from there.
    license_sources: Vec<Range<usize>>,
    /// Authors read from a machine-made attribution (Commons, Openverse); `Some` decides them.
    format_authors: Option<Vec<Range<usize>>>,
    /// Slash groups in which a piece that could have been the author was not a readable name.
    rejected_groups: Vec<usize>,
    /// Groups in which a credit's label was followed only by boilerplate ("Foto: privat"): the
    /// line's credit is there, though it names no one.
    boilerplate_groups: Vec<usize>,
    /// Groups opened by a copyright sign: "© Holder / Photographer".
    copyright_groups: Vec<usize>,
    /// A museum's provenance ("Gift of …") was read: the line is a credit line, not a caption.
    provenance: bool,
    /// "Divulgação", "Supplied", "Handout": the credit calls the image press material.
    press_material: bool,
    /// The name before an artist's life years in brackets ("Jane Doe (American, 1801–1848)").
    artist: Option<Range<usize>>,
    /// The name before a closing e-mail address that spells it ("Jane Doe jdoe@example.com").
    signed: Option<Range<usize>>,
    notes: Vec<LineNote>,
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
    /// Sentence end, closing brackets: the context ends.
    Hard,
    /// An opening bracket: the context ends; "Florion Goga (REUTERS)" credits the name before.
    Open,
    /// `|`: the context ends, except that "© dpa | Jens Kalaene" goes on naming the credit.
    Bar,
}

#[derive(Clone, Debug)]
struct Word<'a> {
    span: Range<usize>,
    lower: Lower<'a>,
    /// `©`, `(c)`, `℗`.
    copyright: bool,
    /// Starts with a lowercase letter as written (`wonderlane`, `gather`); not for CJK or Arabic.
    lowercase_initial: bool,
}

/// A word in lowercase: for an ASCII word, a slice of a lowered copy of the line, else a string
/// of its own. A fresh string for every word of a line was ≈ 3% of its cost (a profile of the
/// credit bench). Reads as a `str`.
#[derive(Clone)]
enum Lower<'a> {
    Line(&'a str),
    Own(Box<str>),
}

impl Lower<'_> {
    fn as_str(&self) -> &str {
        match self {
            Lower::Line(s) => s,
            Lower::Own(s) => s,
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Lower<'_>> for &str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        *self == other.as_str()
    }
}

#[derive(Clone, Debug)]
struct Clause<'a> {
    words: Vec<Word<'a>>,
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
    /// The clause the piece was read from.
    clause: usize,
    /// Whether the piece stands where a caption puts its credit: a whole clause in the last
    /// group of the line, after a slash, a sentence end, a dash or an opening bracket.
    tail: bool,
    /// All lowercase ("wonderlane"): a user name after a label, or a word of a caption.
    lowercase: bool,
    /// Read from a clause that is a sentence of a caption.
    sentence: bool,
    /// The piece is its whole clause.
    whole: bool,
    /// The piece's clause opened with a bracket.
    bracketed: bool,
    /// The piece's clause came after a bar (`… dpa | Jane Doe`).
    after_bar: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            lower: {
                let mut lower: Rc<str> = Rc::from(text);
                if let Some(l) = Rc::get_mut(&mut lower) {
                    l.make_ascii_lowercase();
                }
                lower
            },
            marks: vec![Mark::Free; text.len()],
            spans: Spans::default(),
            credit: Credit::default(),
            url_source: None,
            license_sources: Vec::new(),
            format_authors: None,
            rejected_groups: Vec::new(),
            boilerplate_groups: Vec::new(),
            copyright_groups: Vec::new(),
            provenance: false,
            press_material: false,
            artist: None,
            signed: None,
            notes: Vec::new(),
        }
    }

    fn run(mut self) -> CreditLine {
        self.licenses();
        self.urls();
        self.signature();
        self.noise();
        self.title();
        self.modified();
        self.life_years();
        self.dates();
        self.place_intros();
        self.machine_formats();
        // The clauses' words point into the lowered line, held here while the reader changes
        // the parser.
        let lower = Rc::clone(&self.lower);
        let clauses = self.clauses(&lower);
        self.read(&clauses);
        CreditLine {
            credit: self.credit,
            spans: self.spans,
            notes: self.notes,
        }
    }

    fn free(&self, r: Range<usize>) -> bool {
        self.marks
            .get(r)
            .is_some_and(|m| m.iter().all(|&m| m == Mark::Free))
    }

    /// The text between two spans, `None` when they touch out of order (a widened piece that
    /// reaches into the next one).
    fn gap(&self, a: &Range<usize>, b: &Range<usize>) -> Option<&str> {
        self.text.get(a.end..b.start)
    }

    /// The text at `r` in lowercase: a slice of `lower` when the text there is ASCII (then the
    /// two agree byte for byte), a fresh string only otherwise.
    fn lower_at(&self, r: Range<usize>) -> Cow<'_, str> {
        match (self.text.get(r.clone()), self.lower.get(r)) {
            (Some(t), Some(l)) if t.is_ascii() => Cow::Borrowed(l),
            (Some(t), _) => Cow::Owned(t.to_lowercase()),
            _ => Cow::Borrowed(""),
        }
    }

    /// The text of `r` lower-cased and without accents: one key for "André Dib" and "Andre
    /// Dib", the same name written twice in one line with and without its accent.
    fn name_key(&self, r: Range<usize>) -> Cow<'_, str> {
        use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
        match self.lower_at(r) {
            Cow::Borrowed(l) => Cow::Borrowed(l),
            Cow::Owned(l) => Cow::Owned(l.nfd().filter(|c| !is_combining_mark(*c)).collect()),
        }
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
            .find_iter(&*self.lower)
            .map(|m| m.range())
            .filter(|r| self.text.is_char_boundary(r.start) && self.text.is_char_boundary(r.end))
            .filter(|r| self.whole_word(r) && self.free(r.clone()))
            .collect()
    }
}

fn stronger(a: Sep, b: Sep) -> Sep {
    let rank = |s: Sep| match s {
        // Any separator at the start of the text says more than "start".
        Sep::Start => 0,
        Sep::Hard | Sep::HardMask | Sep::Dash | Sep::Open | Sep::Bar => 4,
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
    // Called for most runs of words of a line: the first word rules most out before anything
    // is collected, and the rest fit on the stack (a profile of the credit bench).
    if !agency::may_start(&words.first()?.lower) {
        return photo_service(words);
    }
    let lower: SmallVec<[&str; 8]> = words.iter().map(|w| w.lower.as_str()).collect();
    agency::classify(&lower).or_else(|| photo_service(words))
}

/// A photo service the tables do not list, known by its shape: one capitalised word and a photo
/// word ("ANTARA FOTO", "Inquam Photos", "Example Images"), or one word joined to it by a hyphen
/// ("Vostock-photo"). Wire credits put such a name beside the photographer's ("ANTARA
/// FOTO/Jane Doe"); a person's name does not end with these words. Not "pictures" (film
/// studios: "Example Pictures" releases stills of its films), "photography" or "studio" (they
/// end the names of photographers' own studios, who are authors), and only two words: a longer
/// run may hold a name before a known agency ("Jane Doe Getty Images").
fn photo_service(words: &[Word]) -> Option<agency::NameMatch> {
    // The words that name the service with the name ("Inquam Photos"), and those that only say
    // "photo", like "AP Photo" ("ANTARA FOTO" is ANTARA's).
    const PART_OF_NAME: &[&str] = &["photos", "fotos", "images"];
    const PHOTO: &[&str] = &["photo", "foto"];
    // Words that make "X Photo" a kind of photo rather than a name ("File Photo", "Family
    // Photo", "Stock Images").
    const NOT_A_NAME: &[&str] = &[
        "a",
        "an",
        "the",
        "this",
        "that",
        "our",
        "my",
        "his",
        "her",
        "their",
        "your",
        "file",
        "stock",
        "archive",
        "family",
        "press",
        "handout",
        "pool",
        "official",
        "cover",
        "profile",
        "group",
        "aerial",
        "drone",
        "satellite",
        "more",
        "all",
        "see",
        "top",
        "main",
        "new",
    ];
    let upper_initial =
        |w: &Word| w.lower.chars().next().is_some_and(char::is_alphabetic) && !w.lowercase_initial;
    let photo_word = |w: &str| is_in(PART_OF_NAME, w) || is_in(PHOTO, w);
    let name_ok = |name: &str| {
        name.chars().count() >= 2
            && name.chars().all(char::is_alphabetic)
            && !is_in(NOT_A_NAME, name)
    };
    match words {
        [one] => {
            let (head, tail) = one.lower.rsplit_once('-')?;
            (photo_word(tail) && upper_initial(one) && head.chars().count() >= 3 && name_ok(head))
                .then_some(agency::NameMatch {
                    kind: Kind::Agency,
                    words: 1,
                })
        }
        // The photo word first: it rules out nearly every pair, cheaply.
        [name, tail] if photo_word(&tail.lower) => {
            (upper_initial(name) && upper_initial(tail) && name_ok(&name.lower)).then_some(
                agency::NameMatch {
                    kind: Kind::Agency,
                    // A short name's "Photo" is not part of it ("HT Photo", like "AP Photo"); a
                    // word's is ("Rescue Photo").
                    words: if is_in(PHOTO, &tail.lower) && name.lower.len() <= 4 {
                        1
                    } else {
                        2
                    },
                },
            )
        }
        _ => None,
    }
}

/// One flag per clause or per piece of a line, on the stack for lines of usual length: the reader
/// keeps several such lists per line (a profile of the credit bench).
type Flags = SmallVec<[bool; 32]>;

/// Indices of clauses, pieces or groups of a line, on the stack for lines of usual length.
type Indices = SmallVec<[usize; 16]>;

/// A label split into words, and whether it introduces the source (else the author).
type Label = (Vec<&'static str>, bool);

/// Labels split into words once, indexed by their first word.
static LABEL_INDEX: LazyLock<FxHashMap<&'static str, Vec<Label>>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, Vec<Label>> = FxHashMap::default();
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
    // One pass over each word's characters (this runs for every candidate of every line); the
    // rules that only words in Chinese, Japanese or Korean can break are in `cjk_word_ok`.
    let mut any_alphabetic = false;
    let mut all_identifiers = true;
    for w in words {
        let l = w.lower.as_str();
        let (mut digits, mut letters) = (0usize, 0usize);
        for c in l.chars() {
            if c.is_ascii_digit() {
                digits += 1;
            } else if c.is_alphabetic() {
                letters += 1;
            }
        }
        any_alphabetic |= letters > 0;
        // An identifier ("183-R99621", "04:22", "R9962") is not a name; user names that are
        // letters and then a number ("Valerie2000", "Sae1962", "B1mbo") are.
        let digit_first = l.starts_with(|c: char| c.is_ascii_digit());
        // "dpa:230227-99-764269": a long number after a short prefix is an identifier too.
        // "4art2art", a user name that opens with a digit, is mostly letters.
        all_identifiers &= digits > 0
            && ((digit_first || letters < 3) && digits >= letters
                || digits >= 6 && digits > 2 * letters);
        // An e-mail address or a web address is where to write, not who. Bytes, not chars: a
        // `str::contains(char)` per word cost more than the search (a profile of the credit bench).
        let b = l.as_bytes();
        if b.contains(&b'@') && b.contains(&b'.') && !b.starts_with(b"@") {
            return false;
        }
        if !l.is_ascii() && !cjk_word_ok(l) {
            return false;
        }
    }
    if !any_alphabetic || all_identifiers {
        return false;
    }
    // "A THIRD PARTY", "an onlooker", "ein Leser": a phrase opened by an indefinite article
    // says what kind of someone, not who.
    if words.len() >= 2 && is_in(INDEFINITE_ARTICLES, &words[0].lower) {
        return false;
    }
    if words.len() == 1 {
        return true;
    }
    let lowercase_words = words
        .iter()
        .filter(|w| w.lowercase_initial && !in_list!(PARTICLES, &w.lower))
        .count();
    lowercase_words <= lowercase
}

/// The rules of [`plausible`] for one word in Chinese, Japanese or Korean script.
fn cjk_word_ok(l: &str) -> bool {
    // Japanese phrases join words with particles ("イスラエルの国旗", "試験の様子"); a name
    // does not hold them.
    if l.chars().any(is_cjk)
        && l.chars().any(|c| c != 'の' && is_kanji(c))
        && l.contains(['の', 'を'])
    {
        return false;
    }
    // "左からPalm", "東京・霞ケ関で", "前身名為東芝的", "ら大学幹部": Japanese or Chinese text
    // with a particle at its edge, or run into Latin letters, is a phrase, not a name.
    let han_or_kana = l.chars().any(|c| is_kanji(c) || is_kana(c));
    if han_or_kana
        && (l.chars().any(|c| c.is_ascii_alphabetic())
            || l.chars().count() > 1
                && (l.ends_with(['で', 'が', 'は', 'に', 'を', 'へ', 'も', 'と', '的', 'の'])
                    || l.ends_with("から")
                    || l.starts_with(|c: char| ('\u{3041}'..='\u{3096}').contains(&c))))
    {
        return false;
    }
    // Text in a script written without spaces runs a whole phrase into one "word": a name is
    // short ("潟沼義樹"), a caption is not.
    l.chars().filter(|c| is_cjk(*c)).count() <= 8 || is_katakana_name(l)
}

/// Whether a word is a web site's name ("example.org", "www.example.co.uk"): dotted parts of
/// letters, digits and hyphens, the last two to six letters.
fn is_domain(w: &str) -> bool {
    // One pass over the parts, nothing collected: this runs for many words of a line. Without a
    // dot there is no last part to check, and most words have none.
    if !w.as_bytes().contains(&b'.') {
        return false;
    }
    let mut parts = w.split('.');
    let Some(first) = parts.next() else {
        return false;
    };
    let part_ok =
        |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
    if !part_ok(first) || !first.bytes().any(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut last = None;
    for p in parts {
        if !part_ok(p) {
            return false;
        }
        last = Some(p);
    }
    last.is_some_and(|t| {
        t.len() == 2 && t.bytes().all(|c| c.is_ascii_lowercase())
            || is_in(&["com", "org", "net", "info", "edu", "gov", "int"], t)
    })
}

/// Indefinite articles, lowercase: a name does not start with one.
/// Not "una" or "uma", which are also given names.
const INDEFINITE_ARTICLES: &[&str] = &[
    "a", "an", "ein", "eine", "einem", "einer", "un", "une", "ett",
];

/// A foreign name written in katakana with the middle dot between its parts
/// ("ブルハン・オズビリジ"): long, but a name, not a phrase.
fn is_katakana_name(w: &str) -> bool {
    let parts: Vec<&str> = w.split('・').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            (2..=8).contains(&p.chars().count())
                && p.chars()
                    .all(|c| matches!(c as u32, 0x30A1..=0x30FA | 0x30FC))
        })
}

/// Hiragana and katakana.
fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF)
}

/// Han characters (kanji), as opposed to kana.
fn is_kanji(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Chinese, Japanese and Korean letters, which are written without spaces between words.
/// Whether a character is a Hangul syllable.
fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Full-width Latin letters and digits ("ＡＰ", "Ｃ") as their ASCII forms, so that names and
/// labels written in full width match the tables.
fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Whether a clause reads as a sentence of a caption rather than a credit: four or more words,
/// two of them lowercase words that are not name particles.
fn sentence_like(c: &Clause) -> bool {
    // "Bild von jdoe auf Pixabay": a preposition before a platform's name is the credit's
    // fixed wording, not a caption's.
    let before_platform = |k: usize| {
        in_list!(PLATFORM_PREPS, &c.words[k].lower)
            && c.words.get(k + 1).is_some_and(|n| {
                agency::classify(&[n.lower.as_str()]).is_some_and(|m| m.kind == Kind::Platform)
            })
    };
    let lower = c
        .words
        .iter()
        .enumerate()
        .filter(|&(k, w)| {
            w.lowercase_initial
                && !in_list!(PARTICLES, &w.lower)
                && !is_in(CONNECTORS, &w.lower)
                && !before_platform(k)
                // "Originally uploaded by jdoe": the user name after "by" is no caption's word.
                && (k == 0 || !in_list!(BY_WORDS, &c.words[k - 1].lower))
        })
        .count();
    c.words.len() >= 4 && lower >= 2 || korean_sentence(&c.words)
}

/// Korean has no capitals to tell a caption from a name: a clause that ends in the
/// declarative "-다" ("… 모여 있다") or runs to five words of Hangul is a sentence; a name is
/// one word, with "기자" ("reporter") or a place and "=" before it.
fn korean_sentence(words: &[Word]) -> bool {
    let hangul = |w: &Word| w.lower.chars().any(is_hangul);
    words.len() >= 2
        && words
            .last()
            .is_some_and(|w| hangul(w) && w.lower.trim_end_matches(['.', '。']).ends_with('다'))
        || words.len() >= 5 && words.iter().all(hangul)
}

/// Connector words that do not make a clause a sentence: "an original by Daniel Kim", "… by
/// Flickr user jdoe".
const CONNECTORS: &[&str] = &["by", "via", "from", "for", "of", "user", "users"];
