//! `licit stamp` and `licit annotate`: round trips through licit's own reader, image data and
//! pixels untouched, idempotence, and failures that leave every file as it was.

use crate::common::server;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::webp::WebP;
use licit::credit::merge;
use licit::evidence::origin;
use licit::finding::FindingKind;
use licit::license::License;
use licit::metadata::{self, Format};
use licit::stamp::{
    Destination, ErrorKind, Stamp, StampRequest, parse_license, stamp_bytes, stamp_file,
    stamp_file_with,
};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn stamp() -> Stamp {
    Stamp {
        license: Some(parse_license("CC BY-SA 4.0").unwrap()),
        authors: vec!["Jane Doe".into(), "Ana Lima".into()],
        title: Some("Dunes at dawn".into()),
        source_url: Some("https://example.org/photos/dunes".into()),
        year: Some("2024".into()),
        ..Stamp::default()
    }
}

/// Every file a stamp must write, with what it holds already: camera EXIF and ICC, IPTC,
/// rich XMP, PNG text, WebP simple lossy, with alpha and ICC, and extended lossless.
const WRITABLE: &[&str] = &[
    "stamp/camera.jpg",
    "stamp/plain.jpg",
    "images/iptc.jpg",
    "images/iptc-undeclared-cp1252.jpg",
    "images/mixed.jpg",
    "images/xmp.jpg",
    "images/exif.jpg",
    "stamp/icc-text.png",
    "images/xmp.png",
    "images/text.png",
    "images/exif.png",
    "stamp/lossy.webp",
    "stamp/alpha.webp",
    "images/exif-xmp.webp",
];

