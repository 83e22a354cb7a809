//! Fetching over HTTP, carefully: every request has a timeout, the run has a deadline, bodies
//! have a size cap, redirects a count cap, and each host a limit on concurrent requests.
//!
//! Images are read through [`ImageReader`], a `Read + Seek` over HTTP Range requests: the first
//! request asks for [`FetchConfig::range_chunk`] bytes, and later ones fetch further chunks only
//! when the metadata reader seeks past what it has, until [`FetchConfig::max_image_bytes`]. A
//! server that ignores Range (answers `200` with the whole file) is read as a stream up to the
//! same budget and then dropped.
//!
//! ```no_run
//! use licit::web::{FetchConfig, Fetcher, Url};
//! let fetcher = Fetcher::new(FetchConfig::default())?;
//! let url = Url::parse("https://example.org/photo.jpg").unwrap();
//! match fetcher.open(&url)? {
//!     licit::web::fetch::Opened::Image(mut img) => {
//!         let meta = licit::metadata::read_reader(&mut img);
//!         println!("{:?}, {} bytes fetched", meta.map(|m| m.format), img.received());
//!     }
//!     licit::web::fetch::Opened::Page(page) => println!("a page of {} bytes", page.body.len()),
//! }
//! # Ok::<(), licit::web::FetchError>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, Response};
use reqwest::header::{self, HeaderMap};
use url::Url;

use super::cache::{Cache, Entry, header_str};

/// Where the site APIs are. Tests point them at a local server.
#[derive(Clone, Debug)]
pub struct Sites {
    /// The MediaWiki API of Wikimedia Commons (`…/w/api.php`).
    pub commons_api: String,
    /// Hosts whose `/wiki/File:…` pages and `/wikipedia/commons/…` uploads are Commons files.
    pub commons_hosts: Vec<String>,
    /// Flickr's oEmbed endpoint.
    pub flickr_oembed: String,
    /// Hosts whose `/photos/USER/ID` pages are Flickr photo pages.
    pub flickr_hosts: Vec<String>,
}

impl Default for Sites {
    fn default() -> Sites {
        Sites {
            commons_api: "https://commons.wikimedia.org/w/api.php".into(),
            commons_hosts: vec![
                "commons.wikimedia.org".into(),
                "upload.wikimedia.org".into(),
            ],
            flickr_oembed: "https://www.flickr.com/services/oembed/".into(),
            flickr_hosts: vec!["www.flickr.com".into(), "flickr.com".into()],
        }
    }
}

/// Every limit and setting of fetching, in one place.
#[derive(Clone, Debug)]
pub struct FetchConfig {
    /// One request, from connecting to its last byte.
    pub timeout: Duration,
    /// The whole run: requests after it fail at once with [`FetchErrorKind::RunTimeout`].
    pub run_timeout: Duration,
    /// The images of one page, together: a page of stalled images ends when it passes.
    pub page_timeout: Duration,
    /// The most bytes of a page (or an API answer) read, after decompression.
    pub max_page_bytes: u64,
    /// The most bytes of one image fetched to find its metadata.
    pub max_image_bytes: u64,
    /// Bytes asked for per Range request.
    pub range_chunk: u64,
    pub max_redirects: usize,
    pub user_agent: String,
    /// Targets (URLs) checked at once.
    pub concurrency: usize,
    /// Requests to one host at once.
    pub per_host: usize,
    /// The images of one page whose metadata is fetched (the rest are reported from the page
    /// alone).
    pub max_page_images_fetched: usize,
    /// The on-disk cache; `None` fetches everything afresh.
    pub cache_dir: Option<PathBuf>,
    /// The most bytes the cache keeps; least recently used entries are evicted beyond it.
    pub cache_max_bytes: u64,
    /// Refuse loopback, private, link-local and unique-local addresses (also after redirects
    /// and for a page's images): for a server, or a CI gate fed untrusted pages.
    pub deny_private: bool,
    /// Whether `HTTP(S)_PROXY` from the environment is honoured.
    pub use_env_proxy: bool,
    pub sites: Sites,
}

