//! Merging the evidence about one image into one credit.
//!
//! Each origin has a role (who made it, which license, what it is called, where it is from, or a
//! free-text credit line to parse); [`ROLES`] is that table. When sources name different
//! licenses the credit takes the most restrictive one and says so as a finding.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::line::{CreditLine, LineNote, MAX_AUTHORS};
use super::terms::Restrictions;
use super::{Credit, analyze_credit_line, parse_credit_line};
use crate::evidence::{Evidence, Origin, origin as o};
use crate::finding::{Finding, FindingKind};
use crate::license::{self, License, Rights, Scan, StatementKind};

/// What an origin tells about the credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A name of a creator.
    Author,
    /// A license or rights statement (scanned for legal tools and statements).
    Rights,
    /// A copyright notice: rights, and the holder's name when no author is given elsewhere.
    Notice,
    /// The name of a copyright holder given as such (schema.org `copyrightHolder`, a Person or
    /// an Organization): one name, whole, used when no author is given elsewhere.
    Holder,
    /// A free-text credit line or caption, parsed as such.
    CreditLine,
    /// Prose that may mention a license, but whose names are not credits.
    Description,
    /// Text next to an image on a page: a credit line when it names a license or a rights
    /// statement ([`super::page::nearby_text_is_credit`]), else nothing.
    NearbyText,
    /// A link in a caption or credit: rights when it is a license URL
    /// ([`super::page::link_is_license`]), else the source.
    CreditLink,
    Title,
    Source,
}

