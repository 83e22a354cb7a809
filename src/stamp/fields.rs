//! What a stamp writes, field by field. Every value is decided here once, so that XMP, EXIF,
//! IPTC IIM and PNG text tell one story, and licit's own reader merges them into the credit that
//! was asked for.

use crate::attribution::license_name;
use crate::evidence::{Origin, origin as o};
use crate::license::{Family, License};
use crate::metadata::Format;

use super::Stamp;

/// The values written, computed once from a [`Stamp`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Written {
    /// Creators, one per entry (`dc:creator` items, IPTC By-line datasets).
    pub authors: Vec<String>,
    /// The creators in one field (`Artist`, `cc:attributionName`): joined with `; `, which
    /// readers (exiftool, licit) split on.
    pub joined_authors: Option<String>,
    /// The copyright notice: `© 2024 Jane Doe. Licensed under CC BY-SA 4.0 (URL)`.
    pub notice: Option<String>,
    pub title: Option<String>,
    /// IPTC Credit (and its XMP twin `photoshop:Credit`): the names to credit.
    pub credit_line: Option<String>,
    pub license_url: Option<String>,
    /// `xmpRights:UsageTerms`: the license sentence.
    pub usage_terms: Option<String>,
    /// `xmpRights:WebStatement`: where the rights are stated (the source page, else the license).
    pub web_statement: Option<String>,
    /// `xmpRights:Marked`: true for a work under copyright, false for a public-domain tool.
    pub marked: Option<bool>,
    pub attribution_url: Option<String>,
    /// `plus:DataMining`: the PLUS vocabulary URI of the code asked for.
    pub data_mining: Option<String>,
}

/// Public-domain tools: no "©" in the notice, `xmpRights:Marked` false (Creative Commons' XMP
/// recommendation for CC0 and the Public Domain Mark).
fn public_domain(l: License) -> bool {
    matches!(
        l.family(),
        Family::Zero | Family::Mark | Family::PublicDomainDedication
    )
}

/// The sentence naming the license, with its URL: the same words in `UsageTerms`, the notice
/// and the EXIF `Copyright`, so that every reader finds the same tool.
fn license_sentence(l: License) -> String {
    let name = license_name(l);
    let url = l.url().unwrap_or_default();
    match l.family() {
        Family::Zero | Family::PublicDomainDedication => {
            format!("Dedicated to the public domain under {name} ({url})")
        }
        Family::Mark => format!("Marked with {name} ({url})"),
        _ => format!("Licensed under {name} ({url})"),
    }
}

