//! `licit serve`: the JSON API against the server on 127.0.0.1 — the same contract as the
//! CLI, SSRF refusal, escaping, limits and slow clients.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use licit::serve::{Config, Limits, Running, Server};
use serde_json::Value;

use crate::common::server::{self as origin, Reply};
use crate::common::{assert_schema, licit};

const MARKET_DAY: &str = "samples/photos/market-day.jpg";
const SEED_CREDIT: &str = "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)";

fn start_with(limits: Limits, allow_private: bool) -> Running {
    let config = Config {
        bind: "127.0.0.1:0".parse().unwrap(),
        allow_private,
        limits,
    };
    Server::bind(config).unwrap().spawn().unwrap()
}

fn start() -> Running {
    start_with(Limits::default(), false)
}

fn client() -> reqwest::blocking::Client {
    // reqwest is built without a default TLS provider; install licit's (once per process).
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    json: Value,
}

fn send(rb: reqwest::blocking::RequestBuilder) -> Answer {
    let res = rb.send().expect("the server answers");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let text = res.text().unwrap();
    let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer {
        status,
        headers,
        json,
    }
}

/// A multipart body with one `file` field per (name, bytes).
fn multipart(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "licit-test-boundary-7d3f";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn upload(s: &Running, query: &str, files: &[(&str, &[u8])]) -> Answer {
    let (ct, body) = multipart(files);
    send(
        client()
            .post(format!("http://{}/api/check?{query}", s.addr))
            .header("content-type", ct)
            .body(body),
    )
}

fn form(s: &Running, path: &str, query: &str, fields: &[(&str, &str)]) -> Answer {
    send(
        client()
            .post(format!("http://{}{path}?{query}", s.addr))
            .form(fields),
    )
}

/// A form post (reqwest's `form` needs a feature licit does not build).
trait FormPost {
    fn form(self, fields: &[(&str, &str)]) -> Self;
}

impl FormPost for reqwest::blocking::RequestBuilder {
    fn form(self, fields: &[(&str, &str)]) -> Self {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    }
}

fn cli_json(args: &[&str]) -> Value {
    let out = licit().args(args).output().unwrap();
    serde_json::from_slice(&out.stdout).expect("the CLI prints JSON")
}

fn repo_file(rel: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn an_upload_is_answered_with_exactly_what_the_cli_prints() {
    let s = start();
    let a = upload(
        &s,
        "use=commercial",
        &[("market-day.jpg", &repo_file(MARKET_DAY))],
    );
    assert_eq!(a.status, 200, "{}", a.json);
    assert_eq!(a.headers["content-type"], "application/json");
    assert_schema("checkDocument", &a.json);
    // The CLI names the file by its path; the upload by its name. Nothing else differs.
    let path = format!("{}/{MARKET_DAY}", env!("CARGO_MANIFEST_DIR"));
    let cli = cli_json(&["check", "--format", "json", "--use", "commercial", &path]);
    let cli: Value =
        serde_json::from_str(&cli.to_string().replace(&path, "market-day.jpg")).unwrap();
    assert_eq!(a.json, cli);
    let item = &a.json["items"][0];
    assert_eq!(item["assessment"]["verdict"], "not-allowed");
    assert!(
        item["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "license-conflict")
    );
}

#[test]
fn several_files_give_one_item_each_in_order_and_bad_files_are_item_errors() {
    let s = start();
    let a = upload(
        &s,
        "",
        &[
            ("lake.jpg", &repo_file("samples/photos/lake-at-dawn.jpg")),
            ("notes.txt", b"not an image at all"),
            ("sunflower.png", &repo_file("samples/photos/sunflower.png")),
        ],
    );
    assert_eq!(a.status, 200, "{}", a.json);
    assert_schema("checkDocument", &a.json);
    let items = a.json["items"].as_array().unwrap();
    let targets: Vec<&str> = items
        .iter()
        .map(|i| i["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["lake.jpg", "notes.txt", "sunflower.png"]);
    assert_eq!(items[1]["errors"][0]["kind"], "not-an-image");
    assert!(
        items[1]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("notes.txt:"),
        "the error names the upload: {}",
        items[1]["errors"][0]
    );
    assert_eq!(a.json["summary"]["items"], 3);
    assert_eq!(a.json["summary"]["errors"], 1);
}

#[test]
fn a_credit_line_is_answered_as_licit_credit_prints_it() {
    let s = start();
    let a = form(
        &s,
        "/api/credit",
        "use=commercial",
        &[("text", SEED_CREDIT)],
    );
    assert_eq!(a.status, 200, "{}", a.json);
    assert_schema("creditDocument", &a.json);
    let cli = cli_json(&[
        "credit",
        "--format",
        "json",
        "--use",
        "commercial",
        SEED_CREDIT,
    ]);
    assert_eq!(a.json, cli);
    assert_eq!(a.json["items"][0]["assessment"]["verdict"], "not-allowed");
}

#[test]
fn the_page_view_wraps_the_contract_with_the_credit_in_every_style() {
    let s = start();
    let a = form(
        &s,
        "/api/credit",
        "use=commercial,crop&view=page",
        &[("text", SEED_CREDIT)],
    );
    assert_eq!(a.status, 200, "{}", a.json);
    assert_schema("creditDocument", &a.json["document"]);
    let credit = &a.json["credits"][0];
    assert!(
        credit["text"]
            .as_str()
            .unwrap()
            .contains("IHH Humanitarian Relief Foundation")
    );
    assert!(
        credit["html"]
            .as_str()
            .unwrap()
            .contains("<a href=\"https://creativecommons.org/licenses/by-nc-nd/2.0/\"")
    );
    assert!(
        credit["markdown"]
            .as_str()
            .unwrap()
            .contains("](https://creativecommons.org/licenses/by-nc-nd/2.0/)")
    );
}

#[test]
fn the_proposed_use_is_read_like_the_cli_flags_and_bad_words_are_refused() {
    let s = start();
    let a = form(
        &s,
        "/api/credit",
        "use=commercial,crop,print&share_as=by-sa/4.0",
        &[("text", "Photo: Ann Lee, CC BY-SA 4.0")],
    );
    assert_eq!(a.status, 200, "{}", a.json);
    let cli = cli_json(&[
        "credit",
        "--format",
        "json",
        "--use",
        "commercial,crop,print",
        "--share-as",
        "by-sa/4.0",
        "Photo: Ann Lee, CC BY-SA 4.0",
    ]);
    assert_eq!(a.json, cli);
    let bad = form(&s, "/api/credit", "use=comercial", &[("text", "CC BY 4.0")]);
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json["error"]["kind"], "bad-use");
    assert!(
        bad.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("comercial")
    );
    let bad = form(
        &s,
        "/api/credit",
        "share_as=by-sa",
        &[("text", "CC BY 4.0")],
    );
    assert_eq!(bad.status, 400, "a ShareAlike target needs a version");
    let empty = form(&s, "/api/credit", "", &[("text", " \n \n")]);
    assert_eq!(empty.status, 400);
    assert_eq!(empty.json["error"]["kind"], "no-text");
}

/// A server on 127.0.0.1 that would serve a licensed image: what a URL check must not reach.
fn private_origin() -> origin::Server {
    let jpeg = origin::jpeg(
        "https://creativecommons.org/licenses/by/4.0/",
        "Inner Network",
        0,
        64,
    );
    origin::Server::start(move |_| Reply::ok("image/jpeg", jpeg.clone()))
}

#[test]
fn url_checks_refuse_loopback_private_and_names_that_resolve_to_them() {
    let s = start();
    let inner = private_origin();
    let port = inner.addr.port();
    for url in [
        inner.url("/photo.jpg"),
        format!("http://localhost:{port}/photo.jpg"),
        format!("http://[::1]:{port}/photo.jpg"),
        "http://10.1.2.3/photo.jpg".to_string(),
        "http://169.254.169.254/latest/meta-data/".to_string(),
        "http://[fd00::1]/photo.jpg".to_string(),
    ] {
        let a = form(&s, "/api/url", "", &[("url", &url)]);
        assert_eq!(a.status, 200, "{url}: {}", a.json);
        assert_schema("checkDocument", &a.json);
        let item = &a.json["items"][0];
        assert_eq!(
            item["errors"][0]["kind"], "private-address",
            "{url}: {item}"
        );
        assert!(item["evidence"].as_array().unwrap().is_empty(), "{url}");
    }
    assert!(
        inner.requests().is_empty(),
        "the private server was reached"
    );
}

#[test]
fn allow_private_lets_url_checks_reach_a_local_server() {
    let s = start_with(Limits::default(), true);
    let inner = private_origin();
    let a = form(&s, "/api/url", "", &[("url", &inner.url("/photo.jpg"))]);
    assert_eq!(a.status, 200, "{}", a.json);
    assert_schema("checkDocument", &a.json);
    let item = &a.json["items"][0];
    assert!(item["errors"].as_array().unwrap().is_empty(), "{item}");
    assert_eq!(item["credit"]["authors"][0], "Inner Network");
    assert!(!inner.requests().is_empty());
}

#[test]
fn what_is_not_an_http_url_is_refused_before_anything_is_fetched() {
    let s = start();
    for bad in [
        "file:///etc/passwd",
        "/etc/passwd",
        "ftp://example.org/a.jpg",
        "",
    ] {
        let a = form(&s, "/api/url", "", &[("url", bad)]);
        assert_eq!(a.status, 400, "{bad:?}: {}", a.json);
        assert_eq!(a.json["error"]["kind"], "bad-url");
    }
}

#[test]
fn markup_read_from_an_image_comes_back_as_text() {
    let s = start();
    let script = "<script>alert(1)</script>";
    let jpeg = origin::jpeg(
        "https://creativecommons.org/licenses/by/4.0/",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        0,
        64,
    );
    let a = upload(&s, "view=page", &[("x.jpg", &jpeg)]);
    assert_eq!(a.status, 200, "{}", a.json);
    assert_eq!(a.headers["content-type"], "application/json");
    assert_eq!(a.headers["x-content-type-options"], "nosniff");
    let item = &a.json["document"]["items"][0];
    let creator = item["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["origin"] == "xmp:dc:creator")
        .expect("dc:creator read");
    assert_eq!(
        creator["value"], script,
        "the value verbatim, as a JSON string"
    );
    // Whether or not the markup is taken for a name, no credit style carries it as markup.
    for style in ["text", "html", "markdown"] {
        let credit = a.json["credits"][0][style].as_str().unwrap();
        assert!(!credit.contains("<script"), "{style}: {credit}");
    }
}

#[test]
fn every_answer_carries_the_security_headers_and_the_page_needs_nothing_inline() {
    let s = start();
    let c = client();
    for (path, ct) in [
        ("/", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "text/css; charset=utf-8"),
        ("/nothing-here", "application/json"),
    ] {
        let res = c.get(format!("http://{}{path}", s.addr)).send().unwrap();
        let h = res.headers();
        assert_eq!(h["content-type"], ct, "{path}");
        let csp = h["content-security-policy"].to_str().unwrap();
        for part in [
            "default-src 'self'",
            "img-src 'self' data: blob:",
            "script-src 'self'",
            "style-src 'self'",
        ] {
            assert!(csp.contains(part), "{path}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
    }
    let page = c
        .get(format!("http://{}/", s.addr))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("<script src=\"/app.js\""));
    assert!(page.contains("<link rel=\"stylesheet\" href=\"/app.css\">"));
}

#[test]
fn other_sites_pages_and_other_host_names_are_refused() {
    let s = start();
    let a = send(
        client()
            .post(format!("http://{}/api/credit", s.addr))
            .header("origin", "http://attacker.example")
            .form(&[("text", "CC BY 4.0")]),
    );
    assert_eq!(a.status, 403);
    assert_eq!(a.json["error"]["kind"], "cross-origin");
    let a = send(
        client()
            .post(format!("http://{}/api/credit", s.addr))
            .header("origin", format!("http://{}", s.addr))
            .form(&[("text", "CC BY 4.0")]),
    );
    assert_eq!(a.status, 200, "the page's own origin is fine");
    // DNS rebinding: the browser sends the attacker's name as Host.
    let a = send(
        client()
            .get(format!("http://{}/", s.addr))
            .header("host", format!("rebind.example:{}", s.addr.port())),
    );
    assert_eq!(a.status, 421);
}

#[test]
fn uploads_over_a_limit_are_refused_naming_the_limit() {
    let limits = Limits {
        max_file_bytes: 10_000,
        max_files: 2,
        max_request_bytes: 50_000,
        ..Limits::default()
    };
    let s = start_with(limits, false);
    let big = vec![0u8; 10_001];
    let a = upload(&s, "", &[("big.jpg", &big)]);
    assert_eq!(a.status, 413, "{}", a.json);
    let msg = a.json["error"]["message"].as_str().unwrap();
    assert!(msg.contains("big.jpg") && msg.contains("10000"), "{msg}");
    let small = repo_file(MARKET_DAY);
    let a = upload(
        &s,
        "",
        &[("a.jpg", &small), ("b.jpg", &small), ("c.jpg", &small)],
    );
    assert_eq!(a.status, 413, "{}", a.json);
    assert!(
        a.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("more than 2 files")
    );
    // A request declared larger than the cap is refused before its body is read.
    let huge = vec![0u8; 60_000];
    let a = upload(&s, "", &[("huge.jpg", &huge)]);
    assert_eq!(a.status, 413, "{}", a.json);
    let a = upload(&s, "", &[]);
    assert_eq!(a.status, 400);
    assert_eq!(a.json["error"]["kind"], "no-file");
    let a = send(
        client()
            .post(format!("http://{}/api/check", s.addr))
            .header("content-type", "text/plain")
            .body("hello"),
    );
    assert_eq!(a.status, 400, "{}", a.json);
    assert_eq!(
        a.json["error"]["kind"], "bad-request",
        "errors are JSON too"
    );
    let a = send(
        client()
            .post(format!("http://{}/api/credit", s.addr))
            .header("content-type", "application/json")
            .body("{}"),
    );
    assert_eq!(a.status, 415, "{}", a.json);
    assert_eq!(a.json["error"]["kind"], "bad-content-type");
    let a = form(&s, "/api/credit", "", &[("text", &"x".repeat(70_000))]);
    assert_eq!(a.status, 413, "{}", a.json);
    assert_eq!(a.json["error"]["kind"], "too-large");
    // The limits hold for the next request as before.
    let a = upload(&s, "", &[("a.jpg", &small)]);
    assert_eq!(a.status, 200, "{}", a.json);
}

#[test]
fn view_report_answers_the_html_report_of_the_uploads_with_thumbnails() {
    let s = start();
    let photo = repo_file("samples/photos/market-day.jpg");
    let a = upload(
        &s,
        "use=commercial&view=report",
        &[("market-day.jpg", &photo)],
    );
    assert_eq!(a.status, 200, "{}", a.json);
    assert!(
        a.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{:?}",
        a.headers
    );
    let html = a.json.as_str().expect("an HTML body");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("default-src 'none'"), "the report's own CSP");
    assert!(html.contains("market-day.jpg") && html.contains("Not allowed"));
    assert!(
        html.contains("src=\"data:image/jpeg;base64,"),
        "a thumbnail of the upload"
    );
    // A view the routes do not know is refused, as before.
    let a = upload(&s, "view=pdf", &[("market-day.jpg", &photo)]);
    assert_eq!(a.status, 400, "{}", a.json);
}

/// Sends `head` (and nothing more) and returns what the server answers before closing.
fn raw(addr: std::net::SocketAddr, head: &[u8], wait: Duration) -> (String, Duration) {
    let mut conn = TcpStream::connect(addr).unwrap();
    conn.set_read_timeout(Some(wait)).unwrap();
    conn.write_all(head).unwrap();
    let t = Instant::now();
    let mut out = Vec::new();
    let _ = conn.read_to_end(&mut out);
    (String::from_utf8_lossy(&out).into_owned(), t.elapsed())
}

#[test]
fn a_slow_client_is_cut_off_and_does_not_hold_the_server() {
    let limits = Limits {
        header_timeout: Duration::from_secs(1),
        body_timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    let s = start_with(limits, false);
    // Headers never finished: the connection is closed.
    let (_, took) = raw(
        s.addr,
        b"GET / HTTP/1.1\r\nHost: x",
        Duration::from_secs(20),
    );
    assert!(took < Duration::from_secs(10), "held for {took:?}");
    // A body that never comes: 408 once the body timeout passes.
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc",
        s.addr
    );
    let (answer, took) = raw(s.addr, head.as_bytes(), Duration::from_secs(20));
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(took < Duration::from_secs(10), "held for {took:?}");
    // Meanwhile and afterwards, others are served.
    let a = form(&s, "/api/credit", "", &[("text", "CC BY 4.0")]);
    assert_eq!(a.status, 200);
}

#[test]
fn uploads_wait_for_the_in_flight_budget_and_give_up_with_503() {
    let limits = Limits {
        max_in_flight_bytes: 100_000,
        max_request_bytes: 100_000,
        queue_timeout: Duration::from_millis(500),
        body_timeout: Duration::from_secs(5),
        ..Limits::default()
    };
    let s = start_with(limits, false);
    // One request reserves the whole budget and stalls its body...
    let mut hold = TcpStream::connect(s.addr).unwrap();
    hold.write_all(
        format!(
            "POST /api/check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n",
            s.addr
        )
        .as_bytes(),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    // ...so the next waits for its turn, then is told to come back.
    let a = upload(&s, "", &[("a.jpg", &repo_file(MARKET_DAY))]);
    assert_eq!(a.status, 503, "{}", a.json);
    assert_eq!(a.json["error"]["kind"], "busy");
    assert!(a.headers.contains_key("retry-after"));
    drop(hold);
    // Once the held request is gone, its bytes are free again.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let a = upload(&s, "", &[("a.jpg", &repo_file(MARKET_DAY))]);
        if a.status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the budget was never freed: {}",
            a.json
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Runs `licit serve` with `args`; returns its first stdout line and its stderr so far.
fn serve_cli(args: &[&str]) -> (String, String) {
    use std::io::BufRead;
    let bin = assert_cmd::cargo::cargo_bin("licit");
    let mut child = std::process::Command::new(bin)
        .arg("serve")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let mut err = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut err);
    (line, err)
}

#[test]
fn the_command_prints_its_address_and_warns_when_it_is_not_loopback() {
    let (line, err) = serve_cli(&["--port", "0"]);
    let addr = line
        .trim()
        .strip_prefix("listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("{line:?}"));
    assert_ne!(addr.parse::<u16>().unwrap(), 0);
    assert!(!err.contains("warning"), "{err}");
    let (line, err) = serve_cli(&["--bind", "0.0.0.0:0"]);
    assert!(line.starts_with("listening on http://0.0.0.0:"), "{line:?}");
    assert!(
        err.contains("warning") && err.contains("not a loopback"),
        "{err}"
    );
}
