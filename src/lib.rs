//! licit: may I reuse this photo this way, and how must I credit it?
//!
//! The pipeline is the layout: target → sources → [`evidence`] → [`credit`] → assessment →
//! report. [`license`] is the foundation: every Creative Commons legal tool, and a parser that
//! finds them in any form people write them in.
//!
//! ```
//! let scan = licit::license::scan("Photo: Jane Doe (CC BY-NC-ND 2.0)");
//! assert_eq!(scan.licenses()[0].key(), "by-nc-nd/2.0");
//! ```

pub mod assess;
pub mod attribution;
pub mod check;
pub mod checker;
pub mod credit;
pub mod evidence;
pub mod finding;
#[cfg(test)]
mod layering;
pub mod lexicon;
pub mod license;
pub mod metadata;
pub mod repo;
pub mod report;
#[cfg(feature = "serve")]
pub mod serve;
pub mod stamp;
pub mod tdm;
pub mod web;

pub use checker::{Checker, Exit, Outcome, Sink, Target};
