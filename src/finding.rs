//! Findings: what a check noticed about one image beyond its verdict — sources that disagree,
//! metadata that could not be read cleanly. Later sources (pages, repositories, the policy) add
//! their own kinds here.

use std::fmt;

use crate::evidence::Origin;

/// What kind of finding it is; the name is stable (it becomes a SARIF rule id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Two sources name different licenses for the same image.
    LicenseConflict,
    /// A license is named without a version: the terms of its newest version were assumed.
    LicenseVersionUnknown,
    /// Part of the image's metadata could not be read (truncated, malformed, too large).
    MetadataProblem,
    /// No Creative Commons license or public-domain tool was found: all rights reserved until
    /// shown otherwise.
    NoLicense,
    /// The license is not one the policy accepts (`allow`, `deny` in `licit.toml`).
    LicenseNotAllowedByPolicy,
    /// The license forbids the use the policy states (an NC license on a commercial site).
    UseNotAllowed,
    /// A document says the image was changed (cropped, adapted), and its license allows no
    /// adaptations.
    AdaptationOfNd,
    /// The image is shown with no credit at all, and its license asks for one.
    CreditMissing,
    /// The credit shown next to the image lacks something its license asks for.
    CreditIncomplete,
    /// A document shows an image that is not in the repository.
    ImageNotFound,
    /// The page around an image names one license and the image's own metadata another.
    PageMetadataConflict,
    /// Part of a page could not be read (a limit was hit, markup was invalid).
    PageProblem,
    /// A credit line credits someone, but who could not be told; no author was named.
    AuthorUnclear,
    /// The license allows reuse, but a data-mining signal of the rights holder (IPTC Data
    /// Mining, TDMRep, robots `noai`) prohibits mining or AI training.
    TrainingSignalConflict,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::LicenseConflict => "license-conflict",
            FindingKind::LicenseVersionUnknown => "license-version-unknown",
            FindingKind::MetadataProblem => "metadata-problem",
            FindingKind::NoLicense => "no-license",
            FindingKind::LicenseNotAllowedByPolicy => "license-not-allowed-by-policy",
            FindingKind::UseNotAllowed => "use-not-allowed",
            FindingKind::AdaptationOfNd => "adaptation-of-nd",
            FindingKind::CreditMissing => "credit-missing",
            FindingKind::CreditIncomplete => "credit-incomplete",
            FindingKind::ImageNotFound => "image-not-found",
            FindingKind::PageMetadataConflict => "page-metadata-conflict",
            FindingKind::PageProblem => "page-problem",
            FindingKind::AuthorUnclear => "author-unclear",
            FindingKind::TrainingSignalConflict => "training-signal-conflict",
        }
    }

    /// Every kind, in declaration order (one SARIF rule each).
    pub const ALL: [FindingKind; 14] = [
        FindingKind::LicenseConflict,
        FindingKind::LicenseVersionUnknown,
        FindingKind::MetadataProblem,
        FindingKind::NoLicense,
        FindingKind::LicenseNotAllowedByPolicy,
        FindingKind::UseNotAllowed,
        FindingKind::AdaptationOfNd,
        FindingKind::CreditMissing,
        FindingKind::CreditIncomplete,
        FindingKind::ImageNotFound,
        FindingKind::PageMetadataConflict,
        FindingKind::PageProblem,
        FindingKind::AuthorUnclear,
        FindingKind::TrainingSignalConflict,
    ];

    /// How serious it is: errors fail a CI gate, warnings do not.
    pub const fn level(self) -> Level {
        match self {
            FindingKind::LicenseVersionUnknown
            | FindingKind::MetadataProblem
            | FindingKind::ImageNotFound
            | FindingKind::PageProblem
            | FindingKind::AuthorUnclear
            | FindingKind::TrainingSignalConflict => Level::Warning,
            _ => Level::Error,
        }
    }

    /// One sentence on what it means, for rule descriptions.
    pub const fn describe(self) -> &'static str {
        match self {
            FindingKind::LicenseConflict => {
                "Two sources name different licenses for the same image."
            }
            FindingKind::LicenseVersionUnknown => {
                "A license is named without a version; the terms of its newest version were assumed."
            }
            FindingKind::MetadataProblem => "Part of the image's metadata could not be read.",
            FindingKind::NoLicense => {
                "No license was found for the image: all rights are reserved until shown otherwise."
            }
            FindingKind::LicenseNotAllowedByPolicy => {
                "The image's license is not one the policy (licit.toml) accepts."
            }
            FindingKind::UseNotAllowed => "The license forbids the use the policy states.",
            FindingKind::AdaptationOfNd => {
                "The image was changed, and its license (NoDerivatives) allows no adaptations."
            }
            FindingKind::CreditMissing => {
                "The image is shown without the credit its license asks for."
            }
            FindingKind::CreditIncomplete => {
                "The credit shown next to the image lacks something its license asks for."
            }
            FindingKind::ImageNotFound => {
                "A document shows an image that is not in the repository."
            }
            FindingKind::PageMetadataConflict => {
                "The page around an image names one license and the image's own metadata another."
            }
            FindingKind::PageProblem => "Part of a page could not be read.",
            FindingKind::AuthorUnclear => {
                "A credit line credits someone, but who could not be told; no author was named."
            }
            FindingKind::TrainingSignalConflict => {
                "The license allows reuse, but a data-mining signal prohibits mining or AI training."
            }
        }
    }
}

/// The severity of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A place in a file: a document line where an image is shown, or an image file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Location {
    pub file: String,
    /// 1-based; absent when the location is a whole file (an image).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding, with the evidence it rests on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub message: String,
    /// The evidence origins involved.
    pub origins: Vec<Origin>,
    /// Where it shows: the document lines that show the image, or the image file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
}

impl Finding {
    /// A finding with no origins and no locations yet.
    pub fn new(kind: FindingKind, message: impl Into<String>) -> Finding {
        Finding {
            kind,
            message: message.into(),
            origins: Vec::new(),
            locations: Vec::new(),
        }
    }
}
