//! `licit check --format html`: the report of a small folder as a snapshot (thumbnails' bytes
//! replaced, so that a change of JPEG encoder does not churn it); a file that loads nothing from
//! anywhere; values from images and pages shown as text; images that cannot be decoded shown with
//! the reason, never ending the report.

use std::path::{Path, PathBuf};

use crate::common::licit;

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `licit check --format html ARGS…` from the repository root: exit code and the file.
pub fn report(args: &[&str]) -> (i32, String) {
    let out = licit()
        .current_dir(manifest_dir())
        .env_remove("CI")
        .args(["check", "--format", "html"])
        .args(args)
        .output()
        .expect("licit runs");
    assert!(
        out.stderr.is_empty() || out.status.code() != Some(2),
        "licit failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("the report is UTF-8"),
    )
}

const DATA_JPEG: &str = "data:image/jpeg;base64,";

/// The report with each thumbnail's base64 replaced by `THUMBNAIL`, and the style sheet by
/// `STYLE` (the browser test sees what it does; the snapshot pins the content).
fn without_thumbnail_bytes(html: &str) -> String {
    let html = match (html.find("<style>\n"), html.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}<style>STYLE{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let html = html.as_str();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(DATA_JPEG) {
        let start = i + DATA_JPEG.len();
        out.push_str(&rest[..start]);
        out.push_str("THUMBNAIL");
        let len = rest[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || "+/=".contains(c)))
            .unwrap_or(rest.len() - start);
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// A small JPEG (`w` × `h`, one colour) with an XMP packet in APP1 right after SOI.
pub fn jpeg_with_xmp(w: u32, h: u32, xmp: &str) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb([40, 120, 200]));
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 80)
        .encode_image(&img)
        .expect("JPEG encodes");
    let header = b"http://ns.adobe.com/xap/1.0/\0";
    let len = u16::try_from(2 + header.len() + xmp.len()).expect("XMP fits one segment");
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(header);
    out.extend_from_slice(xmp.as_bytes());
    out.extend_from_slice(&plain[2..]);
    out
}

fn xmp(creator: &str, license: &str) -> String {
    format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"><dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator><cc:license rdf:resource="{license}"/></rdf:Description></rdf:RDF></x:xmpmeta>"#
    )
}

/// Markup in the places a reader would not expect it: a `dc:creator` of `<script>…</script>`, a
/// caption with a `<script>` and an `<img onerror>` in its text, a file name with quotes and
/// angle brackets; and a JPEG cut in half, whose metadata reads but whose pixels do not.
pub fn hostile_fixture(dir: &Path) -> PathBuf {
    let creator = "&lt;script&gt;alert(1)&lt;/script&gt;";
    std::fs::write(
        dir.join("x.jpg"),
        jpeg_with_xmp(
            64,
            48,
            &xmp(creator, "https://creativecommons.org/licenses/by/4.0/"),
        ),
    )
    .unwrap();
    let whole = jpeg_with_xmp(
        300,
        200,
        &xmp(
            "Ana Ruiz",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        ),
    );
    // Cut inside the tables that follow the XMP: the metadata reads, the pixels cannot.
    let xmp_end = whole
        .windows(2)
        .skip(2)
        .position(|w| w == [0xFF, 0xDB])
        .expect("a quantization table")
        + 2;
    std::fs::write(dir.join("cut.jpg"), &whole[..xmp_end + 20]).unwrap();
    // A name that would close an attribute if it were not escaped (not on Windows).
    if cfg!(unix) {
        std::fs::write(dir.join("q\"><b>.jpg"), &whole).unwrap();
    }
    let page = dir.join("page.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><body><figure><img src=\"x.jpg\" alt=\"a photo\">\
         <figcaption>Photo by &lt;script&gt;alert(2)&lt;/script&gt; &lt;img src=x onerror=alert(3)&gt; \
         (CC BY 4.0)</figcaption></figure></body></html>",
    )
    .unwrap();
    page
}

#[test]
fn report_of_a_folder_as_a_snapshot() {
    let (code, html) = report(&["--use", "commercial", "samples/photos"]);
    assert_eq!(code, 1, "a not-allowed use fails the run");
    assert_eq!(
        html.matches(DATA_JPEG).count(),
        4,
        "one thumbnail per image"
    );
    insta::assert_snapshot!("report_html_photos", without_thumbnail_bytes(&html));
}

