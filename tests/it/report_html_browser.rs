//! The HTML report in a real browser (headless Chromium, see `browser.rs`): it opens with no
//! console error and no request beyond the file itself, the verdict filter works without a
//! script, and values from files stay text. The screenshot of the samples' report is saved in
//! the test's temporary directory, and over `docs/report.png` when `LICIT_SCREENSHOTS` is set.

use std::path::Path;

use crate::browser::Browser;
use crate::report_html::{hostile_fixture, manifest_dir, report};

/// Rows the page shows right now.
const VISIBLE_ROWS: &str = "return [...document.querySelectorAll('tr.item')]\
    .filter(r => r.getClientRects().length > 0).map(r => r.className);";

fn open_report(b: &Browser, html: &str, dir: &Path) -> String {
    let path = dir.join("report.html");
    std::fs::write(&path, html).unwrap();
    // What the browser loaded before (its start page) is not the report's doing.
    b.requests();
    b.console_errors();
    b.open_file(&path);
    b.find("main");
    format!("file://{}", path.canonicalize().unwrap().display())
}

/// Only the file itself and its inline images were requested.
fn assert_self_contained(b: &Browser, file_url: &str) {
    let outside: Vec<String> = b
        .requests()
        .into_iter()
        // `chrome://` pages are the browser's own (its new-tab page may still be loading); a
        // `file:` page cannot load them.
        .filter(|u| u != file_url && !u.starts_with("data:") && !u.starts_with("chrome://"))
        .collect();
    assert!(outside.is_empty(), "requests beyond the file: {outside:?}");
    let errors = b.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[test]
fn the_samples_report_opens_offline_and_filters_by_verdict() {
    let Some(b) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = report(&["--use", "commercial", "samples/"]);
    let url = open_report(&b, &html, dir.path());
    assert_self_contained(&b, &url);

    let all = b.eval(VISIBLE_ROWS);
    assert_eq!(all.as_array().map(Vec::len), Some(5), "{all}");
    // Every thumbnail decoded and laid out (an image that failed has no natural width).
    let drawn =
        b.eval("return [...document.images].filter(i => i.complete && i.naturalWidth > 0).length;");
    assert_eq!(drawn, 5);
    let summary = b.text(".summary");
    assert!(summary.contains("2 not allowed"), "{summary}");

    b.click("label[for=show-not-allowed]");
    let shown = b.eval(VISIBLE_ROWS);
    let shown: Vec<&str> = shown
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown.iter().all(|c| c.contains("v-not-allowed")),
        "{shown:?}"
    );
    let text = b.text("main");
    assert!(
        text.contains("market-day.jpg") && text.contains("license-conflict"),
        "{text}"
    );
    assert!(
        !text.contains("sunflower.png"),
        "a filtered-out row still shows"
    );

    // No image of the samples has an error: the page says so rather than going blank.
    b.click("label[for=show-error]");
    assert_eq!(b.eval(VISIBLE_ROWS).as_array().map(Vec::len), Some(0));
    assert!(b.text("main").contains("No image has this verdict."));

    b.click("label[for=show-all]");
    assert_eq!(
        b.text(".none-shown"),
        "",
        "the note shows only when nothing does"
    );
    assert_eq!(b.eval(VISIBLE_ROWS).as_array().map(Vec::len), Some(5));
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    b.screenshot(&shot);
    if std::env::var_os("LICIT_SCREENSHOTS").is_some() {
        // Zoomed out, so that the README's picture shows more than one row.
        b.eval("document.body.style.zoom = '0.75'; document.body.style.maxWidth = 'none'; return null;");
        b.screenshot(&manifest_dir().join("docs/report.png"));
    }
    assert_self_contained(&b, &url);
}

#[test]
fn markup_from_files_stays_text_in_the_browser() {
    let Some(b) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let fixture = dir.path().join("in");
    std::fs::create_dir(&fixture).unwrap();
    let page = hostile_fixture(&fixture);
    let (_, html) = report(&[page.to_str().unwrap(), fixture.to_str().unwrap()]);
    let url = open_report(&b, &html, dir.path());
    assert_self_contained(&b, &url);
    assert_eq!(b.eval("return document.scripts.length;"), 0);
    let text = b.eval("return document.body.textContent;");
    let text = text.as_str().unwrap();
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("<script>alert(2)</script>"), "{text}");
    assert!(text.contains("<img src=x onerror=alert(3)>"), "{text}");
    // The one image tag of each row is its thumbnail; no image came from the caption.
    let foreign = b.eval(
        "return [...document.images].filter(i => !i.src.startsWith('data:image/jpeg')).length;",
    );
    assert_eq!(foreign, 0);
    let placeholder =
        b.eval("return [...document.querySelectorAll('.nothumb')].map(e => e.title).join('|');");
    assert!(
        placeholder.as_str().unwrap().contains("cannot decode"),
        "{placeholder}"
    );
}
