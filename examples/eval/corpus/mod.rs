//! The accuracy corpus (`tests/data/real/`) and how licit is scored on it.
//!
//! Shared by `cargo run --release --example eval` (prints scores and misses) and by the ratchet
//! test (`tests/it/eval_ratchet.rs`), which fails when a score falls below its committed baseline.
//! One module per kind of input; each reads its own data file and returns a [`harness::Report`].

// Shared by a binary and a test crate, which each use a different part.
#![allow(dead_code)]

pub mod credits;
pub mod harness;
pub mod licenses;
pub mod pages;

use harness::{Report, Split};

/// Every kind, in a fixed order.
pub const KINDS: &[&str] = &["licenses", "credits", "pages"];

/// Scores one kind of input on one split.
pub fn evaluate(kind: &str, split: Split) -> Report {
    match kind {
        "licenses" => licenses::evaluate(split),
        "credits" => credits::evaluate(split),
        "pages" => pages::evaluate(split),
        other => panic!("unknown kind `{other}`; kinds: {}", KINDS.join(", ")),
    }
}
