//! An on-disk HTTP cache, so a CI run does not fetch the same image every time.
//!
//! It keeps successful answers (`200`, and `206` for a byte range) that `Cache-Control` lets a
//! private cache keep. An entry is replayed without a request while it is fresh (`max-age`);
//! once stale it is revalidated with `If-None-Match` / `If-Modified-Since`, and a `304` renews
//! it. `no-store` is never written; `no-cache` is always revalidated; an answer with neither a
//! lifetime nor a validator is not kept. Errors are never cached. The cache is best-effort:
//! a file that cannot be read or written is a miss, never an error.
//!
//! One file per request: a JSON header line, then the body. Its name is a hash of the request
//! (method, URL, range), and the request is stored in the header and compared, so a collision
//! is a miss. An entry is written to a temporary file of a name no other writer uses (process,
//! thread, counter), then renamed into place: readers see a whole old entry or a whole new one.
//!
//! Size: at most [`DEFAULT_MAX_BYTES`] unless configured (`--cache-max`); past it, the least
//! recently used entries (by modification time, which a hit renews) are removed.
//!
//! Staleness: the server's `max-age` is trusted. An answer sent with a year-long `max-age` is
//! replayed for a year without asking the server, even if the image's license changed since;
//! `--no-cache` fetches afresh, and deleting the cache directory forgets everything.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};

/// The largest body kept.
const MAX_ENTRY_BYTES: usize = 16 * 1024 * 1024;

/// The cache's default size cap: 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// A header's value as text, when it is text.
pub fn header_str(h: &HeaderMap, name: HeaderName) -> Option<String> {
    h.get(name)?.to_str().ok().map(|s| s.trim().to_string())
}

/// A cache directory.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    max_bytes: u64,
    /// Bytes written since the size was last checked.
    written: Arc<AtomicU64>,
}

/// What is kept of one answer, besides its body.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The request: `GET URL` or `GET URL bytes=A-B`.
    pub key: String,
    /// The URL after redirects.
    pub url: String,
    pub status: u16,
    /// Seconds since the Unix epoch when the answer was received or revalidated.
    pub stored_at: u64,
    /// Freshness lifetime in seconds (`max-age`); `None`: revalidate every time.
    pub max_age: Option<u64>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The headers the fetcher reads again: type, range, links.
    pub headers: Vec<(String, String)>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `Cache-Control` as far as a private cache cares.
#[derive(Debug, Default, PartialEq, Eq)]
struct Control {
    no_store: bool,
    no_cache: bool,
    max_age: Option<u64>,
}

fn control(h: &HeaderMap) -> Control {
    let mut c = Control::default();
    for v in h.get_all(header::CACHE_CONTROL) {
        let Ok(v) = v.to_str() else { continue };
        for d in v.split(',') {
            let d = d.trim().to_ascii_lowercase();
            match d.split_once('=') {
                Some(("max-age", n)) => c.max_age = n.trim_matches('"').parse().ok(),
                _ if d == "no-store" => c.no_store = true,
                _ if d == "no-cache" => c.no_cache = true,
                _ => {}
            }
        }
    }
    c
}

const KEPT: [HeaderName; 3] = [header::CONTENT_TYPE, header::CONTENT_RANGE, header::LINK];

impl Entry {
    /// An entry for an answer, or `None` when it may not or need not be kept.
    pub fn from_response(key: &str, url: &str, status: u16, h: &HeaderMap) -> Option<Entry> {
        let c = control(h);
        if c.no_store {
            return None;
        }
        let etag = header_str(h, header::ETAG);
        let last_modified = header_str(h, header::LAST_MODIFIED);
        let max_age = if c.no_cache { None } else { c.max_age };
        if max_age.is_none_or(|a| a == 0) && etag.is_none() && last_modified.is_none() {
            return None;
        }
        let mut headers = Vec::new();
        for name in KEPT {
            for v in h.get_all(&name) {
                if let Ok(v) = v.to_str() {
                    headers.push((name.as_str().to_string(), v.to_string()));
                }
            }
        }
        Some(Entry {
            key: key.to_string(),
            url: url.to_string(),
            status,
            stored_at: now(),
            max_age,
            etag,
            last_modified,
            headers,
        })
    }

    /// Whether the entry may be used without asking the server.
    pub fn is_fresh(&self) -> bool {
        self.max_age
            .is_some_and(|a| now().saturating_sub(self.stored_at) < a)
    }

    /// Renews the entry after a `304 Not Modified` carrying `h`.
    pub fn refresh(&mut self, h: &HeaderMap) {
        let c = control(h);
        self.stored_at = now();
        if c.max_age.is_some() || c.no_cache {
            self.max_age = if c.no_cache { None } else { c.max_age };
        }
        if let Some(e) = header_str(h, header::ETAG) {
            self.etag = Some(e);
        }
    }

    /// The kept headers, as a map.
    pub fn headers(&self) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in &self.headers {
            if let (Ok(k), Ok(v)) = (
                HeaderName::from_bytes(k.as_bytes()),
                HeaderValue::from_str(v),
            ) {
                h.append(k, v);
            }
        }
        h
    }
}

