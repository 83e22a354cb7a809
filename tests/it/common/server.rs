//! A tiny HTTP/1.1 server on 127.0.0.1 for the web tests: one thread per connection, one
//! request per connection, and every byte it writes counted per path. It serves honest,
//! slow, lying and hostile answers; every loop in it is bounded in time.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request as the handler sees it.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    /// Path and query.
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or("")
    }

    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What to answer.
pub enum Reply {
    /// A normal answer; with `ranges`, a `Range: bytes=A-B` request gets `206`.
    Body {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        ranges: bool,
    },
    /// Headers at once, then the body only after `delay`.
    Slow {
        delay: Duration,
        body: Vec<u8>,
    },
    /// A body with no end (close-delimited), until the client hangs up or 20 s pass.
    Endless {
        content_type: &'static str,
    },
    /// Bytes written as they are (status line and headers included).
    Raw(Vec<u8>),
    /// A redirect to `location`.
    Redirect(String),
    NotFound,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Body {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            ranges: false,
        }
    }

    /// An image served with Range support.
    pub fn ranged(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Body {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            ranges: true,
        }
    }

    pub fn html(body: impl Into<String>) -> Reply {
        Reply::ok("text/html; charset=utf-8", body.into().into_bytes())
    }

    pub fn json(body: impl Into<String>) -> Reply {
        Reply::ok("application/json", body.into().into_bytes())
    }

    /// Adds a header to a [`Reply::Body`].
    pub fn with_header(mut self, k: &str, v: &str) -> Reply {
        if let Reply::Body { headers, .. } = &mut self {
            headers.push((k.into(), v.into()));
        }
        self
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running server; stops when dropped.
pub struct Server {
    pub addr: SocketAddr,
    sent: Arc<Mutex<HashMap<String, u64>>>,
    requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let sent = Arc::new(Mutex::new(HashMap::new()));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        {
            let (sent, requests, stop) = (sent.clone(), requests.clone(), stop.clone());
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    let (h, sent, requests, stop) = (
                        handler.clone(),
                        sent.clone(),
                        requests.clone(),
                        stop.clone(),
                    );
                    std::thread::spawn(move || serve(conn, &*h, &sent, &requests, &stop));
                }
            });
        }
        Server {
            addr,
            sent,
            requests,
            stop,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// `127.0.0.1:PORT`.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// Bytes written for requests to `path` (headers and bodies).
    pub fn sent(&self, path: &str) -> u64 {
        self.sent.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(self.addr);
    }
}

fn read_request(conn: &TcpStream) -> Option<Request> {
    conn.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut r = BufReader::new(conn.try_clone().ok()?);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 || h.trim().is_empty() || headers.len() > 100 {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    Some(Request {
        method,
        target,
        headers,
    })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        416 => "Range Not Satisfiable",
        _ => "Status",
    }
}

fn parse_range(v: &str, len: usize) -> Option<(usize, usize)> {
    let (a, b) = v.strip_prefix("bytes=")?.split_once('-')?;
    let a: usize = a.trim().parse().ok()?;
    let b: usize = b.trim().parse().ok().unwrap_or(len.saturating_sub(1));
    (a < len).then(|| (a, b.min(len - 1)))
}

fn serve(
    mut conn: TcpStream,
    handler: &Handler,
    sent: &Mutex<HashMap<String, u64>>,
    requests: &Mutex<Vec<Request>>,
    stop: &AtomicBool,
) {
    let Some(req) = read_request(&conn) else {
        return;
    };
    requests.lock().unwrap().push(req.clone());
    let path = req.path().to_string();
    let count = |n: usize| *sent.lock().unwrap().entry(path.clone()).or_insert(0) += n as u64;
    let _ = conn.set_write_timeout(Some(Duration::from_secs(5)));
    let write = |conn: &mut TcpStream, bytes: &[u8]| -> bool {
        match conn.write_all(bytes) {
            Ok(()) => {
                count(bytes.len());
                true
            }
            Err(_) => false,
        }
    };
    match handler(&req) {
        Reply::Body {
            status,
            headers,
            body,
            ranges,
        } => {
            let mut status = status;
            let mut extra = Vec::new();
            let mut slice = &body[..];
            if ranges {
                extra.push("Accept-Ranges: bytes".to_string());
                if let Some(r) = req.header("range") {
                    match parse_range(r, body.len()) {
                        Some((a, b)) => {
                            status = 206;
                            slice = &body[a..=b];
                            extra.push(format!("Content-Range: bytes {a}-{b}/{}", body.len()));
                        }
                        None => {
                            status = 416;
                            slice = &[];
                        }
                    }
                }
            }
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (k, v) in &headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            for e in extra {
                head.push_str(&e);
                head.push_str("\r\n");
            }
            head.push_str(&format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n",
                slice.len()
            ));
            if write(&mut conn, head.as_bytes()) && req.method != "HEAD" {
                for c in slice.chunks(16 * 1024) {
                    if !write(&mut conn, c) {
                        break;
                    }
                }
            }
        }
        Reply::Slow { delay, body } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            write(&mut conn, head.as_bytes());
            let until = Instant::now() + delay;
            while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(20));
            }
            write(&mut conn, &body);
        }
        Reply::Endless { content_type } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n"
            );
            if write(&mut conn, head.as_bytes()) {
                let chunk = b"<p>and more</p>".repeat(1024);
                let until = Instant::now() + Duration::from_secs(20);
                while Instant::now() < until && !stop.load(Ordering::Relaxed) {
                    if !write(&mut conn, &chunk) {
                        break;
                    }
                }
            }
        }
        Reply::Raw(bytes) => {
            write(&mut conn, &bytes);
        }
        Reply::Redirect(to) => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            write(&mut conn, head.as_bytes());
        }
        Reply::NotFound => {
            let body = "not found";
            let head = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            write(&mut conn, head.as_bytes());
        }
    }
    let _ = conn.shutdown(std::net::Shutdown::Write);
}

/// A JPEG whose XMP (about `xmp_len` bytes, padded) says `license` and `creator`, followed by
/// `pixels` bytes of scan data.
pub fn jpeg(license: &str, creator: &str, xmp_len: usize, pixels: usize) -> Vec<u8> {
    let mut xmp = format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><cc:license rdf:resource="{license}"/><dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"#
    );
    while xmp.len() < xmp_len.min(65_000) {
        xmp.push(' ');
    }
    let mut out = vec![0xFF, 0xD8];
    let mut payload = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    payload.extend_from_slice(xmp.as_bytes());
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&payload);
    // SOS with a minimal header, then "pixels".
    out.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    let mut x: u32 = 12345;
    out.extend((0..pixels).map(|_| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let b = (x >> 16) as u8;
        if b == 0xFF { 0x00 } else { b }
    }));
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// gzip of `n` bytes of spaces (a decompression bomb for `n` in the hundreds of MB).
pub fn gzip_of_spaces(n: usize) -> Vec<u8> {
    let data = vec![b' '; n];
    let deflated = miniz_oxide::deflate::compress_to_vec(&data, 9);
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    out.extend_from_slice(&deflated);
    out.extend_from_slice(&crc32(&data).to_le_bytes());
    out.extend_from_slice(&(n as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}
