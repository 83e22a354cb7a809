//! Merging the evidence about one image into one credit.
//!
//! Each origin has a role (who made it, which license, what it is called, where it is from, or a
//! free-text credit line to parse); [`ROLES`] is that table. When sources name different
//! licenses the credit takes the most restrictive one and says so as a finding.

use super::{Credit, parse_credit_line};
use crate::evidence::{Evidence, Origin, origin as o};
use crate::finding::{Finding, FindingKind};
use crate::license::{self, License, Rights, StatementKind};

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

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

fn push_author(authors: &mut Vec<String>, name: String) {
    if !authors.iter().any(|a| same_name(a, &name)) {
        authors.push(name);
    }
}

/// Merges the evidence about one image into one credit.
pub fn merge(evidence: &[Evidence]) -> Merged {
    let mut credit = Credit::default();
    let mut findings = Vec::new();
    let mut licenses: Vec<(License, Origin)> = Vec::new();
    let mut notice_holders: Vec<String> = Vec::new();
    let mut line_authors: Vec<String> = Vec::new();
    let mut statements: Vec<StatementKind> = Vec::new();
    for e in evidence {
        let Some(role) = role(e.origin) else { continue };
        let value = e.value.trim();
        if value.is_empty() {
            continue;
        }
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
                    push_author(&mut credit.authors, name);
                }
            }
            Role::Holder => {
                for name in value.split(';').filter_map(clean_name) {
                    push_author(&mut notice_holders, name);
                }
            }
            Role::Rights | Role::Notice | Role::Description => {
                let scan = license::scan(value);
                for l in scan.licenses() {
                    licenses.push((l, e.origin));
                }
                statements.extend(scan.statements.iter().map(|s| s.kind));
                if role == Role::Notice && scan.licenses().is_empty() {
                    let line = parse_credit_line(&without_emails(value));
                    match line.authors.is_empty() {
                        false => line
                            .authors
                            .into_iter()
                            .for_each(|a| push_author(&mut notice_holders, a)),
                        true => {
                            if let Some(n) = clean_name(value).filter(|n| n.len() <= 80) {
                                push_author(&mut notice_holders, n);
                            }
                        }
                    }
                }
                if role == Role::Rights
                    && e.origin == o::XMP_RIGHTS_WEB_STATEMENT
                    && scan.licenses().is_empty()
                {
                    credit.source.get_or_insert_with(|| value.to_string());
                }
            }
            Role::CreditLine => {
                let line = parse_credit_line(value);
                if let Some(l) = line.license {
                    licenses.push((l, e.origin));
                }
                let scan = license::scan(value);
                statements.extend(scan.statements.iter().map(|s| s.kind));
                line.authors
                    .into_iter()
                    .for_each(|a| push_author(&mut line_authors, a));
                credit.modified |= line.modified;
                if credit.title.is_none() {
                    credit.title = line.title;
                }
                if credit.source.is_none() {
                    credit.source = line.source;
                }
                if credit.date.is_none() {
                    credit.date = line.date;
                }
                if credit.place.is_none() {
                    credit.place = line.place;
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
            credit.license_url_given |= license::scan(value)
                .mentions
                .iter()
                .any(|m| m.form == license::Form::Url);
        }
    }
    // Names in metadata fields made for creators come first; then names credit lines give;
    // copyright holders only when nobody else is named.
    for a in line_authors {
        push_author(&mut credit.authors, a);
    }
    if credit.authors.is_empty() {
        credit.authors = notice_holders;
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
    Merged { credit, findings }
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
    fn no_evidence_means_no_license() {
        let m = merge(&[]);
        assert_eq!(m.credit.license, None);
        assert_eq!(m.credit.rights, Rights::None);
    }
}
