//! The last trim of an author's text: words that stand next to a name in a credit but are not
//! part of it — a rank or job title before it ("Mass Communication Specialist 2nd Class Jane
//! Doe", "Staff Sgt. Jane Doe"), and in Chinese and Japanese credits the reporter's title before
//! and "photographed" after ("新华社记者 Name 摄").

use std::ops::Range;

use super::*;

impl Parser<'_> {
    pub(super) fn trim_author(&self, r: Range<usize>) -> Range<usize> {
        let r = self.trim_rank(r);
        let r = self.trim_social_head(r);
        let r = self.trim_glued_agency(r);
        let r = self.trim_cjk(r);
        self.trim_lone_marks(r)
    }

    /// "ANSA +" (of "© ANSA +Click to enlarge"): a last word that is only punctuation is not
    /// part of the name ("Disney+" keeps its glued sign).
    fn trim_lone_marks(&self, r: Range<usize>) -> Range<usize> {
        let text = &self.text[r.clone()];
        match text.rsplit_once(' ') {
            Some((head, last))
                if !last.is_empty()
                    && !last.chars().any(char::is_alphanumeric)
                    && head.trim_end().chars().any(char::is_alphanumeric) =>
            {
                r.start..r.start + head.trim_end().len()
            }
            _ => r,
        }
    }

    /// "Facebook Primăria Municipiului Sibiu", "FB Jane Doe": a social network's name before the
    /// account's says where the picture was taken from; it is not part of the name.
    fn trim_social_head(&self, r: Range<usize>) -> Range<usize> {
        const NETWORKS: &[&str] = &[
            "facebook",
            "fb",
            "instagram",
            "insta",
            "twitter",
            "tiktok",
            "youtube",
            "vk",
            "вконтакте",
            "telegram",
            "linkedin",
            "threads",
            "bluesky",
        ];
        let text = &self.text[r.clone()];
        let Some((head, rest)) = text.split_once(' ') else {
            return r;
        };
        let rest = rest.trim_start();
        if with_lower(head, |w| in_list!(NETWORKS, w)) && rest.starts_with(char::is_uppercase) {
            r.end - rest.len()..r.end
        } else {
            r
        }
    }

    /// "Jane Doe-USA TODAY Sports": an agency (or a pool) glued to the name with a hyphen is the
    /// source ("Mandatory Credit: Jane Doe-Example Sports"), not part of the name.
    fn trim_glued_agency(&self, r: Range<usize>) -> Range<usize> {
        let text = &self.text[r.clone()];
        for (i, _) in text.match_indices('-') {
            let (name, rest) = (&text[..i], &self.lower[r.start + i + 1..r.end]);
            let words: Vec<&str> = rest.split_whitespace().collect();
            // "Jane Doe-Pool/Getty Images": a pool glued the same way.
            let agency = agency::classify(&words)
                .is_some_and(|m| m.kind == Kind::Agency && m.words == words.len())
                || words == ["pool"];
            if agency && name.split_whitespace().count() >= 2 {
                return r.start..r.start + name.trim_end().len();
            }
        }
        r
    }

    /// Drops the longest run of rank and title words that opens the text, when a name of at
    /// least two capitalised words follows ("U.S. Army National Guard" has no name after its
    /// words and stays whole).
    fn trim_rank(&self, r: Range<usize>) -> Range<usize> {
        let text = &self.text[r.clone()];
        let mut rest = text;
        let mut ranks = 0;
        while let Some(w) = rest.split_whitespace().next() {
            // The word lowered once for both lists.
            let (rank, service) =
                with_lower(w, |w| (in_list!(RANK_WORDS, w), in_list!(SERVICE_WORDS, w)));
            // "U.S. Army Staff Sgt.": the service goes with the rank after it.
            if !rank && (ranks > 0 || !service) {
                break;
            }
            ranks += usize::from(rank);
            let after = rest.trim_start();
            rest = after[w.len()..].trim_start();
        }
        if ranks == 0 {
            return r;
        }
        let name: Vec<&str> = rest.split_whitespace().collect();
        if name.len() >= 2 && name.iter().all(|w| w.starts_with(char::is_uppercase)) {
            r.end - rest.len()..r.end
        } else {
            r
        }
    }

    fn trim_cjk(&self, r: Range<usize>) -> Range<usize> {
        let text = &self.text[r.clone()];
        // An ASCII text holds no such character, and is not walked.
        if text.is_ascii() || !text.chars().any(is_cjk) {
            return r;
        }
        let mut start = r.start;
        let mut end = r.end;
        // The last intro wins: "新华社记者" ends with "记者".
        if let Some(at) = CJK_NAME_INTROS
            .iter()
            .filter_map(|w| text.rfind(w).map(|i| i + w.len()))
            .max()
        {
            start = r.start + at;
        }
        let junk = |c: char| c.is_whitespace() || matches!(c, '@' | '=' | '＝' | ':' | '：');
        let t = &self.text[start..end];
        start += t.len() - t.trim_start_matches(junk).len();
        let t = self.text[start..end].trim_end();
        end = start + t.len();
        if let Some(tail) = CJK_NAME_TAILS.iter().find(|w| t.ends_with(*w)) {
            end -= tail.len();
        }
        let t = self.text[start..end].trim_end();
        end = start + t.len();
        // "News1 최창호" (of "© News1 최창호 기자"): a Korean credit puts the agency before the
        // reporter's name, which is one word of two to four Hangul syllables.
        let t = &self.text[start..end];
        if let Some((head, name)) = t.rsplit_once(' ')
            && (2..=4).contains(&name.chars().count())
            && name.chars().all(is_hangul)
        {
            let lower = head.to_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            if agency::classify(&words)
                .is_some_and(|m| m.kind == Kind::Agency && m.words == words.len())
            {
                start = end - name.len();
            }
        }
        if start < end { start..end } else { r }
    }
}
