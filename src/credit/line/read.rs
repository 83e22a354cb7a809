//! Reading clauses left to right into pieces (authors and sources), and choosing among them.

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::*;

impl Parser<'_> {
    pub(super) fn read(&mut self, clauses: &[Clause]) {
        let clauses = self.without_us_address(clauses);
        // A line with a sentence in it is a caption: its names are the people shown, not the
        // photographer, unless the credit part of the line says so.
        let sentences: Flags = clauses.iter().map(sentence_like).collect();
        let bar_joined = bar_chains(clauses, &sentences);
        let mut caption = sentences.contains(&true);
        let mut ctx = Ctx::None;
        let mut pieces: Vec<Piece> = Vec::with_capacity(8);
        let mut group = 0;
        let mut group_opened = true;
        // Groups in which a label, a "©" or an own-work mark says where the credit is.
        let mut labeled: Indices = Indices::new();
        let mut k = 0;
        // Whether the previous clause was only a label ("Foto:"): "Foto: CC BY 2.0 Jane Doe"
        // names her across the license.
        let mut after_label = false;
        while k < clauses.len() {
            let clause = &clauses[k];
            let here = k;
            k += 1;
            let label_before = std::mem::take(&mut after_label);
            match clause.before {
                Sep::HardMask if label_before && ctx == Ctx::Author => {}
                // "Photos: Jane Doe; John Roe; Ann Poe": after a label, a semicolon separates
                // the names of one list, as long as each item reads as a name.
                Sep::Hard if ctx == Ctx::Author && self.semicolon_item(clauses, here, &pieces) => {}
                Sep::Hard | Sep::Start | Sep::HardMask | Sep::Open => ctx = Ctx::None,
                // "© dpa | Jens Kalaene", "Foto: picture alliance / SZ Photo | Friedrich
                // Bungert": after a credit's label the bar goes on naming the credit.
                Sep::Bar if ctx != Ctx::Author => ctx = Ctx::None,
                // "By X - Own work, …", "Photo: X — Unsplash": after an author, the source.
                // "Foto: –/Example Ministry/dpa": a dash standing for no name right after the
                // label leaves the label's context as it was.
                Sep::Dash if label_before => {}
                // "Foto ČTK — J. NOVÁK": after a label's agency, a dash and a person's name
                // name the photographer (the agency is the source).
                Sep::Dash
                    if ctx == Ctx::Author
                        && pieces.last().is_some_and(|p| {
                            p.clause + 1 == here
                                && p.role
                                    == (Role::Source {
                                        kind: Some(Kind::Agency),
                                    })
                        })
                        && (2..=3).contains(&clause.words.len())
                        && clause.words.iter().all(|w| !w.lowercase_initial)
                        && classify(&clause.words).is_none()
                        && plausible(&clause.words, 3, 0) => {}
                Sep::Dash => {
                    ctx = if ctx == Ctx::Author {
                        Ctx::Source
                    } else {
                        Ctx::None
                    }
                }
                _ => {}
            }
            // "Keystone/The White House via AP/Jane Doe": after the agency a "via" named, a
            // slash goes on naming the credit, not more sources.
            if clause.before == Sep::Slash
                && ctx == Ctx::Source
                && pieces.last().is_some_and(|p| {
                    p.clause + 1 == here && matches!(p.role, Role::Source { kind: Some(_) })
                })
            {
                ctx = Ctx::None;
            }
            // A soft mask ("© 2019 Jane", "Frank Franklin II/Copyright 2026 The AP") keeps the
            // group: the credit goes on across it.
            // "… a caption's sentence. Jane Doe - Agency/Agency": a dash between a short name
            // after the caption and a known agency joins one credit, like a slash.
            let dash_joined = clause.before == Sep::Dash
                && starts_known(words_of(clauses, here))
                && here >= 2
                && matches!(clauses[here - 1].before, Sep::Hard | Sep::HardMask)
                && clauses[..here - 1]
                    .iter()
                    .flat_map(|c| &c.words)
                    .filter(|w| w.lowercase_initial && !in_list!(PARTICLES, &w.lower))
                    .nth(1)
                    .is_some()
                && (2..=4).contains(&clauses[here - 1].words.len())
                && !sentences[here - 1]
                // "Jane Doe - AFP": the whole line is a name, a dash and a known agency.
                || clause.before == Sep::Dash
                    && here == 1
                    && clauses.len() == 2
                    && clauses[0].before == Sep::Start
                    && starts_known(words_of(clauses, here))
                    && (2..=3).contains(&clauses[0].words.len())
                    && clauses[0].words.iter().all(|w| {
                        !w.lowercase_initial && w.lower.chars().all(char::is_alphabetic)
                    })
                    && classify(&clauses[0].words).is_none();
            // "… a caption's sentence. (Jane Doe, Agency)", "(Jane Doe, Agency/Agency)": in
            // brackets of their own, a short name and a known agency after a comma are one
            // credit, like a slash.
            // "(Jane Doe, Agency, Pool Photo via AP)": the brackets hold only the credit, up
            // to their close.
            let comma_joined = clause.before == Sep::Comma
                && (starts_known(words_of(clauses, here))
                    || words_of(clauses, here)
                        .first()
                        .is_some_and(|w| w.lower == "pool"))
                && here >= 1
                && (2..=4).contains(&clauses[here - 1].words.len())
                && !sentences[here - 1]
                && self.text[..clauses[here - 1].words[0].span.start]
                    .trim_end()
                    .ends_with(['(', '（'])
                && self.text[at_start_of(clauses, here)..]
                    .find([')', '）'])
                    .is_some_and(|close| {
                        let inner = &self.text[at_start_of(clauses, here)..][..close];
                        inner.len() <= 80 && !inner.contains(". ")
                    });
            // "… the caption's text Jane Doe | Agency": a bar before an agency that ends the
            // line joins the credit like a slash.
            // Only after a capitalised word: a caption that plainly ends ("… pack up early |
            // Agency") credits the agency alone.
            let bar_agency = clause.before == Sep::Bar
                && closing_agency(clause)
                && here >= 1
                && clauses[here - 1]
                    .words
                    .last()
                    .is_some_and(|w| self.text[w.span.clone()].starts_with(char::is_uppercase));
            // "jdoe, iStock, Getty Images Plus", "Jane Doe, Royalty free, Getty Images": a stock
            // site's credit names the contributor, then at least two agencies or licence
            // words, all set off by commas; the first comma joins like a slash. ("Jane Doe,
            // Agency" alone may be a caption naming who is shown.)
            let stock_joined = here == 1
                && clause.before == Sep::Comma
                && clauses.len() >= 3
                && clauses[0].before == Sep::Start
                && (1..=3).contains(&clauses[0].words.len())
                && classify(&clauses[0].words).is_none()
                && clauses[here..].iter().all(|c| {
                    classify(&c.words).is_some_and(|m| m.words == c.words.len())
                        && matches!(c.after, Sep::Comma | Sep::End)
                })
                && clauses[here..]
                    .iter()
                    .any(|c| classify(&c.words).is_some_and(|m| m.kind == Kind::Agency));
            if !matches!(clause.before, Sep::Slash | Sep::Soft)
                && !stock_joined
                && !bar_joined[here]
                && !bar_agency
                && !dash_joined
                && !comma_joined
            {
                group += 1;
                group_opened = matches!(
                    clause.before,
                    Sep::Hard | Sep::HardMask | Sep::Dash | Sep::Start | Sep::Open | Sep::Bar
                );
            }
            let words = &clause.words;
            // "(talk)", "(UTC)", "(v.l.)": asides that are never names.
            if words.iter().all(|w| is_aside(&w.lower)) {
                // "Jane Doe (l.) with …": a position says who is shown, so the line is a
                // caption.
                caption |= words.iter().any(|w| is_in(POSITION_ASIDES, &w.lower));
                continue;
            }
            let at = At {
                group,
                after_slash: clause.before == Sep::Slash,
                clause: here,
                group_opened,
                clause_start: words.first().map_or(0, |w| w.span.start),
                clause_end: words.last().map_or(0, |w| w.span.end),
                sentence: sentences[here],
                bracketed: clause.before == Sep::Open,
                after_bar: clause.before == Sep::Bar,
                agency_next: clause.after == Sep::Slash
                    && clauses.get(here + 1).is_some_and(|n| {
                        let w = &n.words;
                        let via = w.first().is_some_and(|v| v.lower == "via");
                        starts_known(&w[usize::from(via).min(w.len())..])
                    })
                    // "… the caption's text JANE DOE | AGENCY": a bar before an agency that
                    // ends the line sets off the credit like a slash.
                    || clause.after == Sep::Bar && clauses.get(here + 1).is_some_and(closing_agency),
            };
            // "游客在公园赏花。（记者 王小明 摄）": a Chinese reporter's credit, a name between
            // "reporter" and "photographed", names the photographer; the caption's text around
            // it does not.
            if is_cjk_reporter_credit(words) && classify(words).is_none() {
                self.flush(words, Ctx::Author, true, at, &mut pieces);
                labeled.push(group);
                ctx = Ctx::None;
                continue;
            }
            // "(Vytauto Ruškio nuotr.)", "Kovács Anna felvétele": a clause of one to three
            // capitalised words and a word that credits the photo after the name.
            if let [name @ .., tail] = &words[..]
                && is_in(NAME_THEN_LABEL, &tail.lower)
                && (1..=3).contains(&name.len())
                && name
                    .iter()
                    .all(|w| self.text[w.span.clone()].starts_with(char::is_uppercase))
                && classify(name).is_none()
            {
                self.flush(name, Ctx::Author, true, at, &mut pieces);
                labeled.push(group);
                ctx = Ctx::None;
                continue;
            }
            // "猜灯谜现场。(王策 摄)", "…选段。蒋凯 敏丽摄", "中央社記者裴禛攝", "(吳吉斌供圖)",
            // "實習生 王一凡/攝": one to three Chinese or Japanese names before "photographed"
            // or "provided the picture" (after a reporter's word, if any) are the credit, each
            // name an author; the caption's clauses around them are not.
            let slash_tail = clause.after == Sep::Slash
                && clauses.get(here + 1).is_some_and(
                    |n| matches!(&n.words[..], [t] if is_in(CJK_CREDIT_TAILS, &t.lower)),
                );
            if let Some(names) = cjk_credit_names(self.text, words, slash_tail) {
                // "（境港市提供）": the picture was provided by them.
                if words
                    .iter()
                    .any(|w| PROVIDED.iter().any(|p| w.lower.ends_with(p)))
                {
                    self.press_material = true;
                }
                for r in names.chunks(2) {
                    let name = Word {
                        span: r[0]..r[1],
                        lower: Lower::Own(self.text[r[0]..r[1]].into()),
                        copyright: false,
                        lowercase_initial: false,
                    };
                    self.flush(&[name], Ctx::Author, true, at, &mut pieces);
                }
                labeled.push(group);
                ctx = Ctx::None;
                if slash_tail {
                    k += 1;
                }
                continue;
            }
            // "… this Friday. EFE Jane Doe", "… 2021. REUTERS Jane Doe File Photo": at the end
            // of a caption, a known agency and then a person's name, without the slash that
            // usually stands between them.
            if matches!(clause.before, Sep::Hard | Sep::HardMask | Sep::Soft)
                && matches!(clause.after, Sep::End | Sep::Hard | Sep::HardMask)
                && here > 0
                && let Some((agency_words, name)) = agency_then_name(words)
            {
                self.flush(agency_words, Ctx::Source, false, at, &mut pieces);
                self.flush(name, Ctx::Author, true, at, &mut pieces);
                labeled.push(group);
                ctx = Ctx::None;
                continue;
            }
            // "… en la selva del Catatumbo, Colombia. Jane Doe. AFP": a caption's last sentences
            // a name alone and then a known agency alone, the agency's photographer.
            if matches!(clause.before, Sep::Hard | Sep::HardMask)
                && clause.after == Sep::Hard
                && here > 0
                && clauses.len() == here + 2
                && clauses[here + 1].after == Sep::End
                && classify(&clauses[here + 1].words).is_some_and(|m| {
                    m.kind == Kind::Agency && m.words == clauses[here + 1].words.len()
                })
                && self.text[at.clause_end..].trim_start().starts_with('.')
                && self.text[..at.clause_start].trim_end().ends_with('.')
                && closing_name(words)
            {
                self.flush(words, Ctx::Author, true, at, &mut pieces);
                labeled.push(group);
                ctx = Ctx::None;
                continue;
            }
            // "… the caption's last sentence. /Jane Doe", "Archive picture./Jane Doe": a slash
            // right after a sentence's end starts the credit (Korean and Spanish papers); the
            // bare text before it is the caption's.
            if ctx != Ctx::Author
                && let Some(before) = self.text[..at.clause_start]
                    .trim_end()
                    .strip_suffix(['/', '／'])
                && let Some(sentence) = before.trim_end().strip_suffix(['.', '。', '!', '?'])
                // A sentence's last word, not an abbreviation's or an initial's ("Univ./APL",
                // "Harry F./…").
                && sentence
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| {
                        w.chars().count() >= 2
                            && (w.chars().any(is_cjk)
                                || w.chars().count() >= 4
                                    && w.chars().skip(1).all(char::is_lowercase)
                                    && !with_lower(w, |w| in_list!(ABBREVIATIONS, w)))
                    })
                && plausible(words, 4, 0)
            {
                pieces.retain(|p| p.role != (Role::Author { explicit: false }));
                ctx = Ctx::Author;
                labeled.push(group);
            }
            // "Galata Tower: Jane Doe (CC BY-SA 4.0)", "Jane Roe (1969): NASA (public domain)":
            // a picture list's "SUBJECT: AUTHOR (LICENSE)" — a short name after a colon with
            // nothing but the license or a rights statement after it is the author, and the
            // bare text before the colon is what the picture shows.
            if ctx != Ctx::Author
                && (1..=5).contains(&words.len())
                && self.text[..at.clause_start]
                    .trim_end()
                    .ends_with([':', '：'])
                && !words[0].lowercase_initial
                && plausible(words, 5, 0)
                && self.only_license_after(at.clause_end)
            {
                pieces.retain(|p| p.role != (Role::Author { explicit: false }));
                ctx = Ctx::Author;
                labeled.push(group);
                self.flush(words, Ctx::Author, true, at, &mut pieces);
                continue;
            }
            // Commons' "use this file": "[Von|Par|De|Di|Door|Autorstwa] AUTHOR - Own work, …".
            if let Some(next) = next_clause(clauses, here)
                && next.before != Sep::Slash
                && let (Some(a), Some(b)) = (words.last(), next.words.first())
                && self
                    .gap(&a.span, &b.span)
                    .is_some_and(|g| g.contains(['-', '–', '—', ',', '.']))
                && is_own_work(&next.words)
            {
                let from = words
                    .iter()
                    .rposition(|w| in_list!(BY_WORDS, &w.lower))
                    .map_or(0, |p| p + 1);
                let mut name = &words[from..];
                // "Beispielseite, Autor X - Eigenes Werk": the label word is not the name.
                if let Some((n, false)) = match_label(name)
                    && n < name.len()
                {
                    name = &name[n..];
                }
                while name
                    .last()
                    .is_some_and(|w| !w.lower.chars().any(char::is_alphabetic))
                {
                    name = &name[..name.len() - 1];
                }
                self.flush(name, Ctx::Author, true, at, &mut pieces);
                labeled.push(group);
                ctx = Ctx::Author;
                continue;
            }
            // "Bundesarchiv, Bild 183-R99621": a numbered label after an institution names the
            // institution; it is credited when no person is.
            if let Some((n, false)) = match_label(words)
                && n < words.len()
                && words[n..]
                    .iter()
                    .all(|w| w.lower.chars().any(|c| c.is_ascii_digit()))
            {
                if clause.before == Sep::Comma
                    && let Some(p) = pieces.last_mut()
                    && p.clause + 1 == here
                    && matches!(p.role, Role::Author { .. })
                {
                    p.role = Role::Source {
                        kind: Some(Kind::Agency),
                    };
                }
                // "… Bild 173-1321 / Helmut J. Wolf": the photographer follows the number.
                ctx = Ctx::Author;
                continue;
            }
            // "… / Mustermann, Erika / CC-BY-SA 3.0": "Last, First" between slashes is one name.
            if clause.before == Sep::Slash
                && clause.after == Sep::Comma
                && let Some(next) = clauses.get(here + 1)
                && matches!(next.after, Sep::Slash | Sep::End | Sep::HardMask)
                && [words, &next.words]
                    .iter()
                    .all(|ws| ws.len() <= 2 && ws.iter().all(|w| !w.lowercase_initial))
                && classify(&next.words).is_none()
                && classify(words).is_none()
                && !next.words.iter().all(|w| is_aside(&w.lower))
            {
                let both: Vec<Word> = words.iter().chain(&next.words).cloned().collect();
                self.flush(&both, ctx, false, at, &mut pieces);
                k += 1;
                continue;
            }
            // "Example Media, a.s.", "Ediciones Ejemplo, SLU": a legal form after a comma ends
            // the organisation's name before it.
            if clause.before == Sep::Comma
                && !words.is_empty()
                && words.iter().all(|w| in_list!(LEGAL_FORMS, &w.lower))
                && let Some(p) = pieces.last_mut()
                && p.clause + 1 == here
                && matches!(p.role, Role::Author { .. })
            {
                p.span.end = at.clause_end;
                p.name.end = at.clause_end;
                continue;
            }
            // "Photograph by Jane Doe (janedoe) on Flickr": Flickr's attribution writes the
            // member's name and then the account in brackets; both are the author as credited.
            if clause.before == Sep::Open
                && self.text[at.clause_end..].starts_with(')')
                && self.lower[at.clause_end + 1..]
                    .trim_start()
                    .starts_with("on flickr")
                && let Some(p) = pieces.last_mut()
                && p.clause + 1 == here
                && matches!(p.role, Role::Author { .. })
            {
                p.span.end = at.clause_end + 1;
                p.name.end = at.clause_end + 1;
                continue;
            }
            // "Courtesy of the Library of Congress, Prints and Photographs Division": a unit
            // after an institution is part of it, not another author.
            if clause.before == Sep::Comma
                && words.last().is_some_and(|w| is_in(SUBUNITS, &w.lower))
                && let Some(p) = pieces.last()
                && p.clause + 1 == here
                && matches!(p.role, Role::Author { .. })
                && self.org_like(p.span.clone())
            {
                continue;
            }
            // "Fotoğraf: Jane Doe Yıl: 1985", "Image: © Jane Doe Taken: 7 Sep 2013": after an
            // author's label, one capitalised word right before a colon labels the next field
            // (a year, a date, a place); the words before it are the name.
            if clause.after == Sep::Colon
                && (label_before && ctx == Ctx::Author
                    || words.first().is_some_and(|w| w.copyright))
                && let Some(name) = field_after_name(words)
            {
                self.flush(name, Ctx::Author, true, at, &mut pieces);
                labeled.push(group);
                ctx = Ctx::None;
                continue;
            }
            // "Photo:", "Crédit photo :", "Top left:" — a short clause before a colon is a label.
            if clause.after == Sep::Colon && words.len() <= 4 {
                match label_ctx(words) {
                    Some(c) => {
                        // "사진제공=X", "사진 제공: X": the picture was provided.
                        if c == Ctx::Author && words.iter().any(|w| w.lower.ends_with("제공")) {
                            self.press_material = true;
                        }
                        // "Research, text and photos: Jane Doe": the short clauses before a
                        // shared label's commas list more of its roles, not names.
                        if c == Ctx::Author
                            && clause.before == Sep::Comma
                            && words.iter().any(|w| is_in(LABEL_JOINERS, &w.lower))
                        {
                            let mut first = here;
                            while first > 0
                                && clauses[first].before == Sep::Comma
                                && clauses[first - 1].words.len() == 1
                            {
                                first -= 1;
                            }
                            pieces.retain(|p| p.clause < first);
                        }
                        ctx = c;
                        if c != Ctx::Ignore {
                            labeled.push(group);
                        }
                        after_label = c == Ctx::Author;
                    }
                    // "… a caption's sentence. (AAP: Jane Doe)", "(Example News: Jane Doe)",
                    // "(Supplied: Example Project)": in brackets that close the line, an agency,
                    // an outlet or "supplied" before a colon labels the credit that follows.
                    None if self.text[..at.clause_start]
                        .trim_end()
                        .ends_with(['(', '（'])
                        && self.closing_bracket_after(clauses, here)
                        && (classify(words).is_some_and(|m| m.words == words.len())
                            || self.org_like(at.clause_start..at.clause_end)
                                && plausible(words, 4, 0)) =>
                    {
                        let said: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
                        if in_list!(PRESS_MATERIAL, &said.join(" ")) {
                            self.press_material = true;
                        } else {
                            self.flush(words, Ctx::Source, false, at, &mut pieces);
                        }
                        ctx = Ctx::Author;
                        labeled.push(group);
                        after_label = true;
                    }
                    // Korean wires: "… 캡션. /서울=연합뉴스", "/연평도=사진공동취재단": after a
                    // slash, a place in Hangul before "=" is the credit's dateline.
                    None if self.text[..at.clause_start].trim_end().ends_with('/')
                        && words.len() == 1
                        && self.text[at.clause_end..].starts_with('=')
                        && words[0].lower.chars().all(is_hangul) =>
                    {
                        ctx = Ctx::Author;
                        labeled.push(group);
                        after_label = true;
                    }
                    // "EZB-Präsidentin Christine Lagarde: …", "Food styling: …": a caption's
                    // lead or a credit for something else.
                    None => {
                        ctx = Ctx::None;
                        caption |= words.len() >= 2;
                    }
                }
                continue;
            }
            // "… bedrängt ihn Foto: Getty Images": a label at the end of a caption's sentence.
            // "Starkes Trio seit 32 Jahren: …": a longer lead before a colon is a caption's.
            if clause.after == Sep::Colon {
                caption = true;
            }
            if clause.after == Sep::Colon
                && let Some(n) = (1..=3).rev().find(|&n| {
                    words.len() > n
                        && match_label(&words[words.len() - n..]).is_some_and(|m| m.0 == n)
                })
            {
                ctx = label_ctx(&words[words.len() - n..]).unwrap_or(Ctx::Author);
                labeled.push(group);
                continue;
            }
            let mut i = 0;
            // Leading labels: "©", "Photo by", "Foto von", "Courtesy of". A clause that is a known
            // name ("picture alliance") has none.
            let known = classify(words).is_some();
            // "„Title“ von X", "… 2013 in Leipzig von X": a connector right after a mask;
            // "Par Jeanne Dupont", "Autorstwa Jan Nowak": a localized "by" opening a clause.
            if words.len() > 1
                && !words[1].lowercase_initial
                && clause.before != Sep::Slash
                && !self.lowercase_quote_before(at.clause_start)
                && (matches!(clause.before, Sep::Soft | Sep::HardMask)
                    && is_in(
                        &["von", "par", "de", "di", "por", "door", "da", "van"],
                        &words[0].lower,
                    )
                    || in_list!(BY_WORDS, &words[0].lower) && plausible(&words[1..], 5, 0))
            {
                ctx = Ctx::Author;
                i = 1;
            }
            // "Bequest of …, 1929", "Gift of …", "Purchase, … Fund": provenance, not a credit.
            // "Partial and Promised Gift of …": the provenance word may come after others.
            if words.first().is_some_and(|w| in_list!(PROVENANCE, &w.lower))
                // "Bequeathed by Jane Doe 1927", "Presented by the Trustees …": who gave the
                // object to the museum, not who made it.
                || words.len() >= 2
                    && is_in(PROVENANCE_VERBS, &words[0].lower)
                    && is_in(&["by", "from"], &words[1].lower)
                || words.iter().any(|w| is_in(&["fund", "funds"], &w.lower))
                || words
                    .windows(2)
                    .any(|w| w[1].lower == "of" && in_list!(PROVENANCE, &w[0].lower))
            {
                // "The Example Collection, Purchase, …": a collection that is no museum, right
                // before the provenance, is where the object came from, not who made it.
                if clause.before == Sep::Comma
                    && let Some(last) = pieces.last()
                    && last.clause + 1 == here
                    && last.role == (Role::Author { explicit: false })
                    && self.lower[last.span.clone()]
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|w| matches!(w, "collection" | "collections"))
                    && !self.lower[last.span.clone()]
                        .split_whitespace()
                        .any(|w| in_list!(ORG_WORDS, w))
                {
                    pieces.pop();
                }
                // "The Met, New York, Bequest of …": the city before it is not an author.
                if clause.before == Sep::Comma
                    && pieces.len() >= 2
                    && let Some(last) = pieces.last()
                    && last.clause + 1 == here
                    && last.role == (Role::Author { explicit: false })
                    && self.org_like(pieces[pieces.len() - 2].span.clone())
                {
                    pieces.pop();
                }
                // "Human-headed lion (lamassu), Assyrian, … The Met, Gift of …": the bare text
                // before the institution describes the object.
                // "Jane Doe, Title, 1872, The Met, Gift of …", "Title, Jane Doe, The Met, …":
                // one person's name among that text is the artist, whom the museum's credit
                // line names first; two are a guess, so neither is named.
                if let Some(museum) = pieces.iter().rposition(|p| {
                    matches!(p.role, Role::Author { .. }) && self.org_like(p.span.clone())
                }) {
                    let clause = pieces[museum].clause;
                    let artists: Vec<usize> = (0..museum)
                        .filter(|&k| {
                            pieces[k].role == (Role::Author { explicit: false })
                                && !pieces[k].bracketed
                                && self.artist_like(pieces[k].span.clone())
                        })
                        .collect();
                    let artist = match artists[..] {
                        [k] => Some(pieces[k].clause),
                        [_, _, ..] => {
                            self.notes.push(LineNote::AuthorUnclear);
                            None
                        }
                        [] => None,
                    };
                    if !artists.is_empty() {
                        pieces[museum].role = Role::Source { kind: None };
                    }
                    pieces.retain(|p| {
                        p.clause >= clause
                            || Some(p.clause) == artist
                            || p.role != (Role::Author { explicit: false })
                    });
                } else if !self.provenance {
                    self.artist_first(&mut pieces);
                }
                self.provenance = true;
                ctx = Ctx::Ignore;
                continue;
            }
            while !known && i < words.len() {
                if let Some(w) = words.get(i)
                    && (w.copyright || w.lower == "copyright" || w.lower == "copr.")
                {
                    ctx = Ctx::Author;
                    labeled.push(group);
                    if w.copyright || w.lower == "copyright" {
                        self.copyright_groups.push(group);
                    }
                    i += 1;
                    continue;
                }
                // "picture alliance", "Picture Alliance/dpa": a known name that starts with a
                // label word is the name.
                if starts_known(&words[i..]) {
                    break;
                }
                match match_label(&words[i..]) {
                    Some((n, false)) => {
                        // "사진제공=X": a label that says the picture was provided.
                        if words[i..i + n].iter().any(|w| w.lower.ends_with("제공")) {
                            self.press_material = true;
                        }
                        ctx = Ctx::Author;
                        labeled.push(group);
                        i += n;
                    }
                    Some((n, true)) => {
                        labeled.push(group);
                        ctx = if is_in(CREDIT_SOURCE_LABELS, &words[i].lower) && n == 1 {
                            Ctx::Author
                        } else {
                            Ctx::Source
                        };
                        i += n;
                    }
                    None => break,
                }
                if words
                    .get(i)
                    .is_some_and(|w| in_list!(LABEL_CONNECTORS, &w.lower))
                {
                    i += 1;
                }
            }
            // "© 2018 - Jane Doe": a clause of labels alone (its year masked) leaves the
            // author's context to the clause after it, across a dash.
            if i > 0 && i == words.len() && ctx == Ctx::Author && words[0].copyright {
                after_label = true;
            }
            // "Foto: Skjermdump / Example Post": a screenshot shows where it was taken; what
            // follows is the source.
            if ctx == Ctx::Author
                && i + 1 == words.len()
                && is_in(SCREENSHOT_WORDS, &words[i].lower)
            {
                ctx = Ctx::Source;
                continue;
            }
            // "Crédito: Reprodução/TV", "Foto: Screenshot/Example": after a reproduction's
            // word, one word that is no person's name is where it was reproduced from.
            if ctx == Ctx::Author
                && clause.before == Sep::Slash
                && words.len() == 1
                && here > 0
                && let [prev] = &clauses[here - 1].words[..]
                && (is_in(SCREENSHOT_WORDS, &prev.lower) || is_in(REPRODUCTION_WORDS, &prev.lower))
            {
                ctx = Ctx::Source;
            }
            // "Bild Från Polisen": "from" in a Scandinavian credit names where the image came
            // from.
            if words.get(i).is_some_and(|w| is_in(&["från"], &w.lower)) {
                ctx = Ctx::Source;
                i += 1;
            }
            let mut start = i;
            let mut connected = clause.before == Sep::Bar && ctx == Ctx::Author;
            let mut role_ctx = ctx;
            // Set after a "by" inside a caption's sentence: what follows is a name only if it
            // reads as one, and the context does not carry past this clause.
            let mut tentative = false;
            let mut last_ok = true;
            let org_from = |k: usize| {
                words[k..]
                    .iter()
                    .take_while(|w| {
                        !is_in(&["by", "via", "for", "from", "über", "courtesy"], &w.lower)
                    })
                    .any(|w| in_list!(ORG_WORDS, &w.lower))
            };
            let mut org = org_from(i);
            let mut j = i;
            while j < words.len() {
                let w = &words[j];
                let orig = &self.text[w.span.clone()];
                let next_ctx = match w.lower.as_str() {
                    // "Styling by …", "Casting by …": a credit for other work than the photo.
                    "by" if j > 0 && in_list!(OTHER_WORK, &words[j - 1].lower) => {
                        Some((Ctx::Ignore, 1))
                    }
                    "by" => Some((Ctx::Author, 1)),
                    // "jdoe shared under a Creative Commons license": what follows is the terms.
                    "shared" | "licensed" | "released" | "used" | "available"
                        if j > start && words.get(j + 1).is_some_and(|n| n.lower == "under") =>
                    {
                        Some((Ctx::Ignore, 2))
                    }
                    // Spanish "vía" ("Ministerio de Defensa vía AP").
                    "via" | "for" | "über" | "vía" => Some((Ctx::Source, 1)),
                    // German "für" and French "pour" after a credited name ("Foto Jane Doe für
                    // den SPIEGEL"); in bare text they are a caption's words.
                    // The outlet after it opens with an article or is written in capitals.
                    "für" | "pour"
                        if role_ctx == Ctx::Author
                            && j > start
                            && words.get(j + 1).is_some_and(|n| {
                                is_in(&["den", "die", "das", "dem", "le", "la", "les"], &n.lower)
                                    || n.lower.starts_with("l'")
                                    || n.lower.starts_with("l’")
                                    || !n.lowercase_initial
                                        && self.text[n.span.clone()]
                                            .chars()
                                            .all(|c| !c.is_lowercase())
                            }) =>
                    {
                        Some((Ctx::Source, 1))
                    }
                    "courtesy" => {
                        let of = words.get(j + 1).is_some_and(|n| {
                            matches!(n.lower.as_str(), "of" | "von" | "de" | "di" | "van")
                        });
                        // "Credit: Courtesy": supplied by someone the line does not name.
                        if j + 1 == words.len() {
                            self.press_material = true;
                        }
                        Some((Ctx::Author, 1 + usize::from(of)))
                    }
                    p if j > start && in_list!(PLATFORM_PREPS, p) => {
                        let rest: Vec<&str> =
                            words[j + 1..].iter().map(|w| w.lower.as_str()).collect();
                        let known = agency::classify(&rest)
                            .is_some_and(|m| m.kind != Kind::Boilerplate)
                            // "… from the first drives of …": "from" and a lowercase word
                            // are a caption's prose, not where the image came from.
                            || p == "from"
                                && words.get(j + 1).is_some_and(|n| !n.lowercase_initial);
                        known.then_some((Ctx::Source, 1))
                    }
                    _ => None,
                };
                // "U.S. Navy photo by Jane Doe", "Courtesy of Example Air Force photo by Jane
                // Doe": the organisation whose photo it is, then who took it. The organisation is
                // the source, the person after "by" the author.
                // "flickr photo by jdoe shared under …": after a platform's name the member's
                // name may be lowercase.
                // Looked up only where the rule below needs it (after a "by"), not for every word.
                let platform_photo = || {
                    j >= 2
                        && agency::classify(&[words[j - 2].lower.as_str()])
                            .is_some_and(|m| m.kind == Kind::Platform)
                };
                // A label run into the clause: how many words it takes, after what its kind does
                // with the words before it.
                let inline_label = if w.lower == "by"
                    && role_ctx != Ctx::Source
                    && j >= start + 2
                    && is_in(&["photo", "photos", "image", "images"], &words[j - 1].lower)
                    && words
                        .get(j + 1)
                        .is_some_and(|n| !n.lowercase_initial || platform_photo())
                    && (words[start..j - 1]
                        .iter()
                        .all(|w| !w.lowercase_initial || in_list!(PARTICLES, &w.lower))
                        || platform_photo() && j == start + 2)
                    && !is_in(INDEFINITE_ARTICLES, &words[start].lower)
                    && !is_in(ARTICLES, &words[start].lower)
                {
                    self.flush(&words[start..j - 1], Ctx::Source, true, at, &mut pieces);
                    Some(1)
                } else if w.lower == "by"
                    && role_ctx == Ctx::None
                    && j > start
                    && !words[j - 1].lowercase_initial
                    && is_in(
                        &["photo", "photograph", "photos", "picture", "image"],
                        &words[j - 1].lower,
                    )
                    && words.get(j + 1).is_some_and(|n| !n.lowercase_initial)
                {
                    // "… in front of his workshop Photo by Jane Doe": a capitalised "Photo by"
                    // inside a clause is the credit's label run into the caption, not a "by" of
                    // its text.
                    Some(1)
                } else if w.lower == "image"
                    && j > start
                    && !w.lowercase_initial
                    && words.get(j + 1).is_some_and(|n| n.lower == "copyright")
                    && words.len() > j + 2
                {
                    // "REUTERS/Jane Doe Image copyright Reuters" (the BBC's captions): the label
                    // of the copyright notice run into the credit before it. The words before
                    // are a name ("Jane Doe"), or the caption's text, which the notice ends.
                    if role_ctx != Ctx::None || plausible(&words[start..j], 4, 0) {
                        last_ok =
                            self.flush(&words[start..j], role_ctx, connected, at, &mut pieces);
                    }
                    self.copyright_groups.push(group);
                    Some(2)
                } else {
                    None
                };
                if let Some(skip) = inline_label {
                    labeled.push(group);
                    role_ctx = Ctx::Author;
                    connected = true;
                    j += skip;
                    start = j;
                    org = org_from(j.min(words.len()));
                    continue;
                }
                if let Some((next, skip)) = next_ctx {
                    // Text before "by" that no label introduced is a description or an
                    // unquoted title, not a name.
                    let mid_sentence = w.lower == "by" && role_ctx == Ctx::None;
                    if !mid_sentence {
                        let ok = self.flush(&words[start..j], role_ctx, connected, at, &mut pieces);
                        last_ok = ok || start == j;
                    } else if j > start && sentences[here] {
                        tentative = true;
                    }
                    // "… damaged by a missile attack": "by" inside a caption's sentence names
                    // no credit; what follows is read as bare text.
                    role_ctx = if tentative && mid_sentence {
                        Ctx::None
                    } else {
                        next
                    };
                    connected = true;
                    j += skip;
                    start = j;
                    org = org_from(j.min(words.len()));
                    continue;
                }
                // "Ana Silva & Pedro Costa" are two people; "Ainslie + Ainslie", "Tuul & Bruno
                // Morandi", "Rama & Musée Bolo" credit one studio, couple or pair: a sign joins
                // two authors only when both sides are full names.
                let sign = orig == "&" || orig == "+";
                let is_conj = if sign {
                    j >= start + 2 && words.len() >= j + 3
                } else {
                    is_in(CONJUNCTIONS, orig)
                };
                // "Presse- und Informationsamt": a word cut at a hyphen shares the next word's
                // ending; the conjunction joins the two halves of one name.
                let elided = j > 0 && words[j - 1].lower.ends_with('-');
                if is_conj && !elided && role_ctx != Ctx::Source && !org && j > start {
                    let ok = self.flush(&words[start..j], role_ctx, connected, at, &mut pieces);
                    last_ok = ok;
                    start = j + 1;
                    // "Imagen de un baño portátil situado en La Pradera": a label whose words
                    // are no name labels nothing; what follows is read as bare text.
                    if !ok && role_ctx == Ctx::Author {
                        role_ctx = Ctx::None;
                    }
                }
                j += 1;
            }
            if start < words.len() {
                let ok = self.flush(&words[start..], role_ctx, connected, at, &mut pieces);
                last_ok = ok;
            }
            // A label's context carries over commas ("Photos: A, B") only while it reads names.
            ctx = if tentative || (role_ctx == Ctx::Author && !last_ok) {
                Ctx::None
            } else {
                role_ctx
            };
        }
        // A known agency closing a caption ("… an hour. AP", "…＝ＡＰ") is its credit.
        if pieces
            .iter()
            .any(|p| p.group == group && matches!(p.role, Role::Source { kind: Some(_) }))
        {
            labeled.push(group);
        }
        self.drop_affiliations(&mut pieces);
        self.photographer_after_holder(&mut pieces);
        self.finish(pieces, caption, group, &labeled);
    }

    /// "Photo © Example Gallery (Jane Doe)": a person's name in brackets that close the line,
    /// right after the holder a "©" names (one that is no person's name), is the photographer;
    /// the holder is the source.
    fn photographer_after_holder(&self, pieces: &mut [Piece]) {
        let Some(k) = pieces.iter().position(|p| {
            matches!(p.role, Role::Author { .. }) && self.copyright_groups.contains(&p.group)
        }) else {
            return;
        };
        let Some(next) = pieces.get(k + 1) else {
            return;
        };
        let holder = pieces[k].span.clone();
        let gap = &self.text[holder.end..next.span.start];
        let after = self.text[next.span.end..].trim();
        if k + 2 == pieces.len()
            && gap.trim() == "("
            && matches!(after, ")" | ")." | "）")
            && matches!(next.role, Role::Author { .. })
            && self.person_like(next.span.clone())
            && !self.person_like(holder.clone())
        {
            pieces[k].role = Role::Source { kind: None };
            pieces[k + 1].role = Role::Author { explicit: true };
        }
    }

    /// "Jane Doe (Example Observatory, Example Institution)", "Jane Doe (World Bank)": in
    /// brackets right after a person's name, the organisations she works for are not more
    /// authors (nor is anything else bare there: a name alone in brackets after another is
    /// an aside, not a second credit). (A person's name in brackets after an organisation is kept: "Photo © Example
    /// Gallery (Jane Doe)".)
    fn drop_affiliations(&self, pieces: &mut Vec<Piece>) {
        let mut drop: SmallVec<[usize; 4]> = SmallVec::new();
        for (k, p) in pieces.iter().enumerate() {
            // The bracket first: most pieces have none after them, and are not looked at
            // further (a profile of the credit bench).
            let after = &self.text[p.span.end..];
            let Some(rest) = after.trim_start().strip_prefix(['(', '（']) else {
                continue;
            };
            if !matches!(p.role, Role::Author { .. }) || !self.person_like(p.span.clone()) {
                continue;
            }
            let open = p.span.end + (after.len() - rest.len());
            let Some(close) = rest.find([')', '）']).map(|c| open + c) else {
                continue;
            };
            let inside: SmallVec<[usize; 4]> = (k + 1..pieces.len())
                .take_while(|&j| pieces[j].span.start >= open && pieces[j].span.end <= close)
                .collect();
            // "Jane Doe (flickr.com/janedoe)": her account's web address names no one else.
            let inner = self.text[open..close].trim();
            let web = !inner.contains(' ')
                && inner
                    .split_once('/')
                    .is_some_and(|(host, _)| host.contains('.'));
            if web {
                drop.extend(
                    inside
                        .iter()
                        .copied()
                        .filter(|&j| matches!(pieces[j].role, Role::Author { .. })),
                );
            // "Example Beach (Jane Doe/Agency)": a credit in brackets after a caption's words
            // is the credit.
            } else if !inside.is_empty()
                && !inner.contains(['/', '／'])
                && inside
                    .iter()
                    .all(|&j| pieces[j].role == (Role::Author { explicit: false }))
            {
                drop.extend(inside);
            }
        }
        if !drop.is_empty() {
            let mut k = 0;
            pieces.retain(|_| {
                k += 1;
                !drop.contains(&(k - 1))
            });
        }
    }

    /// Whether the text right before `at` is a quoted word in lowercase: a word a caption
    /// sets apart ("la 'consellera' de Justicia"), not a title, so a "de" after it is no "by".
    fn lowercase_quote_before(&self, at: usize) -> bool {
        self.spans.title.as_ref().is_some_and(|t| {
            self.text.get(t.end..at).is_some_and(|g| {
                g.chars().count() <= 3 && g.chars().all(|c| is_quote(c) || c == ' ')
            }) && self.text[t.clone()].starts_with(char::is_lowercase)
        })
    }

    /// "… vicepresidenta del Gobierno JANE DOE | Agency": two or three words in capitals that
    /// end a caption written in mixed case, right before an agency, are the credit's, whatever
    /// word comes before them.
    fn trailing_capitals(&self, words: &[Word]) -> Option<Range<usize>> {
        let n = words.len();
        let capitals = |w: &Word| {
            let t = self.text[w.span.clone()].trim_end_matches('.');
            t.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && t.chars()
                    .all(|c| c.is_alphabetic() && c.is_uppercase() || matches!(c, '-' | '\''))
                && classify(std::slice::from_ref(w)).is_none()
        };
        if let Some(len) = (2..=3).rev().find(|&len| {
            n > len + 1
                && words[n - len..].iter().all(capitals)
                && !capitals(&words[n - len - 1])
                && !words[..n - len].iter().any(capitals)
                && words[..n - len]
                    .iter()
                    .any(|w| w.lower.chars().any(char::is_alphabetic) && w.lowercase_initial)
        }) {
            let span = words[n - len].span.start..words[n - 1].span.end;
            if !self.text[..span.start].contains(&self.text[span.clone()]) {
                return Some(span);
            }
        }
        None
    }

    /// The name at the end of a caption's clause, where the caption plainly ends before it:
    /// two capitalised words (three with a middle initial: "Jane Q Doe") after a lowercase
    /// word of the caption ("… at the gala Jane Doe"), or after an acronym that follows one
    /// ("… represent the UK Jane Doe"). A longer capitalised run ("… in Paris Jane Doe") may
    /// start with a place or a title, so it gives none; so does a run that the caption
    /// already mentions (who is shown).
    fn trailing_name(&self, words: &[Word]) -> Option<Range<usize>> {
        let initial = |w: &Word| {
            let t = self.text[w.span.clone()].trim_end_matches('.');
            t.chars().count() == 1 && t.chars().all(char::is_uppercase)
        };
        let capitalised = |w: &Word| {
            let t = &self.text[w.span.clone()];
            let mut cs = t.chars();
            cs.next().is_some_and(char::is_uppercase)
                && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && cs.any(char::is_lowercase)
                && t.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && !is_in(confidence::DAY_NAMES, &w.lower)
                && !crate::credit::date::is_month_name(&w.lower)
        };
        let n = words.len();
        if n < 4 {
            return None;
        }
        let len = if n >= 5 && capitalised(&words[n - 3]) && initial(&words[n - 2]) {
            3
        } else {
            2
        };
        let run = &words[n - len..];
        // "… in Manhattan Staff/Agency": a word of the credit's boilerplate is no name's.
        if !capitalised(&run[0])
            || !capitalised(&run[len - 1])
            || run
                .iter()
                .any(|w| classify(std::slice::from_ref(w)).is_some())
        {
            return None;
        }
        let before = &words[n - len - 1];
        // A lowercase word that no name holds ("the", "show"; not "van", "de", "bin").
        let caption_word = |w: &Word| {
            w.lowercase_initial
                && w.lower.chars().all(char::is_alphabetic)
                && (!in_list!(PARTICLES, &w.lower)
                    || is_in(&["the", "and", "of", "for", "a", "an"], &w.lower))
        };
        let acronym_after_caption = acronym(&self.text[before.span.clone()])
            && n > len + 1
            && caption_word(&words[n - len - 2]);
        if !(caption_word(before) || acronym_after_caption) {
            return None;
        }
        let span = run[0].span.start..run[len - 1].span.end;
        if self.text[..span.start].contains(&self.text[span.clone()]) {
            return None;
        }
        Some(span)
    }

    /// Whether the text before `start` is an office's title and a comma ("Presidente de
    /// Example, "): what follows names who holds it. Looks back to the clause's start only.
    fn after_office(&self, start: usize) -> bool {
        let Some(head) = self.lower[..start].trim_end().strip_suffix(',') else {
            return false;
        };
        let from = head
            .rfind(['.', ':', ';', '(', ')', ',', '|', '/'])
            .map_or(0, |i| i + 1);
        let clause = &head[from..];
        clause.len() <= 80
            && clause
                .split_whitespace()
                .any(|w| in_list!(OFFICE_TITLES, w))
    }

    /// Whether the text at `end` goes on with the platform of a machine-made credit ("Photo by
    /// jane doe on Unsplash", "photo by jane doe from Pexels"): the name is whatever the member
    /// wrote, in any case.
    pub(super) fn platform_after(&self, end: usize) -> bool {
        let rest = self.lower.get(end..).unwrap_or("");
        // Flickr's "Photograph by jane doe (janedoe) on Flickr": the account in brackets
        // between the name and the platform.
        let rest = rest
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .filter(|(account, _)| (1..=40).contains(&account.len()) && !account.contains('('))
            .map_or(rest, |(_, after)| after);
        // "on" in the languages of the platforms' own attribution strings: Italian "su",
        // Indonesian "di", Russian "на", Polish "z serwisu", Arabic "على", Portuguese "no",
        // Spanish "en", French "sur", German "auf".
        let Some(after) = [
            " on ",
            " via ",
            " from ",
            " su ",
            " di ",
            " на ",
            " z serwisu ",
            " على ",
            " no ",
            " en ",
            " sur ",
            " auf ",
        ]
        .iter()
        .find_map(|p| rest.strip_prefix(p)) else {
            return false;
        };
        ["flickr", "unsplash", "pexels", "pixabay"]
            .iter()
            .any(|n| after.starts_with(n))
    }

    /// Whether words are a person's name written in capitals at the start of a clause that
    /// follows a caption's sentence: two to four words of capital letters (an initial may
    /// keep its dot), in a line whose text before them has lowercase letters.
    fn capitals_name(&self, head: &[Word], at: At) -> bool {
        (2..=4).contains(&head.len())
            && at.group_opened
            && head[0].span.start == at.clause_start
            && head.iter().all(|w| {
                let t = self.text[w.span.clone()].trim_end_matches('.');
                t.chars()
                    .all(|c| c.is_alphabetic() && c.is_uppercase() || c == '-')
                    && t.chars().any(char::is_alphabetic)
            })
            && head
                .iter()
                .filter(|w| w.lower.trim_end_matches('.').chars().count() >= 2)
                .count()
                >= 2
            && self.text[..at.clause_start].chars().any(char::is_lowercase)
            && classify(head).is_none()
    }

    /// "Jane Doe, Title, 1872, oil on canvas. Credit Line: Gift of …": a museum's record that
    /// names no museum opens with the artist. The line's first clause is the artist when it
    /// reads as one (with her other name in brackets right after it: "Jane Doe (Jane Roe)").
    fn artist_first(&self, pieces: &mut [Piece]) {
        let Some(first) = pieces.first() else {
            return;
        };
        if first.clause != 0
            || first.role != (Role::Author { explicit: false })
            || !first.whole
            || !self.artist_like(first.span.clone())
        {
            return;
        }
        let mut span = first.span.clone();
        if let Some(next) = pieces.get(1)
            && next.clause == 1
            && next.bracketed
            && self.person_like(next.span.clone())
            && self
                .text
                .get(span.end..next.span.start)
                .is_some_and(|g| g.trim() == "(")
            && self.text[next.span.end..].starts_with(')')
        {
            span.end = next.span.end + 1;
        }
        pieces[0].span = span.clone();
        pieces[0].name = span;
        pieces[0].role = Role::Author { explicit: true };
    }

    /// Whether clause `k` is the next item of a list of names after a label, set off by a
    /// semicolon: the clause before it named an author explicitly, and this one reads as a
    /// name (short, capitalised, not a caption's sentence).
    fn semicolon_item(&self, clauses: &[Clause], k: usize, pieces: &[Piece]) -> bool {
        let Some(prev) = k.checked_sub(1).and_then(|p| clauses.get(p)) else {
            return false;
        };
        let (Some(a), Some(b)) = (prev.words.last(), clauses[k].words.first()) else {
            return false;
        };
        self.gap(&a.span, &b.span).is_some_and(|g| g.trim() == ";")
            && pieces
                .last()
                .is_some_and(|p| p.clause + 1 == k && p.role == (Role::Author { explicit: true }))
            && plausible(&clauses[k].words, 4, 0)
            && !sentence_like(&clauses[k])
    }

    /// Turns the words of one piece into an author or a source, or drops them. False when the
    /// words could have been a name and were not readable as one.
    pub(super) fn flush(
        &mut self,
        words: &[Word],
        ctx: Ctx,
        connected: bool,
        at: At,
        pieces: &mut Vec<Piece>,
    ) -> bool {
        let mut words = words;
        // "CQ-Roll Call, Inc via Getty Images": a legal form alone names no one; "Image via
        // Wikimedia Commons": nor does the picture's own word.
        if !words.is_empty() && words.iter().all(|w| in_list!(LEGAL_FORMS, &w.lower))
            || matches!(words, [w] if is_in(PICTURE_WORDS, &w.lower)
                // "Picture date: Tuesday …": a day's or a month's name alone is no one's.
                || is_in(confidence::DAY_NAMES, &w.lower)
                || date::is_month_name(&w.lower))
        {
            return true;
        }
        // "Foto: Divulgação MST": the press-material word before the name says how the picture
        // was supplied; the name after it is the credit.
        if words.len() > 1
            && !words[1].lowercase_initial
            && in_list!(PRESS_MATERIAL, &words[0].lower)
            && classify(words).is_none()
        {
            self.press_material = true;
            words = &words[1..];
        }
        // "Foto: archiv ČTK", "Foto: dok. detikFood", "Foto: Dok. Istimewa": an archive's word
        // says where the picture was kept; the agency or the one name after it is the credit.
        if let Some(n) = archive_prefix(words)
            && words.len() > n
            // "Arquivo Pessoal" is one press-material phrase.
            && classify(words).is_none_or(|m| m.words < words.len())
        {
            let rest = &words[n..];
            if rest.len() == 1 && !rest[0].lowercase_initial
                || classify(rest).is_some_and(|m| m.words == rest.len())
            {
                words = rest;
            }
        }
        // "by Flickr user Jane Doe": the platform's word for a member is not the name.
        if words.len() > 2
            && words[0].lower == "flickr"
            && matches!(words[1].lower.as_str(), "user" | "users" | "user:")
        {
            words = &words[2..];
        }
        // What the tables make of the words as they stand, looked up again only when a rule
        // below shortens them (the lookups are a good part of a line's cost).
        let mut whole_match = classify(words);
        // "Jane Doe Getty Images": a caption's words run into the agency; the agency is the
        // credit, the words before it are who is shown.
        if whole_match.is_none()
            && let Some(n) = (1..=3).rev().find(|&n| {
                words.len() > n + 1
                    && classify(&words[words.len() - n..])
                        .is_some_and(|m| m.kind == Kind::Agency && m.words == n)
            })
        {
            let head = &words[..words.len() - n];
            // "… em 20 de janeiro.JANE DOE AP": a name in capitals that opens the clause after
            // a caption's sentence, right before the agency, is its photographer; the caption
            // is written in mixed case, so capitals there are the credit's.
            if self.capitals_name(head, at) {
                let span = head[0].span.start..head[head.len() - 1].span.end;
                pieces.push(Piece {
                    span: span.clone(),
                    name: span,
                    role: Role::Author { explicit: true },
                    group: at.group,
                    after_slash: at.after_slash,
                    connected: false,
                    clause: at.clause,
                    tail: false,
                    lowercase: false,
                    sentence: false,
                    bracketed: at.bracketed,
                    after_bar: at.after_bar,
                    whole: false,
                });
            }
            words = &words[words.len() - n..];
            whole_match = classify(words);
        }
        // "Jane Doe/AGENCY The caption's text …": after the slash the agency runs into the
        // caption that follows the credit; the agency is the credit, the rest is the caption.
        if ctx == Ctx::None
            && at.after_slash
            && words.len() > 2
            && whole_match.is_none()
            && let Some(n) = (1..=3).rev().find(|&n| {
                words.len() > n + 1
                    && classify(&words[..n]).is_some_and(|m| m.kind == Kind::Agency && m.words == n)
                    && !words[n].lowercase_initial
            })
        {
            words = &words[..n];
            whole_match = classify(words);
        }
        // Whether the words, before their noise is trimmed ("고영권 기자", "Jane Doe photo"), are
        // their whole clause.
        let whole_clause = words
            .first()
            .is_some_and(|w| w.span.start == at.clause_start)
            && words.last().is_some_and(|w| w.span.end == at.clause_end);
        // "Jane Doe Foto" without a label: a photo of her, not by her.
        if ctx == Ctx::None
            && words.len() >= 3
            && words
                .last()
                .is_some_and(|w| is_in(&["foto", "photo", "bild"], &w.lower))
        {
            return true;
        }
        // A piece that is a known name is taken whole, before trimming its ends.
        let m = whole_match.or_else(|| {
            while words
                .first()
                .is_some_and(|w| w.copyright || in_list!(HEAD_NOISE, &w.lower))
            {
                words = &words[1..];
            }
            // "Rescue Photo" is a name; "Jane Doe photo" ends with a word about the picture, and
            // "HT Photo" is the outlet HT's photo.
            while words.last().is_some_and(|w| {
                let named_photo = words.len() == 2
                    && !w.lowercase_initial
                    && is_in(&["photo", "foto", "image"], &w.lower)
                    && !acronym(&self.text[words[0].span.clone()]);
                w.copyright || in_list!(TAIL_NOISE, &w.lower) && !named_photo
            }) {
                words = &words[..words.len() - 1];
            }
            classify(words)
        });
        if m.is_none() {
            // "courtesy of the Library of Congress": a lowercase article is not the name's.
            while words.len() > 1 && words[0].lowercase_initial && is_in(ARTICLES, &words[0].lower)
            {
                words = &words[1..];
            }
            // "AFP 2017-2026": a year or a span of years after a name is not the name.
            while words.len() > 1 && words.last().is_some_and(|w| is_years(&w.lower)) {
                words = &words[..words.len() - 1];
            }
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return true;
        };
        let mut span = first.span.start..last.span.end;
        // "… a caption's sentence. Jane Doe for Example Post": a name that opens the clause,
        // with only "for" and the outlet after it, stands where a caption puts its credit.
        let whole = whole_clause
            || ctx == Ctx::None
                && first.span.start == at.clause_start
                && self
                    .lower
                    .get(last.span.end..at.clause_end)
                    .is_some_and(|r| r.starts_with(" for "))
                && self
                    .text
                    .get(last.span.end + 5..at.clause_end)
                    .is_some_and(|r| {
                        r.split_whitespace()
                            .all(|w| w.starts_with(char::is_uppercase) || in_list!(PARTICLES, w))
                    })
                && self.person_like(first.span.start..last.span.end);
        if m.is_none() {
            let before = span.end;
            span = self.name_end(span, last);
            // "（警視庁提供）", "Bệnh viện cung cấp": the picture was provided by them.
            if span.end < before && is_in(PROVIDED, self.text[span.end..before].trim()) {
                self.press_material = true;
            }
        }
        let text = &self.text[span.clone()];
        // Georgian letters are lowercase to Unicode, but names are written in them.
        let lowercase = text
            .chars()
            .any(|c| c.is_lowercase() && !clauses::is_mkhedruli(c))
            && !text.chars().any(char::is_uppercase);
        let mut piece = Piece {
            span: span.clone(),
            name: span.clone(),
            role: Role::Author { explicit: false },
            group: at.group,
            after_slash: at.after_slash,
            connected,
            clause: at.clause,
            tail: whole && (at.after_slash || at.group_opened),
            lowercase,
            sentence: at.sentence,
            bracketed: at.bracketed,
            after_bar: at.after_bar,
            whole,
        };
        match m {
            Some(m) if m.kind == Kind::Boilerplate => {
                let said: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
                if in_list!(PRESS_MATERIAL, &said.join(" ")) {
                    self.press_material = true;
                    if ctx != Ctx::None {
                        self.boilerplate_groups.push(at.group);
                    }
                }
                return true;
            }
            Some(m) => {
                let n = m.words.clamp(1, words.len());
                piece.name = first.span.start..words[n - 1].span.end;
                piece.role = Role::Source { kind: Some(m.kind) };
            }
            None => match ctx {
                Ctx::Ignore => return true,
                Ctx::Source => piece.role = Role::Source { kind: None },
                Ctx::Author => {
                    // "vom 3", "image originale": a name has a capital, unless it is one
                    // word (a user name: "wonderlane").
                    let platform_credit = self.platform_after(span.end);
                    if !plausible(words, 12, 2)
                        || lowercase && words.len() > 1 && !(platform_credit && words.len() <= 4)
                    {
                        self.rejected_groups.push(at.group);
                        if !self.notes.contains(&LineNote::AuthorUnclear) {
                            self.notes.push(LineNote::AuthorUnclear);
                        }
                        return false;
                    }
                    piece.role = Role::Author { explicit: true };
                }
                Ctx::None => {
                    // "Jane Doe Memorial Collection", "Mr. and Mrs. Jane Doe Collection" alone
                    // or beside an institution: a collection owns the object, it did not make
                    // the picture; it is where the picture came from.
                    if words
                        .last()
                        .is_some_and(|w| is_in(COLLECTION_WORDS, &w.lower))
                        || words.iter().all(|w| is_in(HONORIFICS, &w.lower))
                    {
                        piece.role = Role::Source { kind: None };
                        pieces.push(piece);
                        return true;
                    }
                    if at.agency_next
                        && let Some(span) = self.trailing_capitals(words)
                    {
                        pieces.push(Piece {
                            span: span.clone(),
                            name: span,
                            role: Role::Author { explicit: true },
                            sentence: false,
                            whole: false,
                            tail: true,
                            ..piece
                        });
                        return true;
                    }
                    if !plausible(words, 6, 0) {
                        // "… at the Example Gala Jane Doe/Agency": the caption runs into the
                        // photographer's name; it is read where the caption plainly ends.
                        if at.agency_next
                            && whole
                            && let Some(run) = self.trailing_name(words)
                        {
                            let span = run.start..run.end;
                            pieces.push(Piece {
                                span: span.clone(),
                                name: span,
                                sentence: false,
                                whole: false,
                                tail: true,
                                ..piece
                            });
                            return true;
                        }
                        self.rejected_groups.push(at.group);
                        return false;
                    }
                }
            },
        }
        pieces.push(piece);
        true
    }

    /// Where a name ends: without a sentence's full stop ("foto di Nerina Calvasso. 2019") and
    /// without the Japanese suffixes 提供 ("provided by") and 撮影 ("photographed by"), which
    /// follow the name they credit. An abbreviation keeps its dot ("Trelvik Co.").
    fn name_end(&self, span: Range<usize>, last: &Word) -> Range<usize> {
        let text = &self.text[span.clone()];
        for suffix in ["提供", "撮影", "제공", "供图", "供圖", "供稿"] {
            if let Some(stem) = text.strip_suffix(suffix)
                && stem.chars().any(is_cjk)
            {
                return span.start..span.end - suffix.len();
            }
        }
        // Korean "제공" ("provided") after the name, as a word of its own: "[WKBL 제공]".
        if let Some(stem) = text.strip_suffix(" 제공")
            && !stem.trim().is_empty()
        {
            return span.start..span.start + stem.trim_end().len();
        }
        // Vietnamese "cung cấp" ("provided") after the name.
        if let Some(stem) = text.strip_suffix(" cung cấp")
            && !stem.trim().is_empty()
        {
            return span.start..span.start + stem.trim_end().len();
        }
        let word = last.lower.trim_end_matches('.');
        if text.ends_with('.')
            && !text.ends_with("..")
            && word.chars().count() >= 3
            && word.chars().all(char::is_alphabetic)
            && !in_list!(ABBREVIATIONS, word)
        {
            return span.start..span.end - 1;
        }
        span
    }

    pub(super) fn finish(
        &mut self,
        mut pieces: Vec<Piece>,
        caption: bool,
        last_group: usize,
        labeled: &[usize],
    ) {
        // Pieces come in reading order, so each group's pieces are one run: every choice below
        // is linear in the number of pieces.
        let mut runs: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
        for k in 0..pieces.len() {
            match runs.last_mut() {
                Some(r) if pieces[r.start].group == pieces[k].group => r.end = k + 1,
                _ => runs.push(k..k + 1),
            }
        }
        let mut unsure = false;
        for run in &runs {
            let idx: Indices = run.clone().collect();
            let known = idx
                .iter()
                .any(|&k| matches!(pieces[k].role, Role::Source { kind: Some(_) }));
            let sourced = idx
                .iter()
                .any(|&k| matches!(pieces[k].role, Role::Source { .. }));
            // "NASA/JPL-Caltech/Univ. of Arizona", "NASA / JPL-Caltech / Cornell / ASU /
            // Reuters": a chain of research institutions names no person; every institution
            // made the image with the others, and only the agencies are sources.
            if idx.len() >= 2
                && idx.iter().any(|&k| {
                    matches!(pieces[k].role, Role::Author { .. })
                        && in_list!(SCIENCE_BODIES, &self.lower[pieces[k].span.clone()])
                })
                && idx.iter().all(|&k| {
                    matches!(pieces[k].role, Role::Source { kind: Some(_) })
                        || matches!(pieces[k].role, Role::Author { .. })
                            && !self.person_like(pieces[k].span.clone())
                })
            {
                continue;
            }
            if idx.len() >= 2 && !sourced {
                // "Doug Mills/The New York Times": in a slash group with no known name, the
                // piece that reads as an organisation is the source; else the last one.
                let slashed = idx.iter().skip(1).any(|&k| pieces[k].after_slash);
                // "Parlamentsdirektion/Jane Doe", "BARD-Gruppe/Jane Doe", "example.de / Jane
                // Doe": when one piece reads as a person's name and every other is one word, an
                // organisation or a site, the person is the author wherever she stands.
                let person: Indices = idx
                    .iter()
                    .copied()
                    .filter(|&k| self.person_like(pieces[k].span.clone()))
                    .collect();
                let others_outlets = idx.iter().all(|&k| {
                    person.contains(&k) || {
                        let t = &self.lower[pieces[k].span.clone()];
                        !t.contains(' ') || self.org_like(pieces[k].span.clone()) || is_domain(t)
                    }
                });
                let single_words = idx
                    .iter()
                    .all(|&k| !self.text[pieces[k].span.clone()].contains(char::is_whitespace));
                let group = pieces[idx[0]].group;
                let last = idx[idx.len() - 1];
                if slashed
                    && idx.len() == 2
                    && self.copyright_groups.contains(&group)
                    && self.person_like(pieces[last].span.clone())
                    && !pieces[idx[0]].connected
                    && !self.person_like(pieces[idx[0]].span.clone())
                {
                    // "© Kärnten Werbung / Franz Gerdl", "© ADAC/Jane Doe": after a copyright
                    // sign the holder comes first and the photographer after the slash.
                    pieces[idx[0]].role = Role::Source { kind: None };
                } else if slashed
                    && idx.len() == 2
                    && self.copyright_groups.contains(&group)
                    && self.person_like(pieces[last].span.clone())
                    && self.person_like(pieces[idx[0]].span.clone())
                    && !pieces[idx[0]].connected
                {
                    // "© Südtirol Wein / Jane Doe": two name-shaped pieces after a copyright
                    // sign; the holder or the photographer may stand first, so neither is named.
                    for &k in &idx {
                        pieces[k].role = Role::Source { kind: None };
                    }
                    unsure = true;
                } else if slashed
                    && person.is_empty()
                    && single_words
                    && idx.len() == 2
                    && is_domain(&self.lower[pieces[idx[0]].span.clone()])
                {
                    // "example.de/Quormradar": a site and one word, no agency, no name's shape:
                    // the word may be the photographer or a section of the site, so neither is
                    // named.
                    for &k in &idx {
                        if !pieces[k].connected {
                            pieces[k].role = Role::Source { kind: None };
                            unsure = true;
                        }
                    }
                } else if slashed && person.len() == 1 && others_outlets {
                    for &k in &idx {
                        if k != person[0] && !pieces[k].connected {
                            pieces[k].role = Role::Source { kind: None };
                        }
                    }
                } else {
                    let org = idx
                        .iter()
                        .copied()
                        .find(|&k| self.org_like(pieces[k].span.clone()));
                    let last = idx[idx.len() - 1];
                    let src = org.unwrap_or(last);
                    if (pieces[src].after_slash || slashed) && !pieces[src].connected {
                        pieces[src].role = Role::Source { kind: None };
                    }
                }
            }
            if known {
                // "Jessica Taylor/UK Parliament/Reuters": the first name in the slash group is
                // the photographer and the names after it the outlets it passed through;
                // "SN/APA/KEYSTONE/CYRIL ZINGARO", "IMAGO/Beautiful Sports/R.Schmitt": after the
                // agencies, the last name is the photographer.
                // "SN/APA/KEYSTONE/JANE DOE": an acronym that no table knows, before the
                // agencies, is an outlet like them.
                let agency_first = matches!(pieces[idx[0]].role, Role::Source { kind: Some(_) })
                    || idx.len() >= 3
                        && matches!(pieces[idx[0]].role, Role::Author { .. })
                        && self.acronym(pieces[idx[0]].span.clone())
                        && matches!(pieces[idx[1]].role, Role::Source { kind: Some(_) })
                        && matches!(pieces[idx[idx.len() - 1]].role, Role::Author { .. });
                let clauses: Indices = idx
                    .iter()
                    .filter(|&&k| matches!(pieces[k].role, Role::Author { .. }))
                    .map(|&k| pieces[k].clause)
                    .collect();
                // "Jane Doe / John Roe/Agency": a spaced slash between two names and a tight one
                // binding the second to the agency may set a caption's subject apart from the
                // photographer, or join two photographers: neither is named.
                let persons: Indices = idx
                    .iter()
                    .copied()
                    .filter(|&k| {
                        matches!(pieces[k].role, Role::Author { .. })
                            && self.person_like(pieces[k].span.clone())
                    })
                    .collect();
                let split_pair = !agency_first
                    && persons.len() == 2
                    && persons[0] + 1 == persons[1]
                    && self.text[pieces[persons[0]].span.end..pieces[persons[1]].span.start]
                        == *" / "
                    && pieces.get(persons[1] + 1).is_some_and(|n| {
                        n.group == pieces[persons[1]].group
                            && matches!(n.role, Role::Source { kind: Some(_) })
                            && self.text[pieces[persons[1]].span.end..n.span.start] == *"/"
                    });
                if split_pair {
                    for &k in &persons {
                        pieces[k].role = Role::Source { kind: None };
                    }
                    // Nor the agency: a person is credited, the reader cannot tell who.
                    self.rejected_groups.push(pieces[persons[0]].group);
                    unsure = true;
                }
                // "© Le Monde / Jane Doe / AFP": after a copyright sign the holder, an outlet,
                // comes first; the one person's name after it is the photographer.
                let holder_then_person = !agency_first
                    && !split_pair
                    && self.copyright_groups.contains(&pieces[idx[0]].group)
                    && persons.iter().filter(|&&k| k != idx[0]).count() == 1
                    && clauses.len() >= 2
                    && (self.org_like(pieces[idx[0]].span.clone())
                        || self.outlet_article_first(pieces[idx[0]].span.clone()));
                let person_clause = persons
                    .iter()
                    .find(|&&k| k != idx[0])
                    .map(|&k| pieces[k].clause);
                let keep = if holder_then_person {
                    person_clause.as_ref()
                } else if agency_first {
                    clauses.last()
                } else {
                    clauses.first()
                };
                // "AFP / Le Relief Haïti", "Shutterstock/La República": after the agency, a name
                // that opens with an article is the outlet that ran the photo.
                if agency_first
                    && let Some(&c) = keep
                    && let Some(k) = idx.iter().copied().find(|&k| pieces[k].clause == c)
                    && self.outlet_article_first(pieces[k].span.clone())
                    && self.text[pieces[k].span.clone()].contains(' ')
                {
                    pieces[k].role = Role::Source { kind: None };
                }
                if let Some(&keep) = keep {
                    for &k in &idx {
                        if matches!(pieces[k].role, Role::Author { .. }) && pieces[k].clause != keep
                        {
                            pieces[k].role = Role::Source { kind: None };
                        }
                    }
                }
            }
        }
        // "Jane Doe | The Example Herald": a bare person's name, a bar and an outlet (a name
        // with an organisation's word) are the photographer and the outlet she works for.
        for k in 1..pieces.len() {
            let (a, b) = (&pieces[k - 1], &pieces[k]);
            if a.clause + 1 == b.clause
                && b.after_bar
                && matches!(a.role, Role::Author { .. })
                && matches!(b.role, Role::Author { .. })
                && self.person_like(a.span.clone())
                && self.org_like(b.span.clone())
            {
                pieces[k].role = Role::Source { kind: None };
            }
        }
        // "Photo: Jane Doe, Examplepost": one word after a person's name, across a comma, is
        // the outlet she works for.
        // "Foto: Jane Doe, Example University": an institution after a person is where she
        // works. "© Example Werbung, Doe": after a copyright sign, an organisation and then
        // one word are the holder and the photographer.
        let mut address = false;
        for k in 1..pieces.len() {
            let (a, b) = (&pieces[k - 1], &pieces[k]);
            // "…, London, UK": one word after a place already read is more of the address.
            let was_address = std::mem::take(&mut address);
            if was_address
                && b.clause == a.clause + 1
                && matches!(b.role, Role::Author { .. })
                && self.gap(&a.span, &b.span).is_some_and(|g| g.trim() == ",")
                && !self.text[b.span.clone()].contains(char::is_whitespace)
            {
                pieces[k].role = Role::Source { kind: None };
                address = true;
                continue;
            }
            if a.clause + 1 != b.clause
                || !matches!(a.role, Role::Author { explicit: true })
                || !matches!(b.role, Role::Author { .. })
            {
                continue;
            }
            // Pieces are in reading order, but a rule that widens one may reach into the next:
            // then there is no gap, and no rule that reads one applies.
            let Some(gap) = self.gap(&a.span, &b.span).map(str::trim) else {
                continue;
            };
            let b_text = &self.text[b.span.clone()];
            let one_word =
                !b_text.contains(char::is_whitespace) && b_text.starts_with(char::is_uppercase);
            let a_org = self.org_like(a.span.clone());
            let a_person = self.person_like(a.span.clone());
            let held = self.copyright_groups.contains(&a.group);
            let more_after = pieces.get(k + 1).is_some_and(|c| {
                c.clause == b.clause + 1
                    && self.gap(&b.span, &c.span).is_some_and(|g| g.trim() == ",")
            });
            if gap == "," && held && a_org && one_word && !more_after {
                pieces[k - 1].role = Role::Source { kind: None };
            } else if a_person
                && (gap == "," && !b.connected && self.job_title(b.span.clone())
                    || gap == "|"
                        && (self.job_title(b.span.clone())
                            || !self.person_like(b.span.clone())
                                && b_text.split_whitespace().count() >= 3))
            {
                // "By Jane Doe, Staff Photographer", "Foto: Jane Doe | El Diario de Ejemplo":
                // after a person's name, a job title or a long name that is no person's is
                // her title or her outlet.
                pieces[k].role = Role::Source { kind: None };
            } else if gap == ","
                && (a_person || a_org)
                && (one_word || !a_org && self.org_like(b.span.clone()))
            {
                pieces[k].role = Role::Source { kind: None };
                address = one_word;
            } else if gap == "|"
                && self.copyright_groups.contains(&a.group)
                && !a_person
                && self.person_like(b.span.clone())
            {
                // "© Bundesrat | Jane Doe": the holder, then the photographer.
                pieces[k - 1].role = Role::Source { kind: None };
            }
        }
        // "© Example Corp, 1989. Photo: Jane Doe", "Credit: Jane Doe/Example TV © 2014
        // Example": a label naming a person says who took the photo; the copyright notice
        // names the holder, who is not the author then.
        let photographer_labeled = !self.copyright_groups.is_empty()
            && pieces.iter().any(|p| {
                p.role == (Role::Author { explicit: true })
                    && !p.after_bar
                    && !self.copyright_groups.contains(&p.group)
                    && self.person_like(p.span.clone())
            });
        if photographer_labeled {
            for p in &mut pieces {
                if matches!(p.role, Role::Author { .. }) && self.copyright_groups.contains(&p.group)
                {
                    p.role = Role::Source { kind: None };
                }
            }
        }
        if unsure && !self.notes.contains(&LineNote::AuthorUnclear) {
            self.notes.push(LineNote::AuthorUnclear);
        }
        // "picture alliance/dpa/Example-TV | Jane Doe": after an agency's slash chain, the name
        // behind the bar is the photographer; the unknown names in the chain are outlets.
        for w in runs.windows(2) {
            let (chain, next) = (w[0].clone(), w[1].clone());
            let agency_chain = chain
                .clone()
                .any(|k| matches!(pieces[k].role, Role::Source { kind: Some(_) }));
            let named_after = pieces[next.start].after_bar
                && next
                    .clone()
                    .all(|k| matches!(pieces[k].role, Role::Author { .. }));
            if agency_chain && named_after && chain.len() >= 2 {
                // Only names after the first agency: "Jane Doe/GPO/dpa | JANE DOE" names her.
                let mut after_agency = false;
                for k in chain {
                    match pieces[k].role {
                        Role::Source { kind: Some(_) } => after_agency = true,
                        Role::Author { .. } if after_agency => {
                            pieces[k].role = Role::Source { kind: None };
                        }
                        _ => {}
                    }
                }
            }
        }
        // Per group, the clauses that hold a known name (two are enough to answer "another
        // clause than this one"); the clauses that are an agency in brackets.
        // Pieces are in reading order, so groups and clauses only grow along them: sorted
        // vectors and binary search do the bookkeeping without hashing.
        let mut known_clauses: Vec<(usize, usize, Option<usize>)> = Vec::new();
        let mut bracketed_agency: Vec<usize> = Vec::new();
        // "(AP Photo/Eraldo Peres)" names its own photographer: the text before it is a caption.
        let mut author_groups: Indices = pieces
            .iter()
            .filter(|q| matches!(q.role, Role::Author { .. }))
            .map(|q| q.group)
            .collect();
        author_groups.dedup();
        for q in &pieces {
            if matches!(q.role, Role::Source { kind: Some(_) }) {
                match known_clauses.last_mut() {
                    Some(e) if e.0 == q.group => {
                        if e.1 != q.clause && e.2.is_none() {
                            e.2 = Some(q.clause);
                        }
                    }
                    _ => known_clauses.push((q.group, q.clause, None)),
                }
            }
            if q.bracketed
                && q.role
                    == (Role::Source {
                        kind: Some(Kind::Agency),
                    })
                && author_groups.binary_search(&q.group).is_err()
                // "…, Tokyo (© Agency/AP)": an agency's own copyright notice in brackets is the
                // whole credit; the caption's last words before it are not its photographer.
                && !self.copyright_groups.contains(&q.group)
                && bracketed_agency.last() != Some(&q.clause)
            {
                bracketed_agency.push(q.clause);
            }
        }
        // A known name in another clause of the slash group: "Jane Doe/AP", not "OnePlus and
        // Google" in one sentence.
        let group_has_known = |p: &Piece| {
            !p.sentence
                && known_clauses
                    .binary_search_by_key(&p.group, |e| e.0)
                    .ok()
                    .map(|i| known_clauses[i])
                    .is_some_and(|(_, a, b)| a != p.clause || b.is_some_and(|b| b != p.clause))
        };
        // "Florion Goga (REUTERS)", "Urs Flueeler (Keystone)": a name right before an agency in
        // brackets is its photographer.
        let before_bracketed_agency =
            |p: &Piece| !p.sentence && bracketed_agency.binary_search(&(p.clause + 1)).is_ok();
        // Labeled groups that credited something. (These lists, and the ones above, are on the
        // stack for lines of usual length: a profile of the credit bench.)
        let mut with_pieces: Indices = pieces.iter().map(|p| p.group).collect();
        with_pieces.dedup();
        let mut labeled: Indices = labeled
            .iter()
            .copied()
            .filter(|g| with_pieces.binary_search(g).is_ok())
            .chain(self.boilerplate_groups.iter().copied())
            .collect();
        labeled.sort_unstable();
        labeled.dedup();
        // An author named by a label, or standing next to an agency in a slash credit, is
        // certain; any other name-like text is kept only when nothing certain is named, and in
        // a caption only where captions put their credit.
        let strong: Flags = pieces
            .iter()
            .map(|p| match p.role {
                Role::Author { explicit } => {
                    explicit
                        || group_has_known(p)
                        || p.whole && before_bracketed_agency(p)
                        || self.signed.as_ref() == Some(&p.span)
                }
                _ => false,
            })
            .collect();
        let any_strong = strong.iter().any(|&s| s);
        // "Jane Doe und John Roe bei der Eröffnung": text around the names that is no name
        // makes the line a caption, whose bare names are who is shown unless they close it.
        let caption_text = caption || !self.rejected_groups.is_empty() && !self.provenance;
        let mut keep: Flags = pieces
            .iter()
            .zip(&strong)
            .map(|(p, &s)| match p.role {
                // "image originale" in a caption: one lowercase word after a label is a user
                // name only next to an agency, after "by", or in a line that is only a credit.
                Role::Author { explicit: true } if p.lowercase && caption => {
                    // A site's name ("example.de") is no word of a caption either.
                    p.connected
                        || group_has_known(p)
                        || self.platform_after(p.span.end)
                        || is_domain(&self.lower[p.span.clone()])
                }
                Role::Author { .. } if !s => {
                    // A label elsewhere in the line says where the credit is.
                    let labeled_elsewhere =
                        labeled.len() > 1 || labeled.len() == 1 && !labeled.contains(&p.group);
                    !any_strong
                        && !labeled_elsewhere
                        && !p.lowercase
                        && (!caption_text || p.tail && p.group == last_group)
                }
                _ => true,
            })
            .collect();
        // "President of Example, Jane Doe / Agency": a bare name right after a comma and an
        // office's title is the person the caption names, not the photographer.
        for k in 0..pieces.len() {
            if keep[k]
                && pieces[k].role == (Role::Author { explicit: false })
                && self.after_office(pieces[k].span.start)
            {
                keep[k] = false;
                self.rejected_groups.push(pieces[k].group);
                if !self.notes.contains(&LineNote::AuthorUnclear) {
                    self.notes.push(LineNote::AuthorUnclear);
                }
            }
        }
        // "by Jane Doe | example.org": a web site is where the image is; it is credited only
        // when no one else is.
        let named_other = pieces.iter().zip(&keep).any(|(p, &k)| {
            k && matches!(p.role, Role::Author { .. }) && !is_domain(&self.lower[p.span.clone()])
        });
        if named_other {
            for (k, p) in pieces.iter_mut().enumerate() {
                if keep[k]
                    && matches!(p.role, Role::Author { .. })
                    && is_domain(&self.lower[p.span.clone()])
                {
                    p.role = Role::Source { kind: None };
                }
            }
        }
        // "Jane Doe, Example Institute": a person and then an institution, and nothing (no
        // label, no agency, no "©", no license) says either is the credit: it is a portrait's
        // caption, the person and where they work.
        if labeled.is_empty() && !strong.iter().any(|&s| s) && self.spans.license.is_empty() {
            let bare: Vec<&Piece> = pieces
                .iter()
                .zip(&keep)
                .filter(|(p, k)| **k && matches!(p.role, Role::Author { .. }))
                .map(|(p, _)| p)
                .collect();
            if let [person, place] = bare[..]
                && person.clause != place.clause
                && !self.org_like(person.span.clone())
                && self.org_like(place.span.clone())
            {
                for (k, p) in pieces.iter().enumerate() {
                    if matches!(p.role, Role::Author { .. }) && keep[k] {
                        keep[k] = false;
                        if !self.notes.contains(&LineNote::AuthorUnclear) {
                            self.notes.push(LineNote::AuthorUnclear);
                        }
                    }
                }
            }
        }
        // "Photo illustration by Example Desk. Photo by Jane Doe/Agency": the illustration's
        // maker is not the photo's author when the line credits the photo too. "Jane Roe
        // (textos) & Jane Doe (fotos)": the writer is not the photo's author.
        // Most lines name no illustration: one search skips the per-piece look-back.
        let any_illustration = fixed!("illustration").find(self.lower.as_bytes()).is_some();
        let illustration: Flags = pieces
            .iter()
            .map(|p| any_illustration && self.illustration_credit(p))
            .collect();
        // The photo's credit stands apart from the illustration's (its own label), not in its
        // slash group ("Illustration: Jane Doe/Getty").
        let photo_named = |g: usize| {
            pieces
                .iter()
                .zip(&illustration)
                .zip(&keep)
                .any(|((p, &ill), &k)| {
                    k && !ill
                        && p.group != g
                        && matches!(
                            p.role,
                            Role::Author { .. }
                                | Role::Source {
                                    kind: Some(Kind::Agency)
                                }
                        )
                })
        };
        let drop: Flags = pieces
            .iter()
            .enumerate()
            .map(|(k, p)| illustration[k] && photo_named(p.group))
            .collect();
        for (k, p) in pieces.iter().enumerate() {
            if keep[k] && matches!(p.role, Role::Author { .. }) {
                if drop[k] || self.text_role_after(p) {
                    keep[k] = false;
                }
                // "Courtesy of the vendors", "by the subject(s)": a lowercase word after an
                // article is a common noun, not a name.
                if p.lowercase && self.lower[..p.span.start].trim_end().ends_with(" the") {
                    keep[k] = false;
                    if !self.notes.contains(&LineNote::AuthorUnclear) {
                        self.notes.push(LineNote::AuthorUnclear);
                    }
                }
            }
        }
        // Evidence. A name is an author because something says so: a label, "by", "©", an
        // agency or a platform next to it, a slash or a bracket that a caption puts its credit
        // in, a connector ("for", "via"), a license after it, a museum's provenance. Bare
        // capitalised text with none of these is kept only where captions put their credit;
        // these shapes are weak even there, and need more:
        if labeled.is_empty()
            && !any_strong
            && !self.provenance
            && self.format_authors.is_none()
            && pieces.iter().all(|p| matches!(p.role, Role::Author { .. }))
        {
            let bare: Indices = (0..pieces.len())
                .filter(|&k| keep[k] && pieces[k].role == (Role::Author { explicit: false }))
                .collect();
            let framed = bare
                .iter()
                .any(|&k| pieces[k].bracketed || pieces[k].after_slash || pieces[k].connected);
            let comma_list = bare.len() >= 2
                && bare.windows(2).all(|w| {
                    self.text[pieces[w[0]].span.end..pieces[w[1]].span.start].trim() == ","
                });
            let license = self.spans.first_license_or_rights();
            // The segment right before the license, set off by a comma from the text before.
            let before_license = |at: usize| {
                bare.iter().rposition(|&k| {
                    let gap = self.text.get(pieces[k].span.end..at).unwrap_or("x");
                    gap.trim().trim_matches(',').trim().is_empty()
                })
            };
            let set_off = |at: usize| {
                before_license(at).is_some_and(|i| {
                    i > 0
                        && self
                            .text
                            .get(pieces[bare[i - 1]].span.end..pieces[bare[i]].span.start)
                            .is_some_and(|g| g.trim() == ",")
                })
            };
            if let Some(at) = license.filter(|&at| (comma_list || set_off(at)) && !framed) {
                // "Title, Place, Jane Doe, CC BY 4.0": of a comma list before a license, only
                // the segment right before it is the author (the title and the place come
                // first).
                for &k in &bare {
                    let gap = self.text.get(pieces[k].span.end..at).unwrap_or("x");
                    if !gap.trim().trim_matches(',').trim().is_empty() {
                        keep[k] = false;
                    }
                }
            } else if !framed
                && bare.len() >= 2
                && bare
                    .iter()
                    .all(|&k| caseless(&self.text[pieces[k].span.clone()]))
                && bare.windows(2).any(|w| {
                    self.text[pieces[w[0]].span.end..pieces[w[1]].span.start]
                        .contains(['.', '。', '।', '!', '?', '؟'])
                })
            {
                // "হাতিরঝিলে সূর্যাস্ত। হাতিরঝিল, ঢাকা। Name", "日落。达卡。王小明": in a script
                // without capitals nothing tells a caption's sentences from a name. Of bare text
                // of several sentences only a short last sentence that ends the line may be the
                // credit, as in cased scripts; the sentences before it are the caption's.
                let last = *bare.last().unwrap_or(&0);
                let closing = self.text[pieces[last].span.end..]
                    .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                    .is_empty()
                    && self.text[pieces[last].span.clone()]
                        .split_whitespace()
                        .count()
                        <= 3
                    && self.text[..pieces[last].span.start]
                        .trim_end()
                        .ends_with(['.', '。', '।', '!', '?', '؟']);
                for &k in &bare {
                    keep[k] = closing && k == last;
                }
                if !self.notes.contains(&LineNote::AuthorUnclear) {
                    self.notes.push(LineNote::AuthorUnclear);
                }
            } else if license.is_none() && !framed && !bare.is_empty() {
                // "Jane Doe." or "Jane Doe, Assistant Booking": a line that is only a name and
                // a full stop, or a comma list with a job title or other text that is no
                // person's name, is a caption saying who or what is shown. A list of names
                // alone is a credit's list.
                let sentence = self.text.trim_end().ends_with('.');
                let not_names = bare.iter().any(|&k| {
                    !self.person_like(pieces[k].span.clone())
                        || self.job_title(pieces[k].span.clone())
                });
                if sentence || comma_list && not_names {
                    for &k in &bare {
                        keep[k] = false;
                    }
                    if !self.notes.contains(&LineNote::AuthorUnclear) {
                        self.notes.push(LineNote::AuthorUnclear);
                    }
                }
            }
        }
        // "Jane Doe, Sen. John Roe (D., Mont.), and donor Jim Poe": three or more bare names among
        // text that is not a name, and nothing (no label, no agency, no "©", no license) saying
        // any is the credit: the people shown. A line of names alone is a credit's list.
        if labeled.is_empty()
            && !any_strong
            && self.spans.license.is_empty()
            && !self.rejected_groups.is_empty()
        {
            let bare = pieces
                .iter()
                .filter(|p| p.role == (Role::Author { explicit: false }))
                .count();
            if bare >= 3 {
                // The caption's closing credit ("… (Jane Doe / Example Times)") stays.
                for (k, p) in pieces.iter().enumerate() {
                    if p.role == (Role::Author { explicit: false })
                        && !(p.tail && p.group == last_group)
                    {
                        keep[k] = false;
                    }
                }
                if !self.notes.contains(&LineNote::AuthorUnclear) {
                    self.notes.push(LineNote::AuthorUnclear);
                }
            }
        }
        // Precision: an author piece that neither the line vouches for nor its shape reads
        // as a name is not named; the line says its author is unclear.
        if self.format_authors.is_none() {
            for (k, p) in pieces.iter().enumerate() {
                if keep[k]
                    && matches!(p.role, Role::Author { .. })
                    && self.author_score(p, strong[k]) < confidence::MIN_SCORE
                {
                    keep[k] = false;
                    self.rejected_groups.push(p.group);
                    if !self.notes.contains(&LineNote::AuthorUnclear) {
                        self.notes.push(LineNote::AuthorUnclear);
                    }
                }
            }
        }
        let mut authors: Vec<Range<usize>> = Vec::new();
        // Lowercase names as slices of the lowered line where they are ASCII, not fresh
        // strings, in a set with a fast hash (a profile of the credit bench).
        let mut seen: FxHashSet<Cow<'_, str>> = FxHashSet::default();
        let mut named = 0;
        let mut sources: Vec<Range<usize>> = Vec::new();
        let mut first_agency: Option<(Range<usize>, usize)> = None;
        let format_authors = self.format_authors.take();
        for (p, &keep) in pieces.iter().zip(&keep) {
            if !keep {
                continue;
            }
            match p.role {
                Role::Author { .. } => {
                    if format_authors.is_some() {
                        continue;
                    }
                    // A set, so that a line of thousands of names costs linear time.
                    // "Eran Yardeni | ERAN YARDENI", "André Dib … Andre Dib" are one name.
                    if seen.insert(self.name_key(p.span.clone())) {
                        named += 1;
                        if authors.len() < MAX_AUTHORS {
                            authors.push(p.span.clone());
                        }
                    }
                }
                Role::Source { kind } => {
                    if kind == Some(Kind::Agency) && first_agency.is_none() {
                        first_agency = Some((p.name.clone(), p.group));
                    }
                    sources.push(p.name.clone());
                }
            }
        }
        self.rights_from_pieces(&pieces);
        if named > authors.len() {
            self.notes.push(LineNote::TooManyAuthors {
                named,
                kept: authors.len(),
            });
        }
        if let Some(f) = format_authors {
            authors = f;
        }
        for a in &mut authors {
            *a = self.trim_author(a.clone());
        }
        // "Jane Doe (American, 1801–1848). A View, 1832. Oil on canvas. Example Museum, …": in
        // the record of an artwork, the artist named with her life years is the author, before
        // the museum that holds it.
        if let Some(artist) = self.artist.clone()
            && self.artwork_record()
            && (authors.is_empty()
                || self.provenance && authors.iter().all(|a| self.org_like(a.clone())))
        {
            authors = vec![artist];
        }
        if authors.is_empty()
            && let Some((a, g)) = first_agency
        {
            // "Caption text run into Jane Doe/AP": a person is credited but unreadable; the
            // agency is the author only when no person is named.
            // "…, Jane Doe Roe - Agency / Agency": a name dropped right before the agency,
            // across a dash or a slash, is its photographer, whom the reader could not read.
            let dropped_before = pieces.iter().zip(&keep).any(|(p, &k)| {
                !k && matches!(p.role, Role::Author { .. })
                    && p.span.end <= a.start
                    && (matches!(
                        self.text[p.span.end..a.start].trim(),
                        "-" | "–" | "—" | "/" | "|"
                    ) || self.slash_across_masks(p.span.end..a.start))
            });
            // "… im UN-Hauptquartier Jane Doe/Copyright 2026 The AP": the place read after the
            // date ran into the photographer's name.
            let place_before = self.spans.place.as_ref().is_some_and(|pl| {
                pl.end <= a.start
                    && (self.text[pl.end..a.start].trim() == "/"
                        || self.slash_across_masks(pl.end..a.start))
            });
            if self.rejected_groups.contains(&g) || dropped_before || place_before {
                if !self.notes.contains(&LineNote::AuthorUnclear) {
                    self.notes.push(LineNote::AuthorUnclear);
                }
            } else {
                authors.push(a);
            }
        }
        if !authors.is_empty() {
            self.notes.retain(|n| *n != LineNote::AuthorUnclear);
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

    /// Rights that the credit's shape says and no statement did: a credit to a news or stock
    /// agency is all rights reserved; Unsplash, Pexels and Pixabay have their own licenses;
    /// "Divulgação", "Supplied", "Handout" are press material.
    fn rights_from_pieces(&mut self, pieces: &[Piece]) {
        let free_platform = pieces.iter().any(|p| {
            p.role
                == (Role::Source {
                    kind: Some(Kind::Platform),
                })
                && ["unsplash", "pexels", "pixabay"]
                    .iter()
                    .any(|n| self.lower[p.name.clone()].starts_with(n))
        });
        // "© Jane Doe – Unsplash": a bare copyright sign does not outweigh the platform's
        // license; words that reserve the rights do.
        let bare_sign = self.credit.rights == Rights::AllRightsReserved
            && self.spans.rights.iter().all(|r| {
                self.lower[r.clone()]
                    .chars()
                    .all(|c| matches!(c, '©' | '(' | ')' | 'c' | ' ') || c.is_ascii_digit())
            });
        if free_platform && bare_sign {
            self.credit.rights = Rights::Other;
        }
        if self.credit.rights != Rights::None {
            return;
        }
        if free_platform || self.press_material {
            self.credit.rights = Rights::Other;
        } else if self.cjk_agency_reporter()
            || pieces.iter().any(|p| {
                // "Bundesarchiv, Bild 183-…" is credited like an agency but is an archive.
                p.role
                    == (Role::Source {
                        kind: Some(Kind::Agency),
                    })
                    && classify_text(&fold_width(&self.text[p.name.clone()]).to_lowercase())
                        .is_some_and(|m| m.kind == Kind::Agency)
            })
        {
            self.credit.rights = Rights::AllRightsReserved;
        }
    }

    /// "新華社記者 Name 攝", "新华社发（Name 摄）": an agency's reporter or release, with the agency
    /// glued to the title, so no piece of its own names it.
    fn cjk_agency_reporter(&self) -> bool {
        // The titles are written in Han characters: an ASCII line holds none (most lines; each
        // search sets up a searcher).
        if self.lower.is_ascii() {
            return false;
        }
        ["记者", "記者", "发", "發"].iter().any(|title| {
            self.lower.match_indices(title).any(|(i, _)| {
                let head = &self.lower[..i];
                let from = head
                    .char_indices()
                    .rfind(|&(_, c)| !(is_cjk(c) && c.is_alphabetic()))
                    .map_or(0, |(k, c)| k + c.len_utf8());
                from < i && classify_text(&head[from..]).is_some_and(|m| m.kind == Kind::Agency)
            })
        })
    }

    /// Whether a gap is a slash and masked text, maybe with a copyright word: "Jane
    /// Doe/Copyright 2026 The AP".
    fn slash_across_masks(&self, gap: Range<usize>) -> bool {
        let free: String = self.text[gap.clone()]
            .char_indices()
            .filter(|&(i, c)| !c.is_whitespace() && self.marks[gap.start + i] == Mark::Free)
            .map(|(_, c)| c)
            .collect::<String>()
            .to_lowercase();
        matches!(free.as_str(), "/" | "/copyright" | "/©" | "/(c)")
    }

    /// The clauses without a United States address that ends the line ("…, Springfield, OH",
    /// "…, Fort Worth, Texas" is not read: only the state's code or abbreviation): a city of one
    /// to three capitalised words and the state, each set off by a comma, after more text.
    fn without_us_address<'c, 'w>(&self, clauses: &'c [Clause<'w>]) -> &'c [Clause<'w>] {
        let n = clauses.len();
        if n < 3 {
            return clauses;
        }
        let (city, state) = (&clauses[n - 2], &clauses[n - 1]);
        let state_text = match (state.words.first(), state.words.last()) {
            (Some(a), Some(b)) => self.text[a.span.start..b.span.end].trim_end_matches('.'),
            _ => return clauses,
        };
        let is_state = US_STATES
            .iter()
            .any(|s| s.trim_end_matches('.') == state_text);
        if is_state
            && state.before == Sep::Comma
            && city.before == Sep::Comma
            && (1..=3).contains(&city.words.len())
            && city
                .words
                .iter()
                .all(|w| self.text[w.span.clone()].starts_with(char::is_uppercase))
        {
            &clauses[..n - 2]
        } else {
            clauses
        }
    }

    /// Whether the line goes on after `end` with a license or a rights statement and nothing
    /// else that could name anyone: no letter or digit outside their masks.
    fn only_license_after(&self, end: usize) -> bool {
        let named = self
            .spans
            .license
            .iter()
            .chain(&self.spans.rights)
            .any(|r| r.start >= end);
        named
            && self.text[end..]
                .char_indices()
                .all(|(i, c)| !c.is_alphanumeric() || !self.free(end + i..end + i + c.len_utf8()))
    }

    /// Whether the clause after `k` closes a bracket that ends the line: "(AAP: Jane Doe)".
    fn closing_bracket_after(&self, clauses: &[Clause], k: usize) -> bool {
        clauses
            .get(k + 1)
            .and_then(|c| c.words.last())
            .is_some_and(|w| {
                let rest = self.text[w.span.end..].trim_start();
                rest.strip_prefix([')', '）'])
                    .is_some_and(|r| r.trim().trim_end_matches('.').is_empty())
            })
    }

    /// Whether a piece opens with an outlet's article ("Le Monde", "La República").
    fn outlet_article_first(&self, span: Range<usize>) -> bool {
        self.lower[span]
            .split_whitespace()
            .next()
            .is_some_and(|w| is_in(OUTLET_ARTICLES, w))
    }

    /// Whether the line describes an artwork: its medium.
    fn artwork_record(&self) -> bool {
        [
            "canvas",
            "painting",
            "painter",
            "oil on",
            "tempera",
            "watercolo",
            "engraving",
            "etching",
            "lithograph",
            "woodcut",
            "sculpt",
            "bronze",
            "gouache",
            "pastel",
            "drawing",
            "on panel",
            "on paper",
        ]
        .iter()
        .any(|w| self.lower.contains(w))
    }

    /// Whether a piece reads as a person's name: two to four words, each starting with a
    /// capital (or a name particle), no digits, not an organisation.
    fn person_like(&self, span: Range<usize>) -> bool {
        let t = &self.text[span.clone()];
        // The words are counted, not collected: this runs many times per line (a profile of
        // the credit bench).
        (2..=4).contains(&t.split_whitespace().take(5).count())
            && t.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase) || with_lower(w, |w| in_list!(PARTICLES, w))
            })
            && !t.bytes().any(|c| c.is_ascii_digit())
            && !self.org_like(span)
    }

    /// Whether a piece reads as an artist's name in a museum's credit line: a person's name
    /// without the small words of a title ("Mother and Baby", "St. Nicholas of Bari").
    fn artist_like(&self, span: Range<usize>) -> bool {
        self.person_like(span.clone())
            && !self.lower[span].split_whitespace().any(|w| {
                is_in(
                    &[
                        "of", "and", "at", "the", "in", "on", "a", "an", "for", "&", "with",
                    ],
                    w,
                )
            })
    }

    /// Whether a piece was credited for an illustration: "photo illustration by X",
    /// "Illustration: X".
    fn illustration_credit(&self, p: &Piece) -> bool {
        let from = p.span.start.saturating_sub(32);
        let before = self
            .lower
            .get(from..p.span.start)
            .unwrap_or("")
            .trim_end()
            .trim_end_matches(':')
            .trim_end();
        before.ends_with("illustration by") || before.ends_with("illustration")
    }

    /// Whether a bracket right after a piece says it wrote the text: "Jane Roe (textos)".
    fn text_role_after(&self, p: &Piece) -> bool {
        let after = self.lower[p.span.end..].trim_start();
        after.strip_prefix('(').is_some_and(|a| {
            let word = a.split(')').next().unwrap_or("").trim();
            is_in(TEXT_ROLES, word)
        })
    }

    /// Whether a piece holds a job title ("Staff Photographer", "Infographics Artist").
    fn job_title(&self, span: Range<usize>) -> bool {
        self.lower[span]
            .split_whitespace()
            .any(|w| in_list!(JOB_TITLES, w))
    }

    /// Whether a piece is one word of two to four capital letters ("SN", "KNA").
    fn acronym(&self, span: Range<usize>) -> bool {
        let t = &self.text[span];
        (2..=4).contains(&t.chars().count()) && t.chars().all(|c| c.is_uppercase())
    }

    /// Whether a piece reads as an organisation: "The …", or with a word like "Museum".
    pub(super) fn org_like(&self, span: Range<usize>) -> bool {
        // A slice of the line's lowered copy where the text is ASCII, not a fresh string.
        let t = self.lower_at(span);
        // "Example Advocate-News": a hyphen joins an outlet's words too.
        t.starts_with("the ")
            || t.split(|c: char| c.is_whitespace() || c == '-')
                .any(|w| in_list!(ORG_WORDS, w))
    }

    /// Sources next to each other ("AFP via Getty Images", "picture alliance/dpa") are kept as
    /// written; others are joined with ", ".
    pub(super) fn join_sources(&self, sources: &[Range<usize>]) -> String {
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

/// Where a piece comes from, for the choices made after reading.
#[derive(Clone, Copy)]
pub(super) struct At {
    group: usize,
    after_slash: bool,
    clause: usize,
    /// Whether the piece's slash group was opened by a sentence end, a bracket or a dash.
    group_opened: bool,
    clause_start: usize,
    clause_end: usize,
    sentence: bool,
    bracketed: bool,
    after_bar: bool,
    /// Whether a slash and a known agency or platform follow the clause ("… / Reuters").
    agency_next: bool,
}

/// The context a short clause before a colon sets: "Photo:" an author, "Via:" a source,
/// "License:" and "Vídeo:" neither; "Source:", "Quelle:", "Fuente:" before a photo introduce
/// its credit, an author. `None` when the clause is no label ("Food styling:", a caption's lead).
fn label_ctx(words: &[Word]) -> Option<Ctx> {
    // "FILE PHOTO: Jane Doe speaks …": the wire's mark for an old picture opens the caption; it
    // labels no credit.
    if matches!(words, [f, p] if f.lower.as_str() == "file" && matches!(p.lower.as_str(), "photo" | "picture" | "image"))
    {
        return None;
    }
    let any = |list: &[&str]| words.iter().any(|w| is_in(list, &w.lower));
    // "Video & Photo: Jane Doe", "Text und Fotos: Jane Doe": a label shared with another
    // medium still labels the photo's author.
    // "Foto und Styling: Jane Doe", "Text und Fotos: Jane Doe": the photo's label first or last.
    let shared = words.iter().any(|w| is_in(LABEL_JOINERS, &w.lower))
        && (0..words.len()).any(|k| match_label(&words[k..]).is_some_and(|m| !m.1));
    if shared && !any(RIGHTS_LABELS) {
        Some(Ctx::Author)
    } else if any(RIGHTS_LABELS) || any(OTHER_MEDIA_LABELS) {
        Some(Ctx::Ignore)
    } else if words
        .iter()
        .any(|w| is_in(SOURCE_LABELS, &w.lower) && !is_in(CREDIT_SOURCE_LABELS, &w.lower))
    {
        Some(Ctx::Source)
    } else if (0..words.len()).any(|k| match_label(&words[k..]).is_some())
        // "… Picture of the Year 2018 – Attribution: Jane Doe": the word alone before a colon
        // labels the author; it is not an author label elsewhere, where it is a license's name.
        || matches!(words, [w] if w.lower == "attribution")
        || any(POSITION_LABELS)
        || words.iter().any(|w| w.copyright)
    {
        Some(Ctx::Author)
    } else {
        None
    }
}

/// "记者 王小明 摄": a reporter's word, one name word and "photographed" (摄, 攝, 拍摄, 摄影,
/// 撮影), as the words of one clause.
fn is_cjk_reporter_credit(words: &[Word]) -> bool {
    match words {
        [intro, name, tail] => {
            CJK_NAME_INTROS.iter().any(|i| intro.lower.ends_with(i))
                && is_in(CJK_NAME_TAILS, &tail.lower)
                && (2..=4).contains(&name.lower.chars().count())
                && name.lower.chars().all(is_cjk)
        }
        _ => false,
    }
}

/// What ends a Chinese or Japanese credit after the names: "photographed" and "provided the
/// picture" (not Korean "기자", "reporter", which the reporter's credit reads).
const CJK_CREDIT_TAILS: &[&str] = &[
    "拍摄", "拍攝", "撮影", "摄", "攝", "供图", "供圖", "提供", "供稿",
];

/// Where the names of a Chinese or Japanese credit stand in a clause, as pairs of byte offsets
/// (start, end): each word one name of two to four Han characters, at most three,
/// ending with (or glued to) a word of [`CJK_CREDIT_TAILS`] — or followed by one after a slash
/// (`tail_after`) — and led by at most a reporter's word ("记者", glued or not). A caption's
/// clause of more words, or of longer ones, is not a credit.
fn cjk_credit_names(text: &str, words: &[Word], tail_after: bool) -> Option<Indices> {
    // "中央社記者王小明攝 111年12月31日": a date after the credit (here in the Minguo
    // calendar, which the date reader leaves alone) is not part of it.
    let dated = words
        .iter()
        .rposition(|w| !w.lower.bytes().any(|b| b.is_ascii_digit()))
        .map_or(0, |k| k + 1);
    if dated == 0 || tail_after && dated < words.len() {
        return None;
    }
    let words = &words[..dated];
    let last = &text[words.last()?.span.clone()];
    let (end, glued_tail) = if tail_after {
        (words.len(), 0)
    } else {
        let tail = CJK_CREDIT_TAILS.iter().find(|t| last.ends_with(*t))?;
        if last.len() == tail.len() {
            (words.len() - 1, 0)
        } else if tail.chars().count() == 2 && tail.starts_with('拍') {
            // "(檢修期間拍攝)": "shot" glued to a caption's words ("taken during …") is a verb
            // of the caption; glued to a name, a credit writes "摄" alone.
            return None;
        } else {
            (words.len(), tail.len())
        }
    };
    let intro_end = |w: &str| {
        CJK_NAME_INTROS
            .iter()
            .filter_map(|i| w.rfind(i).map(|at| at + i.len()))
            .max()
    };
    let start = usize::from(
        end > 1 && {
            let w = &text[words[0].span.clone()];
            intro_end(w) == Some(w.len())
        },
    );
    if start >= end || end - start > 3 {
        return None;
    }
    // Each name's start and end as byte offsets, in pairs.
    let mut out = Indices::new();
    for (n, word) in words.iter().enumerate().take(end).skip(start) {
        let mut r = word.span.clone();
        if n + 1 == end {
            r.end -= glued_tail;
        }
        if n == start
            && let Some(at) = intro_end(&text[r.clone()])
        {
            r.start += at;
        }
        let w = &text[r.clone()];
        let ok = (2..=4).contains(&w.chars().count())
            && w.chars().all(is_kanji)
            // "刘生生/文并摄": "text and photo" by the name before it.
            && !is_in(&["文并", "文並", "图文", "圖文"], w)
            // "（代表撮影）": a pool photo; "受访者供图": the interviewee; "网友供图": a netizen;
            // "资料图": a file picture. No one is named.
            && !is_in(
                &["代表", "受访者", "受訪者", "网友", "網友", "读者", "讀者", "资料", "資料", "本社"],
                w,
            );
        if !ok {
            return None;
        }
        out.push(r.start);
        out.push(r.end);
    }
    Some(out)
}

/// "EFE Jane Doe", "REUTERS Jane Doe File Photo": a known agency's name and then two or three
/// capitalised words (a trailing "File Photo" aside), as the agency and the name.
fn agency_then_name<'w, 'c>(words: &'w [Word<'c>]) -> Option<(&'w [Word<'c>], &'w [Word<'c>])> {
    let n = (1..=2.min(words.len()))
        .rev()
        .find(|&n| classify(&words[..n]).is_some_and(|m| m.kind == Kind::Agency && m.words == n))?;
    let mut name = &words[n..];
    if name.len() > 2
        && classify(&name[name.len() - 2..]).is_some_and(|m| m.kind == Kind::Boilerplate)
    {
        name = &name[..name.len() - 2];
    }
    closing_name(name).then_some((&words[..n], name))
}

