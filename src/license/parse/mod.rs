//! Finding legal tools in text.
//!
//! One pass of a small case-insensitive automaton finds the places where a mention can start (a
//! Creative Commons host, `CC`, `BY`, `Creative Commons`, the first word of an English title, the
//! word for Attribution in other languages); the parser of each form ([`url`], [`code`],
//! [`title`], [`words`]) reads from there, and where several may read, the longest reading wins.
//! The official localized titles of the catalogue ([`localized`]) are looked for only in texts
//! that contain a version number. A text that names no license costs one automaton pass and one
//! `memchr`.
//!
//! Below the parsers: [`port`] reads a port after a version, [`resolve`] turns elements, version
//! and port into a tool, [`text`] walks bytes. Nothing below imports a parser.

mod code;
mod localized;
mod port;
mod resolve;
mod text;
mod title;
mod url;
mod words;

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::statement::{self, Statement, StatementKind};
use super::{License, Rights};

/// How a mention was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// A creativecommons.org (or badge) URL.
    Url,
    /// A short code: `CC BY-NC-ND 2.0`, `by-sa/3.0/de`, `CC0`.
    Code,
    /// An SPDX license id: `CC-BY-SA-3.0-DE`, `CC0-1.0`.
    Spdx,
    /// An official title, English or localized.
    Title,
}

impl Form {
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Url => "url",
            Form::Code => "code",
            Form::Spdx => "spdx",
            Form::Title => "title",
        }
    }
}

/// One mention of a legal tool in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub license: License,
    pub form: Form,
    /// Byte range in the scanned text.
    pub span: Range<usize>,
    /// For a localized title, the language tags that use it.
    pub lang: Option<&'static str>,
}

/// What [`scan`] found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Mentions in text order; they never overlap.
    pub mentions: Vec<Mention>,
    /// Non-CC statements in text order, none inside a mention.
    pub statements: Vec<Statement>,
    /// Scanning stopped early: the text holds more than [`MAX_MENTIONS`] mentions (or version
    /// numbers to look up). What was found before the limit is kept; callers report the limit.
    pub budget_hit: bool,
}

impl Scan {
    /// Each legal tool named, once, in order of first mention.
    pub fn licenses(&self) -> Vec<License> {
        let mut out: Vec<License> = Vec::new();
        for m in &self.mentions {
            if !out.contains(&m.license) {
                out.push(m.license);
            }
        }
        out
    }

    /// What the text says about rights overall: `cc` when a legal tool is named; otherwise a
    /// public-domain statement, then another named license or terms, then "all rights reserved".
    pub fn rights(&self) -> Rights {
        if !self.mentions.is_empty() {
            return Rights::Cc;
        }
        let has = |k| self.statements.iter().any(|s| s.kind == k);
        if has(StatementKind::PublicDomain) {
            Rights::PublicDomain
        } else if has(StatementKind::Other) {
            Rights::Other
        } else if has(StatementKind::AllRightsReserved) {
            Rights::AllRightsReserved
        } else {
            Rights::None
        }
    }
}

#[derive(Clone, Copy)]
enum Trigger {
    Host(usize),
    Code,
    Both,
    Title,
    /// A title in another language ([`words`]).
    Words,
}

/// The reading that covers most text.
fn longest(readings: [Option<Mention>; 3]) -> Option<Mention> {
    readings
        .into_iter()
        .flatten()
        .max_by_key(|m| (m.span.len(), std::cmp::Reverse(m.span.start)))
}

/// "Creative Commons Namensnennung …", "Creative Commons – Attribution - Utilisation …": a title
/// in another language after the English name; the mention starts at "Creative".
fn words_after_prefix(text: &str, at: usize) -> Option<Mention> {
    let end = text::starts_ci(text, at, "creative")?;
    let sp = text::sep(text, end);
    let end = text::word_ci(text, sp.end, "commons")?;
    let mut j = end;
    // "Creative Commons: Attribution", "Creative Commons – Namensnennung".
    while j < end + text::MAX_SEP
        && let Some(c) = text[j..].chars().next()
        && (c == ':' || text::space_at(text, j).is_some() || text::dash_at(text, j).is_some())
    {
        j += c.len_utf8();
    }
    let mut m = words::at(text, j)?;
    m.span.start = at;
    Some(m)
}

/// Where a mention can start, and which parsers to try there.
const TRIGGERS: &[(&str, Trigger)] = &[
    ("creativecommons.org", Trigger::Host(19)),
    ("licensebuttons.net", Trigger::Host(18)),
    ("creative", Trigger::Both),
    ("cc", Trigger::Code),
    ("by", Trigger::Code),
    ("pdm", Trigger::Code),
    // Keys of the 1.0 tools without BY: `nd-nc/1.0`, `nc-sa/1.0`, `sa/1.0`.
    ("nc-", Trigger::Code),
    ("nd-", Trigger::Code),
    ("nc/", Trigger::Code),
    ("nd/", Trigger::Code),
    ("sa/", Trigger::Code),
    ("attribution", Trigger::Title),
    ("noncommercial", Trigger::Title),
    ("non-commercial", Trigger::Title),
    ("non commercial", Trigger::Title),
    ("noderiv", Trigger::Title),
    ("no deriv", Trigger::Title),
    ("no-deriv", Trigger::Title),
    ("sharealike", Trigger::Title),
    ("share alike", Trigger::Title),
    ("share-alike", Trigger::Title),
    ("public domain", Trigger::Title),
    ("sampling", Trigger::Title),
    ("developing nations", Trigger::Title),
];

