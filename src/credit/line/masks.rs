//! The passes that explain parts of a line and mask them: licenses and rights statements, URLs,
//! boilerplate, the quoted title, modification words, dates and places.

use std::ops::Range;

use super::*;

impl Parser<'_> {
    pub(super) fn licenses(&mut self) {
        let scan = license::scan(self.text);
        self.credit.license = scan.licenses().first().copied();
        self.credit.rights = scan.rights();
        self.credit.license_url_given = scan.mentions.iter().any(|m| m.form == Form::Url);
        self.credit.reserved_in_words = scan
            .statements
            .iter()
            .any(|s| s.name == "all rights reserved");
        self.credit.restrictions = crate::credit::terms::find(self.text);
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
                || t.ends_with(" courtesy")
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

    pub(super) fn urls(&mut self) {
        let mut found = Vec::new();
        // Every prefix opens with 'h' or 'w', and none can overlap itself: one pass over those
        // bytes finds every occurrence of each, in order (three searches, one per prefix, cost
        // more on a line of a few dozen bytes; a profile of the credit bench).
        let hay = self.lower.as_bytes();
        for i in memchr::memchr2_iter(b'h', b'w', hay) {
            let Some(prefix) = ["https://", "http://", "www."]
                .into_iter()
                .find(|p| hay[i..].starts_with(p.as_bytes()))
            else {
                continue;
            };
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
        found.sort_by_key(|r| r.start);
        for r in found {
            if self.free(r.clone()) && self.url_source.is_none() {
                self.url_source = Some(r.clone());
            }
            self.mark(r, Mark::Hard);
        }
    }

    /// "… seen Oct. 31, 2025. Jane Doe jdoe@example.com": a newsroom signs a caption with the
    /// photographer's name and e-mail address. When the address's local part holds a word of
    /// the name right before it, that name is the photographer's and the address is masked.
    pub(super) fn signature(&mut self) {
        let text = self.text.trim_end().trim_end_matches('.');
        let Some((ws, space)) = text.char_indices().rev().find(|(_, c)| c.is_whitespace()) else {
            return;
        };
        let at = ws + space.len_utf8();
        let email = &text[at..];
        let Some((local, domain)) = email.split_once('@') else {
            return;
        };
        if local.is_empty() || !domain.contains('.') || domain.contains('@') {
            return;
        }
        let head = text[..ws].trim_end();
        let words: Vec<(usize, &str)> = head
            .rsplit(' ')
            .scan(head.len(), |end, w| {
                let start = *end - w.len();
                *end = start.saturating_sub(1);
                Some((start, w))
            })
            .take(3)
            .collect();
        let local = local.to_lowercase();
        // Two or three capitalised words, one of which the address spells.
        for n in (2..=words.len().min(3)).rev() {
            let name = &words[..n];
            let capital = name.iter().all(|(_, w)| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            });
            let spelled = name
                .iter()
                .any(|(_, w)| w.chars().count() >= 3 && local.contains(&w.to_lowercase()));
            if capital && spelled {
                let start = name[n - 1].0;
                self.mark(at..at + email.len(), Mark::Hard);
                self.signed = Some(start..head.len());
                return;
            }
        }
    }

    pub(super) fn noise(&mut self) {
        let Some(phrases) = &*NOISE_AUTOMATON else {
            return;
        };
        let ranges: SmallVec<[(Range<usize>, bool); 4]> = phrases
            .find_iter(&*self.lower)
            .map(|m| (m.range(), m.pattern().as_usize() >= NOISE_PHRASES.len()))
            .filter(|(r, _)| {
                self.text.is_char_boundary(r.start)
                    && self.text.is_char_boundary(r.end)
                    && self.whole_word(r)
                    && self.free(r.clone())
            })
            .collect();
        for (r, subjects) in ranges {
            let end = if subjects {
                self.subject_list_end(&r)
            } else {
                Some(r.end)
            };
            if let Some(end) = end {
                self.mark(r.start..end, Mark::Hard);
            }
        }
    }

    /// Where the list of people that a marker at `r` opens ends: at the sentence's end, an
    /// opening bracket or the line's end. `None` when a photo's label stands right before the
    /// marker ("Photos from left: Agency, Agency"): then the list is of credits.
    fn subject_list_end(&self, r: &Range<usize>) -> Option<usize> {
        let mut from = r.start.saturating_sub(24);
        while !self.lower.is_char_boundary(from) {
            from += 1;
        }
        let before = &self.lower[from..r.start];
        if ["photo", "foto", "bild", "image", "credit", "zdj", "kuva"]
            .iter()
            .any(|l| before.contains(l))
        {
            return None;
        }
        // "(second from left)", "fifth from right": one person's place, not a list.
        let prev = self.lower[..r.start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let prev = prev.trim_start_matches(['(', '[']);
        let digits = prev.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal = !digits.is_empty()
            && digits.len() < prev.len()
            && digits.bytes().all(|c| c.is_ascii_digit())
            || is_in(
                &[
                    "first",
                    "second",
                    "third",
                    "fourth",
                    "fifth",
                    "sixth",
                    "seventh",
                    "eighth",
                    "ninth",
                    "tenth",
                    "far",
                    "zweiter",
                    "dritter",
                    "deuxième",
                    "troisième",
                    "segundo",
                    "tercero",
                    "secondo",
                    "terzo",
                ],
                prev,
            );
        if ordinal {
            return None;
        }
        let b = self.text.as_bytes();
        let mut i = r.end;
        while i < b.len() {
            match b[i] {
                // A digit: a date or a count the other passes read ("…, April 19, 2016").
                b'(' | b'[' | b'\n' | b'|' => return Some(i),
                b'0'..=b'9' => {
                    // "… Center April 19, 2016": the month before the day is the date's too.
                    let head = self.lower[r.end..i].trim_end();
                    let last_start = r.end + head.rfind(' ').map_or(0, |k| k + 1);
                    let month = crate::credit::date::is_month_name(
                        &self.lower[last_start..][..head.len() + r.end - last_start],
                    );
                    return Some(if month { last_start } else { i });
                }
                // A sentence's end: a dot after a word of three letters or more, then a space
                // (not an initial's dot: "J. Doe").
                b'.' if b.get(i + 1).is_none_or(|c| *c == b' ')
                    && i >= 3
                    && b[i - 3..i].iter().all(u8::is_ascii_alphabetic) =>
                {
                    return Some(i);
                }
                _ => i += 1,
            }
        }
        Some(b.len())
    }

    pub(super) fn title(&mut self) {
        let text = self.text;
        // Every opening quote below starts with one of these bytes in UTF-8 (`"`, `'`; U+00AB
        // and U+00BB; U+2018 to U+201E; U+300A and U+300C): a line without any of them has no
        // title, and its characters need not be walked (a profile of the credit bench).
        let b = text.as_bytes();
        if memchr::memchr3(b'"', b'\'', 0xC2, b).is_none()
            && memchr::memchr2(0xE2, 0xE3, b).is_none()
        {
            return;
        }
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
                // Japanese and Korean titles of works: "撮影=Name 『Title』", "〈Title〉".
                '『' => &['』'],
                '〈' => &['〉'],
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
            // "《사진=연합뉴스》": Korean papers put the credit, a label and "=", in these
            // brackets; it is no title.
            if c == '《' && inner.contains(['=', '＝']) {
                continue;
            }
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

    pub(super) fn modified(&mut self) {
        // The first three bytes a modification word can open with, lowercase, as a bitset of
        // their low five bits (a superset: letters map one to one; `None` if a list held an
        // entry shorter than three bytes). A word whose first three bytes are ASCII lowers to
        // a word opening with them in lowercase: a triple not in the set rules the word out
        // before it is lowered, and an ASCII line in which no word opens with such a triple is
        // not cut into words at all (most lines; a profile of the credit bench). Words opening
        // with a non-ASCII character are always tried.
        static OPENINGS: LazyLock<Option<Box<[u64; 512]>>> = LazyLock::new(|| {
            let mut t = Box::new([0u64; 512]);
            for s in MODIFIED_STEMS.iter().chain(MODIFIED_WORDS) {
                let [a, b, c, ..] = s.as_bytes() else {
                    return None;
                };
                let k = opening(*a, *b, *c);
                t[k / 64] |= 1 << (k % 64);
            }
            Some(t)
        });
        fn opening(a: u8, b: u8, c: u8) -> usize {
            usize::from(a & 31) << 10 | usize::from(b & 31) << 5 | usize::from(c & 31)
        }
        let opens = |t: &[u64; 512], w: &[u8]| {
            let k = opening(w[0], w[1], w[2]);
            t[k / 64] >> (k % 64) & 1 == 1
        };
        let openings = OPENINGS.as_deref();
        let lb = self.lower.as_bytes();
        if let Some(t) = openings
            && lb.is_ascii()
        {
            // Every word starts at a letter after a byte that is none (a superset of the
            // words' starts).
            let mut after_letter = false;
            let mut any = false;
            for i in 0..lb.len().saturating_sub(2) {
                let letter = lb[i].is_ascii_alphabetic();
                if letter && !after_letter && opens(t, &lb[i..i + 3]) {
                    any = true;
                    break;
                }
                after_letter = letter;
            }
            if !any {
                return;
            }
        }
        let words = self.alpha_words();
        let mut k = 0;
        while k < words.len() {
            let r = words[k].clone();
            let lb = &self.lower.as_bytes()[r.clone()];
            if let Some(t) = openings
                && lb[0].is_ascii()
                && (lb.len() < 3 || lb[..3].is_ascii() && !opens(t, lb))
            {
                k += 1;
                continue;
            }
            let w = self.lower_at(r.clone());
            let hit = MODIFIED_STEMS.iter().any(|s| w.starts_with(s)) || is_in(MODIFIED_WORDS, &w);
            if hit && self.free(r.clone()) {
                let mut end = r.end;
                // "adapted from", "derivative work of"
                while let Some(n) = words.get(k + 1) {
                    let nw = self.lower_at(n.clone());
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
                if self.lower_at(r.start..end).ends_with(" by") {
                    let mut name_end = end;
                    while let Some(n) = words.get(k + 1) {
                        let nw = &self.text[n.clone()];
                        let gap = &self.text[name_end..n.start];
                        let particle = in_list!(PARTICLES, &self.lower_at(n.clone()));
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
    pub(super) fn alpha_words(&self) -> Vec<Range<usize>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Room for the words of a usual line: growing one by one reallocated several times.
        let mut out = Vec::with_capacity(16);
        let mut start: Option<usize> = None;
        let mut i = 0;
        // ASCII bytes are tested as bytes, other characters decoded: this runs over every line
        // (a profile of the credit bench).
        while i < bytes.len() {
            let (alphabetic, joiner, len) = match bytes[i] {
                b if b.is_ascii() => (b.is_ascii_alphabetic(), b == b'\'' || b == b'-', 1),
                _ => {
                    let c = text[i..]
                        .chars()
                        .next()
                        .unwrap_or(char::REPLACEMENT_CHARACTER);
                    (c.is_alphabetic(), c == '’', c.len_utf8())
                }
            };
            if alphabetic || joiner && start.is_some() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(s..i);
            }
            i += len;
        }
        if let Some(s) = start {
            out.push(s..text.len());
        }
        // Apostrophes and hyphens at a word's end are not part of it.
        for r in &mut out {
            loop {
                let w = &bytes[r.start..r.end];
                if w.ends_with(b"'") || w.ends_with(b"-") {
                    r.end -= 1;
                } else if w.ends_with("’".as_bytes()) {
                    r.end -= "’".len();
                } else {
                    break;
                }
            }
        }
        out.retain(|r| !r.is_empty());
        out
    }

    /// "Jane Doe (American, 1801–1848)", "Jane Doe (1590-1649)", "(born 1950)": a museum's
    /// label gives the artist's life years in brackets after her name. They are not when the
    /// picture was made, so they are masked; the name right before them is the artist.
    /// Linear: each opening bracket is looked at once, and only its next 64 bytes.
    pub(super) fn life_years(&mut self) {
        let text = self.text;
        let mut from = 0;
        while let Some(p) = memchr::memchr(b'(', &text.as_bytes()[from..]) {
            let open = from + p;
            from = open + 1;
            let Some(close) = text[open + 1..]
                .char_indices()
                .take_while(|&(i, _)| i < 64)
                .find(|&(_, c)| c == ')')
                .map(|(i, _)| open + 1 + i)
            else {
                continue;
            };
            if !life_span(&text[open + 1..close]) || !self.free(open..close + 1) {
                continue;
            }
            self.mark(open..close + 1, Mark::Hard);
            if self.artist.is_none() {
                self.artist = name_before(text, open);
            }
        }
    }

    pub(super) fn dates(&mut self) {
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
    pub(super) fn extend_back(&self, mut start: usize) -> usize {
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
            if in_list!(DATE_INTROS, w) && self.free(ws..trimmed.len()) {
                start = ws;
            } else {
                return start;
            }
        }
    }

    /// Reads a place after `from` when it starts with one of `preps` (or, for `preps` empty,
    /// right away).
    pub(super) fn place_after(&mut self, from: usize, preps: &[&str]) {
        let rest = &self.text[from..];
        let mut i = from + (rest.len() - rest.trim_start().len());
        let intro_start = from;
        if !preps.is_empty() {
            // "Thursday, April 27, 2023, in Indianapolis": AP style puts a comma before it.
            if self.text[i..].starts_with(',') && self.free(i..i + 1) {
                let r = &self.text[i + 1..];
                i += 1 + (r.len() - r.trim_start().len());
            }
            let r = &self.text[i..];
            let wlen = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
            let w = r[..wlen].to_lowercase();
            // "… 19 October 2020 A man walks past …": a capital starts the caption's next
            // sentence; the preposition of a place is written in lowercase.
            if wlen == 0
                || !is_in(preps, &w)
                || !self.free(i..i + wlen)
                || r.starts_with(char::is_uppercase)
            {
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
        // A place is a few words: names, their particles ("Rio de Janeiro", "Frankfurt am
        // Main") and a common noun or two ("Atmeh refugee camp", "Marseille city hall"). A
        // longer run with more lowercase words is a caption's clause ("red deer stag stands
        // behind females").
        let words = place.split_whitespace().count();
        let prose = place
            .split_whitespace()
            .filter(|w| {
                w.starts_with(char::is_lowercase) && !with_lower(w, |w| in_list!(PARTICLES, w))
            })
            .count();
        if prose >= 2 && words > 4 {
            return;
        }
        let pend = i + place.len();
        self.credit.place = Some(place.to_string());
        self.spans.place = Some(i..pend);
        self.mark(intro_start..pend, Mark::Hard);
    }

    /// Where a place starting at `i` ends.
    pub(super) fn place_end(&self, start: usize) -> usize {
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
                    if ends && !initial && !in_list!(ABBREVIATIONS, &w) {
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
                            .is_some_and(|w| in_list!(AUTHOR_LABELS, w) || is_in(SOURCE_LABELS, w))
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

    pub(super) fn place_intros(&mut self) {
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
}

/// Whether a bracket's text is an artist's life years: "1801–1848", "American, 1801–1848",
/// "born 1950", "French, b. 1962".
fn life_span(inner: &str) -> bool {
    let (nationality, years) = match inner.rsplit_once(", ") {
        Some((n, y)) => (Some(n), y.trim()),
        None => (None, inner.trim()),
    };
    if nationality.is_some_and(|n| {
        let words: Vec<&str> = n.split_whitespace().collect();
        words.is_empty()
            || words.len() > 3
            || !words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
    }) {
        return false;
    }
    let year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(y) = years
        .strip_prefix("born ")
        .or_else(|| years.strip_prefix("b. "))
    {
        return year(y.trim());
    }
    years
        .split_once(['-', '–'])
        .is_some_and(|(a, b)| year(a.trim()) && year(b.trim()))
}

/// The name that ends right before byte `at`: two to four words that start with a capital
/// (name particles allowed inside), set off from what comes before by a word that is not a
/// name's, a punctuation mark or the line's start.
fn name_before(text: &str, at: usize) -> Option<Range<usize>> {
    const PARTICLE: &[&str] = &[
        "de", "van", "von", "da", "di", "del", "la", "le", "ter", "der", "den", "du",
    ];
    let head = text[..at].trim_end();
    let end = head.len();
    let mut pos = end;
    let mut start = end;
    let mut words = 0;
    while words < 4 {
        let ws = head[..pos].rfind(' ').map_or(0, |i| i + 1);
        let w = &head[ws..pos];
        let capital = w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'));
        if !(capital || words > 0 && is_in(PARTICLE, w)) {
            break;
        }
        words += 1;
        start = ws;
        if ws == 0 {
            break;
        }
        pos = ws - 1;
        // "…, Jane Doe": a comma or a full stop before the word ends the name.
        if head[..pos].ends_with([',', ';', ':']) {
            break;
        }
    }
    let first_particle = text[start..end]
        .split(' ')
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    (words >= 2 && !first_particle).then_some(start..end)
}