impl Default for FetchConfig {
    fn default() -> FetchConfig {
        FetchConfig {
            timeout: Duration::from_secs(20),
            run_timeout: Duration::from_secs(300),
            page_timeout: Duration::from_secs(60),
            max_page_bytes: 8 * 1024 * 1024,
            max_image_bytes: 8 * 1024 * 1024,
            range_chunk: 64 * 1024,
            max_redirects: 5,
            user_agent: format!(
                "licit/{} (image license checker)",
                env!("CARGO_PKG_VERSION")
            ),
            concurrency: 8,
            per_host: 2,
            max_page_images_fetched: 32,
            cache_dir: None,
            cache_max_bytes: super::cache::DEFAULT_MAX_BYTES,
            deny_private: false,
            use_env_proxy: true,
            sites: Sites::default(),
        }
    }
}

impl FetchConfig {
    /// The defaults, with the cache in [`default_cache_dir`] and the overrides of the
    /// environment: `LICIT_COMMONS_API`, `LICIT_COMMONS_HOSTS`, `LICIT_FLICKR_OEMBED`,
    /// `LICIT_FLICKR_HOSTS` (hosts comma-separated; for mirrors and tests).
    pub fn from_env() -> FetchConfig {
        let mut c = FetchConfig {
            cache_dir: default_cache_dir(),
            ..FetchConfig::default()
        };
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let hosts = |v: String| v.split(',').map(|h| h.trim().to_string()).collect();
        if let Some(v) = var("LICIT_COMMONS_API") {
            c.sites.commons_api = v;
        }
        if let Some(v) = var("LICIT_COMMONS_HOSTS") {
            c.sites.commons_hosts = hosts(v);
        }
        if let Some(v) = var("LICIT_FLICKR_OEMBED") {
            c.sites.flickr_oembed = v;
        }
        if let Some(v) = var("LICIT_FLICKR_HOSTS") {
            c.sites.flickr_hosts = hosts(v);
        }
        c
    }
}

/// `$XDG_CACHE_HOME/licit`, else the platform's user cache directory + `licit`.
pub fn default_cache_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(x) = env("XDG_CACHE_HOME") {
        return Some(x.join("licit"));
    }
    if cfg!(windows) {
        return env("LOCALAPPDATA").map(|d| d.join("licit").join("cache"));
    }
    let home = env("HOME")?;
    if cfg!(target_os = "macos") {
        return Some(home.join("Library/Caches/licit"));
    }
    Some(home.join(".cache/licit"))
}

/// What went wrong with one URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchErrorKind {
    InvalidUrl(String),
    Dns(String),
    Tls(String),
    Connect(String),
    /// The request took longer than [`FetchConfig::timeout`].
    Timeout,
    /// The run's deadline ([`FetchConfig::run_timeout`]) has passed.
    RunTimeout,
    TooManyRedirects(usize),
    /// An HTTP status that is not success.
    Status(u16),
    /// More bytes than the limit (claimed by `Content-Length` or sent).
    TooLarge {
        limit: u64,
    },
    NotAnImage(String),
    /// The connection broke, or the body did not match its framing.
    Body(String),
    /// A server answered a Range request with the wrong range.
    BadRange(String),
    /// The host is (or resolves to) a loopback, private, link-local or unique-local address,
    /// refused with [`FetchConfig::deny_private`].
    Private(String),
}

/// A URL that could not be fetched, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchError {
    pub url: String,
    pub kind: FetchErrorKind,
}

impl FetchError {
    pub fn new(url: impl fmt::Display, kind: FetchErrorKind) -> FetchError {
        FetchError {
            url: url.to_string(),
            kind,
        }
    }

    /// A stable name for reports: `dns`, `tls`, `timeout`, `http-status`, `too-large`, …
    pub fn name(&self) -> &'static str {
        match self.kind {
            FetchErrorKind::InvalidUrl(_) => "invalid-url",
            FetchErrorKind::Dns(_) => "dns",
            FetchErrorKind::Tls(_) => "tls",
            FetchErrorKind::Connect(_) => "connect",
            FetchErrorKind::Timeout => "timeout",
            FetchErrorKind::RunTimeout => "run-timeout",
            FetchErrorKind::TooManyRedirects(_) => "too-many-redirects",
            FetchErrorKind::Status(_) => "http-status",
            FetchErrorKind::TooLarge { .. } => "too-large",
            FetchErrorKind::NotAnImage(_) => "not-an-image",
            FetchErrorKind::Body(_) => "body",
            FetchErrorKind::BadRange(_) => "bad-range",
            FetchErrorKind::Private(_) => "private-address",
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.url)?;
        match &self.kind {
            FetchErrorKind::InvalidUrl(e) => write!(f, "not a valid URL ({e})"),
            FetchErrorKind::Dns(e) => write!(f, "host name not resolved ({e})"),
            FetchErrorKind::Tls(e) => write!(f, "TLS failed ({e})"),
            FetchErrorKind::Connect(e) => write!(f, "cannot connect ({e})"),
            FetchErrorKind::Timeout => write!(f, "timed out"),
            FetchErrorKind::RunTimeout => write!(f, "not fetched: the run's time limit passed"),
            FetchErrorKind::TooManyRedirects(n) => {
                write!(f, "more than {n} redirects (a redirect loop?)")
            }
            FetchErrorKind::Status(s) => write!(f, "HTTP status {s}"),
            FetchErrorKind::TooLarge { limit } => write!(f, "larger than the {limit}-byte limit"),
            FetchErrorKind::NotAnImage(e) => write!(f, "not an image ({e})"),
            FetchErrorKind::Body(e) => write!(f, "reading the body failed ({e})"),
            FetchErrorKind::BadRange(e) => write!(f, "bad answer to a Range request ({e})"),
            FetchErrorKind::Private(a) => {
                write!(
                    f,
                    "refused: {a} is a private or local address (--deny-private)"
                )
            }
        }
    }
}

