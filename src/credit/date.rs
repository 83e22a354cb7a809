//! Dates as people write them in credit lines, in English, German, French, Spanish, Italian,
//! Dutch and Portuguese: `April 14, 2013`, `14 April 2013`, `14. April 2013`, `14 avril 2013`,
//! `14 de abril de 2013`, `2013-04-14`, `14.04.2013`, `April 2013`, and a bare year.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A date found in a text, as much of it as was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Byte range of the date in the text.
    pub span: Range<usize>,
}

impl FoundDate {
    /// ISO 8601: `2013-04-14`, `2013-04` or `2013`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// How precise the date is: a bare year ranks below a month, a month below a day.
    pub fn precision(&self) -> u8 {
        u8::from(self.month.is_some()) + u8::from(self.day.is_some())
    }
}

/// Month names and their common abbreviations, lowercase, with the month number.
/// `mar`/`mai`/`jan` etc. are only taken as months when a year is next to them.
const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // Polish, in the genitive a date uses ("6 września 2019 r.")
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Russian: the genitive a full date uses ("15 июня 2017"), and the nominative of a month
    // and a year ("июнь 2017").
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    // Ukrainian, likewise.
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    ("січень", 1),
    ("лютий", 2),
    ("березень", 3),
    ("квітень", 4),
    ("травень", 5),
    ("червень", 6),
    ("липень", 7),
    ("серпень", 8),
    ("вересень", 9),
    ("жовтень", 10),
    ("листопад", 11),
    ("грудень", 12),
    // Romanian ("joi, 4 iunie 2009")
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Slovak and Slovenian, in the genitive a date uses ("v stredu 9. decembra 2020",
    // "8. maja 2024"); "marca" is Polish's too.
    ("januára", 1),
    ("februára", 2),
    ("apríla", 4),
    ("mája", 5),
    ("júna", 6),
    ("júla", 7),
    ("augusta", 8),
    ("septembra", 9),
    ("októbra", 10),
    ("novembra", 11),
    ("decembra", 12),
    ("januarja", 1),
    ("februarja", 2),
    ("aprila", 4),
    ("junija", 6),
    ("julija", 7),
    ("avgusta", 8),
    ("oktobra", 10),
    // Czech genitive ("9. prosince 2020")
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("prosince", 12),
    // Hungarian
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    // Swedish, Danish and Norwegian (Indonesian writes "desember" too)
    ("augusti", 8),
    ("marts", 3),
    ("maj", 5),
    ("desember", 12),
    // Indonesian and Malay
    ("maret", 3),
    ("agustus", 8),
    ("ogos", 8),
    ("disember", 12),
    // Bulgarian and Serbian
    ("януари", 1),
    ("февруари", 2),
    ("април", 4),
    ("юни", 6),
    ("юли", 7),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    ("јануар", 1),
    ("фебруар", 2),
    ("јун", 6),
    ("јул", 7),
    ("септембар", 9),
    ("октобар", 10),
    ("новембар", 11),
    ("децембар", 12),
    // Georgian ("18 ნოემბერი, 2019 წელი")
    ("იანვარი", 1),
    ("თებერვალი", 2),
    ("მარტი", 3),
    ("აპრილი", 4),
    ("მაისი", 5),
    ("ივნისი", 6),
    ("ივლისი", 7),
    ("აგვისტო", 8),
    ("სექტემბერი", 9),
    ("ოქტომბერი", 10),
    ("ნოემბერი", 11),
    ("დეკემბერი", 12),
];

/// Portuguese and Spanish abbreviations of months that are everyday words elsewhere ("out",
/// "ago", "set"): read only after a day ("11.out.2014", "3 ene 2020"), never as "out 2014".
const MONTHS_AFTER_DAY: &[(&str, u8)] = &[
    ("fev", 2),
    ("abr", 4),
    ("ago", 8),
    ("set", 9),
    ("out", 10),
    ("ene", 1),
    ("dic", 12),
];

/// Words that may stand between the parts of a date: `14 de abril de 2013`, `1er avril`.
const JOINERS: &[&str] = &["de", "del", "of", "the"];
const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "e", "o", "º", "°", "ª"];

static MONTH_INDEX: LazyLock<FxHashMap<&'static str, u8>> =
    LazyLock::new(|| MONTHS.iter().copied().collect());