#[test]
fn the_file_loads_nothing_and_runs_nothing() {
    let (_, html) = report(&["samples/"]);
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
    ));
    let lower = html.to_ascii_lowercase();
    for never in [
        "<script", "<link", "<iframe", "<object", "<embed", "@import", "url(", "srcset",
    ] {
        assert!(!lower.contains(never), "the report has {never}");
    }
    // Every image is inline; the only links are the catalogue's license deeds, not loaded.
    for (i, _) in lower.match_indices(" src=\"") {
        assert!(
            lower[i + 6..].starts_with(DATA_JPEG),
            "an image that is not inline: {}",
            &html[i..(i + 80).min(html.len())]
        );
    }
    for (i, _) in lower.match_indices(" href=\"") {
        assert!(
            lower[i + 7..].starts_with("https://creativecommons.org/"),
            "a link that is not a license deed: {}",
            &html[i..(i + 80).min(html.len())]
        );
    }
    // Five images, five rows, each with a thumbnail of at most 160 px a side.
    assert_eq!(html.matches("<tr class=\"item ").count(), 5);
    assert_eq!(html.matches(DATA_JPEG).count(), 5);
    for dim in ["width", "height"] {
        for (i, _) in html.match_indices(&format!(" {dim}=\"")) {
            let v: String = html[i + dim.len() + 3..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            assert!(v.parse::<u32>().is_ok_and(|n| n <= 160), "{dim}={v}");
        }
    }
}

#[test]
fn values_from_images_and_pages_are_text_not_markup() {
    let dir = tempfile::tempdir().unwrap();
    let page = hostile_fixture(dir.path());
    let folder = dir.path().to_str().unwrap();
    let (_, html) = report(&[page.to_str().unwrap(), folder]);
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(!lower.contains("<img src=x"), "{html}");
    assert!(!html.contains("<b>.jpg"), "a file name became markup");
    // The creator from the XMP and the caption from the page, shown as written.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(3)&gt;"),
        "{html}"
    );
    if cfg!(unix) {
        assert!(html.contains("q&quot;&gt;&lt;b&gt;.jpg"), "{html}");
    }
}

#[test]
fn an_image_that_cannot_be_decoded_has_a_reason_and_the_rest_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    hostile_fixture(dir.path());
    let (_, html) = report(&[
        dir.path().join("cut.jpg").to_str().unwrap(),
        dir.path().join("x.jpg").to_str().unwrap(),
    ]);
    let row = html
        .split("<tr class=\"item ")
        .find(|r| r.contains("cut.jpg"))
        .expect("a row for the cut JPEG");
    assert!(
        row.contains("class=\"nothumb\"") && row.contains("title=\"cannot decode the image"),
        "{row}"
    );
    // Its metadata was still read and judged.
    assert!(row.contains("CC BY-SA 4.0"), "{row}");
    assert_eq!(
        html.matches(DATA_JPEG).count(),
        1,
        "x.jpg still has its thumbnail"
    );
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn every_finding_of_the_json_report_shows_at_its_file_and_line() {
    let json = licit()
        .current_dir(manifest_dir())
        .env_remove("CI")
        .args(["check", "--format", "json", "tests/fixtures/site"])
        .output()
        .expect("licit runs");
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let (_, html) = report(&["tests/fixtures/site"]);
    let mut seen = 0;
    for item in doc["items"].as_array().unwrap() {
        for f in item["findings"].as_array().unwrap() {
            for l in f["locations"].as_array().into_iter().flatten() {
                let Some(line) = l["line"].as_u64() else {
                    continue;
                };
                let at = format!("<code>{}:{line}</code>", l["file"].as_str().unwrap());
                let kind = format!("<b>{}</b>", f["kind"].as_str().unwrap());
                let row = html
                    .split("<tr class=\"item ")
                    .find(|r| r.contains(&at) && r.contains(&kind))
                    .unwrap_or_else(|| panic!("no row shows {kind} at {at}"));
                assert!(row.contains("class=\"finding "), "{row}");
                seen += 1;
            }
        }
    }
    assert!(seen >= 4, "the site's seeded findings: {seen}");
}

#[test]
fn problems_of_a_repository_are_listed_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/post.md"),
        "# Post\n\n![A lake](../images/<missing>.jpg)\n",
    )
    .unwrap();
    let (_, html) = report(&["--allow-empty", dir.path().to_str().unwrap()]);
    let problems = html
        .split("<section class=\"problems\">")
        .nth(1)
        .expect("a list of problems");
    let at = format!(
        "<code>{}:3</code>",
        dir.path().join("content/post.md").display()
    );
    assert!(problems.contains(&at), "{problems}");
    assert!(problems.contains("<b>image-not-found</b>"), "{problems}");
    assert!(problems.contains("&lt;missing&gt;.jpg"), "{problems}");
}