/// Whether words are a name of two or three capitalised words that is no agency, desk, title or
/// organisation: a photographer's next to the agency that ends a caption.
fn closing_name(name: &[Word]) -> bool {
    let capitalised = |w: &Word| {
        !w.lowercase_initial
            && w.lower
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
    };
    (2..=3).contains(&name.len())
        && name.iter().all(capitalised)
        // "… Reuters Health Editor": a desk or a title after the agency is no one's name.
        && !name
            .iter()
            .any(|w| in_list!(JOB_TITLES, &w.lower) || in_list!(ORG_WORDS, &w.lower))
        && classify(name).is_none()
        && plausible(name, 3, 0)
}

/// How many words open `words` that name an archive or a documentation ("archiv", "dok.",
/// Vietnamese "tư liệu"), if any.
fn archive_prefix(words: &[Word]) -> Option<usize> {
    let first = &words.first()?.lower;
    if is_in(ARCHIVE_WORDS, first) {
        return Some(1);
    }
    (words.len() >= 2 && first.as_str() == "tư" && words[1].lower.as_str() == "liệu").then_some(2)
}

/// The name before a field's label in "NAME FIELD:" (words of a clause that ends in a colon,
/// after an author's label or a "©"): two to four capitalised words, and one more capitalised
/// word of letters that is no label of a credit ("Jane Doe Yıl", "Jane Doe Taken"). None when
/// the words do not read so.
fn field_after_name<'w, 'c>(words: &'w [Word<'c>]) -> Option<&'w [Word<'c>]> {
    let body = match words.first() {
        Some(w) if w.copyright => &words[1..],
        _ => words,
    };
    let (field, name) = body.split_last()?;
    let capitalised = |w: &Word| !w.lowercase_initial && w.lower.chars().all(char::is_alphabetic);
    let name_word = |w: &Word| capitalised(w) || in_list!(PARTICLES, &w.lower);
    ((2..=4).contains(&name.len())
        && capitalised(field)
        && field.lower.chars().count() >= 3
        && name.iter().all(name_word)
        && capitalised(&name[0])
        && label_ctx(std::slice::from_ref(field)).is_none()
        && classify(std::slice::from_ref(field)).is_none_or(|m| m.kind == Kind::Boilerplate)
        && classify(name).is_none_or(|m| m.words < name.len())
        && plausible(name, 4, 0))
    .then_some(name)
}

