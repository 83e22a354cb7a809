//! How sure the reader is that a piece it read as an author names who made the photo.
//!
//! A wrong author is worse than none: it goes into the credit that licit writes. So every
//! author piece that survived reading is scored once more, from what the line says about it
//! (a label, an agency next to it) and from its own shape (what a name looks like), and a piece
//! below [`MIN_SCORE`] is not named: the line says its author is unclear instead.

use super::*;

/// Pieces that score below this are not named as authors. Tuned on the `dev` split of
/// `tests/data/real/credits.txt` for the fewest wrong authors first, the most exact lines second.
pub(super) const MIN_SCORE: i32 = 0;

/// The longest line in which a bare piece is checked against the caption's earlier text.
const MENTION_WINDOW: usize = 2048;

/// Words that never start a name, though a caption's text before a credit starts with them:
/// "… at London Fashion Week Jane Doe/Agency". Not the name particles (`de`, `van`, `von`,
/// `al`), which may.
const NOT_NAME_START: &[&str] = &[
    "at", "in", "on", "of", "for", "and", "the", "to", "with", "from", "during", "after", "before",
    "while", "as", "is", "are", "was", "im", "am", "beim", "bei", "mit", "nach", "vor", "und",
    "auf", "dans", "avec", "pour", "sur", "en", "con", "para", "en", "sobre", "durante", "nel",
    "nella", "con", "per", "och", "og", "med", "på", "i", "til", "till",
];

/// Day names, which with a number make text a date, not a name (month names are
/// `credit::date`'s).
pub(super) const DAY_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

impl Parser<'_> {
    /// The score of an author piece: above zero when the line vouches for it (a label, "by",
    /// "©", an agency in its slash group), below when its shape is not a name's.
    pub(super) fn author_score(&self, p: &Piece, strong: bool) -> i32 {
        // `strong` holds for every explicit piece (a label) and for pieces next to an agency;
        // either vouches once.
        let vouched = strong || matches!(p.role, Role::Author { explicit: true });
        2 * i32::from(vouched) - self.shape_penalty(p)
    }

    /// What in a piece's text says it is not a name.
    fn shape_penalty(&self, p: &Piece) -> i32 {
        let text = &self.text[p.span.clone()];
        let words: SmallVec<[&str; 8]> = text.split_whitespace().collect();
        let mut penalty = 0;
        // "at London Fashion Week Jane Doe": a caption's words run into the name.
        if words.len() > 1
            && let Some(first) = words.first()
            && first.starts_with(char::is_lowercase)
            && in_list!(NOT_NAME_START, first)
        {
            penalty += 5;
        }
        // "同国で2019年5月": digits inside a word written without spaces are a date or a count.
        if words
            .iter()
            // Cheap tests first: a word of ASCII holds no such character, most hold no digit.
            .any(|w| {
                !w.is_ascii() && w.bytes().any(|b| b.is_ascii_digit()) && w.chars().any(is_cjk)
            })
        {
            penalty += 5;
        }
        // "… April 3": a month or a day of the week next to a number is a date ("Julio
        // Cortez" alone is a name).
        if words.len() > 1
            && words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
            && words.iter().any(|w| {
                let w = w.to_lowercase();
                let w = w.trim_matches(|c: char| !c.is_alphabetic());
                is_in(DAY_NAMES, w) || crate::credit::date::is_month_name(w)
            })
        {
            penalty += 4;
        }
        // "(Kundus, 6.12.2010)", "Jerusalén, 21 de mayo": a word before a date is where, not who.
        if p.bracketed
            && !matches!(p.role, Role::Author { explicit: true })
            && self.before_date(p.span.end)
            && words.len() <= 2
        {
            penalty += 5;
        }
        // "F.A.Z. Artikelrechte erwerben", "Überwachungskameras in Wahllokalen während …":
        // a name's words start with capitals, except its particles.
        // "Photo by jane doe on Unsplash": the platform's fixed words frame the member's name
        // as written (a short one: a longer run is a caption's).
        if words.len() > 1
            && !(p.role == (Role::Author { explicit: true })
                && words.len() <= 4
                && self.platform_after(p.span.end))
        {
            let lowercase = words
                .iter()
                .filter(|w| {
                    // Georgian names are written in letters Unicode calls lowercase.
                    w.starts_with(|c: char| c.is_lowercase() && !clauses::is_mkhedruli(c))
                        && !with_lower(w, |w| in_list!(PARTICLES, w))
                        && !with_lower(w, |w| in_list!(LEGAL_FORMS, w))
                })
                .count();
            penalty += 3 * lowercase as i32;
        }
        // "… in Jerusalén, 21 de mayo. (Jerusalén)": bare text that the caption already
        // mentions is what the photo shows.
        // Only in a caption-sized line, so that a line of thousands of names stays linear.
        if !matches!(p.role, Role::Author { explicit: true })
            && self.text.len() <= MENTION_WINDOW
            // A byte search: `str::contains` sets up a two-way searcher for every piece.
            && memchr::memmem::find(
                &self.text.as_bytes()[..p.span.start],
                &self.text.as_bytes()[p.span.clone()],
            )
            .is_some()
        {
            penalty += 3;
        }
        // "Example Post Infografik": a desk credited for a graphic or a video is not the
        // photo's author.
        if words.len() > 1
            && words
                .iter()
                .any(|w| with_lower(w, |w| is_in(OTHER_MEDIA_LABELS, w)))
        {
            penalty += 5;
        }
        // "La República 24", "Einsatz-Report 24": a number standing as a word names an outlet
        // or a channel, not a person.
        if words.len() > 1
            && words
                .iter()
                .any(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
        {
            penalty += 3;
        }
        // A name is short; a caption's clause is not.
        if words.len() > 6 && !self.org_like(p.span.clone()) {
            penalty += (words.len() - 6) as i32;
        }
        penalty
    }

    /// Whether a date follows `end`, after at most a comma: the text before it is a dateline.
    fn before_date(&self, end: usize) -> bool {
        let Some(date) = self.spans.date.clone() else {
            return false;
        };
        date.start >= end && self.text[end..date.start].trim() == ","
    }
}
