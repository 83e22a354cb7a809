//! The page of `licit serve` in a real (headless) Chromium: upload, tick a use, read the
//! verdict and the findings; paste a credit line; markup from an image stays text; nothing
//! leaves the server and the Content-Security-Policy refuses nothing the page needs.

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::browser::Browser;

const SEED_CREDIT: &str = "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)";
const WAIT: Duration = Duration::from_secs(30);

/// `licit serve --port 0`, killed on drop.
struct Serve {
    child: Child,
    base: String,
}

impl Serve {
    fn start() -> Serve {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("licit"))
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("licit serve starts");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("licit serve printed {line:?}"))
            .to_string();
        Serve { child, base }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The rendered text of the first element matching `css`, read in one script run: the page
/// replaces a result's elements when it re-checks, so a WebDriver element reference can go
/// stale between finding it and reading it.
fn text(b: &Browser, css: &str) -> Option<String> {
    let js = format!("const e = document.querySelector({css:?}); return e ? e.innerText : null");
    b.eval(&js).as_str().map(String::from)
}

/// Waits until the text of `css` contains `needle`; returns it.
fn wait_text(b: &Browser, css: &str, needle: &str) -> String {
    let start = std::time::Instant::now();
    loop {
        let now = text(b, css);
        if let Some(t) = &now
            && t.contains(needle)
        {
            return t.clone();
        }
        assert!(
            start.elapsed() < WAIT,
            "{css:?} did not show {needle:?} within {WAIT:?}; last text: {now:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits until the page has saved `n` files; returns (type, text) of each, in order.
fn wait_saved(b: &Browser, n: usize) -> Vec<(String, String)> {
    let start = std::time::Instant::now();
    loop {
        let v = b.eval("return window.__saved");
        let saved: Vec<(String, String)> = serde_json::from_value(v).unwrap_or_default();
        if saved.len() >= n {
            return saved;
        }
        assert!(
            start.elapsed() < WAIT,
            "the page saved {} files",
            saved.len()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_page_checks_an_upload_and_a_credit_line_and_shows_markup_as_text() {
    let Some(b) = Browser::start() else { return };
    let server = Serve::start();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    b.goto(&format!("{}/", server.base));
    wait_text(&b, "#status", "Ready");
    layout_and_labels(&b);

    // Commercial use, then the photo whose metadata disagrees with itself.
    b.click("#use-commercial");
    b.upload("#files", &root.join("samples/photos/market-day.jpg"));
    let verdict = wait_text(&b, "#results .verdict", "Not allowed");
    assert_eq!(verdict, "Not allowed");
    let findings = wait_text(&b, "#results .findings", "license conflict");
    assert!(
        findings.contains("CC BY-SA 4.0") && findings.contains("CC BY-NC 2.0"),
        "{findings}"
    );
    let reasons = text(&b, "#results .reasons").unwrap_or_default();
    assert!(
        reasons.contains("§4(b)"),
        "reasons cite the legal code: {reasons}"
    );
    let evidence = text(&b, "#results table.evidence").unwrap_or_default();
    assert!(
        evidence.contains("xmp:cc:license") && evidence.contains("Luis García"),
        "{evidence}"
    );
    assert!(
        text(&b, "#results .credit-html pre")
            .unwrap_or_default()
            .contains("<a href=")
    );
    assert!(
        b.eval("return document.querySelector('#results img.thumb').src")
            .as_str()
            .unwrap()
            .starts_with("blob:"),
        "the thumbnail is the upload itself, shown client-side"
    );

    // Unticking commercial updates the verdict without uploading again by hand.
    b.click("#use-commercial");
    wait_text(&b, "#results .verdict", "Allowed with obligations");
    b.click("#use-commercial");
    wait_text(&b, "#results .verdict", "Not allowed");

    // An image whose creator is a script: shown as text, never as markup.
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.jpg");
    let jpeg = crate::common::server::jpeg(
        "https://creativecommons.org/licenses/by/4.0/",
        "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;",
        0,
        64,
    );
    std::fs::write(&hostile, jpeg).unwrap();
    b.upload("#files", &hostile);
    let table = wait_text(&b, "#results .entry:first-child table.evidence", "<script>");
    assert!(
        table.contains("<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">"),
        "{table}"
    );
    assert_eq!(
        b.eval("return [document.querySelectorAll('#results script').length, document.querySelectorAll('#results img:not(.thumb)').length, window.pwned === undefined]"),
        serde_json::json!([0, 0, true])
    );

    // The seed credit line, for commercial use.
    b.type_text("#credit", SEED_CREDIT);
    b.click("#credit-form button[type=submit]");
    wait_text(&b, "#results .entry:first-child h3", "Credit line");
    let verdict = wait_text(&b, "#results .entry:first-child .verdict", "Not allowed");
    assert!(verdict.to_lowercase().contains("not allowed"));
    let reasons = text(&b, "#results .entry:first-child .reasons").unwrap_or_default();
    assert!(reasons.contains("NonCommercial"), "{reasons}");
    wait_text(&b, "#status", "Checked 3 items");

    b.eval("window.scrollTo(0, 0); return true");
    b.screenshot(&root.join("docs/serve.png"));

    // The exports: capture the files the page would download.
    b.eval(
        "window.__saved = []; URL.createObjectURL = (blob) => { blob.text().then(t => window.__saved.push([blob.type, t])); return 'blob:captured'; }; HTMLAnchorElement.prototype.click = function () {}; return true",
    );
    b.click("#export-json");
    b.click("#export-csv");
    let saved = wait_saved(&b, 3);
    let check: serde_json::Value = serde_json::from_str(&saved[0].1).unwrap();
    crate::common::assert_schema("checkDocument", &check);
    assert_eq!(check["summary"]["items"], 2);
    assert_eq!(check["use"]["commercial"], true);
    let credit: serde_json::Value = serde_json::from_str(&saved[1].1).unwrap();
    crate::common::assert_schema("creditDocument", &credit);
    let (kind, csv) = &saved[2];
    assert_eq!(kind, "text/csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(
        rows[0].starts_with("\"kind\",\"target\",\"verdict\""),
        "{csv}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("\"market-day.jpg\",\"not-allowed\",\"by-nc/2.0\"")),
        "{csv}"
    );
    let errors = b.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    // The HTML report of what is on the page: the server checks the images again and renders
    // `--format html`, with a thumbnail made from the upload and the verdict in words.
    b.click("#export-html");
    let saved = wait_saved(&b, 4);
    let (kind, html) = &saved[3];
    assert_eq!(kind, "text/html");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..html.len().min(200)]
    );
    assert!(html.contains("market-day.jpg") && html.contains("Not allowed"));
    assert!(
        html.contains("src=\"data:image/jpeg;base64,"),
        "a thumbnail"
    );
    assert!(!html.contains("<script"), "the report runs no script");
    let errors = b.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    // The browser's own pages (`chrome://`, its new-tab page) load beside ours; what matters
    // is that nothing goes over the network anywhere but to the server.
    for url in b.requests() {
        assert!(
            url.starts_with(&server.base)
                || ["blob:", "data:", "chrome:", "chrome-untrusted:"]
                    .iter()
                    .any(|s| url.starts_with(s)),
            "the page asked for {url}"
        );
    }
}

/// Two columns on a desk, one under 600 px; every control labelled; results announced.
/// (In the same browser as the test above: one Chromium at a time is enough load for CI.)
fn layout_and_labels(b: &Browser) {
    let columns = |width: u32| {
        b.eval(&format!(
            "document.body.style.width = '{width}px'; return getComputedStyle(document.querySelector('main')).gridTemplateColumns.split(' ').length"
        ))
    };
    assert_eq!(columns(1200), 2);
    b.eval("document.body.style.width = ''; return true");
    assert_eq!(
        b.eval("return matchMedia('(max-width: 600px)').matches"),
        false
    );
    // The media query follows the viewport: check the rule itself, as a 390 px phone sees it.
    let rule = b.eval(
        "for (const s of document.styleSheets) for (const r of s.cssRules) if (r.media && r.media.mediaText.includes('600px')) return r.cssText; return ''",
    );
    assert!(
        rule.as_str()
            .unwrap()
            .contains("grid-template-columns: 1fr"),
        "{rule}"
    );
    // Every form control has a label a screen reader reads.
    let unlabelled = b.eval(
        "return [...document.querySelectorAll('input, textarea, button')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).map(e => e.id || e.name)",
    );
    assert_eq!(unlabelled, serde_json::json!([]));
    assert_eq!(
        b.eval("return document.getElementById('results').getAttribute('aria-live')"),
        "polite"
    );
}
