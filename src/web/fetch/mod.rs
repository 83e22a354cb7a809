//! Fetching over HTTP, carefully (`config.rs`: every setting; `error.rs`: what went wrong;
//! this file: the client; `range.rs`: the Range reader): every request has a timeout, the run has a deadline, bodies
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

mod config;
mod error;
mod range;

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, Response};
use reqwest::header::{self, HeaderMap};
use url::Url;

use super::cache::{Cache, Entry, header_str};

pub use config::{FetchConfig, Sites, default_cache_dir};
pub use error::{FetchError, FetchErrorKind};
pub use range::ImageReader;

use error::{TooManyRedirects, classify, error_chain, io_error};
#[cfg(test)]
use range::content_range;

/// A whole body read: a page or an API answer.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: Url,
    pub content_type: Option<String>,
    /// Targets of `Link: <…>; rel="license"` headers.
    pub link_licenses: Vec<String>,
    /// Text-and-data-mining headers (TDMRep, `X-Robots-Tag: noai`), as evidence.
    pub signals: Vec<crate::evidence::Evidence>,
    pub body: Vec<u8>,
}

impl Fetched {
    /// The body as text, in the charset its `Content-Type` or `<meta>` declares (see
    /// [`crate::web::charset`]; UTF-8 by default, invalid sequences replaced).
    pub fn text(&self) -> String {
        crate::web::charset::decode_html(&self.body, self.content_type.as_deref())
            .text
            .into_owned()
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
    /// Each host's `/.well-known/tdmrep.json`, fetched once per run.
    tdmrep: Arc<super::tdm::WellKnownCache>,
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
        if config.deny_private {
            b = b.dns_resolver(Arc::new(PublicOnly));
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
            tdmrep: Arc::default(),
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
            tdmrep: Arc::clone(&self.tdmrep),
        }
    }

    /// The run's `tdmrep.json` of each host (see [`super::tdm::well_known`]).
    pub(crate) fn tdmrep_cache(&self) -> &super::tdm::WellKnownCache {
        &self.tdmrep
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

/// The system resolver without private addresses, for [`FetchConfig::deny_private`]: the
/// addresses filtered are the ones connected to, so a name that resolves to a public address
/// when checked and a private one when connecting is refused too.
struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            use std::net::ToSocketAddrs;
            // A blocking lookup, as the standard library does it; only with --deny-private.
            let all: Vec<std::net::SocketAddr> = (host.as_str(), 0).to_socket_addrs()?.collect();
            let public: Vec<std::net::SocketAddr> = all
                .iter()
                .copied()
                .filter(|a| !is_private(a.ip()))
                .collect();
            if public.is_empty() && !all.is_empty() {
                let e = FetchError::new(&host, FetchErrorKind::Private(host.clone()));
                return Err(Box::new(e) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: reqwest::dns::Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

/// Refuses a URL whose host is, or resolves to, a private address, before any request (the
/// connection's own lookup is filtered again by [`PublicOnly`]).
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
        signals: super::tdm::header_signals(headers),
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