/// The parts of a file that are not metadata a stamp writes: every JPEG segment but Exif/XMP
/// APP1 and APP13 (with the scan data), every PNG chunk but eXIf and text, every WebP chunk but
/// VP8X, EXIF and XMP.
fn image_parts(bytes: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    match metadata::read_bytes(bytes).unwrap().format {
        Format::Jpeg => Jpeg::from_bytes(bytes.to_vec().into())
            .unwrap()
            .segments()
            .iter()
            .filter(|s| !matches!(s.marker(), markers::APP1 | markers::APP13))
            .map(|s| {
                let mut enc = Vec::new();
                s.clone().encoder().write_to(&mut enc).unwrap();
                (vec![s.marker()], enc)
            })
            .collect(),
        Format::Png => Png::from_bytes(bytes.to_vec().into())
            .unwrap()
            .chunks()
            .iter()
            .filter(|c| !matches!(&c.kind(), b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt"))
            .map(|c| (c.kind().to_vec(), c.contents().to_vec()))
            .collect(),
        Format::Webp => WebP::from_bytes(bytes.to_vec().into())
            .unwrap()
            .chunks()
            .iter()
            .filter(|c| !matches!(&c.id(), b"VP8X" | b"EXIF" | b"XMP "))
            .map(|c| {
                let mut enc = Vec::new();
                c.clone().encoder().write_to(&mut enc).unwrap();
                (c.id().to_vec(), enc)
            })
            .collect(),
        f => panic!("unexpected format {f}"),
    }
}

fn pixels(bytes: &[u8]) -> Vec<u8> {
    image::load_from_memory(bytes)
        .expect("decodes")
        .into_rgba8()
        .into_raw()
}

#[test]
fn every_format_round_trips_through_licits_reader_with_image_data_untouched() {
    for rel in WRITABLE {
        let before = fs::read(fixture(rel)).unwrap();
        let after = stamp_bytes(&before, &stamp()).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let meta = metadata::read_bytes(&after).unwrap();
        assert!(meta.problems.is_empty(), "{rel}: {:?}", meta.problems);
        let merged = merge(&meta.evidence);
        let c = &merged.credit;
        assert_eq!(c.license.map(License::key), Some("by-sa/4.0"), "{rel}");
        assert_eq!(
            c.authors,
            ["Jane Doe", "Ana Lima"],
            "{rel}: {:#?}",
            meta.evidence
        );
        assert_eq!(c.title.as_deref(), Some("Dunes at dawn"), "{rel}");
        assert!(
            merged
                .findings
                .iter()
                .all(|f| f.kind != FindingKind::LicenseConflict),
            "{rel}: {:?}",
            merged.findings
        );
        assert_eq!(
            image_parts(&before),
            image_parts(&after),
            "{rel}: image data changed"
        );
        assert_eq!(pixels(&before), pixels(&after), "{rel}: pixels changed");
        let again = stamp_bytes(&after, &stamp()).unwrap();
        assert!(again == after, "{rel}: stamping twice changed the bytes");
    }
}

#[test]
fn camera_exif_fields_and_the_maker_note_are_kept() {
    let before = fs::read(fixture("stamp/camera.jpg")).unwrap();
    let after = stamp_bytes(&before, &stamp()).unwrap();
    let read = |b: &[u8]| {
        exif::Reader::new()
            .read_from_container(&mut io::Cursor::new(b))
            .unwrap()
    };
    let (old, new) = (read(&before), read(&after));
    for f in old.fields() {
        if f.tag == exif::Tag::Artist {
            continue;
        }
        let g = new
            .get_field(f.tag, f.ifd_num)
            .unwrap_or_else(|| panic!("{} lost", f.tag));
        assert_eq!(
            format!("{:?}", f.value),
            format!("{:?}", g.value),
            "{} changed",
            f.tag
        );
    }
    let artist = new.get_field(exif::Tag::Artist, exif::In::PRIMARY).unwrap();
    assert_eq!(artist.display_value().to_string(), "\"Jane Doe; Ana Lima\"");
    assert!(
        new.get_field(exif::Tag::MakerNote, exif::In::PRIMARY)
            .is_some()
    );
    assert!(
        new.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
            .is_some()
    );
}

#[test]
fn iptc_is_declared_utf8_and_legacy_text_is_converted() {
    let before = fs::read(fixture("images/iptc-undeclared-cp1252.jpg")).unwrap();
    let old = metadata::read_bytes(&before).unwrap();
    assert!(!old.problems.is_empty(), "the fixture has undeclared text");
    let after = stamp_bytes(&before, &stamp()).unwrap();
    let new = metadata::read_bytes(&after).unwrap();
    assert!(new.problems.is_empty(), "{:?}", new.problems);
    let bylines: Vec<&str> = new
        .evidence
        .iter()
        .filter(|e| e.origin == origin::IPTC_BY_LINE)
        .map(|e| e.value.as_str())
        .collect();
    assert_eq!(bylines, ["Jane Doe", "Ana Lima"]);
}

#[test]
fn webp_vp8x_flags_say_what_the_file_holds() {
    let flags = |b: &[u8]| {
        let w = WebP::from_bytes(b.to_vec().into()).unwrap();
        w.chunk_by_id(*b"VP8X").unwrap().content().data().unwrap()[0]
    };
    // A simple lossy file gets a VP8X chunk with the canvas size of its bitstream.
    let lossy = fs::read(fixture("stamp/lossy.webp")).unwrap();
    let out = stamp_bytes(&lossy, &stamp()).unwrap();
    assert_eq!(flags(&out), 0x08 | 0x04);
    let w = WebP::from_bytes(out.clone().into()).unwrap();
    assert_eq!(w.dimensions(), Some((16, 12)));
    let ids: Vec<[u8; 4]> = w.chunks().iter().map(|c| c.id()).collect();
    assert_eq!(ids, [*b"VP8X", *b"VP8 ", *b"EXIF", *b"XMP "]);
    // Alpha and ICC flags are kept; EXIF and XMP are added.
    let alpha = fs::read(fixture("stamp/alpha.webp")).unwrap();
    assert_eq!(flags(&alpha), 0x30);
    assert_eq!(flags(&stamp_bytes(&alpha, &stamp()).unwrap()), 0x3C);
    // The RIFF size is the file size less 8.
    assert_eq!(
        u32::from_le_bytes(out[4..8].try_into().unwrap()) as usize,
        out.len() - 8
    );
}

#[test]
fn formats_not_written_are_refused_with_a_clear_error() {
    for (rel, format) in [
        ("images/all.tif", "tiff"),
        ("images/exif-xmp.heic", "heif"),
        ("images/all.gif", "gif"),
    ] {
        let e = stamp_bytes(&fs::read(fixture(rel)).unwrap(), &stamp()).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::NotSupported(_)), "{rel}: {e}");
        let msg = e.to_string();
        assert!(
            msg.contains(&format!("{format} files are not supported for writing")),
            "{msg}"
        );
    }
}

