//! Attributions written by machines, whose shape says exactly where the author is:
//!
//! - Openverse and CC search: `"TITLE" by AUTHOR is licensed under CC BY 2.0` and
//!   `… is marked with CC0 1.0`: the author is everything between "by" and "is licensed" (or
//!   "is marked with").
//! - Wikimedia Commons' "use this file" in English: `AUTHOR, LICENSE, via Wikimedia Commons`:
//!   the author is the whole segment before the license, with its commas, brackets and
//!   "et al." ("Anna from Lyon, France").
//!
//! - A photo platform's member at the end of a line: `TITLE by AUTHOR, on Flickr` (Flickr's
//!   embed), `… with a cover photo by AUTHOR from Unsplash.`: the author is everything between
//!   the last "by" and the platform, as the member wrote the name.
//!
//! - A reference list's citation of an image (APA style): `AUTHOR. (YEAR). TITLE [Photograph].
//!   SOURCE. URL`: the author is everything before the year in brackets, when the line also
//!   says where the image was found (a web address, Wikimedia Commons, "retrieved").
//!
//! All are recognized only when their fixed words are there, so free text never takes this
//! path.

use std::ops::Range;

use super::*;

impl Parser<'_> {
    pub(super) fn machine_formats(&mut self) {
        if let Some(authors) = self.citation().or_else(|| self.platform_by()) {
            self.format_authors = Some(authors);
            return;
        }
        // The other formats need a license or a rights statement; most lines have none.
        if self.spans.license.is_empty() && self.spans.rights.is_empty() {
            return;
        }
        if let Some(authors) = self
            .openverse()
            .or_else(|| self.commons_english())
            .or_else(|| self.commons_localized())
        {
            self.format_authors = Some(authors);
        }
    }

    /// "Doe, J. (2009). Title [Photograph]. Wikimedia Commons. https://…", "Example Lab &
    /// Jane Doe. (1986). …": the authors of a reference list's citation, before "(YEAR).".
    fn citation(&self) -> Option<Vec<Range<usize>>> {
        // A finder built once: `str::find` builds a searcher per call, for every line.
        let open = fixed!(". (").find(self.text.as_bytes())?;
        let after = &self.text[open + 3..];
        let year_end = after.find(')')?;
        let year = &after[..year_end];
        // "(2005)", "(2019, March 3)", "(n.d.)".
        let year_ok = year.len() <= 24
            && (year
                .get(..4)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
                || year == "n.d.");
        if !year_ok || !after[year_end + 1..].starts_with('.') {
            return None;
        }
        let rest = &self.lower[open + 3 + year_end..];
        let found_at = [
            "http",
            "wikimedia commons",
            "retrieved",
            "erişildi",
            "abgerufen",
            "récupéré",
        ]
        .iter()
        .any(|w| rest.contains(w));
        // The author is short and holds no sentence ("Doe, J." keeps its initial's dot).
        let head = &self.text[..open + 1];
        let parts: Vec<&str> = head.split(". ").collect();
        let sentence = parts[..parts.len() - 1].iter().any(|part| {
            part.rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().count() > 2)
        });
        if !found_at || head.len() > 100 || sentence || head.contains(['"', '“', ':']) {
            return None;
        }
        let end = if head.ends_with(". ") || head.ends_with('.') && !initial_end(head) {
            open
        } else {
            open + 1
        };
        let r = self.trimmed(0..end);
        let seg = &self.text[r.clone()];
        // "Example Lab & Jane Doe", "Doe, J., & Roe, R.": one author each side of "&".
        let mut out = Vec::new();
        let mut from = r.start;
        for (i, _) in seg.match_indices(" & ") {
            out.push(self.trimmed(from..r.start + i));
            from = r.start + i + 3;
        }
        out.push(self.trimmed(from..r.end));
        (!out.iter().any(|a| a.is_empty())).then_some(out)
    }

    /// "Sunset over the bay by Jane Doe, on Flickr" (Flickr's embed), "… with a cover photo by
    /// Jane Doe from Unsplash.": the line ends with a photo platform after "on" or "from", and
    /// the author is everything between the last "by" and it, as the member wrote the name.
    fn platform_by(&self) -> Option<Vec<Range<usize>>> {
        let lower = self
            .lower
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')'));
        let (head, _) = PLATFORM_ENDINGS.iter().find_map(|e| {
            let head = lower.strip_suffix(e)?;
            Some((
                head.trim_end_matches(|c: char| c == ',' || c.is_whitespace()),
                e,
            ))
        })?;
        let start = head.rfind(" by ").map(|b| b + 4)?;
        let r = self.trimmed(start..head.len());
        let name = &self.text[r.clone()];
        let words = name.split_whitespace().count();
        let ok = !name.is_empty()
            && (1..=5).contains(&words)
            && !name.contains([',', ';', ':', '/', '|', '(', ')'])
            && !name.contains(". ")
            && !sentence_break(name)
            && self.free(r.clone());
        ok.then(|| vec![r])
    }

    fn openverse(&self) -> Option<Vec<Range<usize>>> {
        let hay = self.lower.as_bytes();
        let tail = [
            fixed!(" is licensed under ").find(hay),
            fixed!(" is marked with ").find(hay),
        ]
        .into_iter()
        .flatten()
        .min()?;
        let head = &self.lower[..tail];
        // "by Jane Doe is marked with CC0 1.0": the attribution of a work without a title.
        let Some(start) = head
            .rfind(" by ")
            .map(|b| b + 4)
            .or_else(|| head.starts_with("by ").then_some(3))
        else {
            // `"Title" is licensed under …`: the line names no author.
            return Some(Vec::new());
        };
        let mut r = self.trimmed(start..tail);
        // "by Jane Doe | example.org is licensed …": the site after a bar is not the name.
        if let Some(bar) = self.text[r.clone()].rfind(" | ")
            && is_domain(self.lower[r.start + bar + 3..r.end].trim())
        {
            r = self.trimmed(r.start..r.start + bar);
        }
        let name = &self.text[r.clone()];
        // "by undefined", "by null": the generator had no author to fill in.
        if matches!(
            name.to_ascii_lowercase().as_str(),
            "undefined" | "null" | "none"
        ) {
            return Some(Vec::new());
        }
        let ok = !name.is_empty() && name.len() <= 120 && !name.contains(". ");
        ok.then(|| vec![r])
    }

    fn commons_english(&self) -> Option<Vec<Range<usize>>> {
        let via = fixed!("wikimedia commons").find(self.lower.as_bytes())?;
        let first_rights = self.spans.first_license_or_rights();
        // The segment ends at the license, or at ", via Wikimedia Commons" when the license
        // comes after it ("Bautsch, via Wikimedia Commons. CC0 1.0.").
        // "via", or Spanish "vía" (the Spanish attribution says "vía Wikimedia Commons").
        let head = self.lower[..via].trim_end();
        let via_start = head
            .strip_suffix("via")
            .or_else(|| head.strip_suffix("vía"))
            .map(|h| h.trim_end().trim_end_matches(',').len());
        // The format always says "via Wikimedia Commons"; a line that only names Commons is
        // another kind of credit ("Von X - Eigenes Werk, CC BY-SA 3.0, Wikimedia Commons").
        let via_start = via_start?;
        let end = match first_rights {
            Some(a) => a.min(via_start),
            None if self.spans.license.iter().any(|r| r.start > via_start) => via_start,
            None => return None,
        };
        // A short label before a colon ("Attribution:", "Photo:") is not part of the name, nor
        // is the image's title that a page puts before it ("Viñedos de Mendoza: X, CC BY 2.0,
        // vía Wikimedia Commons"): in this format the author's segment holds no colon.
        let mut start = 0;
        if let Some(colon) = self.text[..end].rfind(':') {
            let label = self.lower[..colon].trim();
            let words: Vec<&str> = label.split_whitespace().collect();
            let title = words.len() <= 6
                && !label.ends_with(|c: char| c.is_ascii_digit())
                && !self.lower[colon + 1..end].contains(':');
            if title
                || words.len() <= 3
                    && (label == "attribution"
                        || words
                            .iter()
                            .any(|w| in_list!(AUTHOR_LABELS, w) || is_in(SOURCE_LABELS, w)))
            {
                start = colon + 1;
            }
        }
        let r = self.trimmed(start..end);
        let seg = &self.text[r.clone()];
        let lower = seg.to_lowercase();
        // "By X, via …" is read by the general reader; a slash or a bar is a composed credit
        // ("Bundesarchiv, Bild … / …"); a sentence is a caption.
        if seg.is_empty()
            || seg.len() > 120
            // "Image via Wikimedia Commons": the picture's own word names no one.
            || is_in(PICTURE_WORDS, &lower)
            || lower.starts_with("by ")
            || lower.contains(" by ")
            || seg.contains(['/', '|', ':'])
            || seg.contains(" - ")
            || seg.contains(" — ")
            || OWN_WORK.iter().any(|w| lower.contains(w))
            || sentence_break(seg)
            // A museum's credit line ("Artist, Title, 1787. Museum, Gift of …") is read by the
            // general reader, which knows provenance.
            || lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "gift" || w == "bequest" || w == "purchase")
            || !self.free(r.clone())
        {
            return None;
        }
        Some(vec![r])
    }

    /// Commons' "use this file" in other languages and in its older English form:
    /// `BY-WORD AUTHOR - SOURCE, LICENSE, https://commons.wikimedia.org/…?curid=…` ("Von X -
    /// Eigenes Werk", "Par X — Travail personnel", "Autor: X – Vlastní dílo"). The author is
    /// the whole segment between the first by-word after the last boundary (a sentence end, a
    /// colon or a dash: a title may come first) and the dash, own-work words or license after
    /// it, commas and brackets included ("Von Steve Hopson, www.example.com, CC BY-SA 2.5");
    /// "X and Y" names two. Only lines that link Commons take this path.
    fn commons_localized(&self) -> Option<Vec<Range<usize>>> {
        fixed!("commons.wikimedia.org").find(self.lower.as_bytes())?;
        let license = self.spans.first_license_or_rights()?;
        let head = &self.lower[..license];
        // The segment ends at the first dash, or at "own work" after a comma.
        let dash = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| head.find(d))
            .min();
        let own = OWN_WORK.iter().filter_map(|w| head.find(w)).min();
        let mut end = [dash, own, Some(license)].into_iter().flatten().min()?;
        // A title before the author ends at a dash too ("Title - Von X - Eigenes Werk"): the
        // segment is the one that holds the by-word.
        let mut from = 0;
        loop {
            let by = self.by_word_in(from..end);
            if by.is_some() || end == license {
                let (by_start, by_end) = by?;
                // A sentence inside the segment is a caption, not an attribution; a segment
                // that opens the line is the attribution whatever it holds ("由 United
                // States. Office of …").
                // A by-word right before the dash ("Photo by - / AFP") ends past the segment:
                // it names nobody.
                let seg = self.lower.get(by_end..end)?;
                if by_start != 0 && (seg.contains(". ") || seg.contains(": ")) {
                    return None;
                }
                let r = self.trimmed(by_end..end);
                return self.split_named(r);
            }
            // No by-word before this dash: look in the next segment.
            from = end;
            let rest = &head[end..];
            let skip = rest.len() - rest.trim_start_matches([' ', '-', '–', '—']).len();
            let after = end + skip;
            let next = [" - ", " – ", " — "]
                .iter()
                .filter_map(|d| head[after..].find(d).map(|i| after + i))
                .min();
            end = [next, own.filter(|&o| o > after), Some(license)]
                .into_iter()
                .flatten()
                .min()?;
        }
    }

    /// The first by-word ("von", "par", "autor:", "由") in `r` that stands as a word, as the
    /// range of the word and the position after it.
    fn by_word_in(&self, r: Range<usize>) -> Option<(usize, usize)> {
        let seg = &self.lower[r.clone()];
        let mut best: Option<(usize, usize)> = None;
        for w in BY_WORDS
            .iter()
            .chain(&["autor", "autorka", "auteur", "author"])
        {
            let mut at = 0;
            while let Some(i) = seg[at..].find(w) {
                let s = r.start + at + i;
                let e = s + w.len();
                at += i + w.len();
                let cjk = w.chars().all(is_cjk);
                let before_ok = cjk
                    || self.lower[..s]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                let after = self.lower[e..].chars().next();
                let after_ok = cjk || matches!(after, Some(' ' | ':'));
                if before_ok && after_ok {
                    let e = e + self.lower[e..].len()
                        - self.lower[e..].trim_start_matches([':', ' ']).len();
                    if best.is_none_or(|(b, _)| s < b) {
                        best = Some((s, e));
                    }
                    break;
                }
            }
        }
        best
    }

    /// The names of a Commons author segment: one, or two joined by "and" in a language of
    /// Commons ("Jeff Ogden (W163) and Jim Scarborough (Ke4roh)"). Not "&": "Rama & Musée
    /// Bolo" is one credit.
    fn split_named(&self, r: Range<usize>) -> Option<Vec<Range<usize>>> {
        let seg = &self.text[r.clone()];
        if seg.is_empty() || seg.len() > 120 || seg.contains(['/', '|']) {
            return None;
        }
        // A date or a license inside the segment ("Door Iainf 04:22, 8 July 2006 (UTC)") is
        // read by the general reader.
        let overlaps = |s: &Range<usize>| s.start < r.end && r.start < s.end;
        if self.spans.date.as_ref().is_some_and(overlaps) {
            return None;
        }
        let lower = &self.lower[r.clone()];
        for and in [" and ", " und ", " et ", " y ", " och ", " og "] {
            if let Some(i) = lower.find(and) {
                let a = self.trimmed(r.start..r.start + i);
                let b = self.trimmed(r.start + i + and.len()..r.end);
                return (!a.is_empty() && !b.is_empty()).then(|| vec![a, b]);
            }
        }
        Some(vec![r])
    }

    /// The range without surrounding spaces, quotes, commas, brackets opened before a license
    /// and dashes.
    fn trimmed(&self, r: Range<usize>) -> Range<usize> {
        let s = &self.text[r.clone()];
        let junk = |c: char| {
            c.is_whitespace() || matches!(c, ',' | '[' | '(' | '-' | '–' | '—' | ';') || is_quote(c)
        };
        let t = s.trim_start_matches(junk);
        let start = r.start + (s.len() - t.len());
        let t = t.trim_end_matches(junk);
        start..start + t.len()
    }
}

/// Whether text has a sentence end inside: a period after a word of three letters or more that
/// is not an abbreviation, then a space ("Jane Q. Public" and "et al." have none).
fn sentence_break(s: &str) -> bool {
    s.match_indices(". ").any(|(i, _)| {
        let word: String = s[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        word.chars().count() >= 3
            && !is_in(
                ABBREVIATIONS,
                &word.chars().rev().collect::<String>().to_lowercase(),
            )
    })
}

/// Whether text ends with an initial and its dot ("Mattern, R."), which is part of the name.
fn initial_end(s: &str) -> bool {
    let t = s.trim_end_matches('.');
    let last = t.rsplit([' ', '.']).next().unwrap_or(t);
    last.chars().count() == 1 && last.chars().all(char::is_uppercase)
}

/// How a line ends when a photo platform's member is credited before it.
const PLATFORM_ENDINGS: &[&str] = &[
    " on flickr",
    " on unsplash",
    " from unsplash",
    " via unsplash",
    " on pexels",
    " from pexels",
    " via pexels",
    " on pixabay",
    " from pixabay",
    " via pixabay",
];
