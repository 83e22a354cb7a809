//! Parser throughput on the committed fixtures, from memory and from disk.
//!
//! `cargo bench --bench metadata`. The end-to-end figure (files per second on a directory of
//! photo-sized JPEGs, against exiv2 and exiftool) comes from `benches/metadata.sh`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FIXTURES: &[&str] = &[
    "exif.jpg",
    "xmp.jpg",
    "iptc.jpg",
    "mixed.jpg",
    "extended-xmp.jpg",
    "text.png",
    "xmp.png",
    "all.tif",
    "exif-xmp.webp",
    "exif-xmp.heic",
    "all.gif",
    "with-sidecar.xmp",
];

fn fixtures(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    let mut group = c.benchmark_group("read_bytes");
    for name in FIXTURES {
        let bytes = std::fs::read(dir.join(name)).expect("fixture");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| licit::metadata::read_bytes(black_box(&bytes)))
        });
    }
    group.finish();

    // A photo-sized JPEG: the metadata of mixed.jpg followed by 4 MB of scan data. Reading it
    // from disk must cost the metadata, not the file.
    let mixed = std::fs::read(dir.join("mixed.jpg")).expect("fixture");
    let mut photo = mixed[..mixed.len() - 2].to_vec();
    photo.extend(std::iter::repeat_n(0x55u8, 4 << 20));
    photo.extend([0xFF, 0xD9]);
    let path = std::env::temp_dir().join(format!("licit-bench-{}.jpg", std::process::id()));
    std::fs::write(&path, &photo).expect("write temp photo");
    let mut group = c.benchmark_group("read_path");
    group.throughput(Throughput::Elements(1));
    group.bench_function("photo-4MB.jpg", |b| {
        b.iter(|| licit::metadata::read_path(black_box(&path)))
    });
    group.finish();
    let _ = std::fs::remove_file(&path);
}

criterion_group!(benches, fixtures);
criterion_main!(benches);
