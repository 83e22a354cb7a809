//! A headless Chromium for the tests that must see what a person sees: the page of `licit serve`
//! and the `--format html` report. It talks W3C WebDriver to Debian's `chromedriver` (package
//! `chromium-driver`) with the blocking HTTP client licit already depends on, so no browser-driver
//! crate and no async runtime are needed.
//!
//! A machine without Chromium skips these tests (they print why and return) unless
//! `LICIT_BROWSER_TESTS` is set, as `.ci/run` does after installing it: then a missing browser
//! fails the test instead of passing it silently.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

/// The key W3C WebDriver uses for an element reference in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long `find` and `wait_text` wait for the page to catch up by default.
const WAIT: Duration = Duration::from_secs(10);

/// One chromedriver process and one headless browser session; both end on drop.
pub struct Browser {
    driver: Child,
    base: String,
    http: reqwest::blocking::Client,
    profile: tempfile::TempDir,
}

/// An element of the current page, as WebDriver names it.
#[derive(Clone, Debug)]
pub struct Element(String);

/// A POST body in JSON (licit builds reqwest without its `json` feature).
fn json_body(
    req: reqwest::blocking::RequestBuilder,
    body: &Value,
) -> reqwest::blocking::RequestBuilder {
    req.header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body.to_string())
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

impl Browser {
    /// Starts chromedriver and a headless Chromium. `None` (with the reason on stderr) when either
    /// is missing and `LICIT_BROWSER_TESTS` is unset; a panic naming what is missing when it is set.
    pub fn start() -> Option<Browser> {
        let required = std::env::var_os("LICIT_BROWSER_TESTS").is_some();
        let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
        let driver = find_program(&["chromedriver"]);
        let (chromium, driver) = match (chromium, driver) {
            (Some(c), Some(d)) => (c, d),
            (c, d) => {
                let missing = match (c, d) {
                    (None, None) => "chromium and chromedriver",
                    (None, _) => "chromium",
                    _ => "chromedriver",
                };
                assert!(
                    !required,
                    "LICIT_BROWSER_TESTS is set but {missing} is not on PATH \
                     (Debian: apt-get install chromium chromium-driver)"
                );
                eprintln!("skipping a browser test: {missing} not on PATH");
                return None;
            }
        };
        Some(Browser::launch(&chromium, &driver))
    }

