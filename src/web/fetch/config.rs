//! Every setting of fetching, in one place.

use std::path::PathBuf;
use std::time::Duration;

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
            cache_max_bytes: crate::web::cache::DEFAULT_MAX_BYTES,
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