static TRIGGER_AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            TRIGGERS
                .iter()
                .map(|(p, _)| *p)
                .chain(words::TRIGGERS.iter().copied()),
        )
        .ok()
});

/// The most mentions one text may yield, and the most version numbers looked up as localized
/// titles. Real texts name a handful of tools; a text past these is crafted or a dump, and its
/// [`Scan::budget_hit`] says that scanning stopped there.
pub const MAX_MENTIONS: usize = 4096;
const MAX_LOCALIZED_LOOKUPS: usize = 4 * MAX_MENTIONS;

/// Finds every mention of a legal tool and every non-CC rights statement in `text`.
///
/// Linear in the length of `text`: one automaton pass finds the triggers; the parser run at
/// each trigger reads a bounded number of tokens, each over a bounded number of bytes (32 bytes
/// of separator, 64 + 512 bytes around a URL's host); localized titles are looked up in a window of
/// constant size around each version number; mentions and statements are merged by walking
/// both lists once. Mentions are capped at [`MAX_MENTIONS`].
///
/// ```
/// use licit::license::{scan, Form};
/// let s = scan("Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)");
/// assert_eq!(s.licenses().len(), 1);
/// assert_eq!(s.mentions[0].form, Form::Title);
/// assert_eq!(s.mentions[1].license.key(), "by-nc-nd/2.0");
/// ```
pub fn scan(text: &str) -> Scan {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut budget_hit = false;
    if let Some(ac) = TRIGGER_AUTOMATON.as_ref() {
        let mut next_free = 0;
        for m in ac.find_iter(text) {
            if m.start() < next_free {
                continue;
            }
            if mentions.len() >= MAX_MENTIONS {
                budget_hit = true;
                break;
            }
            let at = m.start();
            let trigger = TRIGGERS
                .get(m.pattern().as_usize())
                .map_or(Trigger::Words, |t| t.1);
            // Where several parsers may read, the longest reading wins: "Creative Commons
            // By-Attribution No-Derivative Works" is a title, not the code "Creative Commons By".
            let found = match trigger {
                Trigger::Host(len) => {
                    let found = url::at(text, at, len);
                    if found.is_none() {
                        next_free = url::extent(text, at, len);
                    }
                    found
                }
                Trigger::Code => code::at(text, at),
                Trigger::Both => longest([
                    code::at(text, at),
                    title::at(text, at),
                    words_after_prefix(text, at),
                ]),
                Trigger::Title => longest([title::at(text, at), words::at(text, at), None]),
                Trigger::Words => words::at(text, at),
            };
            if let Some(found) = found {
                let more = further_versions(text, &found);
                next_free = more.last().unwrap_or(&found).span.end;
                mentions.push(found);
                mentions.extend(more);
            }
        }
    }
    let (localized, localized_hit) = localized::find(text, &mentions, MAX_LOCALIZED_LOOKUPS);
    budget_hit |= localized_hit;
    if !localized.is_empty() {
        mentions = merge(mentions, localized);
    }
    mentions.truncate(MAX_MENTIONS);
    one_tool_per_reading(&mut mentions);
    let mut statements = statement::find(text);
    // Both lists are in text order: drop the statements inside a mention in one walk.
    let mut k = 0;
    statements.retain(|st| {
        while k < mentions.len() && mentions[k].span.end <= st.span.start {
            k += 1;
        }
        !mentions[k..]
            .iter()
            .take_while(|m| m.span.start < st.span.end)
            .any(|m| overlaps(&m.span, &st.span))
    });
    Scan {
        mentions,
        statements,
        budget_hit,
    }
}