/// Whether the words start with the name of an agency or a platform (not boilerplate).
fn starts_known(words: &[Word]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let known = |m: agency::NameMatch, n: usize| m.kind != Kind::Boilerplate && m.words == n;
    // All the runs tried share their first word: when the tables hold no name starting with it,
    // `classify` of each run is `photo_service` of it, which reads runs of one or two words only
    // (this runs for most clauses of a line; a profile of the credit bench).
    if !agency::may_start(&first.lower) {
        return (1..=words.len().min(2))
            .any(|n| photo_service(&words[..n]).is_some_and(|m| known(m, n)));
    }
    // It may: `classify` of each run is then the tables' reading, else `photo_service`'s. The
    // words are collected once for the four lookups.
    let lower: SmallVec<[&str; 4]> = words.iter().take(4).map(|w| w.lower.as_str()).collect();
    (1..=lower.len()).any(|n| {
        agency::classify(&lower[..n])
            .or_else(|| photo_service(&words[..n]))
            .is_some_and(|m| known(m, n))
    })
}

/// Whether a clause is a known agency, whole, that ends the line or its sentence ("… | EFE").
fn closing_agency(c: &Clause) -> bool {
    matches!(c.after, Sep::End | Sep::Hard | Sep::HardMask)
        && classify(&c.words).is_some_and(|m| m.kind == Kind::Agency && m.words == c.words.len())
}