    fn launch(chromium: &Path, driver: &Path) -> Browser {
        let mut child = Command::new(driver)
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        // chromedriver picks a free port when asked for port 0 and says which on stdout.
        let stdout = child.stdout.take().expect("chromedriver stdout");
        let mut port = None;
        for line in BufReader::new(stdout).lines() {
            let line = line.expect("chromedriver stdout is text");
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                port = rest.trim_end_matches('.').trim().parse::<u16>().ok();
                break;
            }
        }
        let port = port.expect("chromedriver reports its port");
        let profile = tempfile::tempdir().expect("a temporary browser profile");
        // The same process-wide TLS provider the library installs (a second install is refused).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .expect("http client");
        let mut browser = Browser {
            driver: child,
            base: format!("http://127.0.0.1:{port}"),
            http,
            profile,
        };
        let args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            "--disable-dev-shm-usage".to_string(),
            "--no-first-run".to_string(),
            "--window-size=1280,900".to_string(),
            format!("--user-data-dir={}", browser.profile.path().display()),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
            "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
        }}});
        let session = browser.call("POST", "/session", Some(caps));
        let id = session["sessionId"]
            .as_str()
            .expect("a WebDriver session id")
            .to_string();
        browser.base = format!("{}/session/{id}", browser.base);
        browser
    }

    /// One WebDriver command; panics with the driver's message when it fails.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let req = match method {
            "GET" => self.http.get(&url),
            "DELETE" => self.http.delete(&url),
            _ => json_body(self.http.post(&url), &body.unwrap_or_else(|| json!({}))),
        };
        let resp = req
            .send()
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let status = resp.status();
        let bytes = resp.bytes().expect("WebDriver answers");
        let v: Value = serde_json::from_slice(&bytes).expect("WebDriver answers JSON");
        assert!(
            status.is_success(),
            "WebDriver {method} {path} failed ({status}): {}",
            v["value"]["message"]
        );
        v["value"].clone()
    }

    /// Opens a URL (`http://…` or `file:///…`).
    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// Opens a local file.
    pub fn open_file(&self, path: &Path) {
        let abs = path.canonicalize().expect("the file to open exists");
        self.goto(&format!("file://{}", abs.display()));
    }

    fn try_find(&self, css: &str) -> Option<Element> {
        let url = format!("{}/element", self.base);
        let find = json!({"using": "css selector", "value": css});
        let resp = json_body(self.http.post(url), &find).send().ok()?;
        if !resp.status().is_success() {
            return None;
        }
        let v: Value = serde_json::from_slice(&resp.bytes().ok()?).ok()?;
        v["value"][ELEMENT_KEY]
            .as_str()
            .map(|s| Element(s.to_string()))
    }

    /// The first element matching `css`, waiting up to ten seconds for it to appear.
    pub fn find(&self, css: &str) -> Element {
        let start = Instant::now();
        loop {
            if let Some(e) = self.try_find(css) {
                return e;
            }
            assert!(
                start.elapsed() < WAIT,
                "no element matches {css:?} after {WAIT:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// How many elements match `css` right now.
    pub fn count(&self, css: &str) -> usize {
        let v = self.call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array().map_or(0, Vec::len)
    }

    pub fn click(&self, css: &str) {
        let e = self.find(css);
        self.call("POST", &format!("/element/{}/click", e.0), None);
    }

    /// Types into a field (appending to what it holds).
    pub fn type_text(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.call(
            "POST",
            &format!("/element/{}/value", e.0),
            Some(json!({ "text": text })),
        );
    }

    /// Chooses a local file in an `<input type=file>`.
    pub fn upload(&self, css: &str, path: &Path) {
        let abs = path.canonicalize().expect("the file to upload exists");
        self.type_text(css, &abs.display().to_string());
    }

    /// The rendered text of the first element matching `css`.
    pub fn text(&self, css: &str) -> String {
        let e = self.find(css);
        self.call("GET", &format!("/element/{}/text", e.0), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the element's text contains `needle`; returns that text. Panics with the last
    /// text seen when it does not within `timeout`.
    pub fn wait_text(&self, css: &str, needle: &str, timeout: Duration) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            if self.try_find(css).is_some() {
                last = self.text(css);
                if last.contains(needle) {
                    return last;
                }
            }
            assert!(
                start.elapsed() < timeout,
                "{css:?} did not show {needle:?} within {timeout:?}; last text: {last:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Runs a script in the page (`return …;` gives a value).
    pub fn eval(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Saves a PNG of the viewport.
    pub fn screenshot(&self, path: &Path) {
        let b64 = self.call("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().expect("screenshot is base64"))
            .expect("screenshot decodes");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot directory");
        }
        std::fs::write(path, png).expect("screenshot written");
    }

    fn log(&self, kind: &str) -> Vec<Value> {
        self.call("POST", "/se/log", Some(json!({ "type": kind })))
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Console messages at level SEVERE since the last call (errors, failed loads, CSP refusals).
    pub fn console_errors(&self) -> Vec<String> {
        self.log("browser")
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Every URL the page asked for since the last call, from the performance log.
    pub fn requests(&self) -> Vec<String> {
        self.log("performance")
            .into_iter()
            .filter_map(|e| {
                let msg: Value = serde_json::from_str(e["message"].as_str()?).ok()?;
                (msg["message"]["method"] == "Network.requestWillBeSent")
                    .then(|| {
                        msg["message"]["params"]["request"]["url"]
                            .as_str()
                            .map(String::from)
                    })
                    .flatten()
            })
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // End the session (closes Chromium), then the driver.
        let _ = self.http.delete(&self.base).send();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[test]
fn browser_reads_a_local_page_and_its_console() {
    let Some(b) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<!doctype html><meta charset=utf-8><title>t</title>\
         <p id=greeting>licit &lt;sees&gt; text</p>\
         <input id=field><button id=go onclick=\"document.getElementById('out').textContent=\
         document.getElementById('field').value.toUpperCase()\">go</button><p id=out></p>\
         <script>console.error('on purpose')</script>",
    )
    .unwrap();
    b.open_file(&page);
    assert_eq!(b.text("#greeting"), "licit <sees> text");
    b.type_text("#field", "credit");
    b.click("#go");
    assert_eq!(b.wait_text("#out", "CREDIT", WAIT), "CREDIT");
    assert_eq!(b.eval("return 6 * 7;"), json!(42));
    let errors = b.console_errors();
    assert!(
        errors.iter().any(|e| e.contains("on purpose")),
        "console error seen: {errors:?}"
    );
    let requests = b.requests();
    assert!(
        requests.iter().any(|u| u.ends_with("page.html")),
        "the page's own load is in the log: {requests:?}"
    );
    let shot = dir.path().join("shot.png");
    b.screenshot(&shot);
    let bytes = std::fs::read(&shot).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG screenshot");
}
