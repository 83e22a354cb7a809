//! `licit serve`: one page for photo editors and a JSON API, on a local web server.
//!
//! The page (`assets/`: one HTML, one CSS, one JS file, compiled in) sends images, URLs and
//! credit lines to the API under `/api/`, which answers with the CLI's JSON contract
//! (`schema/licit.schema.json`): `/api/check` ≡ `licit check --format json FILE…`,
//! `/api/url` ≡ `licit check --format json URL`, `/api/credit` ≡ `licit credit --format json`.
//!
//! The library's checker is blocking (rayon, reqwest blocking), so each check runs on tokio's
//! blocking pool under a semaphore; everything a request may hold is bounded ([`Limits`]), and
//! URL checks never reach loopback or private addresses unless [`Config::allow_private`].

mod api;
mod assets;
mod http;
mod limits;
mod upload;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

pub use limits::Limits;

use crate::web::FetchConfig;

/// Everything `licit serve` is started with.
#[derive(Clone, Debug)]
pub struct Config {
    /// The address to listen on; port 0 picks a free one (printed when listening).
    pub bind: SocketAddr,
    /// Let URL checks reach loopback, private, link-local and unique-local addresses.
    pub allow_private: bool,
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            bind: SocketAddr::from(([127, 0, 0, 1], DEFAULT_PORT)),
            allow_private: false,
            limits: Limits::default(),
        }
    }
}

/// `licit serve`'s port when none is given.
pub const DEFAULT_PORT: u16 = 8750;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot start the server's runtime: {0}")]
    Runtime(std::io::Error),
}

/// What every request's handler shares.
struct Shared {
    limits: Limits,
    /// Bytes of uploads held at once, over every request (a permit per byte).
    in_flight: Arc<tokio::sync::Semaphore>,
    /// Checks running at once on the blocking pool.
    checks: Arc<tokio::sync::Semaphore>,
    /// The fetch settings of URL checks: private addresses refused unless allowed.
    fetch: FetchConfig,
    /// The address bound, for the Host and Origin checks.
    addr: SocketAddr,
}

/// The fetch settings of the server: the CLI's `--deny-private` always on unless
/// `allow_private`; no on-disk cache (nothing a request brings outlives it) and no
/// environment proxy when private addresses are refused (a proxy would resolve names itself,
/// past the check).
pub fn fetch_config(allow_private: bool, limits: &Limits) -> FetchConfig {
    let mut c = FetchConfig::from_env();
    c.cache_dir = None;
    c.deny_private = !allow_private;
    c.use_env_proxy = allow_private;
    c.timeout = limits.fetch_timeout;
    c.page_timeout = limits.request_timeout;
    c.run_timeout = limits.request_timeout;
    c
}

/// A server bound to its address, not yet serving.
pub struct Server {
    listener: std::net::TcpListener,
    config: Config,
}

impl Server {
    /// Binds `config.bind`.
    pub fn bind(config: Config) -> Result<Server, ServeError> {
        let err = |source| ServeError::Bind {
            addr: config.bind,
            source,
        };
        let listener = std::net::TcpListener::bind(config.bind).map_err(err)?;
        listener.set_nonblocking(true).map_err(err)?;
        Ok(Server { listener, config })
    }

    /// The address bound (with the port picked when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.config.bind)
    }

    /// Serves until the process ends (or Ctrl-C).
    pub fn run(self) -> Result<(), ServeError> {
        let rt = runtime()?;
        rt.block_on(async move {
            tokio::select! {
                r = self.serve() => r,
                _ = tokio::signal::ctrl_c() => Ok(()),
            }
        })
    }

    /// Serves on a thread of its own until the returned handle is dropped (for tests and
    /// embedding).
    pub fn spawn(self) -> Result<Running, ServeError> {
        let addr = self.local_addr();
        let rt = runtime()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("licit-serve".into())
            .spawn(move || {
                rt.block_on(async move {
                    tokio::select! {
                        r = self.serve() => r,
                        _ = stopped => Ok(()),
                    }
                })
            })
            .map_err(ServeError::Runtime)?;
        Ok(Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    async fn serve(self) -> Result<(), ServeError> {
        let addr = self.local_addr();
        let limits = self.config.limits.clone();
        let shared = Arc::new(Shared {
            in_flight: Arc::new(tokio::sync::Semaphore::new(limits.in_flight_permits())),
            checks: Arc::new(tokio::sync::Semaphore::new(limits.concurrency.max(1))),
            fetch: fetch_config(self.config.allow_private, &limits),
            addr,
            limits,
        });
        let listener = tokio::net::TcpListener::from_std(self.listener).map_err(|source| {
            ServeError::Bind {
                addr: self.config.bind,
                source,
            }
        })?;
        http::accept_loop(listener, api::router(shared), &self.config.limits).await;
        Ok(())
    }
}

/// A server serving on its own thread; dropping it stops the server.
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServeError>>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Checks hold a blocking thread each, at most `Limits::concurrency` of them; the
        // rest of the pool is for the runtime's own blocking work.
        .max_blocking_threads(64)
        .thread_keep_alive(Duration::from_secs(10))
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)
}

/// `licit serve`: binds, prints `listening on http://ADDR` on standard output (a warning on
/// standard error when the address is not loopback), and serves until interrupted.
pub fn run(config: Config) -> Result<(), ServeError> {
    use std::io::Write;
    let server = Server::bind(config)?;
    let addr = server.local_addr();
    if !addr.ip().is_loopback() {
        eprintln!(
            "licit serve: warning: listening on {addr}, which is not a loopback address: anyone who can reach it can use this server (it refuses private addresses in URL checks{})",
            if server.config.allow_private {
                " — except that --allow-private is on"
            } else {
                ""
            }
        );
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "listening on http://{addr}");
    let _ = out.flush();
    drop(out);
    server.run()
}