impl std::error::Error for FetchError {}

/// A whole body read: a page or an API answer.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: Url,
    pub content_type: Option<String>,
    /// Targets of `Link: <…>; rel="license"` headers.
    pub link_licenses: Vec<String>,
    pub body: Vec<u8>,
}

impl Fetched {
    /// The body as text (UTF-8, invalid sequences replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn is_html(&self) -> bool {
        self.content_type.as_deref().is_some_and(is_html_type)
    }
}

fn is_html_type(ct: &str) -> bool {
    let ct = ct.to_ascii_lowercase();
    ct.starts_with("text/html") || ct.starts_with("application/xhtml")
}

/// What a URL turned out to be.
pub enum Opened<'f> {
    /// An HTML page, read whole (up to [`FetchConfig::max_page_bytes`]).
    Page(Fetched),
    /// Anything else, read as an image as far as its metadata needs.
    Image(Box<ImageReader<'f>>),
}

/// Limits concurrent requests per host.
#[derive(Default)]
struct HostLimiter {
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

struct HostSlot<'a> {
    limiter: &'a HostLimiter,
    host: String,
}

impl Drop for HostSlot<'_> {
    fn drop(&mut self) {
        let mut busy = self.limiter.busy.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = busy.get_mut(&self.host) {
            *n = n.saturating_sub(1);
        }
        self.limiter.freed.notify_all();
    }
}

/// The response of one request, live or replayed from the cache.
struct Answer {
    url: Url,
    status: u16,
    headers: HeaderMap,
    body: Body,
    /// Where to store the body once it is read whole.
    store: Option<Entry>,
}

enum Body {
    Live(Response),
    Cached(Vec<u8>),
}

/// Fetches with the limits of its [`FetchConfig`]; share one per run (it is `Sync`).
pub struct Fetcher {
    client: Client,
    config: FetchConfig,
    deadline: Instant,
    cache: Option<Cache>,
    hosts: Arc<HostLimiter>,
    received: Arc<Mutex<u64>>,
}

impl Fetcher {
    /// A client for `config`; the run's deadline starts now.
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        // rustls needs one process-wide crypto provider; a second install is refused, harmlessly.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut b = Client::builder()
            .user_agent(config.user_agent.clone())
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .redirect(redirect_policy(config.max_redirects, config.deny_private));
        if !config.use_env_proxy {
            b = b.no_proxy();
        }
        let client = b
            .build()
            .map_err(|e| FetchError::new("(client)", FetchErrorKind::Connect(error_chain(&e))))?;
        Ok(Fetcher {
            client,
            deadline: Instant::now() + config.run_timeout,
            cache: config
                .cache_dir
                .clone()
                .map(|d| Cache::new(d, config.cache_max_bytes)),
            config,
            hosts: Arc::default(),
            received: Arc::new(Mutex::new(0)),
        })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// The same fetcher (client, cache, per-host limits, byte count) with a deadline of
    /// [`FetchConfig::page_timeout`] from now, or the run's if that is sooner: for the images
    /// of one page.
    pub fn for_page(&self) -> Fetcher {
        Fetcher {
            client: self.client.clone(),
            config: self.config.clone(),
            deadline: self.deadline.min(Instant::now() + self.config.page_timeout),
            cache: self.cache.clone(),
            hosts: Arc::clone(&self.hosts),
            received: Arc::clone(&self.received),
        }
    }