/// Where clause `k`'s first word starts (the text's end for a clause without words).
fn at_start_of(clauses: &[Clause], k: usize) -> usize {
    clauses[k].words.first().map_or(0, |w| w.span.start)
}

/// The words of clause `k`.
fn words_of<'c>(clauses: &'c [Clause], k: usize) -> &'c [Word<'c>] {
    &clauses[k].words
}

/// The next clause that is not an aside ("(talk)", "(UTC)").
fn next_clause<'c>(clauses: &'c [Clause], k: usize) -> Option<&'c Clause<'c>> {
    clauses[k + 1..]
        .iter()
        .find(|c| !c.words.iter().all(|w| is_aside(&w.lower)))
}

/// Whether words say "own work" in one of the languages of Commons' attributions.
fn is_own_work(words: &[Word]) -> bool {
    let joined: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    in_list!(OWN_WORK, &joined.join(" "))
}

/// Whether a word is a year ("2019") or a span of years ("2017-2026").
fn is_years(w: &str) -> bool {
    let year = |p: &str| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit());
    w.split(['-', '–']).all(year)
}

/// Clauses joined by bars into one credit chain that ends with an agency ("Jane Doe | The Image
/// Bank | Getty Images"): a bar there separates the parts of one credit, like a slash. Only
/// short clauses that are not a caption's sentences, from the start of the line or of a
/// sentence. One pass over the clauses.
fn bar_chains(clauses: &[Clause], sentences: &[bool]) -> Flags {
    let mut joined = Flags::from_elem(false, clauses.len());
    let mut k = 0;
    while k < clauses.len() {
        let start = k;
        let mut end = k;
        while end + 1 < clauses.len() && clauses[end + 1].before == Sep::Bar {
            end += 1;
        }
        k = end + 1;
        if end == start
            || !matches!(
                clauses[start].before,
                Sep::Start | Sep::Hard | Sep::Open | Sep::HardMask
            )
        {
            continue;
        }
        let short =
            (start..=end).all(|c| (1..=4).contains(&clauses[c].words.len()) && !sentences[c]);
        let last = &clauses[end].words;
        let agency_last =
            classify(last).is_some_and(|m| m.kind == Kind::Agency && m.words == last.len());
        if short && agency_last {
            for j in &mut joined[start + 1..=end] {
                *j = true;
            }
        }
    }
    joined
}

/// Whether a word is an acronym: two to five capital letters ("HT", "SDSU").
fn acronym(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// The tables' reading of a piece's lowercase text.
fn classify_text(lower: &str) -> Option<agency::NameMatch> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    agency::classify(&words)
}

/// Whether text is written in a script without capitals (Han, Hangul, Arabic, Hebrew, the
/// Indic scripts, Thai, Georgian): it has letters and none of them is upper- or lowercase
/// (Georgian's are lowercase to Unicode; see [`clauses::is_mkhedruli`]).
fn caseless(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some()
        && letters.all(|c| clauses::is_mkhedruli(c) || !c.is_uppercase() && !c.is_lowercase())
}