/// FNV-1a, 64 bits: a stable file name for a key (std's hashers may change between releases).
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Cache {
    pub fn new(dir: PathBuf, max_bytes: u64) -> Cache {
        Cache {
            dir,
            max_bytes,
            written: Arc::new(AtomicU64::new(u64::MAX / 2)),
        }
    }

    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{:016x}.http", fnv1a(key)))
    }

    /// The entry and body stored for `key`, if any.
    pub fn get(&self, key: &str) -> Option<(Entry, Vec<u8>)> {
        let path = self.path(key);
        let bytes = std::fs::read(&path).ok()?;
        // A hit renews the entry for least-recently-used eviction.
        if let Ok(f) = std::fs::File::options().append(true).open(&path) {
            let _ = f.set_modified(SystemTime::now());
        }
        let nl = memchr::memchr(b'\n', &bytes)?;
        let entry: Entry = serde_json::from_slice(&bytes[..nl]).ok()?;
        (entry.key == key).then(|| (entry, bytes[nl + 1..].to_vec()))
    }

    /// Stores an answer (written whole to a temporary file, then renamed into place).
    pub fn put(&self, entry: &Entry, body: &[u8]) {
        if body.len() > MAX_ENTRY_BYTES {
            return;
        }
        if self.try_put(entry, body).is_ok() {
            let n = self.written.fetch_add(body.len() as u64, Ordering::Relaxed);
            // Check the size at the first write and every tenth of the cap after.
            if n.saturating_add(body.len() as u64) >= (self.max_bytes / 10).max(1)
                || n >= u64::MAX / 2
            {
                self.written.store(0, Ordering::Relaxed);
                self.evict();
            }
        }
    }

    /// Removes the least recently used entries until the cache holds at most its cap.
    pub fn evict(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut files: Vec<(SystemTime, u64, PathBuf)> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "http"))
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                Some((m.modified().unwrap_or(UNIX_EPOCH), m.len(), e.path()))
            })
            .collect();
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        files.sort();
        for (_, len, path) in files {
            if total <= self.max_bytes {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }

    fn try_put(&self, entry: &Entry, body: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.path(&entry.key);
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let tmp = path.with_extension(format!(
            "tmp{}-{:?}-{}",
            std::process::id(),
            std::thread::current().id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let mut f = std::fs::File::create(&tmp)?;
        serde_json::to_writer(&mut f, entry)?;
        f.write_all(b"\n")?;
        f.write_all(body)?;
        f.sync_all().ok();
        drop(f);
        std::fs::rename(&tmp, &path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writers_of_one_entry_never_mix_and_the_cap_evicts_the_oldest() {
        let dir = std::env::temp_dir().join(format!("licit-cache-lru-{}", std::process::id()));
        let cache = Cache::new(dir.clone(), 3000);
        let h = headers(&[("etag", "\"v\"")]);
        std::thread::scope(|s| {
            for t in 0..8u8 {
                let cache = cache.clone();
                let h = h.clone();
                s.spawn(move || {
                    let e = Entry::from_response("GET http://x/same", "http://x/same", 200, &h)
                        .unwrap();
                    cache.put(&e, &vec![t; 1000]);
                });
            }
        });
        let (_, body) = cache.get("GET http://x/same").unwrap();
        assert!(
            body.iter().all(|b| *b == body[0]),
            "one writer's body, whole"
        );
        for i in 0..6 {
            let key = format!("GET http://x/{i}");
            let e = Entry::from_response(&key, "u", 200, &h).unwrap();
            cache.put(&e, &[b'x'; 1000]);
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        cache.evict();
        let total: u64 = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.metadata().unwrap().len())
            .sum();
        assert!(total <= 3000, "{total}");
        assert!(cache.get("GET http://x/5").is_some(), "the newest is kept");
        assert!(
            cache.get("GET http://x/0").is_none(),
            "the oldest went first"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn what_is_kept() {
        let no_store = headers(&[("cache-control", "no-store"), ("etag", "\"a\"")]);
        assert!(Entry::from_response("k", "u", 200, &no_store).is_none());
        let nothing = headers(&[("content-type", "image/jpeg")]);
        assert!(Entry::from_response("k", "u", 200, &nothing).is_none());
        let fresh = headers(&[("cache-control", "public, max-age=3600")]);
        let e = Entry::from_response("k", "u", 200, &fresh).unwrap();
        assert!(e.is_fresh());
        let no_cache = headers(&[
            ("cache-control", "no-cache, max-age=3600"),
            ("etag", "\"x\""),
        ]);
        let e = Entry::from_response("k", "u", 200, &no_cache).unwrap();
        assert!(!e.is_fresh());
        assert_eq!(e.etag.as_deref(), Some("\"x\""));
    }

    #[test]
    fn round_trip_and_collisions_are_misses() {
        let dir = std::env::temp_dir().join(format!("licit-cache-test-{}", std::process::id()));
        let cache = Cache::new(dir.clone(), DEFAULT_MAX_BYTES);
        let h = headers(&[("etag", "\"v1\""), ("content-type", "image/jpeg")]);
        let e = Entry::from_response("GET http://x/a", "http://x/a", 200, &h).unwrap();
        cache.put(&e, b"\xff\xd8body\nwith newline");
        let (got, body) = cache.get("GET http://x/a").unwrap();
        assert_eq!(got, e);
        assert_eq!(body, b"\xff\xd8body\nwith newline");
        assert_eq!(got.headers().get("content-type").unwrap(), "image/jpeg");
        assert!(cache.get("GET http://x/b").is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
