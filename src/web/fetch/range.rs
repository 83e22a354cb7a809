//! An image over HTTP as `Read + Seek`, through Range requests.

use std::io::{self, Read, Seek, SeekFrom};

use reqwest::blocking::Response;
use reqwest::header::{self, HeaderMap};
use url::Url;

use super::super::cache::header_str;
use super::{Answer, Body, FetchError, FetchErrorKind, Fetcher, io_error, link_licenses};

/// `Content-Range: bytes START-END/TOTAL` → (start, end, total).
pub(super) fn content_range(h: &HeaderMap) -> Option<(u64, u64, Option<u64>)> {
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
    pub(super) fn start(
        fetcher: &'f Fetcher,
        answer: Answer,
    ) -> Result<ImageReader<'f>, FetchError> {
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
