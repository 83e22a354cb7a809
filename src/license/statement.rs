//! Rights statements that are not Creative Commons legal tools: "All rights reserved", "©",
//! "Public domain", other named licenses, agency and courtesy credits.

use std::ops::Range;

/// What kind of non-CC statement it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    AllRightsReserved,
    PublicDomain,
    /// Another named license or terms; [`Statement::name`] says which.
    Other,
}

/// One non-CC rights statement found in a text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Statement {
    pub kind: StatementKind,
    /// The text as written.
    pub text: String,
    /// For `other`: the name of the license or terms (`GFDL`, `Unsplash License`, `courtesy`).
    pub name: Option<&'static str>,
    #[serde(skip)]
    pub span: Range<usize>,
}

/// Finds statements in `text`.
pub(crate) fn find(_text: &str) -> Vec<Statement> {
    Vec::new()
}
