//! URLs and pages against servers this test starts on 127.0.0.1: a news article laid out like
//! the seed, Commons and Flickr look-alikes, a blog with srcset and JSON-LD, and slow, lying
//! and hostile servers. Nothing here talks to any other address.

use crate::common::{self, server};

use std::time::{Duration, Instant};

use licit::assess::{Use, Verdict};
use licit::check::Item;
use licit::check::web::{check_html_file, check_url, check_urls};
use licit::finding::FindingKind;
use licit::license::License;
use licit::web::{FetchConfig, Fetcher, Sites};
use server::{Reply, Server, jpeg};

const BY_NC_ND_2: &str = "https://creativecommons.org/licenses/by-nc-nd/2.0/";
const IHH: &str = "IHH Humanitarian Relief Foundation";

fn fixture(name: &str, base: &str) -> String {
    let path = format!("{}/tests/fixtures/web/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .replace("{{BASE}}", base)
}

/// Short limits so hostile cases end quickly; the sites point at the test server.
fn config(s: &Server) -> FetchConfig {
    FetchConfig {
        timeout: Duration::from_secs(2),
        run_timeout: Duration::from_secs(30),
        max_page_bytes: 512 * 1024,
        use_env_proxy: false,
        cache_dir: None,
        sites: Sites {
            commons_api: s.url("/w/api.php"),
            commons_hosts: vec![s.host()],
            flickr_oembed: s.url("/services/oembed/"),
            flickr_hosts: vec![s.host()],
        },
        ..FetchConfig::default()
    }
}

fn check(s: &Server, path: &str, cfg: FetchConfig, proposed: &Use) -> Vec<Item> {
    let fetcher = Fetcher::new(cfg).unwrap();
    check_url(&s.url(path), proposed, &fetcher)
}

fn origins(item: &Item) -> Vec<&str> {
    item.evidence.iter().map(|e| e.origin.as_str()).collect()
}

fn license(item: &Item) -> Option<&'static str> {
    item.credit.as_ref()?.license.map(License::key)
}

fn commercial() -> Use {
    Use::parse("commercial").unwrap()
}

fn article_server() -> Server {
    Server::start(|req| match req.path() {
        "/article.html" => Reply::html(fixture("article.html", "")),
        "/images/atmeh-camp.jpg" => {
            Reply::ranged("image/jpeg", jpeg(BY_NC_ND_2, IHH, 2_000, 300_000))
        }
        _ => Reply::NotFound,
    })
}

#[test]
fn a_page_laid_out_like_the_seed_article() {
    let s = article_server();
    let items = check(&s, "/article.html", config(&s), &commercial());
    assert_eq!(items.len(), 1, "{items:#?}");
    let it = &items[0];
    assert_eq!(it.target, s.url("/images/atmeh-camp.jpg"));
    assert_eq!(it.page.as_deref(), Some(s.url("/article.html").as_str()));
    let c = it.credit.as_ref().unwrap();
    assert_eq!(c.authors, [IHH]);
    assert_eq!(license(it), Some("by-nc-nd/2.0"));
    assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
    assert_eq!(
        origins(it),
        [
            "html:alt",
            "html:nearby-credit",
            "xmp:cc:license",
            "xmp:dc:creator"
        ]
    );
    // Page evidence says where on the page it was read.
    assert_eq!(
        it.evidence[1].location.as_deref(),
        Some(format!("{}:16", s.url("/article.html")).as_str())
    );
    // The site's footer license (for its text) is not taken for the photo's.
    assert!(it.findings.is_empty(), "{:#?}", it.findings);
    assert!(it.errors.is_empty());
}

