//! Small helpers for walking text byte by byte: word boundaries, separators, case-insensitive
//! words. Every function takes a byte offset that is a char boundary and returns one.

/// Whether the char that ends just before `i` is a letter or digit.
pub(super) fn word_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether the char that starts at `i` is a letter or digit.
pub(super) fn word_at(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Whether `s[i..]` starts with `word` (ASCII case-insensitive) and the word ends there.
pub(super) fn word_ci(s: &str, i: usize, word: &str) -> Option<usize> {
    let end = i + word.len();
    let b = s.as_bytes();
    (end <= b.len() && b[i..end].eq_ignore_ascii_case(word.as_bytes()) && !word_at(s, end))
        .then_some(end)
}

/// Whether `s[i..]` starts with `prefix` (ASCII case-insensitive), word end not required.
pub(super) fn starts_ci(s: &str, i: usize, prefix: &str) -> Option<usize> {
    let end = i + prefix.len();
    let b = s.as_bytes();
    (end <= b.len() && b[i..end].eq_ignore_ascii_case(prefix.as_bytes())).then_some(end)
}

/// Dashes people put between license elements: `-`, `‐`, `‑`, `‒`, `–`, `—`.
pub(super) fn dash_at(s: &str, i: usize) -> Option<usize> {
    match s[i..].chars().next()? {
        c @ ('-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}') => {
            Some(i + c.len_utf8())
        }
        _ => None,
    }
}

/// Horizontal whitespace (and the no-break space) at `i`.
pub(super) fn space_at(s: &str, i: usize) -> Option<usize> {
    match s[i..].chars().next()? {
        c @ (' ' | '\t' | '\u{a0}' | '\u{202f}') => Some(i + c.len_utf8()),
        _ => None,
    }
}

/// What a separator between two tokens was made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Sep {
    pub end: usize,
    pub spaces: bool,
    pub dash: bool,
    pub slash: bool,
    pub underscore: bool,
}

impl Sep {
    pub fn is_empty(&self) -> bool {
        !(self.spaces || self.dash || self.slash || self.underscore)
    }
}

/// The longest run of separator chars [`sep`] reads. Parsers read a bounded number of tokens
/// from a trigger, and with this bound each token costs O(1): that is what keeps a scan linear
/// in its input (a megabyte of spaces after `CC` is not a separator but a gap).
pub(super) const MAX_SEP: usize = 32;

/// Skips a run of spaces, dashes, underscores and at most one slash or `+`, at most
/// [`MAX_SEP`] bytes.
pub(super) fn sep(s: &str, mut i: usize) -> Sep {
    let mut out = Sep::default();
    let limit = i + MAX_SEP;
    while i < limit {
        if let Some(j) = space_at(s, i) {
            out.spaces = true;
            i = j;
        } else if let Some(j) = dash_at(s, i) {
            out.dash = true;
            i = j;
        } else if s.as_bytes().get(i) == Some(&b'_') {
            out.underscore = true;
            i += 1;
        } else if matches!(s.as_bytes().get(i), Some(b'/')) && !out.slash {
            out.slash = true;
            i += 1;
        } else {
            break;
        }
    }
    out.end = i;
    out
}

/// The ASCII letters starting at `i` (a word), as a slice; empty when none.
pub(super) fn ascii_word(s: &str, i: usize) -> &str {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    &s[i..j]
}

/// Whether prose goes on at `i`: after optional spaces, a word in lowercase. A bare name such
/// as `PDM` or `Attribution 2.0` followed by "system" or "of the funds" is not a license.
pub(super) fn prose_follows(s: &str, i: usize) -> bool {
    // Look at most MAX_SEP bytes ahead, so that the check costs O(1).
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && j < i + MAX_SEP && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    j > i && s[j..].starts_with(|c: char| c.is_lowercase())
}

/// A license version at `i`: `4.0`, `2.5`, `4`, `v4.0`, `V3`. Returns (canonical, end).
pub(super) fn version(s: &str, i: usize) -> Option<(&'static str, usize)> {
    if word_before(s, i) {
        return None;
    }
    version_glued(s, i)
}

/// A version at `i` that may be glued to the word before it, as in `CCBYNDv3`; also `v.3`.
pub(super) fn version_glued(s: &str, i: usize) -> Option<(&'static str, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    if matches!(b.get(j), Some(b'v' | b'V')) {
        j += 1;
        if b.get(j) == Some(&b'.') {
            j += 1;
        }
    }
    let major = *b.get(j)?;
    if !major.is_ascii_digit() {
        return None;
    }
    j += 1;
    let mut minor = b'0';
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        minor = b[j + 1];
        j += 2;
    }
    // "4.0.1", "3.05", "2.5%" are not license versions.
    if b.get(j).is_some_and(|c| c.is_ascii_digit() || *c == b'%')
        || (b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit))
        || word_at(s, j)
    {
        return None;
    }
    let v = match (major, minor) {
        (b'1', b'0') => "1.0",
        (b'2', b'0') => "2.0",
        (b'2', b'1') => "2.1",
        (b'2', b'5') => "2.5",
        (b'3', b'0') => "3.0",
        (b'4', b'0') => "4.0",
        _ => return None,
    };
    Some((v, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(version("4.0 x", 0), Some(("4.0", 3)));
        assert_eq!(version("v3", 0), Some(("3.0", 2)));
        assert_eq!(version("v.3", 0), Some(("3.0", 3)));
        assert_eq!(version("xv3", 1), None);
        assert_eq!(version_glued("xv3", 1), Some(("3.0", 3)));
        assert_eq!(version("2.5", 0), Some(("2.5", 3)));
        assert_eq!(version("5.0", 0), None);
        assert_eq!(version("4.0.1", 0), None);
        assert_eq!(version("40", 0), None);
        assert_eq!(version("2.5%", 0), None);
        assert_eq!(version("4th", 0), None);
    }

    #[test]
    fn separators() {
        let s = "by - nc";
        let sp = sep(s, 2);
        assert!(sp.spaces && sp.dash && !sp.slash);
        assert_eq!(&s[sp.end..], "nc");
        assert_eq!(sep("by–nc", 2).end, 2 + '–'.len_utf8());
    }

    #[test]
    fn words() {
        assert_eq!(word_ci("Generic.", 0, "generic"), Some(7));
        assert_eq!(word_ci("Generics", 0, "generic"), None);
        assert!(word_before("xby", 1));
        assert!(!word_before("(by", 1));
    }
}
