//! The accuracy harness: scores licit on the real-text corpus in `tests/data/real/`.
//!
//! ```text
//! cargo run --release --example eval                      # dev and holdout, every kind
//! cargo run --release --example eval -- credits --misses  # one kind, with every miss
//! cargo run --release --example eval -- --split holdout
//! cargo run --release --example eval -- --write-baseline  # raise the ratchet (after a gain)
//! ```
//!
//! A holdout's misses are listed only when asked for by name (`--split holdout --misses`):
//! reading them burns the holdout (see `tests/data/real/README.md`), so `--misses` alone lists
//! the dev split's.

mod corpus;

use corpus::harness::{self, Split};

fn main() {
    let mut kinds: Vec<String> = Vec::new();
    let mut splits = vec![Split::Dev, Split::Holdout];
    let mut split_named = false;
    let mut misses = false;
    let mut write = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--misses" => misses = true,
            "--write-baseline" => write = true,
            "--split" => {
                let s = args.next().unwrap_or_default();
                split_named = true;
                splits = vec![Split::parse(&s).unwrap_or_else(|| {
                    eprintln!("eval: --split takes dev, holdout or all, not `{s}`");
                    std::process::exit(2)
                })];
            }
            k if corpus::KINDS.contains(&k) => kinds.push(k.to_string()),
            other => {
                eprintln!(
                    "eval: unknown argument `{other}`; kinds: {}; flags: --split, --misses, --write-baseline",
                    corpus::KINDS.join(", ")
                );
                std::process::exit(2);
            }
        }
    }
    if kinds.is_empty() {
        kinds = corpus::KINDS.iter().map(|k| k.to_string()).collect();
    }
    let mut failed = false;
    for kind in &kinds {
        let mut done = Vec::new();
        for &split in &splits {
            let report = corpus::evaluate(kind, split);
            println!("## {kind} — {} ({} cases)", split.as_str(), report.cases);
            for m in &report.metrics {
                println!("  {:<32} {:>7.2}  ({})", m.name, m.value, m.detail);
            }
            if misses && (split == Split::Dev || split_named) {
                for line in &report.misses {
                    println!("  miss: {line}");
                }
            } else if !report.misses.is_empty() {
                println!("  {} misses (--misses lists them)", report.misses.len());
            }
            for r in harness::regressions(kind, split, &report) {
                println!("  REGRESSION: {r}");
                failed = true;
            }
            done.push((split, report));
        }
        if write {
            harness::write_baseline(kind, &done).unwrap_or_else(|e| {
                eprintln!("eval: writing the baseline of {kind}: {e}");
                std::process::exit(2)
            });
        }
    }
    if failed && !write {
        std::process::exit(1);
    }
}
