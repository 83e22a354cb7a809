//! Credit-line parsing speed: every line of the test data set, parsed in turn.
//!
//! `cargo bench --bench credit`; criterion reports lines per second ("elem/s").

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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

criterion_group!(benches, credit_lines);
criterion_main!(benches);
