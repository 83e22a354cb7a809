//! Reading clauses left to right into pieces (authors and sources), and choosing among them.

use std::ops::Range;

use super::*;

impl Parser<'_> {
    pub(super) fn read(&mut self, clauses: &[Clause]) {
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
    pub(super) fn flush(
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

    pub(super) fn finish(&mut self, mut pieces: Vec<Piece>) {
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
    pub(super) fn org_like(&self, span: Range<usize>) -> bool {
        let t = self.text[span].to_lowercase();
        t.starts_with("the ") || t.split_whitespace().any(|w| is_in(ORG_WORDS, w))
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