#[test]
fn a_jpeg_with_metadata_in_its_first_64_kb_costs_at_most_128_kb() {
    let image = jpeg(BY_NC_ND_2, IHH, 60_000, 3_000_000);
    assert!(image.len() > 3_000_000);
    let s = Server::start(move |req| match req.path() {
        "/big.jpg" => Reply::ranged("image/jpeg", image.clone()),
        _ => Reply::NotFound,
    });
    let items = check(&s, "/big.jpg", config(&s), &Use::default());
    let it = &items[0];
    assert!(it.errors.is_empty(), "{:?}", it.errors);
    assert_eq!(license(it), Some("by-nc-nd/2.0"));
    assert_eq!(it.page, None);
    let sent = s.sent("/big.jpg");
    assert!(sent <= 128 * 1024, "the server sent {sent} bytes");
    assert!(it.bytes_read.unwrap() <= 128 * 1024);
    assert!(
        s.requests().iter().all(|r| r.header("range").is_some()
            && r.header("user-agent")
                .is_some_and(|u| u.starts_with("licit/"))),
        "every request asks for a range and names licit"
    );
}

#[test]
fn metadata_past_the_first_chunk_is_fetched_by_further_ranges() {
    // Two XMP-sized segments: the second starts after 64 KiB.
    let mut image = jpeg(BY_NC_ND_2, IHH, 60_000, 0);
    image.truncate(image.len() - 2 - 10); // drop SOS header and EOI
    let pad = vec![b' '; 30_000];
    for _ in 0..2 {
        image.extend_from_slice(&[0xFF, 0xEC]);
        image.extend_from_slice(&((pad.len() + 2) as u16).to_be_bytes());
        image.extend_from_slice(&pad);
    }
    image.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    image.extend(std::iter::repeat_n(0x55u8, 1_000_000));
    image.extend_from_slice(&[0xFF, 0xD9]);
    let s = Server::start(move |req| match req.path() {
        "/long-header.jpg" => Reply::ranged("image/jpeg", image.clone()),
        _ => Reply::NotFound,
    });
    let items = check(&s, "/long-header.jpg", config(&s), &Use::default());
    assert!(items[0].errors.is_empty(), "{:?}", items[0].errors);
    assert_eq!(license(&items[0]), Some("by-nc-nd/2.0"));
    let n = s.requests().len();
    assert!((2..=4).contains(&n), "{n} requests");
    assert!(s.sent("/long-header.jpg") < 300 * 1024);
}

#[test]
fn a_server_that_ignores_range_is_read_only_as_far_as_needed() {
    let image = jpeg(BY_NC_ND_2, IHH, 2_000, 4_000_000);
    let s = Server::start(move |req| match req.path() {
        "/norange.jpg" => Reply::ok("image/jpeg", image.clone()),
        _ => Reply::NotFound,
    });
    let items = check(&s, "/norange.jpg", config(&s), &Use::default());
    let it = &items[0];
    assert!(it.errors.is_empty(), "{:?}", it.errors);
    assert_eq!(license(it), Some("by-nc-nd/2.0"));
    assert!(it.bytes_read.unwrap() <= 80 * 1024, "{:?}", it.bytes_read);
}

#[test]
fn link_headers_name_the_license_of_an_image() {
    let image = jpeg("", "Kim Park", 100, 1000);
    let s = Server::start(move |_| {
        Reply::ranged("image/jpeg", image.clone()).with_header(
            "Link",
            "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"",
        )
    });
    let items = check(&s, "/linked.jpg", config(&s), &commercial());
    let it = &items[0];
    assert_eq!(it.evidence[0].origin.as_str(), "http:link-license");
    assert_eq!(license(it), Some("by/4.0"));
    assert_eq!(it.verdict(), Some(Verdict::AllowedWithObligations));
}

fn commons_server() -> Server {
    Server::start(|req| {
        let base = format!("http://{}", req.header("host").unwrap_or("127.0.0.1"));
        match req.path() {
            "/wiki/File:Atmeh_camp.jpg" => Reply::html(fixture("commons-file.html", &base)),
            "/w/api.php" if req.query().contains("titles=File%3AAtmeh+camp.jpg") => {
                Reply::json(fixture("commons-api.json", &base))
            }
            "/upload/Atmeh_camp.jpg" => {
                Reply::ranged("image/jpeg", jpeg(BY_NC_ND_2, IHH, 500, 10_000))
            }
            _ => Reply::NotFound,
        }
    })
}

