//! Cutting what the masks left into clauses of words, at punctuation and masks.

use super::*;

impl Parser<'_> {
    /// `lower` is `self.lower`, or a copy of it.
    pub(super) fn clauses<'l>(&self, lower: &'l str) -> Vec<Clause<'l>> {
        let text = self.text;
        // Room for the clauses and words of a usual line, so that pushing rarely reallocates
        // (growing these vectors was a good part of a line's allocations; a profile of the
        // credit bench).
        let mut out = Vec::with_capacity(8);
        let mut cur = Clause {
            words: Vec::with_capacity(8),
            before: Sep::Start,
            after: Sep::End,
        };
        let push_sep = |cur: &mut Clause<'l>, out: &mut Vec<Clause<'l>>, sep: Sep| {
            // Consecutive separators collapse; the strongest wins.
            if cur.words.is_empty() {
                cur.before = stronger(cur.before, sep);
                return;
            }
            let mut done = std::mem::replace(
                cur,
                Clause {
                    words: Vec::with_capacity(8),
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
            // Zero-width spaces and byte-order marks hide between words of pasted credits.
            if c.is_whitespace() && c != '\n' && c != '\r' || matches!(c, '\u{200B}' | '\u{FEFF}') {
                i += clen;
                continue;
            }
            // Korean sites write the sign circled: "ⓒ김예시 기자".
            if c == '©' || c == '℗' || c == 'ⓒ' {
                // "… caption text © Jane Doe": the notice starts a clause of its own. Right
                // after a slash it goes on with the slash group ("Jane Doe / © Agency").
                let after_slash = text[..i].trim_end().ends_with(['/', '／']);
                push_sep(
                    &mut cur,
                    &mut out,
                    if after_slash { Sep::Slash } else { Sep::Hard },
                );
                cur.words.push(Word {
                    span: i..i + clen,
                    lower: Lower::Line("©"),
                    copyright: true,
                    lowercase_initial: false,
                });
                i += clen;
                continue;
            }
            // "（Ｃ）共同通信社": the copyright sign in full width.
            // (Every form opens with a bracket: no other character is tried against them.)
            if matches!(c, '（' | '(')
                && let Some(n) = ["（Ｃ）", "(Ｃ)", "（C）", "（c）"]
                    .iter()
                    .find(|p| text[i..].starts_with(**p))
                    .map(|p| p.len())
            {
                push_sep(&mut cur, &mut out, Sep::Hard);
                cur.words.push(Word {
                    span: i..i + n,
                    lower: Lower::Line("©"),
                    copyright: true,
                    lowercase_initial: false,
                });
                i += n;
                continue;
            }
            if c == '('
                && matches!(self.lower.get(i..i + 3), Some("(c)" | "(p)"))
                && !self.party_mark(i)
            {
                push_sep(&mut cur, &mut out, Sep::Hard);
                cur.words.push(Word {
                    span: i..i + 3,
                    lower: Lower::Line("©"),
                    copyright: true,
                    lowercase_initial: false,
                });
                i += 3;
                continue;
            }
            let sep = match c {
                // The Arabic comma and semicolon.
                ',' | '、' | '،' => Some(Sep::Comma),
                '؛' => Some(Sep::Hard),
                ':' if self.inner_colon(i) => None,
                ':' | '：' => Some(Sep::Colon),
                // Chinese "圖／路透社", "图/新华社": a slash after the label "picture" is its colon.
                '/' | '／' if text[..i].ends_with(['圖', '图']) => Some(Sep::Colon),
                // Korean "사진=연합뉴스": an equals sign right after a label written in Hangul or
                // Han is the label's colon.
                '=' if text[..i].chars().next_back().is_some_and(is_cjk) => Some(Sep::Colon),
                '/' | '\\' | '／' => Some(Sep::Slash),
                // Japanese captions end with "＝ＡＰ" for the credit; full-width brackets.
                '＝' | '）' | '。' | '】' | '》' => Some(Sep::Hard),
                '(' | '[' | '{' | '（' | '【' | '《' => Some(Sep::Open),
                '|' | '｜' | '¦' => Some(Sep::Bar),
                ';' | ')' | ']' | '}' | '·' | '•' | '\n' | '\r' | '!' | '?' | '…' => {
                    Some(Sep::Hard)
                }
                // The full stops of Indic scripts (danda, double danda), Armenian and Ethiopic.
                '।' | '॥' | '։' | '።' => Some(Sep::Hard),
                // "तस्बिरः Name", "ছবিঃ Name": Nepali, Hindi and Bengali papers write the
                // visarga for the colon after a label.
                'ः' | 'ঃ' if visarga_colon(text, i) => Some(Sep::Colon),
                // "JPL–Caltech": an en dash between two letters joins a word, like a hyphen.
                '–' if glued_en_dash(text, i) => None,
                '–' | '—' => Some(Sep::Dash),
                // Korean papers bracket credits in angle brackets: "<사진제공=영월군>".
                '<' => Some(Sep::Open),
                '>' => Some(Sep::Hard),
                // "AP=연합뉴스": an agency's picture through Yonhap, like a slash.
                '=' if text[..i].ends_with(|c: char| c.is_ascii_alphanumeric())
                    && text[i + 1..].starts_with(is_hangul) =>
                {
                    Some(Sep::Slash)
                }
                '-' | '.' | '*' | '=' | '~' => {
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
                    if c == '.' && self.glued_sentence_end(i) {
                        Some(Sep::Hard)
                    } else {
                        (prev_space || next_space).then_some(sep)
                    }
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
                // An ASCII letter or digit ends a word only at a mask: none of the tests below
                // holds for it (most characters of a line; a profile of the credit bench).
                if text.as_bytes()[j].is_ascii_alphanumeric() {
                    if self.marks[j] != Mark::Free {
                        break;
                    }
                    j += 1;
                    continue;
                }
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                // "u/name", "r/name": a Reddit user or forum is one word.
                if d == '/'
                    && j == start + 1
                    && matches!(&self.lower[start..j], "u" | "r")
                    && text[j + 1..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                {
                    j += 1;
                    continue;
                }
                if d.is_whitespace()
                    || self.marks[j] != Mark::Free
                    || (d == ':' && !self.inner_colon(j))
                    || (matches!(d, 'ः' | 'ঃ') && visarga_colon(text, j))
                    || (d == '.' && j > start && self.glued_sentence_end(j))
                    || (d == '=' && text[..j].chars().next_back().is_some_and(is_cjk))
                    || (d == '='
                        && text[..j].ends_with(|c: char| c.is_ascii_alphanumeric())
                        && text[j + 1..].starts_with(is_hangul))
                    || (d == '/' && text[..j].ends_with(['圖', '图']))
                    || ends_word(d) && !(d == '–' && glued_en_dash(text, j))
                    || (is_quote(d) && !matches!(d, '\'' | '’') && !hebrew_gershayim(text, j))
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
                // "Lj. Bukvić", "Gy. Kovács": a two-letter initial (a digraph) before a name.
                let digraph_initial = letters == 2
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().nth(1).is_some_and(char::is_lowercase)
                    && next.is_some_and(char::is_uppercase)
                    && text[j..]
                        .split_whitespace()
                        .next()
                        .is_some_and(|n| n.chars().count() >= 3);
                let keep = letters == 1
                    || digraph_initial
                    || w.contains('.')
                    || with_lower(w, |w| in_list!(ABBREVIATIONS, w))
                    || next.is_some_and(|n| n.is_lowercase() || n.is_ascii_digit());
                if !keep {
                    end -= 1;
                    period = true;
                }
            }
            // "…plastic bags.CreditJane Doe/The New York Times": a page's "Credit" label, its
            // space lost when the page became text, glued to the name it introduces.
            // "…in 2017.Credit...Jane Doe for The New York Times": the same with the dots that
            // stood for the line break; "image copyrightJane Doe via Getty Images" (the BBC).
            const GLUED_LABELS: [&str; 5] =
                ["Credit...", "Credit…", "Credit", "Credits", "copyright"];
            // The first byte rules out nearly every word before the labels are tried (this runs
            // for every word; a profile of the credit bench).
            let first = text.as_bytes().get(start);
            let glued_label = GLUED_LABELS
                .iter()
                .filter(|l| l.as_bytes().first() == first)
                .find_map(|l| {
                    let rest = text[start..end].strip_prefix(l)?;
                    let mut cs = rest.chars();
                    let (a, b) = (cs.next()?, cs.next()?);
                    // A name of two words at least ("CreditSuisse" alone is a bank's name).
                    let next_capital = text[end..]
                        .strip_prefix(' ')
                        .is_some_and(|t| t.starts_with(char::is_uppercase));
                    (a.is_uppercase() && b.is_lowercase() && next_capital).then_some(*l)
                });
            if let Some(l) = glued_label {
                cur.words.push(Word {
                    span: start..start + l.len(),
                    // The label in ASCII lowercase: "credit", "copyright".
                    lower: Lower::Line(&lower[start..start + l.trim_end_matches(['.', '…']).len()]),
                    copyright: false,
                    lowercase_initial: false,
                });
            }
            let mut start = start + glued_label.map_or(0, str::len);
            // "Unsplash의 Jane Doe", "UnsplashのJane": a platform and the Korean or Japanese
            // possessive ("Jane Doe of Unsplash") stand like "Unsplash / Jane Doe".
            if let Some((platform, rest)) = platform_possessive(&text[start..end]) {
                cur.words.push(Word {
                    span: start..start + platform.len(),
                    lower: Lower::Own(platform.to_lowercase().into()),
                    copyright: false,
                    lowercase_initial: false,
                });
                push_sep(&mut cur, &mut out, Sep::Slash);
                start = end - rest.len();
            }
            let word = &text[start..end];
            // "… w Boliwii  Fot. Juan Karita / AP Photo": a photo label's abbreviation, written
            // with its capital and its dot after a caption's words, starts the credit: no
            // caption's word is written so.
            if matches!(word, "Fot." | "Φωτ.")
                && !cur.words.is_empty()
                && text[end..].trim_start().starts_with(char::is_uppercase)
            {
                push_sep(&mut cur, &mut out, Sep::Hard);
            }
            if word.chars().any(char::is_alphanumeric) || word == "&" || word == "+" {
                cur.words.push(Word {
                    span: start..end,
                    // `lower` agrees byte for byte with the text where the text is ASCII.
                    lower: if word.is_ascii() {
                        Lower::Line(&lower[start..end])
                    } else {
                        Lower::Own(fold_width(word).to_lowercase().into())
                    },
                    copyright: false,
                    lowercase_initial: word
                        .starts_with(|c: char| c.is_lowercase() && !is_mkhedruli(c)),
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

    /// A caption's full stop with the credit glued to it, El País and Folha style:
    /// "… el 6 de septiembre.Marco Bello (Reuters)", "… 2017.ANDREJ ISAKOVIC AFP". The dot ends a
    /// sentence when a word of two or more letters (or a year) without dots stands before it and
    /// a capitalised word of two or more letters without further dots follows: initials
    /// ("Adam.J.W.C."), domains ("example.com", "www.Example.org") and abbreviations
    /// ("St.Pauli") keep their dot.
    pub(super) fn glued_sentence_end(&self, i: usize) -> bool {
        let text = self.text;
        if !text[i..].starts_with('.') {
            return false;
        }
        let before = text[..i]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '/'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let prev = &text[before..i];
        let after_end = text[i + 1..]
            .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '/'))
            .map_or(text.len(), |k| i + 1 + k);
        let next = &text[i + 1..after_end];
        // "…in Versailles.Credit...Jane Doe": the dots of a page's "Credit..." are not the
        // next word's.
        let next = next
            .strip_prefix("Credit...")
            .or_else(|| next.strip_prefix("Credit…"))
            .map_or(next, |rest| if rest.is_empty() { next } else { "Credit" });
        let prev_len = prev.chars().count();
        let prev_ok = prev_len >= 2
            // "dok.Istimewa": Indonesian "documentation" glued to what it is.
            && !with_lower(prev, |w| in_list!(ABBREVIATIONS, w) && w != "dok")
            && (prev.chars().all(|c| c.is_ascii_digit())
                || prev.chars().all(char::is_alphabetic)
                    && (prev.chars().any(char::is_lowercase) || prev_len >= 3));
        let next_ok = next.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && next.starts_with(char::is_uppercase)
            && next
                .trim_end_matches(['.', ',', ';', ':', '’', '\''])
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '’' | '\'' | '-'));
        prev_ok && next_ok
    }

    /// "Ola Berg (C), Per Lind (S) och …": a capital letter in brackets after a name and
    /// before a comma or a conjunction is a party's initial in a list of who is shown, not a
    /// copyright sign.
    pub(super) fn party_mark(&self, i: usize) -> bool {
        let text = self.text;
        if text.get(i..i + 3) != Some("(C)") {
            return false;
        }
        let before = text[..i].strip_suffix(' ').unwrap_or(&text[..i]);
        let after = text[i + 3..].trim_start();
        let conjunction = after
            .split_whitespace()
            .next()
            .is_some_and(|w| is_in(&["och", "og", "and", "und", "et", "y", "e", "i"], w));
        before.chars().next_back().is_some_and(char::is_alphabetic)
            && (after.starts_with([',', ')', ';']) || conjunction)
    }

    /// A colon inside a word (`re:publica`), not after a label (`Foto:dpa`).
    pub(super) fn inner_colon(&self, i: usize) -> bool {
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
        // The text's own lowercase: the line's lowered copy keeps non-ASCII capitals ("Фото").
        let w = self.lower_at(wstart..i);
        let w: &str = &w;
        !in_list!(AUTHOR_LABELS, w) && !is_in(SOURCE_LABELS, w) && !is_in(RIGHTS_LABELS, w)
    }
}

/// Whether the double quote at `j` is a Hebrew gershayim, the mark of an acronym between two
/// Hebrew letters ("לע"מ"), which is part of the word.
fn hebrew_gershayim(text: &str, j: usize) -> bool {
    let hebrew = |c: Option<char>| c.is_some_and(|c| ('\u{05D0}'..='\u{05EA}').contains(&c));
    // The mark's own length: '״' takes two bytes, '"' one.
    let mut rest = text[j..].chars();
    matches!(rest.next(), Some('"' | '״'))
        && hebrew(text[..j].chars().next_back())
        && hebrew(rest.next())
}

/// Characters that end a word wherever they stand. A `match` rather than a search of a string
/// of them: this runs for every character of every word.
/// Whether the en dash at byte `i` stands between two letters ("JPL–Caltech").
fn glued_en_dash(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
        && text[i + '–'.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
}

fn ends_word(c: char) -> bool {
    matches!(
        c,
        ',' | '/'
            | '\\'
            | ';'
            | '|'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '·'
            | '•'
            | '–'
            | '—'
            | '!'
            | '?'
            | '…'
            | '©'
            | '℗'
            | 'ⓒ'
            | '、'
            | '：'
            | '／'
            | '＝'
            | '（'
            | '）'
            | '。'
            | '｜'
            | '【'
            | '】'
            | '،'
            | '؛'
            | '।'
            | '॥'
            | '։'
            | '።'
            | '\u{200B}'
            | '\u{FEFF}'
            | '<'
            | '>'
    )
}

/// Whether the visarga at `i` ("ः", "ঃ") stands for a label's colon: it ends a word that is an
/// author label ("तस्बिरः", "ছবিঃ") and whitespace or the line's end follows. Inside a word it
/// is a letter.
fn visarga_colon(text: &str, i: usize) -> bool {
    let after = &text[i + 'ः'.len_utf8()..];
    if !after.chars().next().is_none_or(char::is_whitespace) {
        return false;
    }
    // Both visargas are three bytes in UTF-8, as `len_utf8` above assumes. The word is cut
    // after the last space or opening bracket ("(तस्बिरः Name)").
    let word = text[..i]
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '（'))
        .next()
        .unwrap_or("");
    !word.is_empty() && in_list!(AUTHOR_LABELS, word)
}

/// "Unsplash의" (Korean), "Unsplashの" (Japanese): a platform's name with the possessive
/// particle glued to it; returns the platform's name and what follows the particle (a name
/// glued on, or nothing).
fn platform_possessive(word: &str) -> Option<(&str, &str)> {
    // Most words are ASCII, or hold neither particle, and are not looked at further.
    if word.is_ascii() {
        return None;
    }
    let (at, particle) = word
        .char_indices()
        .find(|&(_, c)| matches!(c, '의' | 'の'))?;
    let platform = &word[..at];
    let lower = platform.to_ascii_lowercase();
    let known = !platform.is_empty()
        && platform.is_ascii()
        && agency::classify(&[lower.as_str()]).is_some_and(|m| m.kind == Kind::Platform);
    known.then(|| (platform, &word[at + particle.len_utf8()..]))
}

/// Georgian's everyday letters (Mkhedruli). Unicode counts them lowercase, since it added capitals
/// (Mtavruli) for titles, but names are written in them: a word in them is no lowercase word.
pub(super) fn is_mkhedruli(c: char) -> bool {
    ('\u{10D0}'..='\u{10FF}').contains(&c)
}
