//! Throughput of the license parser on a mixed corpus: credit lines with and without licenses,
//! and long captions of prose that name none (the common case the prefilter must make cheap).
//!
//! Run: `cargo bench --bench parse`. The figures go in the issue notes.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const WITH_LICENSE: &[&str] = &[
    "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)",
    "Image: Jane Doe / Wikimedia Commons, CC BY-SA 4.0",
    "\"Sunset over the bay\" by John Smith is licensed under CC BY 2.0",
    "Foto: Max Mustermann, Lizenz: Namensnennung - Weitergabe unter gleichen Bedingungen 3.0 Deutschland",
    "https://creativecommons.org/licenses/by-nc-sa/3.0/igo/",
    "Photo credit: A. Photographer via Flickr (CC BY-NC 2.0)",
    "SPDX-License-Identifier: CC-BY-SA-4.0",
    "Public domain (CC0 1.0 Universal)",
    "Licencia: Reconocimiento-NoComercial-CompartirIgual 3.0 España",
    "クリエイティブ・コモンズ 表示 - 継承 4.0 国際 ライセンス",
    "Licensed under the Creative Commons Attribution License 2.5",
];

const WITHOUT_LICENSE: &[&str] = &[
    "Photo: Reuters",
    "© 2019 Jane Doe. All rights reserved.",
    "AP Photo/Evan Vucci",
    "Courtesy of the artist and the gallery",
    "Foto: dpa",
    "Credit: Getty Images",
    "Photo by John Smith on Unsplash",
];

const PROSE: &str = "Almost 700,000 civilians have evacuated areas in the province according to a statement \
by the regional coordinator. Areas in the south east have been witnessing a deadly offensive backed by the \
air force, and several towns and cities were captured, some of which are key towns. Heavy bombardments and \
air attacks followed by an invasion leave civilians with no choice but to escape. Speaking to an artist in \
the city, she said that civilians are fleeing areas and heading to towns near the border, and that the cost \
of travel to their destination is high, as it has reached 200 dollars. Most of the fleeing civilians now \
live in open-air camps and temporary homes in cold winter conditions; half of the displaced are believed to \
be children. Version 2.0 of the plan was announced by the committee on Monday. ";

/// About 1 MB of text: a third credit lines with a license, a third without, a third prose.
fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < 1_000_000 {
        let text = match i % 3 {
            0 => WITH_LICENSE[i % WITH_LICENSE.len()].to_string(),
            1 => WITHOUT_LICENSE[i % WITHOUT_LICENSE.len()].to_string(),
            _ => PROSE.repeat(1 + i % 3),
        };
        size += text.len();
        out.push(text);
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    // Build the lazily initialised tables outside the measurement.
    licit::license::scan("CC BY 4.0 Namensnennung 4.0");
    let mixed = corpus();
    let bytes: usize = mixed.iter().map(String::len).sum();
    let mut g = c.benchmark_group("license::scan");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("mixed corpus", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &mixed {
                n += licit::license::scan(black_box(t)).mentions.len();
            }
            n
        })
    });
    let prose: Vec<String> = (0..1_000_000 / PROSE.len())
        .map(|_| PROSE.replace("2.0", "two"))
        .collect();
    let bytes: usize = prose.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("prose without versions", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &prose {
                n += licit::license::scan(black_box(t)).mentions.len();
            }
            n
        })
    });
    let lines: Vec<&str> = WITH_LICENSE.to_vec();
    let bytes: usize = lines.iter().map(|s| s.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("credit lines with licenses", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &lines {
                n += licit::license::scan(black_box(t)).mentions.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