const ROLES: &[(Origin, Role)] = &[
    (o::EXIF_ARTIST, Role::Author),
    (o::EXIF_XP_AUTHOR, Role::Author),
    (o::IPTC_BY_LINE, Role::Author),
    (o::XMP_DC_CREATOR, Role::Author),
    (o::XMP_CC_ATTRIBUTION_NAME, Role::Author),
    (o::PNG_AUTHOR, Role::Author),
    (o::JSONLD_CREATOR, Role::Author),
    (o::RDFA_ATTRIBUTION_NAME, Role::Author),
    (o::FRONTMATTER_AUTHOR, Role::Author),
    (o::MICRODATA_CREATOR, Role::Author),
    (o::COMMONS_ARTIST, Role::Author),
    (o::MEDIAWIKI_AUTHOR, Role::Author),
    (o::FLICKR_OWNER, Role::Author),
    (o::MEDIAWIKI_LICENSE_SHORT, Role::Rights),
    (o::MEDIAWIKI_LICENSE_LINK, Role::Rights),
    (o::FLICKR_LICENSE, Role::Rights),
    (o::MEDIAWIKI_ATTRIBUTION, Role::CreditLine),
    (o::MEDIAWIKI_SOURCE, Role::Source),
    (o::HTML_NEARBY_TEXT, Role::NearbyText),
    (o::HTML_CAPTION_TEXT, Role::NearbyText),
    (o::HTML_CREDIT_LINK, Role::CreditLink),
    (o::OEMBED_AUTHOR_NAME, Role::Author),
    (o::MICRODATA_LICENSE, Role::Rights),
    (o::COMMONS_LICENSE_SHORT_NAME, Role::Rights),
    (o::COMMONS_LICENSE_URL, Role::Rights),
    (o::COMMONS_USAGE_TERMS, Role::Rights),
    (o::OEMBED_LICENSE, Role::Rights),
    (o::OEMBED_LICENSE_URL, Role::Rights),
    (o::JSONLD_COPYRIGHT_HOLDER, Role::Holder),
    (o::MICRODATA_COPYRIGHT_NOTICE, Role::Notice),
    (o::MICRODATA_COPYRIGHT_HOLDER, Role::Holder),
    (o::HTML_NEARBY_CREDIT, Role::CreditLine),
    (o::HTML_ALT_CREDIT, Role::CreditLine),
    (o::MICRODATA_CREDIT_TEXT, Role::CreditLine),
    (o::COMMONS_CREDIT, Role::Description),
    (o::COMMONS_OBJECT_NAME, Role::Title),
    (o::OEMBED_TITLE, Role::Title),
    (o::COMMONS_DESCRIPTION_URL, Role::Source),
    (o::OEMBED_WEB_PAGE, Role::Source),
    (o::MICRODATA_ACQUIRE_LICENSE_PAGE, Role::Source),
    (o::XMP_CC_LICENSE, Role::Rights),
    (o::XMP_RIGHTS_USAGE_TERMS, Role::Rights),
    (o::XMP_RIGHTS_WEB_STATEMENT, Role::Rights),
    (o::XMP_DC_RIGHTS, Role::Notice),
    (o::EXIF_COPYRIGHT, Role::Notice),
    (o::IPTC_COPYRIGHT_NOTICE, Role::Notice),
    (o::PNG_COPYRIGHT, Role::Notice),
    (o::JSONLD_COPYRIGHT_NOTICE, Role::Notice),
    (o::REUSE_COPYRIGHT, Role::Notice),
    (o::HTML_REL_LICENSE, Role::Rights),
    (o::RDFA_LICENSE, Role::Rights),
    (o::JSONLD_LICENSE, Role::Rights),
    (o::REUSE_LICENSE, Role::Rights),
    (o::FRONTMATTER_LICENSE, Role::Rights),
    (o::MARKDOWN_LICENSE_LINK, Role::Rights),
    (o::HTTP_LINK_LICENSE, Role::Rights),
    (o::XMP_CC_MORE_PERMISSIONS, Role::Description),
    (o::HTML_FIGCAPTION, Role::CreditLine),
    (o::HTML_CREDIT, Role::CreditLine),
    (o::HTML_CAPTION, Role::CreditLine),
    (o::MARKDOWN_CAPTION, Role::CreditLine),
    (o::JSONLD_CREDIT_TEXT, Role::CreditLine),
    (o::IPTC_CREDIT, Role::CreditLine),
    (o::XMP_PHOTOSHOP_CREDIT, Role::CreditLine),
    (o::FRONTMATTER_CREDIT, Role::CreditLine),
    (o::TEXT_CREDIT_LINE, Role::CreditLine),
    (o::EXIF_IMAGE_DESCRIPTION, Role::Description),
    (o::EXIF_XP_COMMENT, Role::Description),
    (o::EXIF_USER_COMMENT, Role::Description),
    (o::IPTC_CAPTION_ABSTRACT, Role::Description),
    (o::IPTC_SPECIAL_INSTRUCTIONS, Role::Description),
    (o::XMP_DC_DESCRIPTION, Role::Description),
    (o::PNG_DESCRIPTION, Role::Description),
    (o::PNG_COMMENT, Role::Description),
    (o::JPEG_COMMENT, Role::Description),
    (o::GIF_COMMENT, Role::Description),
    (o::HTML_ALT, Role::Description),
    (o::HTML_TITLE, Role::Description),
    (o::MARKDOWN_ALT, Role::Description),
    (o::MARKDOWN_TITLE, Role::Description),
    (o::XMP_DC_TITLE, Role::Title),
    (o::IPTC_OBJECT_NAME, Role::Title),
    (o::PNG_TITLE, Role::Title),
    (o::EXIF_XP_TITLE, Role::Title),
    (o::RDFA_TITLE, Role::Title),
    (o::XMP_CC_ATTRIBUTION_URL, Role::Source),
    (o::XMP_DC_SOURCE, Role::Source),
    (o::IPTC_SOURCE, Role::Source),
    (o::XMP_PHOTOSHOP_SOURCE, Role::Source),
    (o::JSONLD_ACQUIRE_LICENSE_PAGE, Role::Source),
    (o::MARKDOWN_LINK, Role::Source),
    (o::HTML_LINK, Role::Source),
];

fn role(origin: Origin) -> Option<Role> {
    ROLES.iter().find(|(o, _)| *o == origin).map(|(_, r)| *r)
}

/// The credit merged from the evidence, and what the merge noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub credit: Credit,
    pub findings: Vec<Finding>,
}

