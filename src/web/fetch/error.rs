//! What went wrong with one URL, named for reports.

use std::fmt;
use std::io;

use url::Url;

/// What went wrong with one URL (the message follows the URL in [`FetchError`]'s).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchErrorKind {
    #[error("not a valid URL ({0})")]
    InvalidUrl(String),
    #[error("host name not resolved ({0})")]
    Dns(String),
    #[error("TLS failed ({0})")]
    Tls(String),
    #[error("cannot connect ({0})")]
    Connect(String),
    /// The request took longer than [`super::FetchConfig::timeout`].
    #[error("timed out")]
    Timeout,
    /// The run's deadline ([`super::FetchConfig::run_timeout`]) or the page's has passed.
    #[error("not fetched: the run's time limit passed")]
    RunTimeout,
    #[error("more than {0} redirects (a redirect loop?)")]
    TooManyRedirects(usize),
    /// An HTTP status that is not success.
    #[error("HTTP status {0}")]
    Status(u16),
    /// More bytes than the limit (claimed by `Content-Length` or sent).
    #[error("larger than the {limit}-byte limit")]
    TooLarge { limit: u64 },
    #[error("not an image ({0})")]
    NotAnImage(String),
    /// The connection broke, or the body did not match its framing.
    #[error("reading the body failed ({0})")]
    Body(String),
    /// A server answered a Range request with the wrong range.
    #[error("bad answer to a Range request ({0})")]
    BadRange(String),
    /// The host is (or resolves to) a loopback, private, link-local or unique-local address,
    /// refused with [`super::FetchConfig::deny_private`].
    #[error("refused: {0} is a private or local address (--deny-private)")]
    Private(String),
}

/// A URL that could not be fetched, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {kind}")]
#[non_exhaustive]
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

/// The error a redirect chain longer than the cap stops with (see `classify`).
#[derive(Debug, thiserror::Error)]
#[error("too many redirects")]
pub(super) struct TooManyRedirects;

/// The causes of an error, joined: reqwest's own message is often only "error sending request".
pub(super) fn error_chain(e: &dyn std::error::Error) -> String {
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

pub(super) fn classify(url: &Url, e: &reqwest::Error) -> FetchError {
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

pub(super) fn io_error(url: &Url, e: &io::Error) -> FetchError {
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