#[test]
fn truncated_and_malformed_files_give_an_error_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let camera = fs::read(fixture("stamp/camera.jpg")).unwrap();
    let png = fs::read(fixture("stamp/icc-text.png")).unwrap();
    let webp = fs::read(fixture("stamp/alpha.webp")).unwrap();
    let mut bad_crc = png.clone();
    bad_crc[20] ^= 0xFF; // inside IHDR
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "jpeg cut in its image data",
            camera[..camera.len() - 40].to_vec(),
        ),
        ("jpeg cut in its header", camera[..300].to_vec()),
        (
            "jpeg cut inside XMP",
            fs::read(fixture("images/broken-truncated-xmp.jpg")).unwrap(),
        ),
        ("png cut before IEND", png[..png.len() - 12].to_vec()),
        ("png cut in a chunk", png[..png.len() - 30].to_vec()),
        ("png with a bad CRC", bad_crc),
        ("webp cut in a chunk", webp[..webp.len() - 10].to_vec()),
        ("not an image", b"hello, world".to_vec()),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in cases {
        let input = dir.path().join("in.bin");
        fs::write(&input, &bytes).unwrap();
        let output = dir.path().join("out.bin");
        let request = StampRequest::new(stamp(), Destination::File(output.clone()));
        let e = stamp_file(&input, &request).expect_err(what);
        assert!(e.to_string().contains("in.bin"), "{what}: {e}");
        assert!(!output.exists(), "{what}: an output was written");
        assert_eq!(fs::read(&input).unwrap(), bytes, "{what}: input changed");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "{what}: leftovers"
        );
    }
}

struct FailAfter<'a> {
    file: &'a mut fs::File,
    left: usize,
}

impl Write for FailAfter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::other("no space left (simulated)"));
        }
        let n = buf.len().min(self.left);
        self.left -= n;
        self.file.write(&buf[..n])
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[test]
fn a_failure_mid_write_leaves_the_original_byte_identical() {
    for rel in ["stamp/camera.jpg", "stamp/icc-text.png", "stamp/alpha.webp"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(Path::new(rel).file_name().unwrap());
        fs::copy(fixture(rel), &path).unwrap();
        let original = fs::read(&path).unwrap();
        let request = StampRequest::new(stamp(), Destination::InPlace);
        let e = stamp_file_with(&path, &request, &mut |f| {
            Box::new(FailAfter { file: f, left: 100 })
        })
        .unwrap_err();
        assert!(e.to_string().contains("simulated"), "{e}");
        assert_eq!(fs::read(&path).unwrap(), original, "{rel}");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "{rel}: leftovers"
        );
        // The same request without the failure replaces the file.
        stamp_file(&path, &request).unwrap();
        assert_ne!(fs::read(&path).unwrap(), original);
    }
}

#[cfg(unix)]
#[test]
fn in_place_through_a_symbolic_link_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.png");
    fs::copy(fixture("stamp/icc-text.png"), &real).unwrap();
    let link = dir.path().join("link.png");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    stamp_file(&link, &StampRequest::new(stamp(), Destination::InPlace)).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let c = merge(&metadata::read_path(&real).unwrap().evidence).credit;
    assert_eq!(c.authors, ["Jane Doe", "Ana Lima"]);
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_leaves_the_original_byte_identical() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    let path = ro.join("camera.jpg");
    fs::copy(fixture("stamp/camera.jpg"), &path).unwrap();
    let original = fs::read(&path).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permission bits: then /proc stands for a directory nobody can write to.
    let privileged = fs::write(ro.join("probe"), b"").is_ok();
    let _ = fs::remove_file(ro.join("probe"));
    if privileged {
        let target = Path::new("/proc/licit-stamp-test.jpg");
        let e = stamp_file(
            &path,
            &StampRequest::new(stamp(), Destination::File(target.into())),
        )
        .unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Io(_)), "{e}");
        assert!(!target.exists());
    } else {
        let e = stamp_file(&path, &StampRequest::new(stamp(), Destination::InPlace)).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Io(_)), "{e}");
        let e = stamp_file(
            &path,
            &StampRequest::new(stamp(), Destination::File(ro.join("out.jpg"))),
        )
        .unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Io(_)), "{e}");
    }
    assert_eq!(fs::read(&path).unwrap(), original);
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(fs::read_dir(&ro).unwrap().count(), 1);
}