/// Whether a lowercase word is a month's name written out: not an abbreviation ("okt",
/// "sept"), and not a month name that is an everyday word too ("may", "mai", "mars").
pub(crate) fn is_month_name(word: &str) -> bool {
    word.chars().count() >= 4 && !matches!(word, "mars" | "sept") && MONTH_INDEX.contains_key(word)
}

fn month_of(word: &str) -> Option<u8> {
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTH_INDEX.get(w).copied()
}

#[derive(Clone, Debug)]
enum Kind {
    Num {
        value: u32,
        digits: usize,
    },
    /// A range of the lower-cased words (`Cursor::lower`).
    Word(Range<usize>),
    Punct(char),
}

#[derive(Clone, Debug)]
struct Tok {
    kind: Kind,
    span: Range<usize>,
}

/// Cuts `text` into tokens. Words are lower-cased into one shared buffer, returned with the
/// tokens (`Kind::Word` holds a range of it): one allocation per text instead of one per word.
fn tokenize(text: &str, free: &dyn Fn(usize) -> bool) -> (Vec<Tok>, String) {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut lower = String::with_capacity(text.len());
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !free(i) || c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            let mut value: u32 = c.to_digit(10).unwrap_or(0);
            let mut digits = 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() || !free(j) {
                    break;
                }
                value = value
                    .saturating_mul(10)
                    .saturating_add(d.to_digit(10).unwrap_or(0));
                digits += 1;
                end = j + 1;
                it.next();
            }
            out.push(Tok {
                kind: Kind::Num { value, digits },
                span: i..end,
            });
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !(d.is_alphabetic() || d == '.' && end == j) || !free(j) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
                if d == '.' {
                    break;
                }
            }
            let from = lower.len();
            let word = &text[i..end];
            if word.is_ascii() {
                lower.push_str(word);
                lower[from..].make_ascii_lowercase();
            } else {
                lower.push_str(&word.to_lowercase());
            }
            out.push(Tok {
                kind: Kind::Word(from..lower.len()),
                span: i..end,
            });
        } else {
            out.push(Tok {
                kind: Kind::Punct(c),
                span: i..i + c.len_utf8(),
            });
        }
    }
    (out, lower)
}

fn days_in(month: u8, year: u16) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn year_ok(v: u32) -> Option<u16> {
    // Photography starts in the 1820s; anything far in the future is not a year.
    (1820..=2100).contains(&v).then_some(v as u16)
}

fn full(year: u16, month: u8, day: u32, span: Range<usize>) -> Option<FoundDate> {
    let day = u8::try_from(day).ok()?;
    ((1..=12).contains(&month) && day >= 1 && day <= days_in(month, year)).then_some(FoundDate {
        year,
        month: Some(month),
        day: Some(day),
        span,
    })
}

struct Cursor<'a> {
    toks: &'a [Tok],
    text: &'a str,
    /// The words of `toks`, lower-cased.
    lower: &'a str,
}

