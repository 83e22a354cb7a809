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
    /// The page around an image names one license and the image's own metadata another.
    PageMetadataConflict,
    /// Part of a page could not be read (a limit was hit, markup was invalid).
    PageProblem,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::LicenseConflict => "license-conflict",
            FindingKind::LicenseVersionUnknown => "license-version-unknown",
            FindingKind::MetadataProblem => "metadata-problem",
            FindingKind::PageMetadataConflict => "page-metadata-conflict",
            FindingKind::PageProblem => "page-problem",
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
}