#[test]
fn an_existing_output_is_kept_without_force_and_dry_runs_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("camera.jpg");
    fs::copy(fixture("stamp/camera.jpg"), &input).unwrap();
    let out = dir.path().join("out.jpg");
    fs::write(&out, b"keep me").unwrap();
    let mut request = StampRequest::new(stamp(), Destination::File(out.clone()));
    let e = stamp_file(&input, &request).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Exists(_)), "{e}");
    assert_eq!(fs::read(&out).unwrap(), b"keep me");
    request.force = true;
    stamp_file(&input, &request).unwrap();
    assert_eq!(metadata::read_path(&out).unwrap().format, Format::Jpeg);

    let original = fs::read(&input).unwrap();
    let o = stamp_file(&input, &StampRequest::new(stamp(), Destination::DryRun)).unwrap();
    assert_eq!(o.output, None);
    assert_eq!(fs::read(&input).unwrap(), original);
    let artist = o
        .changes
        .iter()
        .find(|c| c.field == origin::EXIF_ARTIST)
        .unwrap();
    assert_eq!(artist.old, ["Old Artist"]);
    assert_eq!(artist.new, ["Jane Doe; Ana Lima"]);
    assert_eq!(
        artist.to_string(),
        "exif:Artist: \"Old Artist\" → \"Jane Doe; Ana Lima\""
    );
    // Stamped already: nothing changes.
    let o = stamp_file(&out, &StampRequest::new(stamp(), Destination::DryRun)).unwrap();
    assert_eq!(o.changes, []);
}

#[test]
fn a_sidecar_is_written_for_any_format_and_merged_into() {
    let dir = tempfile::tempdir().unwrap();
    let tif = dir.path().join("all.tif");
    fs::copy(fixture("images/all.tif"), &tif).unwrap();
    let o = stamp_file(&tif, &StampRequest::new(stamp(), Destination::Sidecar)).unwrap();
    let side = dir.path().join("all.tif.xmp");
    assert_eq!(o.output.as_deref(), Some(side.as_path()));
    let meta = metadata::read_path(&side).unwrap();
    let c = merge(&meta.evidence).credit;
    assert_eq!(c.license.map(License::key), Some("by-sa/4.0"));
    assert_eq!(c.authors, ["Jane Doe", "Ana Lima"]);
    let first = fs::read(&side).unwrap();
    stamp_file(&tif, &StampRequest::new(stamp(), Destination::Sidecar)).unwrap();
    assert_eq!(fs::read(&side).unwrap(), first, "stamping twice");
    // The existing sidecar of with-sidecar.jpg is the one merged into.
    let jpg = dir.path().join("with-sidecar.jpg");
    fs::copy(fixture("images/with-sidecar.jpg"), &jpg).unwrap();
    fs::copy(
        fixture("images/with-sidecar.xmp"),
        dir.path().join("with-sidecar.xmp"),
    )
    .unwrap();
    let o = stamp_file(&jpg, &StampRequest::new(stamp(), Destination::Sidecar)).unwrap();
    assert_eq!(o.output, Some(dir.path().join("with-sidecar.xmp")));
    assert!(o.changes.iter().any(|c| c.field == origin::XMP_CC_LICENSE
        && c.old == ["https://creativecommons.org/licenses/by/3.0/"]));
}

#[test]
fn sources_a_credit_line_and_another_image() {
    let line = licit::credit::parse_credit_line("Photo: Jane Doe / CC BY 4.0");
    let s = Stamp::from_credit(&line);
    assert_eq!(s.license.map(License::key), Some("by/4.0"));
    assert_eq!(s.authors, ["Jane Doe"]);
    let s = licit::stamp::stamp_from_image(&fixture("images/xmp.png")).unwrap();
    assert_eq!(s.license.map(License::key), Some("by-sa/4.0"));
    assert_eq!(s.authors, ["Jane Doe"]);
    let e = parse_license("CC BY-SA").unwrap_err();
    assert!(e.to_string().contains("without a version"), "{e}");
    assert!(parse_license("all rights reserved").is_err());
    // Mentions of one tool agree; two tools are refused.
    let l = parse_license("CC BY-SA (https://creativecommons.org/licenses/by-sa/4.0/)").unwrap();
    assert_eq!(l.key(), "by-sa/4.0");
    assert_eq!(parse_license("CC-BY-NC-4.0").unwrap().key(), "by-nc/4.0");
    let e = parse_license("CC BY 4.0 or CC BY-SA 4.0").unwrap_err();
    assert!(e.to_string().contains("several licenses"), "{e}");
}

