//! Credits: what a credit line, or the evidence about one image, says.

pub mod agency;
pub mod date;
pub mod line;
pub mod merge;
pub mod page;
pub mod terms;
pub mod words;

pub use line::{CreditLine, Spans, analyze_credit_line, parse_credit_line};
pub use merge::{Merged, merge};

use crate::license::{License, Rights};

/// The credit object of the JSON contract.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Credit {
    /// Authors in the order given, with their spelling kept.
    pub authors: Vec<String>,
    pub title: Option<String>,
    /// Where the work was found (a URL or a named source such as "Wikimedia Commons").
    pub source: Option<String>,
    pub license: Option<License>,
    pub rights: Rights,
    /// ISO 8601 date (`2013-04-14`), or as much of it as was given (`2013-04`, `2013`).
    pub date: Option<String>,
    pub place: Option<String>,
    /// Whether the credit says the image was changed (cropped, modified, adapted from…).
    pub modified: bool,
    /// Whether the credit gave the license's URL (a link or a written-out URL), not only its
    /// name; the attribution check needs it. Serialized only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub license_url_given: bool,
    /// Whether the source says "all rights reserved" in words; a "©" notice or an agency
    /// credit alone does not, and the written credit must not claim it. Not serialized.
    #[serde(skip)]
    pub reserved_in_words: bool,
    /// Restrictions written in words ("Editorial use only"); the assessment applies them.
    #[serde(skip)]
    pub restrictions: terms::Restrictions,
    /// Text-and-data-mining signals (IPTC Data Mining, TDMRep, robots `noai`): what the rights
    /// holder says about mining and AI training. Serialized only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signals: Vec<crate::tdm::Signal>,
}

impl Default for Credit {
    fn default() -> Credit {
        Credit {
            authors: Vec::new(),
            title: None,
            source: None,
            license: None,
            rights: Rights::None,
            date: None,
            place: None,
            modified: false,
            license_url_given: false,
            reserved_in_words: false,
            restrictions: terms::Restrictions::default(),
            signals: Vec::new(),
        }
    }
}