/// One text, one tool: a mention that names only a unit (`CC-BY-SA`) beside mentions of exactly
/// one tool of that unit (`by-sa/3.0/de`) names that tool; an unported tool beside exactly one
/// port of the same unit and version (`Attribution-ShareAlike 3.0` and a `by-sa/3.0/us` URL) names
/// that port. With two candidates the reading stays as written. Linear: the candidates are
/// gathered in one pass into a small map keyed by unit.
fn one_tool_per_reading(mentions: &mut [Mention]) {
    use std::collections::HashMap;
    // Most texts name one tool, in one or two forms: nothing to reconcile.
    if mentions.len() < 2 || mentions.windows(2).all(|w| w[0].license == w[1].license) {
        return;
    }
    let cat = super::catalogue();
    // unit → the one tool named (None once two differ); (unit, version) → the one port named.
    let mut tool_of_unit: HashMap<super::UnitId, Option<super::ToolId>> = HashMap::new();
    let mut port_of: HashMap<(super::UnitId, &str), Option<super::ToolId>> = HashMap::new();
    for m in mentions.iter() {
        let License::Tool(id) = m.license else {
            continue;
        };
        let t = cat.tool(id);
        let e = tool_of_unit.entry(t.unit).or_insert(Some(id));
        let more_precise = |a: super::ToolId, b: super::ToolId| {
            let (ta, tb) = (cat.tool(a), cat.tool(b));
            ta.version == tb.version && ta.jurisdiction.is_some() && tb.jurisdiction.is_none()
        };
        match *e {
            Some(prev) if prev == id || more_precise(prev, id) => {}
            Some(prev) if more_precise(id, prev) => *e = Some(id),
            Some(_) => *e = None,
            None => {}
        }
        if let (Some(v), Some(_)) = (t.version, t.jurisdiction) {
            let p = port_of.entry((t.unit, v)).or_insert(Some(id));
            if *p != Some(id) {
                *p = None;
            }
        }
    }
    for m in mentions.iter_mut() {
        match m.license {
            License::Unit(u) => {
                if let Some(Some(id)) = tool_of_unit.get(&u) {
                    m.license = License::Tool(*id);
                }
            }
            License::Tool(id) => {
                let t = cat.tool(id);
                if let (Some(v), None) = (t.version, t.jurisdiction)
                    && let Some(Some(port)) = port_of.get(&(t.unit, v))
                {
                    m.license = License::Tool(*port);
                }
            }
        }
    }
}

/// Versions listed after a mention, as Wikimedia Commons writes multi-licensing: "Attribution-
/// Share Alike 3.0 Unported, 2.5 Generic, 2.0 Generic and 1.0 Generic license". Each names the
/// same elements at another version.
fn further_versions(text: &str, first: &Mention) -> Vec<Mention> {
    let mut out = Vec::new();
    let (Some(tool), crate::license::Family::Elements(elements)) =
        (first.license.tool(), first.license.family())
    else {
        return out;
    };
    if tool.version.is_none() {
        return out;
    }
    let cat = super::catalogue();
    let mut end = first.span.end;
    loop {
        // A list separator: ",", "/", "and", "or", with spaces around.
        let rest = &text[end..];
        let trimmed = rest.trim_start_matches([' ', ',', '/']);
        let mut j = end + (rest.len() - trimmed.len());
        for word in ["and ", "or ", "und ", "et ", "y "] {
            if let Some(k) = text::starts_ci(text, j, word) {
                j = k;
                break;
            }
        }
        if j == end {
            break;
        }
        let Some((v, vend)) = text::version(text, j) else {
            break;
        };
        let (jurisdiction, stop) = port::port(text, vend, elements, v).unwrap_or(("", vend));
        let Some(t) = cat
            .by_parts(elements, v, jurisdiction)
            .or_else(|| cat.by_parts(elements, v, ""))
        else {
            break;
        };
        out.push(Mention {
            license: License::Tool(t.id),
            form: first.form,
            span: j..stop,
            lang: None,
        });
        end = stop;
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Merges two sorted lists of mentions, keeping the longer of two that overlap.
fn merge(a: Vec<Mention>, b: Vec<Mention>) -> Vec<Mention> {
    let mut all: Vec<Mention> = a.into_iter().chain(b).collect();
    all.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut out: Vec<Mention> = Vec::with_capacity(all.len());
    for m in all {
        match out.last_mut() {
            Some(last) if overlaps(&last.span, &m.span) => {
                if m.span.len() > last.span.len() {
                    *last = m;
                }
            }
            _ => out.push(m),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<&'static str> {
        scan(s).licenses().into_iter().map(License::key).collect()
    }

    #[test]
    fn seed() {
        let s = "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)";
        let r = scan(s);
        assert_eq!(keys(s), ["by-nc-nd/2.0"]);
        assert_eq!(r.mentions.len(), 2);
        assert_eq!(r.rights(), Rights::Cc);
    }

    #[test]
    fn versions_listed_after_a_title() {
        assert_eq!(
            keys(
                "licensed under the Creative Commons Attribution-Share Alike 3.0 Unported, 2.5 Generic, 2.0 Generic and 1.0 Generic license."
            ),
            ["by-sa/3.0", "by-sa/2.5", "by-sa/2.0", "by-sa/1.0"]
        );
        assert_eq!(keys("CC BY-SA 4.0 / 3.0 DE"), ["by-sa/4.0", "by-sa/3.0/de"]);
        assert_eq!(keys("CC BY 4.0, 2019"), ["by/4.0"]);
    }

    #[test]
    fn mixed_forms_in_one_text() {
        assert_eq!(
            keys("https://creativecommons.org/licenses/by/4.0/ and CC BY-SA 3.0 DE and CC0"),
            ["by/4.0", "by-sa/3.0/de", "zero/1.0"]
        );
    }
}