#[test]
fn cli_sources_without_a_version_are_refused_unless_a_license_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plain.jpg");
    fs::copy(fixture("stamp/plain.jpg"), &input).unwrap();
    licit()
        .args(["stamp", "--from-credit", "Photo: Jane Doe / CC BY-SA"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("without a version"));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    licit()
        .args(["stamp", "--from-credit", "Photo: Jane Doe / CC BY-SA"])
        .args(["--license", "CC BY-SA 4.0", "--dry-run"])
        .arg(&input)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "iptc:By-line: (none) → \"Jane Doe\"",
        ));
}

fn licit() -> Command {
    Command::cargo_bin("licit").unwrap()
}

#[test]
fn cli_stamp_writes_a_new_file_by_default_and_reports_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plain.jpg");
    fs::copy(fixture("stamp/plain.jpg"), &input).unwrap();
    let out = licit()
        .args([
            "stamp",
            "--license",
            "https://creativecommons.org/licenses/by/4.0/",
        ])
        .args(["--author", "Jane Doe", "--title", "Plain"])
        .arg(&input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("plain.stamped.jpg"), "{text}");
    assert!(
        text.contains("exif:Artist: (none) → \"Jane Doe\""),
        "{text}"
    );
    let stamped = dir.path().join("plain.stamped.jpg");
    let c = merge(&metadata::read_path(&stamped).unwrap().evidence).credit;
    assert_eq!(c.license.map(License::key), Some("by/4.0"));
    assert_eq!(
        fs::read(&input).unwrap(),
        fs::read(fixture("stamp/plain.jpg")).unwrap()
    );
    licit()
        .args(["stamp", "--author", "X"])
        .arg(fixture("images/all.tif"))
        .arg("--dry-run")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not supported for writing"));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let t = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &t);
        } else {
            fs::copy(e.path(), t).unwrap();
        }
    }
}

#[test]
fn annotate_writes_reuse_records_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_dir(&fixture("site"), &site);
    let dunes = site.join("images/dunes.jpg.license");
    let dunes_before = fs::read(&dunes).unwrap();
    let reuse_before = fs::read(site.join("REUSE.toml")).unwrap();
    let opts = licit::repo::annotate::AnnotateOptions::default();
    let report = licit::repo::annotate::annotate(&site, &opts).unwrap();
    assert!(!report.is_empty());
    assert_eq!(
        fs::read(&dunes).unwrap(),
        dunes_before,
        "sidecar overwritten"
    );
    assert_eq!(fs::read(site.join("REUSE.toml")).unwrap(), reuse_before);
    let written: Vec<_> = report.iter().filter(|a| a.record.is_some()).collect();
    assert!(!written.is_empty(), "{report:#?}");
    for a in &written {
        let (r, path) = a.record.as_ref().unwrap();
        let text = fs::read_to_string(path).unwrap();
        let tags = licit::repo::reuse::read_tags(&text, "x");
        assert!(tags.iter().any(|e| e.value == r.license), "{text}");
        // The SPDX id names the license licit found for the image.
        let key = licit::license::catalogue().by_spdx(&r.license).unwrap().key;
        assert!(key.contains('/'), "{key}");
    }
    // Already recorded: the second run writes nothing new.
    let again = licit::repo::annotate::annotate(&site, &opts).unwrap();
    assert!(again.iter().all(|a| a.record.is_none()), "{again:#?}");
    // The TOML style appends entries to REUSE.toml and keeps what it held.
    let site2 = dir.path().join("site2");
    copy_dir(&fixture("site"), &site2);
    let opts = licit::repo::annotate::AnnotateOptions {
        style: licit::repo::annotate::Style::Toml,
        ..Default::default()
    };
    let report = licit::repo::annotate::annotate(&site2, &opts).unwrap();
    let toml_text = fs::read_to_string(site2.join("REUSE.toml")).unwrap();
    assert!(toml_text.starts_with(std::str::from_utf8(&reuse_before).unwrap()));
    let n = report.iter().filter(|a| a.record.is_some()).count();
    assert_eq!(toml_text.matches("[[annotations]]").count(), 1 + n);
    assert!(toml::from_str::<toml::Value>(&toml_text).is_ok());
}

