//! Writing credits: a ready-to-paste attribution for an image, in plain text, HTML or Markdown.
//!
//! The writer lives with the assessment, which suggests a credit with every verdict
//! ([`crate::assess::credit_text`]); this module is its public name.
//!
//! ```
//! use licit::attribution::{attribute, Style};
//! let c = licit::credit::parse_credit_line("Photo: Jane Doe (CC BY 4.0)");
//! assert!(attribute(&c, Style::Text).contains("CC BY 4.0"));
//! ```

pub use crate::assess::credit_text::*;