/// A name as a credit: without surrounding space, "©", years or an e-mail address in brackets.
fn clean_name(raw: &str) -> Option<String> {
    let mut s = raw.trim();
    for prefix in [
        "SPDX-FileCopyrightText:",
        "©",
        "(c)",
        "(C)",
        "Copyright",
        "copyright",
    ] {
        s = s.strip_prefix(prefix).unwrap_or(s).trim_start();
    }
    let s = match s.find('<') {
        Some(i) if s.ends_with('>') => s[..i].trim_end(),
        _ => s,
    };
    // A leading year or year range: "2019 Jane Doe", "2019-2021 Jane Doe".
    let s = s
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–' || c == ',')
        .trim();
    let s = s.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    (!s.is_empty() && s.chars().any(char::is_alphabetic)).then(|| s.to_string())
}

/// The text without `<address@example.org>` parts, as REUSE and Git write them after a name.
fn without_emails(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        match rest[i..].find('>') {
            Some(j) if rest[i..i + j].contains('@') => {
                out.push_str(&rest[..i]);
                rest = &rest[i + j + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A name as compared: lowercase, spaces collapsed ("Jane  DOE" is "jane doe").
fn norm(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Names in the order first given, each once, at most [`MAX_AUTHORS`] of them. A set makes
/// de-duplication linear: a field with ten thousand names costs ten thousand lookups, not fifty
/// million comparisons. Names past the budget are counted, not kept.
#[derive(Default)]
struct Names {
    names: Vec<String>,
    seen: HashSet<String>,
    dropped: usize,
}

impl Names {
    fn push(&mut self, name: String) {
        if self.names.len() >= MAX_AUTHORS {
            self.dropped += 1;
            return;
        }
        if self.seen.insert(norm(&name)) {
            self.names.push(name);
        }
    }
}

/// Whether a value is no name: a web address, undecodable bytes, control characters.
fn junk_name(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || s.chars()
            .any(|c| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()))
}

/// A creator written the way wire credits are, "Benoit Tessier/Reuters": the credit-line reader
/// splits it into the photographer and the agency. Only a slash outside a web address counts,
/// and only when the reader finds both a name and a source.
fn name_and_agency(name: &str) -> Option<(Vec<String>, String)> {
    if !name.contains('/') || name.contains("://") || name.len() > 200 {
        return None;
    }
    let line = parse_credit_line(name);
    let source = line.source?;
    (!line.authors.is_empty() && line.authors.iter().all(|a| !junk_name(a)))
        .then_some((line.authors, source))
}

/// The credit an instruction asks for: the text after "Credit as", "Credit:", "Please credit".
fn credit_instruction(value: &str) -> Option<&str> {
    let lower = value.to_ascii_lowercase();
    [
        "credit as ",
        "credit to ",
        "please credit ",
        "credit: ",
        "credit line: ",
    ]
    .iter()
    .filter_map(|p| lower.find(p).map(|i| i + p.len()))
    .min()
    .and_then(|i| value.get(i..))
    .map(|rest| rest.split(['\n', ';']).next().unwrap_or(rest).trim())
    .filter(|rest| !rest.is_empty())
}

/// What the merge reads from one evidence value, each reading made the first time it is needed.
/// Every reading is a function of the text alone, so a value seen again (a photo folder's
/// copyright line, a site's caption under many images) is read once per thread.
#[derive(Default)]
struct Readings {
    scan: OnceCell<Scan>,
    line: OnceCell<CreditLine>,
    /// The credit line read from a notice without its e-mail addresses.
    notice: OnceCell<Credit>,
    terms: OnceCell<Restrictions>,
    /// Found again since the cache was last full: such entries survive its next emptying.
    hit: Cell<bool>,
}

impl Readings {
    fn scan(&self, value: &str) -> &Scan {
        self.scan.get_or_init(|| license::scan(value))
    }

    fn line(&self, value: &str) -> &CreditLine {
        self.line.get_or_init(|| analyze_credit_line(value))
    }

    fn notice(&self, value: &str) -> &Credit {
        self.notice
            .get_or_init(|| parse_credit_line(&without_emails(value)))
    }

    fn terms(&self, value: &str) -> &Restrictions {
        self.terms.get_or_init(|| super::terms::find(value))
    }
}

/// Values longer than this are read afresh each time: captions and notices are short, and the
/// cache's memory stays bounded by [`CACHE_BYTES`].
const CACHE_VALUE_MAX: usize = 4096;
/// What a thread's cache may hold, counted as each value's length plus [`ENTRY_COST`]: about
/// 500 short values. When it is full, the values not found again since it was last full are
/// dropped (a site's alt texts differ image by image; its captions and licenses repeat).
const CACHE_BYTES: usize = 512 * 1024;
/// What one entry costs beside its value: the readings themselves, and about as much again
/// for the map's slot and what the readings hold (a scan's mentions, a credit's few strings).
const ENTRY_COST: usize = 2 * std::mem::size_of::<Readings>();

#[derive(Default)]
struct Cache {
    bytes: usize,
    map: HashMap<Box<str>, Rc<Readings>>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// The readings of `value`, shared with earlier merges on this thread.
fn readings(value: &str) -> Rc<Readings> {
    if value.len() > CACHE_VALUE_MAX {
        return Rc::default();
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(r) = c.map.get(value) {
            r.hit.set(true);
            return Rc::clone(r);
        }
        let cost = value.len() + ENTRY_COST;
        if c.bytes + cost > CACHE_BYTES {
            // Values seen once (a site's alt texts) go; values that came back (its captions,
            // its license lines) stay, unless they alone fill the cache.
            c.map.retain(|_, r| r.hit.replace(false));
            c.bytes = c.map.keys().map(|k| k.len() + ENTRY_COST).sum();
            if c.bytes + cost > CACHE_BYTES {
                *c = Cache::default();
            }
        }
        c.bytes += cost;
        let r = Rc::<Readings>::default();
        c.map.insert(value.into(), Rc::clone(&r));
        r
    })
}

/// Merges the evidence about one image into one credit.
pub fn merge(evidence: &[Evidence]) -> Merged {
    let mut credit = Credit::default();
    let mut findings = Vec::new();
    let mut licenses: Vec<(License, Origin)> = Vec::new();
    let mut authors = Names::default();
    let mut notice_holders = Names::default();
    let mut line_authors = Names::default();
    let mut unclear: Vec<Origin> = Vec::new();
    let mut statements: Vec<StatementKind> = Vec::new();
    for e in evidence {
        let Some(role) = role(e.origin) else { continue };
        let value = e.value.trim();
        if value.is_empty() {
            continue;
        }
        let r = readings(value);
        let role = match role {
            Role::NearbyText if super::page::nearby_text_is_credit(value) => Role::CreditLine,
            Role::NearbyText => continue,
            Role::CreditLink if super::page::link_is_license(value) => Role::Rights,
            Role::CreditLink => Role::Source,
            r => r,
        };
        match role {
            Role::Author => {
                // exiftool and many writers join several creators with ";".
                for name in value.split(';').filter_map(clean_name) {
                    if let Some((names, agency)) = name_and_agency(&name) {
                        names.into_iter().for_each(|a| authors.push(a));
                        credit.source.get_or_insert(agency);
                        continue;
                    }
                    if junk_name(&name) {
                        // A web address in a creator field says where the image is from.
                        if name.contains("://") || name.starts_with("www.") {
                            credit.source.get_or_insert(name);
                        }
                        continue;
                    }
                    authors.push(name);
                }
            }
            Role::Holder => {
                for name in value.split(';').filter_map(clean_name) {
                    if !junk_name(&name) {
                        notice_holders.push(name);
                    }
                }
            }
            Role::Rights | Role::Notice | Role::Description => {
                let scan = r.scan(value);
                credit.reserved_in_words |= scan
                    .statements
                    .iter()
                    .any(|s| s.name == "all rights reserved");
                credit.restrictions.merge(r.terms(value).clone());
                for l in scan.licenses() {
                    licenses.push((l, e.origin));
                }
                statements.extend(scan.statements.iter().map(|s| s.kind));
                if role == Role::Notice {
                    // "Blender Foundation 2008, Janus Bager Kristensen 2013 - Creative Commons
                    // Attribution 3.0 - http://…": a notice that carries a license still names
                    // its holders, and its web address is where the work is from.
                    let line = r.notice(value);
                    let licensed = !scan.licenses().is_empty();
                    if licensed && credit.source.is_none() {
                        credit.source = line.source.clone();
                    }
                    match line.authors.is_empty() {
                        false => line
                            .authors
                            .iter()
                            .filter(|a| !junk_name(a))
                            .for_each(|a| notice_holders.push(a.clone())),
                        true if !licensed => {
                            if let Some(n) =
                                clean_name(value).filter(|n| n.len() <= 80 && !junk_name(n))
                            {
                                notice_holders.push(n);
                            }
                        }
                        true => {}
                    }
                }
                // IPTC special instructions: "Credit as U.S. Navy photo by Jane Doe".
                if e.origin == o::IPTC_SPECIAL_INSTRUCTIONS
                    && let Some(credit_as) = credit_instruction(value)
                {
                    parse_credit_line(credit_as)
                        .authors
                        .into_iter()
                        .for_each(|a| line_authors.push(a));
                }
                if role == Role::Rights
                    && e.origin == o::XMP_RIGHTS_WEB_STATEMENT
                    && scan.licenses().is_empty()
                {
                    credit.source.get_or_insert_with(|| value.to_string());
                }
            }
            Role::CreditLine => {
                let parsed = r.line(value);
                for note in &parsed.notes {
                    match note {
                        LineNote::AuthorUnclear => unclear.push(e.origin),
                        LineNote::TooManyAuthors { named, kept } => findings.push(Finding {
                            origins: vec![e.origin],
                            ..Finding::new(
                                FindingKind::MetadataProblem,
                                format!(
                                    "{} names {named} authors; the credit keeps the first {kept}",
                                    e.origin
                                ),
                            )
                        }),
                    }
                }
                let line = &parsed.credit;
                credit.reserved_in_words |= line.reserved_in_words;
                credit.restrictions.merge(line.restrictions.clone());
                if let Some(l) = line.license {
                    licenses.push((l, e.origin));
                }
                let scan = r.scan(value);
                statements.extend(scan.statements.iter().map(|s| s.kind));
                line.authors
                    .iter()
                    .for_each(|a| line_authors.push(a.clone()));
                credit.modified |= line.modified;
                if credit.title.is_none() {
                    credit.title.clone_from(&line.title);
                }
                if credit.source.is_none() {
                    credit.source.clone_from(&line.source);
                }
                if credit.date.is_none() {
                    credit.date.clone_from(&line.date);
                }
                if credit.place.is_none() {
                    credit.place.clone_from(&line.place);
                }
                credit.license_url_given |= line.license_url_given;
            }
            Role::Title => {
                credit.title.get_or_insert_with(|| value.to_string());
            }
            Role::Source => {
                credit.source.get_or_insert_with(|| value.to_string());
            }
            // Turned into another role or skipped above.
            Role::NearbyText | Role::CreditLink => {}
        }
        if matches!(
            e.origin,
            o::XMP_CC_LICENSE
                | o::HTML_REL_LICENSE
                | o::RDFA_LICENSE
                | o::HTTP_LINK_LICENSE
                | o::MARKDOWN_LICENSE_LINK
                | o::COMMONS_LICENSE_URL
                | o::OEMBED_LICENSE_URL
                | o::MEDIAWIKI_LICENSE_LINK
                | o::FLICKR_LICENSE
                | o::HTML_CREDIT_LINK
        ) || value.contains("creativecommons.org/")
        {
            credit.license_url_given |= r
                .scan(value)
                .mentions
                .iter()
                .any(|m| m.form == license::Form::Url);
        }
    }
    // Names in metadata fields made for creators come first; then names credit lines give;
    // copyright holders only when nobody else is named.
    let dropped = authors.dropped + line_authors.dropped;
    for a in line_authors.names {
        authors.push(a);
    }
    if authors.names.is_empty() {
        authors = notice_holders;
    }
    if dropped + authors.dropped > 0 {
        findings.push(Finding::new(
            FindingKind::MetadataProblem,
            format!(
                "more than {MAX_AUTHORS} authors are named; the credit keeps the first \
                 {MAX_AUTHORS} ({} more were left out)",
                dropped + authors.dropped
            ),
        ));
    }
    credit.authors = authors.names;
    if credit.authors.is_empty() && !unclear.is_empty() {
        findings.push(Finding {
            origins: unclear,
            ..Finding::new(
                FindingKind::AuthorUnclear,
                "a credit line credits someone, but licit could not tell who: no author was \
                 named rather than a guess",
            )
        });
    }
    credit.license = choose_license(&licenses, &mut findings);
    credit.rights = if credit.license.is_some() {
        Rights::Cc
    } else if statements.contains(&StatementKind::PublicDomain) {
        Rights::PublicDomain
    } else if statements.contains(&StatementKind::Other) {
        Rights::Other
    } else if statements.contains(&StatementKind::AllRightsReserved) {
        Rights::AllRightsReserved
    } else {
        Rights::None
    };
    credit.signals = crate::tdm::signals(evidence);
    if let Some(f) = signal_conflict(&credit) {
        findings.push(f);
    }
    Merged { credit, findings }
}

/// A license that lets anyone reuse the image, and a signal of the rights holder that
/// prohibits mining it, disagree: for mining and AI training the most restrictive reading wins
/// (`assess::training`), and the finding says so whatever the use checked.
fn signal_conflict(credit: &Credit) -> Option<Finding> {
    let license = credit.license?;
    let against: Vec<&crate::tdm::Signal> = credit
        .signals
        .iter()
        .filter(|s| s.reading.prohibits())
        .collect();
    let first = against.first()?;
    let mut origins: Vec<Origin> = against.iter().map(|s| s.origin).collect();
    origins.dedup();
    Some(Finding {
        kind: FindingKind::TrainingSignalConflict,
        message: format!(
            "the license is {} but {} says \"{}\" ({}): for data mining and AI training the \
             more restrictive signal applies",
            license.short_code(),
            first.origin,
            first.value,
            first.reading.describe()
        ),
        origins,
        locations: Vec::new(),
    })
}

/// The most restrictive license named, with a finding when sources disagree, and one when the
/// version is unknown.
fn choose_license(licenses: &[(License, Origin)], findings: &mut Vec<Finding>) -> Option<License> {
    let (first, _) = *licenses.first()?;
    // Prefer a precise tool over its unit when they agree.
    let mut groups: Vec<(License, Vec<Origin>)> = Vec::new();
    for &(l, origin) in licenses {
        match groups.iter_mut().find(|(g, _)| g.agrees_with(l)) {
            Some((g, origins)) => {
                if g.tool().is_none() && l.tool().is_some() {
                    *g = l;
                }
                if !origins.contains(&origin) {
                    origins.push(origin);
                }
            }
            None => groups.push((l, vec![origin])),
        }
    }
    // The most restrictive; on a tie, the first named.
    let mut chosen = first;
    let mut best = None;
    for (l, _) in &groups {
        if best.is_none_or(|b| l.restrictiveness() > b) {
            best = Some(l.restrictiveness());
            chosen = *l;
        }
    }
    if groups.len() > 1 {
        let said: Vec<String> = groups
            .iter()
            .map(|(l, origins)| {
                let names: Vec<&str> = origins.iter().map(|o| o.as_str()).collect();
                let verb = if names.len() == 1 { "says" } else { "say" };
                format!("{} {verb} {}", names.join(" and "), l.short_code())
            })
            .collect();
        findings.push(Finding {
            kind: FindingKind::LicenseConflict,
            message: format!(
                "the sources disagree: {}; the most restrictive reading, {}, is assumed",
                said.join("; "),
                chosen.short_code()
            ),
            origins: groups.iter().flat_map(|(_, o)| o.iter().copied()).collect(),
            locations: Vec::new(),
        });
    }
    if chosen.tool().is_none() {
        findings.push(Finding {
            kind: FindingKind::LicenseVersionUnknown,
            message: format!(
                "{} is named without a version; the terms of {} were assumed",
                chosen.short_code(),
                chosen.effective_tool().short_code()
            ),
            origins: groups
                .iter()
                .find(|(l, _)| *l == chosen)
                .map(|(_, o)| o.clone())
                .unwrap_or_default(),
            locations: Vec::new(),
        });
    }
    Some(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(origin: Origin, value: &str) -> Evidence {
        Evidence::new(origin, value)
    }

    #[test]
    fn authors_are_deduplicated_across_sources() {
        let m = merge(&[
            ev(o::EXIF_ARTIST, "Jane Doe"),
            ev(o::IPTC_BY_LINE, "jane  doe"),
            ev(o::XMP_DC_CREATOR, "John Smith"),
            ev(o::EXIF_COPYRIGHT, "© 2019 Someone Else"),
        ]);
        assert_eq!(m.credit.authors, ["Jane Doe", "John Smith"]);
        assert_eq!(m.credit.rights, Rights::AllRightsReserved);
    }

    #[test]
    fn the_copyright_holder_is_the_author_when_nobody_else_is_named() {
        let m = merge(&[ev(o::EXIF_COPYRIGHT, "Copyright 2019 Jane Doe")]);
        assert_eq!(m.credit.authors, ["Jane Doe"]);
        let m = merge(&[ev(o::REUSE_COPYRIGHT, "2019 Jane Doe <jane@example.org>")]);
        assert_eq!(m.credit.authors, ["Jane Doe"]);
    }

    #[test]
    fn disagreeing_licenses_take_the_most_restrictive_and_say_so() {
        let m = merge(&[
            ev(
                o::XMP_CC_LICENSE,
                "https://creativecommons.org/licenses/by-sa/4.0/",
            ),
            ev(
                o::XMP_RIGHTS_USAGE_TERMS,
                "This work is licensed under CC BY-NC 2.0",
            ),
        ]);
        assert_eq!(m.credit.license.map(License::key), Some("by-nc/2.0"));
        assert_eq!(m.findings.len(), 1);
        assert_eq!(m.findings[0].kind, FindingKind::LicenseConflict);
        assert!(
            m.findings[0]
                .message
                .contains("xmp:cc:license says CC BY-SA 4.0")
        );
        assert!(m.credit.license_url_given);
    }

    #[test]
    fn a_unit_and_its_tool_agree() {
        let m = merge(&[
            ev(
                o::XMP_CC_LICENSE,
                "https://creativecommons.org/licenses/by-sa/3.0/",
            ),
            ev(o::XMP_RIGHTS_USAGE_TERMS, "CC BY-SA"),
        ]);
        assert_eq!(m.credit.license.map(License::key), Some("by-sa/3.0"));
        assert!(m.findings.is_empty());
    }

    #[test]
    fn a_caption_gives_authors_and_license() {
        let m = merge(&[ev(
            o::HTML_FIGCAPTION,
            "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)",
        )]);
        assert_eq!(m.credit.authors, ["IHH Humanitarian Relief Foundation"]);
        assert_eq!(m.credit.license.map(License::key), Some("by-nc-nd/2.0"));
        assert_eq!(m.credit.date.as_deref(), Some("2013-04-14"));
        assert_eq!(m.credit.rights, Rights::Cc);
    }

    #[test]
    fn a_notice_that_carries_a_license_still_names_its_holders() {
        let m = merge(&[ev(
            o::XMP_DC_RIGHTS,
            "Blender Foundation 2008, Janus Bager Kristensen 2013 - Creative Commons \
             Attribution 3.0 - http://www.bigbuckbunny.org",
        )]);
        assert_eq!(
            m.credit.authors,
            ["Blender Foundation", "Janus Bager Kristensen"]
        );
        assert_eq!(
            m.credit.source.as_deref(),
            Some("http://www.bigbuckbunny.org")
        );
    }

    #[test]
    fn an_iptc_instruction_names_the_credit_asked_for() {
        let m = merge(&[ev(
            o::IPTC_SPECIAL_INSTRUCTIONS,
            "Credit as U.S. Navy photo by Jane Doe. No model release.",
        )]);
        assert_eq!(m.credit.authors, ["Jane Doe"]);
    }

    #[test]
    fn a_creator_with_an_agency_after_a_slash_is_split() {
        let m = merge(&[ev(o::MICRODATA_CREATOR, "Benoit Tessier/Reuters")]);
        assert_eq!(m.credit.authors, vec!["Benoit Tessier"]);
        assert_eq!(m.credit.source.as_deref(), Some("Reuters"));
        // A creator without a slash stays whole.
        let m = merge(&[ev(o::JSONLD_CREATOR, "Example Technologies Pvt. Ltd.")]);
        assert_eq!(m.credit.authors, vec!["Example Technologies Pvt. Ltd."]);
    }

    #[test]
    fn junk_is_never_an_author() {
        let m = merge(&[
            ev(o::EXIF_ARTIST, "https://example.org/me"),
            ev(o::EXIF_XP_AUTHOR, "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ev(o::XMP_PHOTOSHOP_CREDIT, "Credit Line"),
        ]);
        assert!(m.credit.authors.is_empty(), "{:?}", m.credit.authors);
        assert_eq!(m.credit.source.as_deref(), Some("https://example.org/me"));
    }

    #[test]
    fn a_value_read_before_merges_as_if_read_afresh() {
        let caption = "Photo: Jane Doe <jane@example.org>, CC BY-SA 4.0, https://example.org/a";
        let sets = [
            vec![
                ev(o::MARKDOWN_CAPTION, caption),
                ev(o::MARKDOWN_ALT, "Picture 1"),
            ],
            // The same text in other roles: each reading is its own.
            vec![
                ev(o::EXIF_COPYRIGHT, caption),
                ev(o::XMP_CC_LICENSE, caption),
            ],
            vec![ev(o::IPTC_CREDIT, caption), ev(o::REUSE_COPYRIGHT, caption)],
        ];
        let fresh: Vec<Merged> = sets
            .iter()
            .map(|s| {
                CACHE.with(|c| *c.borrow_mut() = Cache::default());
                merge(s)
            })
            .collect();
        for _ in 0..2 {
            for (s, want) in sets.iter().zip(&fresh) {
                assert_eq!(&merge(s), want);
            }
        }
        assert!(fresh[0].credit.authors.contains(&"Jane Doe".to_string()));
    }

    #[test]
    fn the_cache_is_bounded() {
        CACHE.with(|c| *c.borrow_mut() = Cache::default());
        let long = "x".repeat(CACHE_VALUE_MAX + 1);
        merge(&[ev(o::EXIF_COPYRIGHT, &long)]);
        CACHE.with(|c| assert!(c.borrow().map.is_empty()));
        let kept = "© 2024 Jane Doe";
        for i in 0..(CACHE_BYTES / 1000 + 10) {
            // Values of 1,000 bytes, seen once, and one that keeps coming back.
            merge(&[ev(o::EXIF_COPYRIGHT, &format!("{i:01000}"))]);
            merge(&[ev(o::EXIF_COPYRIGHT, kept)]);
            CACHE.with(|c| assert!(c.borrow().bytes <= CACHE_BYTES));
        }
        CACHE.with(|c| assert!(c.borrow().map.contains_key(kept)));
    }

    #[test]
    fn no_evidence_means_no_license() {
        let m = merge(&[]);
        assert_eq!(m.credit.license, None);
        assert_eq!(m.credit.rights, Rights::None);
    }
}