#[test]
fn the_fix_command_for_a_metadata_problem_fixes_it() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("photo.jpg");
    // IPTC text in an undeclared character set, and a sidecar that names the license.
    fs::copy(fixture("images/iptc-undeclared-cp1252.jpg"), &photo).unwrap();
    let sidecar = Stamp {
        license: Some(parse_license("CC BY 4.0").unwrap()),
        authors: vec!["José Fotograf".into()],
        ..Stamp::default()
    };
    stamp_file(&photo, &StampRequest::new(sidecar, Destination::Sidecar)).unwrap();
    let item = licit::check::check_file(&photo, &licit::assess::Use::default());
    let problem = item
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::MetadataProblem)
        .expect("the charset problem is found");
    let command = licit::stamp::fix_command(problem, &item).expect("a fix");
    assert!(command.starts_with("licit stamp --in-place "), "{command}");
    assert!(
        command.contains("--license 'CC BY 4.0' --author 'José Fotograf'"),
        "{command}"
    );
    let bin = assert_cmd::cargo::cargo_bin("licit");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{}{}", bin.display(), &command["licit".len()..]))
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let after = licit::check::check_file(&photo, &licit::assess::Use::default());
    assert!(
        after
            .findings
            .iter()
            .all(|f| f.kind != FindingKind::MetadataProblem),
        "{:?}",
        after.findings
    );
    let c = after.credit.unwrap();
    assert_eq!(c.license.map(License::key), Some("by/4.0"));
    assert_eq!(c.authors, ["José Fotograf"]);
}

#[test]
fn check_fix_prints_the_command_and_running_it_clears_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("photo.jpg");
    fs::copy(fixture("images/iptc-undeclared-cp1252.jpg"), &photo).unwrap();
    let sidecar = Stamp {
        license: Some(parse_license("CC BY 4.0").unwrap()),
        authors: vec!["José Fotograf".into()],
        ..Stamp::default()
    };
    stamp_file(&photo, &StampRequest::new(sidecar, Destination::Sidecar)).unwrap();
    let run = |extra: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("licit")
            .unwrap()
            .arg("check")
            .arg(&photo)
            .args(extra)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (human, _) = run(&["--fix"]);
    let command = human
        .lines()
        .find(|l| l.starts_with("licit stamp "))
        .unwrap_or_else(|| panic!("no fix command in:\n{human}"));
    assert!(command.contains("--in-place"), "{command}");
    // With a JSON report the commands go to standard error, and standard output stays JSON.
    let (json, err) = run(&["--fix", "--format", "json"]);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "{json}"
    );
    assert!(err.lines().any(|l| l == command), "{err}");
    let bin = assert_cmd::cargo::cargo_bin("licit");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{}{}", bin.display(), &command["licit".len()..]))
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let (after, _) = run(&["--fix"]);
    assert!(
        after.contains("no finding of this run can be fixed"),
        "{after}"
    );
}

#[test]
fn rights_are_copied_from_an_image_url() {
    let s = server::Server::start(|r| match r.path() {
        "/photo.jpg" => server::Reply::ok(
            "image/jpeg",
            server::jpeg(
                "https://creativecommons.org/licenses/by-nd/4.0/",
                "Ana Lima",
                200,
                64,
            ),
        ),
        _ => server::Reply::html("<p>nothing</p>"),
    });
    let fetcher = licit::web::Fetcher::new(licit::web::FetchConfig {
        timeout: std::time::Duration::from_secs(2),
        use_env_proxy: false,
        cache_dir: None,
        ..licit::web::FetchConfig::default()
    })
    .unwrap();
    let c = licit::stamp::credit_from_url(&s.url("/photo.jpg"), &fetcher).unwrap();
    let st = Stamp::from_credit(&c);
    assert_eq!(st.license.map(License::key), Some("by-nd/4.0"));
    assert_eq!(st.authors, ["Ana Lima"]);
    let e = licit::stamp::credit_from_url(&s.url("/missing.jpg"), &fetcher).unwrap_err();
    assert!(e.to_string().contains("/missing.jpg"), "{e}");
}