impl Cursor<'_> {
    fn num(&self, i: usize, max_digits: usize) -> Option<u32> {
        match self.toks.get(i)?.kind {
            Kind::Num { value, digits } if digits <= max_digits => Some(value),
            _ => None,
        }
    }
    fn year(&self, i: usize) -> Option<u16> {
        match self.toks.get(i)?.kind {
            Kind::Num { value, digits: 4 } => year_ok(value),
            _ => None,
        }
    }
    fn word(&self, i: usize) -> Option<&str> {
        match &self.toks.get(i)?.kind {
            Kind::Word(r) => self.lower.get(r.clone()),
            _ => None,
        }
    }
    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    fn month(&self, i: usize) -> Option<u8> {
        self.word(i).and_then(month_of)
    }
    /// Whether tokens `i` and `i + 1` touch (no space between them).
    fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }
    /// Skips an ordinal suffix glued to a day number (`14th`, `1er`, `1º`) and a day's dot.
    fn after_day(&self, mut i: usize) -> usize {
        if self.adjacent(i - 1) {
            if let Some(w) = self.word(i) {
                if ORDINALS.contains(&w.trim_end_matches('.')) {
                    i += 1;
                }
            } else if matches!(self.punct(i), Some('.' | 'º' | '°')) {
                i += 1;
            }
        }
        i
    }
    fn skip_joiners(&self, mut i: usize) -> usize {
        while self.word(i).is_some_and(|w| JOINERS.contains(&w)) || self.punct(i) == Some(',') {
            i += 1;
        }
        i
    }
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].span.start..self.toks[b].span.end
    }
    /// A number touching a letter or a dot-number on either side (`2.0`, `A4`) is not a date part.
    fn standalone(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let before = self.text[..t.span.start].chars().next_back();
        let after = self.text[t.span.end..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let dot_num = |s: &str| {
            let mut cs = s.chars();
            matches!(cs.next(), Some('.' | ',')) && cs.next().is_some_and(|c| c.is_ascii_digit())
        };
        let before_dot_num = {
            let mut cs = self.text[..t.span.start].chars().rev();
            matches!(cs.next(), Some('.')) && cs.next().is_some_and(|c| c.is_ascii_digit())
        };
        // "Bild 146-1981-104-30": a number joined to others by hyphens is part of an identifier.
        let id_part = {
            let mut b = self.text[..t.span.start].chars().rev();
            let mut a = self.text[t.span.end..].chars();
            (b.next() == Some('-') && b.next().is_some_and(|c| c.is_ascii_alphanumeric()))
                || (a.next() == Some('-') && a.next().is_some_and(|c| c.is_ascii_digit()))
        };
        !glued(before)
            && !glued(after)
            && !dot_num(&self.text[t.span.end..])
            && !before_dot_num
            && !id_part
    }

    /// Tries every pattern at token `i`; returns the date and the index after it.
    fn at(&self, i: usize) -> Option<(FoundDate, usize)> {
        // "STOCKHOLM 20140930 …": the Scandinavian wire dateline, a place in capitals that
        // opens the caption and the date written YYYYMMDD. Only there: elsewhere eight digits
        // are more often an id.
        if i == 1
            && let Kind::Num { value, digits: 8 } = self.toks[1].kind
            && let Some(Tok {
                kind: Kind::Word(_),
                span,
            }) = self.toks.first()
            && span.start == self.toks[0].span.start
            && self.text[..span.start].trim().is_empty()
            && self.text[span.clone()].chars().count() >= 2
            && self.text[span.clone()].chars().all(char::is_uppercase)
            && let Some(y) = year_ok(value / 10_000)
        {
            let m = u8::try_from(value / 100 % 100).ok()?;
            return full(y, m, value % 100, self.span(1, 1)).map(|f| (f, 2));
        }
        if let Some(y) = self.year(i) {
            // 2013-04-14, 2013/04/14
            if let (Some(s @ ('-' | '/' | '.')), Some(m), Some(d)) =
                (self.punct(i + 1), self.num(i + 2, 2), self.num(i + 4, 2))
                && self.punct(i + 3) == Some(s)
            {
                let m = u8::try_from(m).ok()?;
                return full(y, m, d, self.span(i, i + 4)).map(|f| (f, i + 5));
            }
        }
        if let Some(a) = self.num(i, 2) {
            // 14.04.2013, 14/04/2013, 14-04-2013
            if let (Some(s @ ('.' | '/' | '-')), Some(b), Some(y)) =
                (self.punct(i + 1), self.num(i + 2, 2), self.year(i + 4))
                && self.punct(i + 3) == Some(s)
            {
                let span = self.span(i, i + 4);
                // Day first, as most of the world writes it; a slash date whose first part
                // cannot be a day-first reading (04/14/2013) is read month first.
                let (d, m) = if s == '/' && b > 12 { (b, a) } else { (a, b) };
                let m = u8::try_from(m).ok()?;
                return full(y, m, d, span).map(|f| (f, i + 5));
            }
            // 14 April 2013, 14. April 2013, 14 de abril de 2013, 1er avril 2013
            let j = self.after_day(i + 1);
            let j = self.skip_joiners(j);
            let after_day = |w: &str| {
                let w = w.strip_suffix('.').unwrap_or(w);
                MONTHS_AFTER_DAY
                    .iter()
                    .find(|(n, _)| *n == w)
                    .map(|&(_, m)| m)
            };
            if let Some(m) = self.month(j).or_else(|| self.word(j).and_then(after_day)) {
                let k = self.skip_joiners(j + 1);
                if let Some(y) = self.year(k) {
                    return full(y, m, a, self.span(i, k)).map(|f| (f, k + 1));
                }
            }
        }
        if let Some(y) = self.year(i)
            && let Some(found) = self.cjk(i, y)
        {
            return Some(found);
        }
        if let Some(m) = self.month(i) {
            // April 14, 2013; April 14th 2013; "April, 20, 2014", with a comma after the month
            let d_at = if self.punct(i + 1) == Some(',') && self.num(i + 2, 2).is_some() {
                i + 2
            } else {
                i + 1
            };
            if let Some(d) = self.num(d_at, 2) {
                let j = self.after_day(d_at + 1);
                let j = self.skip_joiners(j);
                if let Some(y) = self.year(j) {
                    return full(y, m, d, self.span(i, j)).map(|f| (f, j + 1));
                }
            }
            // April 2013, abril de 2013
            let j = self.skip_joiners(i + 1);
            if let Some(y) = self.year(j) {
                return Some((
                    FoundDate {
                        year: y,
                        month: Some(m),
                        day: None,
                        span: self.span(i, j),
                    },
                    j + 1,
                ));
            }
        }
        if let Some(y) = self.year(i)
            && self.standalone(i)
        {
            // "1940 July.": an archive's year before a month written out, where the date ends.
            if let Some(raw) = self.word(i + 1)
                && let w = raw.trim_end_matches('.')
                && is_month_name(w)
                && w != "may"
                // The month's own full stop ("1940 July. //hdl…") ends the date too.
                && (raw.ends_with('.')
                    || self
                        .toks
                        .get(i + 2)
                        .is_none_or(|t| matches!(t.kind, Kind::Punct('.' | ',' | ')' | ';'))))
            {
                return Some((
                    FoundDate {
                        year: y,
                        month: month_of(w),
                        day: None,
                        span: self.span(i, i + 1),
                    },
                    i + 2,
                ));
            }
            return Some((
                FoundDate {
                    year: y,
                    month: None,
                    day: None,
                    span: self.toks[i].span.clone(),
                },
                i + 1,
            ));
        }
        None
    }

    /// "2022年4月21日" (Chinese and Japanese), "2022년 4월 21일" (Korean): the year, the month
    /// and the day each followed by its unit. Token `i` is the year; the unit is glued to it, and
    /// the text after the day's unit may be glued too ("日在…").
    fn cjk(&self, i: usize, year: u16) -> Option<(FoundDate, usize)> {
        let unit = |at: usize, units: [char; 2]| {
            self.adjacent(at - 1)
                && self
                    .word(at)
                    .and_then(|w| w.chars().next())
                    .is_some_and(|c| units.contains(&c))
        };
        // The unit's token may run on into the text after it: a date ends at the unit.
        let unit_end = |at: usize| {
            let t = &self.toks[at];
            Some(t.span.start + self.text[t.span.clone()].chars().next()?.len_utf8())
        };
        if !unit(i + 1, ['年', '년']) {
            return None;
        }
        let month = self
            .num(i + 2, 2)
            .filter(|_| unit(i + 3, ['月', '월']))
            .and_then(|m| u8::try_from(m).ok())
            .filter(|m| (1..=12).contains(m));
        let Some(m) = month else {
            let date = FoundDate {
                year,
                month: None,
                day: None,
                span: self.span(i, i + 1),
            };
            return Some((date, i + 2));
        };
        if let Some(d) = self.num(i + 4, 2)
            && unit(i + 5, ['日', '일'])
        {
            return full(year, m, d, self.toks[i].span.start..unit_end(i + 5)?).map(|f| (f, i + 6));
        }
        let date = FoundDate {
            year,
            month: Some(m),
            day: None,
            span: self.toks[i].span.start..unit_end(i + 3)?,
        };
        Some((date, i + 4))
    }
}

