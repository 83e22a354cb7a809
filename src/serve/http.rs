//! The HTTP side: accepting connections within limits, the security headers every answer
//! carries, the Host and Origin checks, and the errors the API answers with.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{Limits, Shared};

/// Accepts connections until the listener fails for good: at most `max_connections` at once
/// (more are closed at once), headers within `header_timeout`, each connection at most
/// `connection_timeout`. A slow client holds one task and one connection slot, never a thread.
pub(super) async fn accept_loop(listener: tokio::net::TcpListener, app: Router, limits: &Limits) {
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let header_timeout = limits.header_timeout;
    let connection_timeout = limits.connection_timeout;
    loop {
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it was accepted:
                // wait a moment instead of spinning.
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let _ = tokio::time::timeout(connection_timeout, conn).await;
            drop(slot);
        });
    }
}

/// The Content-Security-Policy of every answer: the page's own script and style only, no
/// inline script, images only from the page itself and the object URLs of the uploads.
pub const CSP: &str = "default-src 'self'; img-src 'self' data: blob:; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers to every answer.
pub(super) async fn security_headers(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let mut set = |k: HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(header::CONTENT_SECURITY_POLICY, CSP);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    if api {
        set(header::CACHE_CONTROL, "no-store");
    }
    res
}

/// Refuses requests whose Host is not this server's (a page on another site that rebinds
/// its name to 127.0.0.1 sends its own name) and API requests sent from another origin's
/// page (a cross-site form post carries that site's Origin).
pub(super) async fn same_origin(
    State(shared): State<Arc<Shared>>,
    req: Request,
    next: Next,
) -> Response {
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !host_allowed(host, shared.addr) {
        return ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "wrong-host",
            format!("this server answers to its own address, not to Host {host:?}"),
        )
        .into_response();
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let ok = origin
            .to_str()
            .ok()
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(|o| o.eq_ignore_ascii_case(host));
        if !ok {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "cross-origin",
                "requests from another site's page are refused",
            )
            .into_response();
        }
    }
    next.run(req).await
}

/// Whether a Host header names this server: its address and port, or, when it listens on a
/// loopback address, `localhost`; when it listens on every interface, any host with its port
/// (the names it is reached by cannot be known).
fn host_allowed(host: &str, addr: std::net::SocketAddr) -> bool {
    let Some((name, port)) = host.rsplit_once(':') else {
        return false;
    };
    if port.parse::<u16>() != Ok(addr.port()) {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    if addr.ip().is_unspecified() {
        return !name.is_empty();
    }
    match name.parse::<std::net::IpAddr>() {
        Ok(ip) => ip == addr.ip() || (addr.ip().is_loopback() && ip.is_loopback()),
        Err(_) => addr.ip().is_loopback() && name.eq_ignore_ascii_case("localhost"),
    }
}

/// An API error: `{"error": {"kind": "...", "message": "..."}}` with its status.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            kind,
            message: message.into(),
        }
    }

    pub fn bad(kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, kind, message)
    }

    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too-large", message)
    }

    pub fn busy(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": {"kind": self.kind, "message": self.message}});
        let mut res = (self.status, json_body(&body)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        res
    }
}

/// A JSON answer, pretty-printed as the CLI prints it.
pub fn json_body<T: serde::Serialize>(value: &T) -> Response {
    match serde_json::to_vec_pretty(value) {
        Ok(mut v) => {
            v.push(b'\n');
            let mut headers = HeaderMap::new();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            (headers, v).into_response()
        }
        Err(e) => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("cannot write the answer: {e}"),
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_this_server_only() {
        let local = "127.0.0.1:8750".parse().unwrap();
        assert!(host_allowed("127.0.0.1:8750", local));
        assert!(host_allowed("localhost:8750", local));
        assert!(host_allowed("[::1]:8750", local));
        assert!(!host_allowed("evil.example:8750", local));
        assert!(!host_allowed("127.0.0.1:80", local));
        assert!(!host_allowed("127.0.0.1", local));
        let any = "0.0.0.0:8750".parse().unwrap();
        assert!(host_allowed("photos.lan:8750", any));
        let lan = "192.168.1.5:8750".parse().unwrap();
        assert!(host_allowed("192.168.1.5:8750", lan));
        assert!(!host_allowed("localhost:8750", lan));
    }
}