    /// Body bytes received over the network so far, by every request of this fetcher.
    pub fn bytes_received(&self) -> u64 {
        *self.received.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn count(&self, n: u64) {
        *self.received.lock().unwrap_or_else(|e| e.into_inner()) += n;
    }

    /// The time a request may still take: the per-request timeout or what is left of the run.
    fn budget(&self, url: &Url) -> Result<Duration, FetchError> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(FetchError::new(url, FetchErrorKind::RunTimeout));
        }
        Ok(left.min(self.config.timeout))
    }

    fn slot(&self, url: &Url) -> Result<HostSlot<'_>, FetchError> {
        let host = format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        let mut busy = self.hosts.busy.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let n = busy.entry(host.clone()).or_insert(0);
            if *n < self.config.per_host.max(1) {
                *n += 1;
                return Ok(HostSlot {
                    limiter: &self.hosts,
                    host,
                });
            }
            let wait = self.budget(url)?;
            busy = self
                .hosts
                .freed
                .wait_timeout(busy, wait)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// One GET, through the cache: a fresh cached answer is replayed, a stale one revalidated.
    fn get(
        &self,
        url: &Url,
        range: Option<(u64, u64)>,
        accept: &str,
    ) -> Result<Answer, FetchError> {
        check_scheme(url)?;
        if self.config.deny_private {
            refuse_private(url)?;
        }
        let key = match range {
            Some((a, b)) => format!("GET {url} bytes={a}-{b}"),
            None => format!("GET {url}"),
        };
        let cached = self.cache.as_ref().and_then(|c| c.get(&key));
        if let Some((entry, body)) = &cached
            && entry.is_fresh()
        {
            return Ok(replay(entry, body.clone()));
        }
        let timeout = self.budget(url)?;
        let _slot = self.slot(url)?;
        let mut req = self
            .client
            .get(url.clone())
            .timeout(timeout)
            .header(header::ACCEPT, accept);
        if let Some((a, b)) = range {
            // Offsets must be those of the file, not of a compressed stream.
            req = req
                .header(header::RANGE, format!("bytes={a}-{b}"))
                .header(header::ACCEPT_ENCODING, "identity");
        }
        if let Some((entry, _)) = &cached {
            if let Some(etag) = &entry.etag {
                req = req.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &entry.last_modified {
                req = req.header(header::IF_MODIFIED_SINCE, lm);
            }
        }
        let resp = req.send().map_err(|e| {
            let mut err = classify(url, &e);
            if err.kind == FetchErrorKind::TooManyRedirects(0) {
                err.kind = FetchErrorKind::TooManyRedirects(self.config.max_redirects);
            }
            err
        })?;
        let status = resp.status().as_u16();
        if status == 304
            && let Some((entry, body)) = cached
        {
            let mut entry = entry;
            entry.refresh(resp.headers());
            if let Some(c) = &self.cache {
                c.put(&entry, &body);
            }
            return Ok(replay(&entry, body));
        }
        let store = match &self.cache {
            Some(_) if status == 200 || status == 206 => {
                Entry::from_response(&key, resp.url().as_str(), status, resp.headers())
            }
            _ => None,
        };
        Ok(Answer {
            url: resp.url().clone(),
            status,
            headers: resp.headers().clone(),
            body: Body::Live(resp),
            store,
        })
    }

    /// Reads a body whole, up to `limit` bytes, and stores it in the cache when allowed.
    fn read_all(
        &self,
        answer: Answer,
        limit: u64,
    ) -> Result<(Url, HeaderMap, Vec<u8>), FetchError> {
        let Answer {
            url,
            headers,
            body,
            store,
            ..
        } = answer;
        let bytes = match body {
            Body::Cached(b) => b,
            Body::Live(mut resp) => {
                if resp.content_length().is_some_and(|n| n > limit) {
                    return Err(FetchError::new(&url, FetchErrorKind::TooLarge { limit }));
                }
                let (bytes, more) = self.read_limited(&url, &mut resp, limit)?;
                if more {
                    return Err(FetchError::new(&url, FetchErrorKind::TooLarge { limit }));
                }
                if let (Some(c), Some(e)) = (&self.cache, store) {
                    c.put(&e, &bytes);
                }
                bytes
            }
        };
        Ok((url, headers, bytes))
    }

    /// Reads up to `limit` bytes; says whether more followed.
    fn read_limited(
        &self,
        url: &Url,
        resp: &mut Response,
        limit: u64,
    ) -> Result<(Vec<u8>, bool), FetchError> {
        let mut out = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        loop {
            self.budget(url)?;
            let n = resp.read(&mut buf).map_err(|e| io_error(url, &e))?;
            if n == 0 {
                return Ok((out, false));
            }
            self.count(n as u64);
            let room = (limit - out.len() as u64) as usize;
            if n > room {
                out.extend_from_slice(&buf[..room]);
                return Ok((out, true));
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    /// GETs `url` whole (a page, an API answer): a success status and at most
    /// [`FetchConfig::max_page_bytes`], or an error naming the URL.
    pub fn fetch(&self, url: &Url, accept: &str) -> Result<Fetched, FetchError> {
        let answer = self.get(url, None, accept)?;
        if !(200..300).contains(&answer.status) {
            return Err(FetchError::new(
                &answer.url,
                FetchErrorKind::Status(answer.status),
            ));
        }
        let (url, headers, body) = self.read_all(answer, self.config.max_page_bytes)?;
        Ok(fetched(url, &headers, body))
    }

    /// GETs `url` as an image (its first [`FetchConfig::range_chunk`] bytes), or as a page when
    /// the server says it is HTML.
    pub fn open(&self, url: &Url) -> Result<Opened<'_>, FetchError> {
        let chunk = self.config.range_chunk.max(1024);
        let answer = self.get(
            url,
            Some((0, chunk - 1)),
            "image/*,text/html;q=0.9,*/*;q=0.5",
        )?;
        if !(200..300).contains(&answer.status) {
            return Err(FetchError::new(
                &answer.url,
                FetchErrorKind::Status(answer.status),
            ));
        }
        let ct = header_str(&answer.headers, header::CONTENT_TYPE);
        if ct.as_deref().is_some_and(is_html_type) {
            if answer.status == 206 {
                // A page is read whole: ask again without Range.
                let final_url = answer.url.clone();
                drop(answer);
                return self
                    .fetch(&final_url, "text/html,*/*;q=0.5")
                    .map(Opened::Page);
            }
            let (url, headers, body) = self.read_all(answer, self.config.max_page_bytes)?;
            return Ok(Opened::Page(fetched(url, &headers, body)));
        }
        ImageReader::start(self, answer).map(|r| Opened::Image(Box::new(r)))
    }

    /// Opens `url` as an image (see [`Fetcher::open`]); a page is an error.
    pub fn open_image(&self, url: &Url) -> Result<ImageReader<'_>, FetchError> {
        match self.open(url)? {
            Opened::Image(r) => Ok(*r),
            Opened::Page(p) => Err(FetchError::new(
                &p.url,
                FetchErrorKind::NotAnImage(format!(
                    "the server sent {}",
                    p.content_type.as_deref().unwrap_or("HTML")
                )),
            )),
        }
    }
}

/// Redirects: at most `max`, and none to a private address when `deny_private`.
fn redirect_policy(max: usize, deny_private: bool) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max {
            return attempt.error(TooManyRedirects);
        }
        if deny_private && let Err(e) = refuse_private(attempt.url()) {
            return attempt.error(e);
        }
        attempt.follow()
    })
}

