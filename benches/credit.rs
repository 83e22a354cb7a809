//! Credit-line parsing speed: every line of the test data set, parsed in turn.
//!
//! `cargo bench --bench credit`; criterion reports lines per second ("elem/s").
//!
//! With `LICIT_BENCH_PASSES=N` in the environment the binary skips criterion: it parses every
//! line once (so that lazily built tables are built), then `N` more passes in [`steady`]. Under
//! `valgrind --tool=callgrind --toggle-collect='credit::steady'` that counts the instructions of
//! the steady state alone, a figure the machine's load does not change. `LICIT_BENCH_WARMUP=M`
//! makes the warm-up `M` passes instead of one: some tables are rebuilt for speed only after a
//! process has scanned many texts (the rights statements' matcher, after 16,384), and criterion's
//! own warm-up passes that point.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use licit::credit::parse_credit_line;

const DATA: &str = include_str!("../tests/data/credit_lines.txt");

fn lines() -> Vec<&'static str> {
    DATA.lines()
        .filter_map(|l| l.strip_prefix("line:"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect()
}

fn credit_lines(c: &mut Criterion) {
    let lines = lines();
    let mut group = c.benchmark_group("credit");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("parse_credit_line", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(parse_credit_line(black_box(l)));
            }
        })
    });
    group.finish();
}

/// `passes` passes over every line, after the warm-up pass.
#[inline(never)]
fn steady(lines: &[&str], passes: usize) {
    for _ in 0..passes {
        for l in lines {
            black_box(parse_credit_line(black_box(l)));
        }
    }
}

criterion_group!(benches, credit_lines);

fn main() {
    if let Some(passes) = std::env::var("LICIT_BENCH_PASSES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let lines = lines();
        let warmup = std::env::var("LICIT_BENCH_WARMUP")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1);
        for _ in 0..warmup {
            for l in &lines {
                black_box(parse_credit_line(l));
            }
        }
        steady(&lines, passes);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