impl Written {
    pub(crate) fn exif_values(&self, jpeg: bool) -> super::exif::Values<'_> {
        super::exif::Values {
            artist: self.joined_authors.as_deref(),
            copyright: self.notice.as_deref(),
            title: self.title.as_deref(),
            jpeg,
        }
    }

    pub(crate) fn new(stamp: &Stamp) -> Written {
        let authors: Vec<String> = stamp.authors.clone();
        let joined_authors = (!authors.is_empty()).then(|| authors.join("; "));
        let holder = stamp
            .holder
            .clone()
            .or_else(|| (!authors.is_empty()).then(|| authors.join(", ")));
        let copyright = match (stamp.license, &holder) {
            (Some(l), _) if public_domain(l) => None,
            (_, Some(h)) => Some(match &stamp.year {
                Some(y) => format!("© {y} {h}"),
                None => format!("© {h}"),
            }),
            (_, None) => None,
        };
        let sentence = stamp.license.map(license_sentence);
        let notice = match (copyright, &sentence) {
            (Some(c), Some(s)) => Some(format!("{c}. {s}")),
            (Some(c), None) => Some(c),
            (None, Some(s)) => Some(s.clone()),
            (None, None) => None,
        };
        let license_url = stamp.license.and_then(License::url).map(str::to_string);
        // IPTC's Credit Line names who must be credited ("Jane Doe / Agency"); IIM 2:110 holds
        // 32 bytes, so the names alone, not a whole credit sentence.
        let credit_line = (!authors.is_empty()).then(|| authors.join(", "));
        Written {
            joined_authors,
            notice,
            title: stamp.title.clone(),
            credit_line,
            usage_terms: sentence,
            web_statement: stamp.source_url.clone().or_else(|| license_url.clone()),
            marked: match stamp.license {
                Some(l) => Some(!public_domain(l)),
                None => holder.is_some().then_some(true),
            },
            attribution_url: stamp
                .attribution_url
                .clone()
                .or_else(|| stamp.source_url.clone()),
            license_url,
            authors,
            data_mining: stamp
                .data_mining
                .map(|c| format!("{}{c}", crate::metadata::vocab::dmi::VOCAB)),
        }
    }

    /// Every field written into a file of `format` that had the evidence `before`, as licit's
    /// reader names it, with its new values (several for a list). A sidecar is
    /// [`Format::Xmp`]. Windows' XP* fields are written only where they were.
    pub(crate) fn fields_for(
        &self,
        format: Format,
        before: &[crate::evidence::Evidence],
    ) -> Vec<(Origin, Vec<String>)> {
        let had = |origin| before.iter().any(|e| e.origin == origin);
        let mut out = self.fields(format);
        if format != Format::Xmp {
            if let Some(a) = self
                .joined_authors
                .as_ref()
                .filter(|_| had(o::EXIF_XP_AUTHOR))
            {
                out.push((o::EXIF_XP_AUTHOR, vec![a.clone()]));
            }
            if let Some(t) = self.title.as_ref().filter(|_| had(o::EXIF_XP_TITLE)) {
                out.push((o::EXIF_XP_TITLE, vec![t.clone()]));
            }
        }
        out
    }

    /// The fields written whatever the file held (see [`Written::fields_for`]).
    pub(crate) fn fields(&self, format: Format) -> Vec<(Origin, Vec<String>)> {
        let one = |v: &Option<String>| v.iter().cloned().collect::<Vec<_>>();
        let mut out: Vec<(Origin, Vec<String>)> = vec![
            (o::XMP_CC_LICENSE, one(&self.license_url)),
            (o::XMP_CC_ATTRIBUTION_NAME, one(&self.joined_authors)),
            (o::XMP_CC_ATTRIBUTION_URL, one(&self.attribution_url)),
            (o::XMP_DC_RIGHTS, one(&self.notice)),
            (o::XMP_DC_CREATOR, self.authors.clone()),
            (o::XMP_DC_TITLE, one(&self.title)),
            (
                o::XMP_RIGHTS_MARKED,
                self.marked
                    .map(|m| if m { "True" } else { "False" }.to_string())
                    .into_iter()
                    .collect(),
            ),
            (o::XMP_PHOTOSHOP_CREDIT, one(&self.credit_line)),
            (o::XMP_RIGHTS_USAGE_TERMS, one(&self.usage_terms)),
            (o::XMP_RIGHTS_WEB_STATEMENT, one(&self.web_statement)),
            (o::XMP_PLUS_DATA_MINING, one(&self.data_mining)),
        ];
        if format != Format::Xmp {
            out.push((o::EXIF_ARTIST, one(&self.joined_authors)));
            out.push((o::EXIF_COPYRIGHT, one(&self.notice)));
        }
        if format == Format::Jpeg {
            out.push((o::IPTC_OBJECT_NAME, one(&self.title)));
            out.push((o::IPTC_BY_LINE, self.authors.clone()));
            out.push((o::IPTC_CREDIT, one(&self.credit_line)));
            out.push((o::IPTC_COPYRIGHT_NOTICE, one(&self.notice)));
        }
        if format == Format::Png {
            out.push((o::PNG_AUTHOR, one(&self.joined_authors)));
            out.push((o::PNG_COPYRIGHT, one(&self.notice)));
            out.push((o::PNG_TITLE, one(&self.title)));
        }
        out.retain(|(_, v)| !v.is_empty());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(license: &str, authors: &[&str]) -> Stamp {
        Stamp {
            license: License::from_key(license),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            ..Stamp::default()
        }
    }

    #[test]
    fn notice_names_holder_year_and_license_with_its_url() {
        let mut s = stamp("by-sa/4.0", &["Jane Doe"]);
        s.year = Some("2024".into());
        let w = Written::new(&s);
        assert_eq!(
            w.notice.as_deref(),
            Some(
                "© 2024 Jane Doe. Licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)"
            )
        );
        assert_eq!(w.marked, Some(true));
        assert_eq!(
            w.web_statement.as_deref(),
            Some("https://creativecommons.org/licenses/by-sa/4.0/")
        );
    }

    #[test]
    fn public_domain_tools_are_not_marked_and_carry_no_copyright_sign() {
        let w = Written::new(&stamp("zero/1.0", &["Jane Doe"]));
        assert_eq!(w.marked, Some(false));
        let notice = w.notice.unwrap();
        assert!(!notice.contains('©'), "{notice}");
        assert!(notice.starts_with("Dedicated to the public domain under CC0 1.0"));
    }

    #[test]
    fn several_authors_are_joined_where_one_field_holds_them() {
        let w = Written::new(&stamp("by/4.0", &["Jane Doe", "John Roe"]));
        assert_eq!(w.joined_authors.as_deref(), Some("Jane Doe; John Roe"));
        assert_eq!(w.authors.len(), 2);
        assert!(w.notice.unwrap().starts_with("© Jane Doe, John Roe."));
    }

    #[test]
    fn fields_depend_on_the_format() {
        let w = Written::new(&stamp("by/4.0", &["Jane Doe"]));
        let names = |f| {
            w.fields(f)
                .into_iter()
                .map(|(o, _)| o.as_str())
                .collect::<Vec<_>>()
        };
        assert!(names(Format::Jpeg).contains(&"iptc:By-line"));
        assert!(!names(Format::Webp).contains(&"iptc:By-line"));
        assert!(names(Format::Png).contains(&"png:Author"));
        assert!(!names(Format::Xmp).contains(&"exif:Artist"));
        // No title was given: none is written (and an existing one is kept).
        assert!(!names(Format::Jpeg).contains(&"xmp:dc:title"));
    }

    #[test]
    fn the_credit_line_reads_back_as_the_same_names() {
        for names in [
            &["Jane Doe"][..],
            &["Jane Doe", "Ana Lima"],
            &["Jürgen Müller", "Ana Lima", "Li Wei"],
        ] {
            let w = Written::new(&stamp("by-sa/4.0", names));
            let line = w.credit_line.unwrap();
            let c = crate::credit::parse_credit_line(&line);
            assert_eq!(c.authors, names, "{line}");
        }
    }
}