#[test]
fn a_commons_file_page_is_read_through_the_api() {
    let s = commons_server();
    let items = check(&s, "/wiki/File:Atmeh_camp.jpg", config(&s), &commercial());
    assert_eq!(items.len(), 1);
    let it = &items[0];
    assert!(it.errors.is_empty(), "{:?}", it.errors);
    assert_eq!(it.target, s.url("/upload/Atmeh_camp.jpg"));
    assert_eq!(
        it.page.as_deref(),
        Some(s.url("/wiki/File:Atmeh_camp.jpg").as_str())
    );
    let o = origins(it);
    for want in [
        "commons:Artist",
        "commons:LicenseShortName",
        "commons:LicenseUrl",
        "commons:ObjectName",
        "commons:AttributionRequired",
        "xmp:cc:license",
    ] {
        assert!(o.contains(&want), "{want} missing from {o:?}");
    }
    let c = it.credit.as_ref().unwrap();
    assert_eq!(c.authors, [IHH]);
    assert_eq!(c.title.as_deref(), Some("Atmeh camp"));
    assert_eq!(license(it), Some("by-nc-nd/2.0"));
    assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
    assert!(it.findings.is_empty(), "{:?}", it.findings);
}

#[test]
fn a_commons_upload_url_is_read_through_the_api_too() {
    let s = commons_server();
    let mut cfg = config(&s);
    // Upload URLs are recognised by their path: /wikipedia/commons/a/ab/NAME.
    cfg.sites.commons_hosts = vec![s.host()];
    let s2 = Server::start(|req| match req.path() {
        "/wikipedia/commons/a/ab/Atmeh_camp.jpg" => {
            Reply::ranged("image/jpeg", jpeg(BY_NC_ND_2, IHH, 500, 10_000))
        }
        _ => Reply::NotFound,
    });
    cfg.sites.commons_hosts.push(s2.host());
    let fetcher = Fetcher::new(cfg).unwrap();
    let url = s2.url("/wikipedia/commons/a/ab/Atmeh_camp.jpg");
    let items = check_url(&url, &Use::default(), &fetcher);
    let it = &items[0];
    assert!(it.errors.is_empty(), "{:?}", it.errors);
    assert_eq!(it.target, url);
    assert!(origins(it).contains(&"commons:Artist"));
    assert_eq!(license(it), Some("by-nc-nd/2.0"));
}

#[test]
fn a_flickr_photo_page_is_read_through_oembed() {
    let s = Server::start(|req| {
        let base = format!("http://{}", req.header("host").unwrap_or(""));
        match req.path() {
            "/photos/ihh/8650000000/" => Reply::html(fixture("flickr-photo.html", &base)),
            "/services/oembed/" if req.query().contains("8650000000") => {
                Reply::json(fixture("flickr-oembed.json", &base))
            }
            "/live/8650000000_b.jpg" => Reply::ranged("image/jpeg", jpeg("", "", 100, 5_000)),
            _ => Reply::NotFound,
        }
    });
    let items = check(&s, "/photos/ihh/8650000000/", config(&s), &commercial());
    let it = &items[0];
    assert!(it.errors.is_empty(), "{:?}", it.errors);
    assert_eq!(it.target, s.url("/live/8650000000_b.jpg"));
    let o = origins(it);
    for want in [
        "oembed:author_name",
        "oembed:license",
        "oembed:license_url",
        "html:rel-license",
    ] {
        assert!(o.contains(&want), "{want} missing from {o:?}");
    }
    assert_eq!(it.credit.as_ref().unwrap().authors, [IHH]);
    assert_eq!(license(it), Some("by-nc-nd/2.0"));
    assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
}

