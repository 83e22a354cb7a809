//! The accuracy ratchet: every score of the real-text corpus (`tests/data/real/`) must stay at
//! least as good as its committed baseline (`baseline-KIND.tsv`). Scoring is shared with
//! `cargo run --release --example eval`, which prints the misses.

// The harness also serves the eval example; what only the example uses is dead code here.
#[path = "../../examples/eval/corpus/mod.rs"]
mod corpus;

use corpus::harness::{self, Split};

#[test]
fn scores_hold_their_baseline() {
    let mut worse = Vec::new();
    for kind in corpus::KINDS {
        let base = harness::read_baseline(kind);
        for split in [Split::Dev, Split::Holdout] {
            let report = corpus::evaluate(kind, split);
            if base.keys().any(|(s, _)| s == split.as_str()) {
                assert!(
                    report.cases > 0,
                    "{kind}/{}: baseline but no cases",
                    split.as_str()
                );
            }
            worse.extend(harness::regressions(kind, split, &report));
        }
    }
    assert!(worse.is_empty(), "scores fell:\n{}", worse.join("\n"));
}