/// The error a redirect chain longer than the cap stops with (see `classify`).
#[derive(Debug)]
struct TooManyRedirects;

impl fmt::Display for TooManyRedirects {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("too many redirects")
    }
}

impl std::error::Error for TooManyRedirects {}

/// Whether an address is loopback, private (RFC 1918), link-local, unique-local (fc00::/7),
/// unspecified, or IPv4 mapped into IPv6 from one of those.
pub fn is_private(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                // 100.64.0.0/10, carrier-grade NAT: not public either.
                || (v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
        }
    }
}

/// Refuses a URL whose host is, or resolves to, a private address. (A name that resolves to a
/// public address here and a private one at connect time is not caught: run behind a proxy or
/// a firewall for that.)
fn refuse_private(url: &Url) -> Result<(), FetchError> {
    use std::net::ToSocketAddrs;
    let refused = |a: String| Err(FetchError::new(url, FetchErrorKind::Private(a)));
    match url.host() {
        Some(url::Host::Ipv4(ip)) if is_private(ip.into()) => return refused(ip.to_string()),
        Some(url::Host::Ipv6(ip)) if is_private(ip.into()) => return refused(ip.to_string()),
        Some(url::Host::Domain(d)) => {
            let port = url.port_or_known_default().unwrap_or(80);
            if let Ok(addrs) = (d, port).to_socket_addrs() {
                for a in addrs {
                    if is_private(a.ip()) {
                        return refused(format!("{d} ({})", a.ip()));
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_scheme(url: &Url) -> Result<(), FetchError> {
    match url.scheme() {
        "http" | "https" => Ok(()),
        s => Err(FetchError::new(
            url,
            FetchErrorKind::InvalidUrl(format!("scheme {s}: is not fetched")),
        )),
    }
}

fn replay(entry: &Entry, body: Vec<u8>) -> Answer {
    let url = Url::parse(&entry.url)
        .unwrap_or_else(|_| Url::parse("http://invalid.invalid/").expect("a constant URL parses"));
    Answer {
        url,
        status: entry.status,
        headers: entry.headers(),
        body: Body::Cached(body),
        store: None,
    }
}

fn fetched(url: Url, headers: &HeaderMap, body: Vec<u8>) -> Fetched {
    Fetched {
        url,
        content_type: header_str(headers, header::CONTENT_TYPE),
        link_licenses: link_licenses(headers),
        body,
    }
}

/// The targets of `Link` headers whose `rel` includes `license`.
pub fn link_licenses(h: &HeaderMap) -> Vec<String> {
    let mut out = Vec::new();
    for v in h.get_all(header::LINK) {
        let Ok(v) = v.to_str() else { continue };
        for link in split_links(v) {
            let Some(end) = link.find('>') else { continue };
            let target = link[..end].trim().trim_start_matches('<').trim();
            let params = &link[end + 1..];
            let is_license = params.split(';').any(|p| {
                let p = p.trim();
                p.len() > 4
                    && p[..4].eq_ignore_ascii_case("rel=")
                    && p[4..]
                        .trim_matches('"')
                        .split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("license"))
            });
            if is_license && !target.is_empty() {
                out.push(target.to_string());
            }
        }
    }
    out
}

/// Splits a `Link` header value at the commas between links (not those inside `<…>` or quotes).
fn split_links(v: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut in_url, mut in_quote, mut start) = (false, false, 0);
    for (i, c) in v.char_indices() {
        match c {
            '<' if !in_quote => in_url = true,
            '>' if !in_quote => in_url = false,
            '"' if !in_url => in_quote = !in_quote,
            ',' if !in_url && !in_quote => {
                out.push(v[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(v[start..].trim());
    out
}

/// The causes of an error, joined: reqwest's own message is often only "error sending request".
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut src = e.source();
    while let Some(s) = src {
        let t = s.to_string();
        if !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        src = s.source();
    }
    parts.join(": ")
}

fn classify(url: &Url, e: &reqwest::Error) -> FetchError {
    // A redirect refused by `redirect_policy` carries its own error.
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(f) = s.downcast_ref::<FetchError>() {
            return f.clone();
        }
        source = s.source();
    }
    let chain = error_chain(e);
    let lower = chain.to_lowercase();
    let kind = if e.is_timeout() || lower.contains("timed out") {
        FetchErrorKind::Timeout
    } else if e.is_redirect() {
        FetchErrorKind::TooManyRedirects(0)
    } else if e.is_dns() || lower.contains("dns error") || lower.contains("failed to lookup") {
        FetchErrorKind::Dns(chain)
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        FetchErrorKind::Tls(chain)
    } else if e.is_connect() {
        FetchErrorKind::Connect(chain)
    } else if e.is_builder() {
        FetchErrorKind::InvalidUrl(chain)
    } else {
        FetchErrorKind::Body(chain)
    };
    let url = e.url().unwrap_or(url);
    FetchError::new(url, kind)
}

fn io_error(url: &Url, e: &io::Error) -> FetchError {
    if e.kind() == io::ErrorKind::TimedOut {
        return FetchError::new(url, FetchErrorKind::Timeout);
    }
    if let Some(r) = e.get_ref().and_then(|r| r.downcast_ref::<reqwest::Error>()) {
        return classify(url, r);
    }
    let chain = error_chain(e);
    if chain.to_lowercase().contains("timed out") {
        return FetchError::new(url, FetchErrorKind::Timeout);
    }
    FetchError::new(url, FetchErrorKind::Body(chain))
}

/// `Content-Range: bytes START-END/TOTAL` → (start, end, total).
fn content_range(h: &HeaderMap) -> Option<(u64, u64, Option<u64>)> {
    let v = header_str(h, header::CONTENT_RANGE)?;
    let rest = v.strip_prefix("bytes ")?;
    let (span, total) = rest.split_once('/')?;
    let (a, b) = span.split_once('-')?;
    let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a <= b).then_some(())?;
    Some((a, b, total.trim().parse().ok()))
}

/// An image over HTTP as `Read + Seek`: Range requests of [`FetchConfig::range_chunk`] bytes as
/// the reader moves, or the stream of a server that ignores Range, up to
/// [`FetchConfig::max_image_bytes`] in all. Reading past that budget is an I/O error (the
/// metadata reader reports it as a problem and keeps what it found).
pub struct ImageReader<'f> {
    fetcher: &'f Fetcher,
    url: Url,
    headers: HeaderMap,
    len: u64,
    pos: u64,
    /// Windows fetched by Range: (offset, bytes), sorted by offset.
    chunks: Vec<(u64, Vec<u8>)>,
    /// The response of a server that ignored Range; its bytes so far are `chunks[0]`.
    stream: Option<Response>,
    /// Whether the server honoured Range (further chunks are asked for as needed).
    ranged: bool,
    received: u64,
}

impl<'f> ImageReader<'f> {
    fn start(fetcher: &'f Fetcher, answer: Answer) -> Result<ImageReader<'f>, FetchError> {
        let budget = fetcher.config.max_image_bytes;
        let chunk = fetcher.config.range_chunk.max(1024);
        let mut r = ImageReader {
            fetcher,
            url: answer.url.clone(),
            headers: answer.headers.clone(),
            len: 0,
            pos: 0,
            chunks: Vec::new(),
            stream: None,
            ranged: false,
            received: 0,
        };
        if answer.status == 206 {
            let Some((0, end, total)) = content_range(&answer.headers) else {
                return Err(FetchError::new(
                    &r.url,
                    FetchErrorKind::BadRange("a 206 answer without Content-Range from 0".into()),
                ));
            };
            let (url, _, bytes) = fetcher.read_all(answer, chunk)?;
            r.url = url;
            r.len = total.unwrap_or(budget).max(bytes.len() as u64);
            r.received = bytes.len() as u64;
            r.ranged = end + 1 < r.len;
            r.chunks.push((0, bytes));
        } else {
            // The server ignores Range: read the stream as far as the budget allows.
            r.len = match &answer.body {
                Body::Live(resp) => resp.content_length().unwrap_or(budget),
                Body::Cached(b) => b.len() as u64,
            };
            match answer.body {
                Body::Cached(b) => {
                    r.received = b.len() as u64;
                    r.chunks.push((0, b));
                }
                Body::Live(resp) => {
                    r.chunks.push((0, Vec::new()));
                    r.stream = Some(resp);
                    r.grow_stream(chunk.min(r.len))?;
                }
            }
        }
        Ok(r)
    }

    /// The URL read (after redirects).
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The response headers of the first request.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// `Link: <…>; rel="license"` targets of the first response.
    pub fn link_licenses(&self) -> Vec<String> {
        link_licenses(&self.headers)
    }

    pub fn content_type(&self) -> Option<String> {
        header_str(&self.headers, header::CONTENT_TYPE)
    }

    /// Body bytes fetched for this image.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// Whether the server honoured Range.
    pub fn ranged(&self) -> bool {
        self.ranged
    }

    fn over_budget(&self) -> io::Error {
        io::Error::other(format!(
            "{}: stopped after {} bytes, the limit for reading an image's metadata",
            self.url, self.fetcher.config.max_image_bytes
        ))
    }

    /// Reads the stream until it holds `upto` bytes (or ends).
    fn grow_stream(&mut self, upto: u64) -> Result<(), FetchError> {
        let budget = self.fetcher.config.max_image_bytes;
        let upto = upto.min(budget);
        let Some(resp) = self.stream.as_mut() else {
            return Ok(());
        };
        let have = &mut self.chunks[0].1;
        let mut buf = [0u8; 16 * 1024];
        while (have.len() as u64) < upto {
            self.fetcher.budget(&self.url)?;
            let want = ((upto - have.len() as u64) as usize).min(buf.len());
            let n = resp
                .read(&mut buf[..want])
                .map_err(|e| io_error(&self.url, &e))?;
            if n == 0 {
                // The body ended before its claimed length: the file is what was sent.
                self.len = have.len() as u64;
                self.stream = None;
                break;
            }
            self.fetcher.count(n as u64);
            self.received += n as u64;
            have.extend_from_slice(&buf[..n]);
        }
        if self.received >= budget {
            // Nothing more will be read: close the connection rather than drain it.
            self.stream = None;
        }
        Ok(())
    }

    fn fetch_range(&mut self, from: u64) -> io::Result<()> {
        let chunk = self.fetcher.config.range_chunk.max(1024);
        let budget = self.fetcher.config.max_image_bytes;
        if self.received >= budget {
            return Err(self.over_budget());
        }
        let to = (from + chunk.min(budget - self.received)).min(self.len) - 1;
        let to_io = |e: FetchError| io::Error::other(e.to_string());
        let answer = self
            .fetcher
            .get(&self.url, Some((from, to)), "image/*")
            .map_err(to_io)?;
        if answer.status != 206 {
            return Err(to_io(FetchError::new(
                &self.url,
                FetchErrorKind::BadRange(format!(
                    "asked for bytes {from}-{to}, got status {}",
                    answer.status
                )),
            )));
        }
        match content_range(&answer.headers) {
            Some((a, _, _)) if a == from => {}
            other => {
                return Err(to_io(FetchError::new(
                    &self.url,
                    FetchErrorKind::BadRange(format!("asked for bytes {from}-{to}, got {other:?}")),
                )));
            }
        }
        let (_, _, bytes) = self
            .fetcher
            .read_all(answer, to - from + 1)
            .map_err(to_io)?;
        if bytes.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("{}: empty answer for bytes {from}-{to}", self.url),
            ));
        }
        self.received += bytes.len() as u64;
        let at = self.chunks.partition_point(|(o, _)| *o < from);
        self.chunks.insert(at, (from, bytes));
        Ok(())
    }

    /// The fetched bytes at `pos`, if any.
    fn cached_at(&self, pos: u64) -> Option<&[u8]> {
        let i = self.chunks.partition_point(|(o, _)| *o <= pos);
        let (o, b) = self.chunks.get(i.checked_sub(1)?)?;
        let off = (pos - o) as usize;
        (off < b.len()).then(|| &b[off..])
    }
}

impl ImageReader<'_> {
    /// The size of the Range requests this reader makes: reads that end on a multiple of it
    /// fetch nothing they do not use.
    pub fn block_size(&self) -> u64 {
        self.fetcher.config.range_chunk.max(1024)
    }
}

impl Read for ImageReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.len || buf.is_empty() {
            return Ok(0);
        }
        if self.cached_at(self.pos).is_none() {
            if self.ranged {
                self.fetch_range(self.pos)?;
            } else if self.stream.is_some() {
                let upto = self.pos.saturating_add(buf.len() as u64);
                self.grow_stream(upto)
                    .map_err(|e| io::Error::other(e.to_string()))?;
            }
            if self.cached_at(self.pos).is_none() {
                // Nothing more will come: the body ended early, or the budget is spent.
                return if self.pos >= self.len
                    || self.received < self.fetcher.config.max_image_bytes
                {
                    Ok(0)
                } else {
                    Err(self.over_budget())
                };
            }
        }
        let have = self.cached_at(self.pos).unwrap_or(&[]);
        let n = have.len().min(buf.len());
        buf[..n].copy_from_slice(&have[..n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for ImageReader<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = pos.ok_or_else(|| io::Error::other("seek before the start"))?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn link_headers_with_rel_license() {
        let mut h = HeaderMap::new();
        h.append(
            header::LINK,
            HeaderValue::from_static(
                r#"<https://creativecommons.org/licenses/by/4.0/>; rel="license", <https://example.org/a,b>; rel="alternate""#,
            ),
        );
        h.append(
            header::LINK,
            HeaderValue::from_static(r#"<https://example.org/terms>; rel="license copyright""#),
        );
        assert_eq!(
            link_licenses(&h),
            [
                "https://creativecommons.org/licenses/by/4.0/",
                "https://example.org/terms"
            ]
        );
    }

    #[test]
    fn content_ranges() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_RANGE,
            HeaderValue::from_static("bytes 0-65535/200000"),
        );
        assert_eq!(content_range(&h), Some((0, 65535, Some(200000))));
        h.insert(
            header::CONTENT_RANGE,
            HeaderValue::from_static("bytes 10-5/*"),
        );
        assert_eq!(content_range(&h), None);
    }

    #[test]
    fn errors_name_the_url() {
        let e = FetchError::new("https://example.org/a.jpg", FetchErrorKind::Status(404));
        assert_eq!(e.to_string(), "https://example.org/a.jpg: HTTP status 404");
        assert_eq!(e.name(), "http-status");
    }
}