#[test]
fn a_blog_with_srcset_json_ld_and_a_disagreeing_image() {
    let s = Server::start(|req| {
        let base = format!("http://{}", req.header("host").unwrap_or(""));
        match req.path() {
            "/post.html" => Reply::html(fixture("blog.html", &base)),
            "/media/cliffs-800.jpg" => Reply::ranged("image/jpeg", jpeg("", "", 100, 2_000)),
            "/media/harbour.jpg" => Reply::ranged(
                "image/jpeg",
                jpeg(
                    "https://creativecommons.org/licenses/by-nc/4.0/",
                    "Kim Park",
                    100,
                    2_000,
                ),
            ),
            _ => Reply::NotFound,
        }
    });
    let items = check(&s, "/post.html", config(&s), &Use::default());
    assert_eq!(items.len(), 2, "{items:#?}");
    let cliffs = &items[0];
    assert_eq!(cliffs.target, s.url("/media/cliffs-800.jpg"));
    let o = origins(cliffs);
    for want in [
        "html:alt",
        "html:figcaption",
        "jsonld:license",
        "jsonld:creditText",
        "jsonld:creator",
        "jsonld:acquireLicensePage",
    ] {
        assert!(o.contains(&want), "{want} missing from {o:?}");
    }
    assert_eq!(license(cliffs), Some("by-sa/4.0"));
    assert_eq!(cliffs.credit.as_ref().unwrap().authors, ["Ana Lima"]);

    let harbour = &items[1];
    assert!(origins(harbour).contains(&"html:rel-license"));
    assert_eq!(license(harbour), Some("by-nc/4.0"), "the most restrictive");
    let f: Vec<_> = harbour.findings.iter().map(|f| f.kind).collect();
    assert!(f.contains(&FindingKind::PageMetadataConflict), "{f:?}");
    let conflict = harbour
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::PageMetadataConflict)
        .unwrap();
    assert!(
        conflict.message.contains("CC BY 2.0"),
        "{}",
        conflict.message
    );
    assert!(
        conflict.message.contains("CC BY-NC 4.0"),
        "{}",
        conflict.message
    );
}