/// Whether `text` holds four ASCII digits in a row.
fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// Finds every date in `text`, in order, looking only at bytes where `free(i)` holds.
pub(crate) fn find_dates(text: &str, free: &dyn Fn(usize) -> bool) -> Vec<FoundDate> {
    // Every pattern holds a year, four ASCII digits in a row: most credit lines have none, and
    // need not be cut into tokens at all.
    if !has_four_digits(text) {
        return Vec::new();
    }
    let (toks, lower) = tokenize(text, free);
    let cur = Cursor {
        toks: &toks,
        text,
        lower: &lower,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match cur.at(i) {
            Some((d, next)) => {
                out.push(d);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Finds dates in the whole of `text`.
///
/// ```
/// let d = licit::credit::date::find("Taken on April 14, 2013 in Atmeh");
/// assert_eq!(d[0].iso(), "2013-04-14");
/// ```
pub fn find(text: &str) -> Vec<FoundDate> {
    find_dates(text, &|_| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Vec<String> {
        find(s).iter().map(FoundDate::iso).collect()
    }

    #[test]
    fn russian_and_ukrainian_months_and_abbreviations_after_a_day() {
        assert_eq!(iso("Москва, 15 июня 2017 года"), ["2017-06-15"]);
        assert_eq!(iso("Горный Алтай, июнь 2017."), ["2017-06"]);
        assert_eq!(iso("Київ, 3 березня 2022"), ["2022-03-03"]);
        assert_eq!(iso("11.out.2014 - Diretor"), ["2014-10-11"]);
        // Without a day these abbreviations are everyday words.
        assert_eq!(iso("Sold out 2014 tour"), ["2014"]);
        assert_eq!(iso("Ten years ago 2014"), ["2014"]);
    }

    #[test]
    fn central_and_eastern_european_and_georgian_months() {
        assert_eq!(iso("joi, 4 iunie 2009."), ["2009-06-04"]);
        assert_eq!(iso("v stredu 9. decembra 2020"), ["2020-12-09"]);
        assert_eq!(iso("v utorok 6. augusta 2024"), ["2024-08-06"]);
        assert_eq!(iso("9. prosince 2020"), ["2020-12-09"]);
        assert_eq!(iso("8. maja 2024"), ["2024-05-08"]);
        assert_eq!(iso("София, 3 октомври 2023"), ["2023-10-03"]);
        assert_eq!(iso("18 ნოემბერი, 2019 წელი"), ["2019-11-18"]);
        assert_eq!(iso("Jakarta, 17 Agustus 2021"), ["2021-08-17"]);
    }

    #[test]
    fn written_forms() {
        assert_eq!(iso("April 14, 2013"), ["2013-04-14"]);
        assert_eq!(iso("April 14th, 2013"), ["2013-04-14"]);
        assert_eq!(iso("14 April 2013"), ["2013-04-14"]);
        assert_eq!(iso("14. April 2013"), ["2013-04-14"]);
        assert_eq!(iso("le 1er avril 2013"), ["2013-04-01"]);
        assert_eq!(iso("14 de abril de 2013"), ["2013-04-14"]);
        assert_eq!(iso("14 maart 2013"), ["2013-03-14"]);
        assert_eq!(iso("2 de março de 2020"), ["2020-03-02"]);
        assert_eq!(iso("2013-04-14"), ["2013-04-14"]);
        assert_eq!(iso("14.04.2013"), ["2013-04-14"]);
        assert_eq!(iso("04/14/2013"), ["2013-04-14"]);
        assert_eq!(iso("Sept. 2019"), ["2019-09"]);
        assert_eq!(iso("© 2019 Jane"), ["2019"]);
    }

    #[test]
    fn chinese_japanese_and_korean_dates() {
        assert_eq!(iso("这是2022年4月21日在基地拍摄的"), ["2022-04-21"]);
        assert_eq!(iso("東京で2024年9月27日(代表撮影)"), ["2024-09-27"]);
        assert_eq!(iso("2022년 4월 21일 서울에서"), ["2022-04-21"]);
        assert_eq!(iso("2024年6月撮影"), ["2024-06"]);
        assert_eq!(iso("2011年の写真"), ["2011"]);
        // A month that is no month, a day that is no day: as much as holds.
        assert_eq!(iso("2024年13月"), ["2024"]);
        assert_eq!(iso("2023年2月30日"), Vec::<String>::new());
    }

    #[test]
    fn a_comma_after_the_month_and_a_month_after_the_year() {
        assert_eq!(iso("on April, 20, 2014 in Washington"), ["2014-04-20"]);
        assert_eq!(iso("Photograph by Jane Doe, 1940 July."), ["1940-07"]);
        assert_eq!(iso("Jane Doe, 1940 July. //hdl.example/123"), ["1940-07"]);
        // A month's name that goes on into a sentence is not this year's month.
        assert_eq!(iso("In 2019 March madness began"), ["2019"]);
        assert_eq!(iso("2019 May"), ["2019"]);
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(iso("OSLO 20190512 Folk samlet i sentrum."), ["2019-05-12"]);
        // Eight digits elsewhere are an id.
        assert!(iso("Bild 20190512 aus dem Archiv").is_empty());
    }

    #[test]
    fn not_dates() {
        assert!(iso("CC BY 2.0").is_empty());
        assert!(iso("Theresa May").is_empty());
        assert!(iso("31.02.2013").is_empty());
        assert!(iso("Apollo 11").is_empty());
        assert!(iso("IMG2013").is_empty());
    }
}
