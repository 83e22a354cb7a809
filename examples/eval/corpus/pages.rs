//! Scoring of `tests/data/real/pages.txt`: each page snippet goes through
//! `licit::web::scan_html`, and each image's evidence through `licit::credit::merge`, the way
//! `licit check page.html` does it (`src/check/web.rs`: the page-wide `rel=license` is added
//! only when nothing nearer names a license). An image is right when its authors (as a set,
//! spacing and case aside) and its license key match the labels; a decorative image is right
//! when licit does not report it, or reports it with no author and no license.

use licit::credit::merge;
use licit::evidence::Evidence;
use licit::web::{PageImage, Url, scan_html};

use super::harness::{Block, Report, Split, blocks_of, data_dir};

/// What the labels say about one image.
struct Label {
    src: String,
    authors: Vec<String>,
    license: Option<String>,
    decorative: bool,
}

/// The images of a page block, in order: each `image:` starts one, the keys after it are its.
fn labels(block: &Block) -> Vec<Label> {
    let mut out: Vec<Label> = Vec::new();
    for (k, v) in &block.fields {
        match k.as_str() {
            "image" => out.push(Label {
                src: v.clone(),
                authors: Vec::new(),
                license: None,
                decorative: false,
            }),
            "authors" | "license" | "decorative" => {
                let Some(l) = out.last_mut() else {
                    panic!("{}: `{k}:` before any `image:`", block.place());
                };
                match k.as_str() {
                    "authors" if v != "-" => {
                        l.authors = v.split(" | ").map(|s| s.trim().to_string()).collect();
                    }
                    "license" if v != "-" => l.license = Some(v.clone()),
                    "decorative" => l.decorative = v == "yes",
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn same_authors(got: &[String], want: &[String]) -> bool {
    let mut g: Vec<String> = got.iter().map(|s| norm(s)).collect();
    let mut w: Vec<String> = want.iter().map(|s| norm(s)).collect();
    g.sort();
    g.dedup();
    w.sort();
    w.dedup();
    g == w
}

/// The credit of one reported image, as `licit check` builds it.
fn credit_of(im: &PageImage) -> (Vec<String>, Option<String>) {
    let mut ev: Vec<Evidence> = im.evidence.clone();
    if !im.page_wide.is_empty() && merge(&ev).credit.license.is_none() {
        ev.extend(im.page_wide.iter().cloned());
    }
    let c = merge(&ev).credit;
    (c.authors, c.license.map(|l| l.key().to_string()))
}

fn show(v: &[String]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.join(" | ")
    }
}

pub fn evaluate(split: Split) -> Report {
    let mut report = Report::default();
    let (mut right, mut total) = (0, 0);
    let (mut deco_ok, mut deco) = (0, 0);
    let (mut authors_ok, mut license_ok, mut content) = (0, 0, 0);
    for block in blocks_of("pages.txt", split) {
        report.cases += 1;
        let name = block.req("page");
        let path = data_dir().join("pages").join(name);
        let html = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {}: {e}", block.place(), path.display()));
        let base = block.opt("base").map(|b| {
            Url::parse(b).unwrap_or_else(|e| panic!("{}: base `{b}`: {e}", block.place()))
        });
        let scan = scan_html(&html, base.as_ref(), &Default::default());
        for label in labels(&block) {
            total += 1;
            let want_src = match &base {
                Some(b) => b
                    .join(label.src.trim())
                    .map_or_else(|_| label.src.clone(), |u| u.to_string()),
                None => label.src.clone(),
            };
            let found = scan
                .images
                .iter()
                .find(|im| im.src == want_src || im.alternates.contains(&want_src));
            let (authors, license) = found.map(credit_of).unwrap_or_default();
            let ok = if label.decorative {
                deco += 1;
                let clean = authors.is_empty() && license.is_none();
                deco_ok += usize::from(clean);
                clean
            } else {
                content += 1;
                let a = found.is_some() && same_authors(&authors, &label.authors);
                let l = found.is_some() && license == label.license;
                authors_ok += usize::from(a);
                license_ok += usize::from(l);
                a && l
            };
            right += usize::from(ok);
            if !ok {
                let what = if label.decorative {
                    "decorative, credited".to_string()
                } else if found.is_none() {
                    "not found".to_string()
                } else {
                    format!(
                        "want {} [{}]",
                        show(&label.authors),
                        label.license.as_deref().unwrap_or("-")
                    )
                };
                report.misses.push(format!(
                    "{} {}: {what}; licit: {} [{}]",
                    block.place(),
                    label.src,
                    show(&authors),
                    license.as_deref().unwrap_or("-")
                ));
            }
        }
    }
    report.higher("images-right", right, total);
    report.higher("decorative-excluded", deco_ok, deco);
    report.higher("authors-exact", authors_ok, content);
    report.higher("license", license_ok, content);
    report
}