#[test]
fn a_local_html_file_reads_local_images_and_fetches_nothing() {
    let dir = std::env::temp_dir().join(format!("licit-web-local-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("images")).unwrap();
    std::fs::write(dir.join("article.html"), fixture("article.html", "")).unwrap();
    std::fs::write(
        dir.join("images/atmeh-camp.jpg"),
        jpeg(BY_NC_ND_2, IHH, 500, 1_000),
    )
    .unwrap();
    let items = check_html_file(&dir.join("article.html"), &commercial());
    assert_eq!(items.len(), 1);
    let it = &items[0];
    assert!(
        it.target.ends_with("images/atmeh-camp.jpg"),
        "{}",
        it.target
    );
    assert!(it.page.as_deref().unwrap().ends_with("article.html"));
    assert_eq!(license(it), Some("by-nc-nd/2.0"));
    assert_eq!(it.verdict(), Some(Verdict::NotAllowed));
    assert!(origins(it).contains(&"xmp:cc:license"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Asserts an error item naming `url`, of `kind`.
fn assert_error(items: &[Item], url: &str, kind: &str) {
    assert_eq!(items.len(), 1, "{items:#?}");
    let e = items[0]
        .errors
        .first()
        .unwrap_or_else(|| panic!("no error: {:#?}", items[0]));
    assert_eq!(e.kind, kind, "{}", e.message);
    assert!(e.message.contains(url), "{} does not name {url}", e.message);
    assert!(items[0].assessment.is_none());
}

fn hostile_server() -> Server {
    // Compressed once, before any request is timed: compressing 32 MiB inside the handler
    // took longer than the client's 800 ms timeout on a loaded machine.
    let bomb = server::gzip_of_spaces(32 * 1024 * 1024);
    Server::start(move |req| {
        match req.path() {
        "/slow.jpg" => Reply::Slow {
            delay: Duration::from_secs(10),
            body: vec![0xFF; 100],
        },
        "/endless.html" => Reply::Endless {
            content_type: "text/html",
        },
        "/endless.jpg" => Reply::Endless {
            content_type: "image/jpeg",
        },
        "/loop" => Reply::Redirect("/loop".into()),
        "/claims-2gb.html" => Reply::Raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2147483648\r\nConnection: close\r\n\r\n<html>"
                .to_vec(),
        ),
        "/claims-2gb.jpg" => {
            let mut r = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 2147483648\r\nConnection: close\r\n\r\n".to_vec();
            r.extend(jpeg(BY_NC_ND_2, IHH, 100, 200_000));
            Reply::Raw(r)
        }
        "/short.html" => Reply::Raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n<html><img src=a.jpg>"
                .to_vec(),
        ),
        "/bomb.html" => Reply::Body {
            status: 200,
            headers: vec![
                ("Content-Type".into(), "text/html".into()),
                ("Content-Encoding".into(), "gzip".into()),
            ],
            body: bomb.clone(),
            ranges: false,
        },
        "/many.html" => {
            let mut page = String::from("<html><body>\n");
            for i in 0..100_000 {
                page.push_str(&format!("<img src=\"/i/{i}.jpg\">\n"));
            }
            Reply::html(page)
        }
        "/text.jpg" => Reply::ok("text/plain", "I am not a picture"),
        _ => Reply::NotFound,
    }
    })
}

#[test]
fn hostile_servers_end_in_error_items_naming_the_url_within_the_timeouts() {
    let s = hostile_server();
    // The stalled server needs a short timeout to show it is honoured; every other hostile
    // server must be refused for what it does (size, redirects, type), not for being slow on a
    // loaded machine, so those get a timeout far longer than their refusal takes.
    let mut short = config(&s);
    short.timeout = Duration::from_millis(800);
    let short = Fetcher::new(short).unwrap();
    let url = s.url("/slow.jpg");
    let t = Instant::now();
    let items = check_url(&url, &Use::default(), &short);
    let took = t.elapsed();
    assert!(took < Duration::from_secs(5), "/slow.jpg took {took:?}");
    assert_error(&items, &url, "timeout");

    let mut cfg = config(&s);
    cfg.timeout = Duration::from_secs(30);
    let fetcher = Fetcher::new(cfg).unwrap();
    let run = |path: &str| {
        let url = s.url(path);
        let items = check_url(&url, &Use::default(), &fetcher);
        (url, items)
    };
    let (u, items) = run("/endless.html");
    assert_error(&items, &u, "too-large");
    let (u, items) = run("/endless.jpg");
    assert_error(&items, &u, "not-an-image");
    let (u, items) = run("/loop");
    assert_error(&items, &u, "too-many-redirects");
    let (u, items) = run("/claims-2gb.html");
    assert_error(&items, &u, "too-large");
    let (u, items) = run("/short.html");
    assert_error(&items, &u, "body");
    let (u, items) = run("/bomb.html");
    assert_error(&items, &u, "too-large");
    let (u, items) = run("/missing.jpg");
    assert_error(&items, &u, "http-status");
    let (u, items) = run("/text.jpg");
    assert_error(&items, &u, "not-an-image");
    assert!(items[0].errors[0].message.contains("text/plain"));
    // A 2 GB claim in front of a real JPEG: the metadata is read, the rest never is.
    let (_, items) = run("/claims-2gb.jpg");
    assert_eq!(license(&items[0]), Some("by-nc-nd/2.0"), "{items:#?}");
    assert!(items[0].bytes_read.unwrap() <= 80 * 1024);
}

#[test]
fn nothing_listens_is_a_connect_error() {
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    // The listener is dropped: the port refuses connections.
    let url = format!("http://{addr}/photo.jpg");
    let fetcher = Fetcher::new(FetchConfig {
        use_env_proxy: false,
        timeout: Duration::from_secs(2),
        ..FetchConfig::default()
    })
    .unwrap();
    let items = check_url(&url, &Use::default(), &fetcher);
    assert_error(&items, &url, "connect");
    let items = check_url("https://exa mple.org/", &Use::default(), &fetcher);
    assert_eq!(items[0].errors[0].kind, "invalid-url");
}

#[test]
fn a_page_with_100000_images_is_bounded() {
    let s = hostile_server();
    let mut cfg = config(&s);
    cfg.max_page_bytes = 4 * 1024 * 1024;
    cfg.max_page_images_fetched = 4;
    let t = Instant::now();
    let items = check(&s, "/many.html", cfg, &Use::default());
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    assert_eq!(items.len(), 1000, "the default image limit");
    let problems: Vec<&str> = items[0]
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::PageProblem)
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        problems.iter().any(|p| p.contains("100000 images")),
        "{problems:?}"
    );
    // Only the first few images were fetched (and 404'd, which each item says).
    assert_eq!(items[0].errors[0].kind, "http-status");
    assert!(items[10].errors.is_empty());
    assert!(
        items[10]
            .findings
            .iter()
            .any(|f| f.message.contains("metadata not fetched"))
    );
    let image_requests = s
        .requests()
        .iter()
        .filter(|r| r.path().starts_with("/i/"))
        .count();
    assert_eq!(image_requests, 4);
}

#[test]
fn the_run_deadline_stops_everything_after_it() {
    let s = hostile_server();
    let mut cfg = config(&s);
    cfg.timeout = Duration::from_secs(5);
    cfg.run_timeout = Duration::from_millis(600);
    cfg.concurrency = 2;
    let fetcher = Fetcher::new(cfg).unwrap();
    let urls: Vec<String> = (0..4).map(|i| s.url(&format!("/slow.jpg?{i}"))).collect();
    let t = Instant::now();
    let items = check_urls(&urls, &Use::default(), &fetcher);
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    assert_eq!(items.len(), 4);
    for (it, u) in items.iter().zip(&urls) {
        assert_eq!(it.target, *u, "items keep the order of the targets");
        assert!(
            matches!(it.errors[0].kind, "timeout" | "run-timeout"),
            "{:?}",
            it.errors
        );
    }
}

#[test]
fn the_cache_replays_fresh_answers_and_revalidates_stale_ones() {
    let dir = std::env::temp_dir().join(format!("licit-web-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let image = jpeg(BY_NC_ND_2, IHH, 500, 5_000);
    let s = Server::start(move |req| {
        let fresh = req.path() == "/fresh.jpg";
        if !fresh && req.header("if-none-match") == Some("\"v1\"") {
            return Reply::Body {
                status: 304,
                headers: vec![("ETag".into(), "\"v1\"".into())],
                body: Vec::new(),
                ranges: false,
            };
        }
        let cc = if fresh { "max-age=3600" } else { "no-cache" };
        Reply::ranged("image/jpeg", image.clone())
            .with_header("ETag", "\"v1\"")
            .with_header("Cache-Control", cc)
    });
    let run = |path: &str| {
        let mut cfg = config(&s);
        cfg.cache_dir = Some(dir.clone());
        check(&s, path, cfg, &Use::default())
    };
    let first = run("/fresh.jpg");
    let again = run("/fresh.jpg");
    assert_eq!(license(&again[0]), Some("by-nc-nd/2.0"));
    assert_eq!(first[0].evidence, again[0].evidence);
    assert_eq!(s.requests().len(), 1, "a fresh answer is replayed");

    run("/stale.jpg");
    let again = run("/stale.jpg");
    assert_eq!(license(&again[0]), Some("by-nc-nd/2.0"));
    let reqs: Vec<_> = s
        .requests()
        .into_iter()
        .filter(|r| r.path() == "/stale.jpg")
        .collect();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[1].header("if-none-match"), Some("\"v1\""));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn many_urls_respect_the_per_host_limit() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let busy = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let image = jpeg(BY_NC_ND_2, IHH, 100, 1_000);
    let s = {
        let (busy, peak) = (busy.clone(), peak.clone());
        Server::start(move |_| {
            let n = busy.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(n, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(60));
            busy.fetch_sub(1, Ordering::SeqCst);
            Reply::ranged("image/jpeg", image.clone())
        })
    };
    let mut cfg = config(&s);
    cfg.concurrency = 8;
    cfg.per_host = 2;
    let fetcher = Fetcher::new(cfg).unwrap();
    let urls: Vec<String> = (0..8).map(|i| s.url(&format!("/p{i}.jpg"))).collect();
    let items = check_urls(&urls, &Use::default(), &fetcher);
    assert!(items.iter().all(|i| i.errors.is_empty()));
    assert!(
        peak.load(Ordering::SeqCst) <= 2,
        "peak {}",
        peak.load(Ordering::SeqCst)
    );
}

#[test]
fn cli_json_for_a_page_follows_the_contract() {
    let s = article_server();
    let url = s.url("/article.html");
    let out = common::licit()
        .args([
            "check",
            "--format",
            "json",
            "--no-cache",
            "--use",
            "commercial",
            &url,
        ])
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "not allowed: {out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = doc["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    common::assert_schema("item", &items[0]);
    assert_eq!(items[0]["page"], url.as_str());
    assert_eq!(items[0]["credit"]["authors"][0], IHH);
    assert_eq!(items[0]["credit"]["license"]["key"], "by-nc-nd/2.0");
    assert_eq!(items[0]["assessment"]["verdict"], "not-allowed");
    let origins: Vec<&str> = items[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["origin"].as_str().unwrap())
        .collect();
    assert!(origins.contains(&"html:nearby-credit"));
    assert!(origins.contains(&"html:alt"));

    let missing = s.url("/nothing.jpg");
    let out = common::licit()
        .args(["check", "--format", "jsonl", "--no-cache", &missing])
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = common::json_lines(&out.stdout);
    common::assert_schema("item", &lines[0]);
    assert_eq!(lines[0]["errors"][0]["kind"], "http-status");
    assert!(
        lines[0]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains(&missing)
    );
}

#[test]
fn cli_attribute_for_a_page_credits_its_photo() {
    let s = article_server();
    let url = s.url("/article.html");
    let cache = tempfile::tempdir().unwrap();
    let out = common::licit()
        .args(["attribute", "--style", "markdown", &url])
        .env("XDG_CACHE_HOME", cache.path())
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(IHH), "{text}");
    assert!(
        text.contains("[CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/)"),
        "{text}"
    );
}

#[test]
fn a_page_of_stalled_images_ends_at_the_page_deadline() {
    let s = Server::start(|req| {
        if req.path() == "/stalled.html" {
            let imgs: String = (0..8)
                .map(|i| format!("<p><img src=\"/slow/{i}.jpg\"></p>\n"))
                .collect();
            return Reply::html(format!("<html><body>{imgs}</body></html>"));
        }
        Reply::Slow {
            delay: Duration::from_secs(10),
            body: b"\xff\xd8\xff".to_vec(),
        }
    });
    let mut cfg = config(&s);
    cfg.timeout = Duration::from_secs(5);
    cfg.page_timeout = Duration::from_secs(1);
    let t = Instant::now();
    let items = check(&s, "/stalled.html", cfg, &Use::default());
    // Without the page's deadline: 8 images, 4 at a time, 5 s each.
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
    assert_eq!(items.len(), 8);
    for it in &items {
        assert!(
            matches!(it.errors[0].kind, "timeout" | "run-timeout"),
            "{:?}",
            it.errors
        );
    }
}

#[test]
fn deny_private_refuses_loopback_before_any_request() {
    let s = article_server();
    let url = s.url("/article.html");
    let out = common::licit()
        .args([
            "check",
            "--format",
            "jsonl",
            "--no-cache",
            "--deny-private",
            &url,
        ])
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let lines = common::json_lines(&out.stdout);
    assert_eq!(lines[0]["errors"][0]["kind"], "private-address");
    assert!(s.requests().is_empty(), "nothing was sent");
    for (ip, private) in [
        ("127.0.0.1", true),
        ("10.1.2.3", true),
        ("192.168.0.1", true),
        ("169.254.169.254", true),
        ("::1", true),
        ("fd00::1", true),
        ("fe80::1", true),
        ("::ffff:127.0.0.1", true),
        ("93.184.216.34", false),
        ("2606:4700::1111", false),
    ] {
        let ip: std::net::IpAddr = ip.parse().unwrap();
        assert_eq!(licit::web::fetch::is_private(ip), private, "{ip}");
    }
}
