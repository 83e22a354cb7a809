//! What one request, and all of them together, may hold: bytes, files, time, threads.

use std::time::Duration;

/// The server's budgets. Every one is checked before the work it bounds, and a request over
/// one is answered with an error that names the limit.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Bytes of one uploaded file.
    pub max_file_bytes: u64,
    /// Files in one `/api/check` request.
    pub max_files: usize,
    /// Bytes of one request body (all its files and fields); also what a request reserves
    /// from `max_in_flight_bytes` while it is served.
    pub max_request_bytes: u64,
    /// Bytes of uploads held at once over every request; a request waits (at most
    /// `queue_timeout`) until its body fits.
    pub max_in_flight_bytes: u64,
    /// Bytes of the body of `/api/url` and `/api/credit`.
    pub max_form_bytes: usize,
    /// Non-empty lines of one `/api/credit` request.
    pub max_credit_lines: usize,
    /// Checks running at once (each holds one blocking thread).
    pub concurrency: usize,
    /// The longest a request waits for its turn (bytes or a check slot) before a 503.
    pub queue_timeout: Duration,
    /// The longest a request body may take to arrive.
    pub body_timeout: Duration,
    /// The longest a check may take (a URL check: fetching the page and its images).
    pub request_timeout: Duration,
    /// One HTTP request of a URL check.
    pub fetch_timeout: Duration,
    /// The longest a client may take to send a request's headers.
    pub header_timeout: Duration,
    /// The longest one connection may stay open.
    pub connection_timeout: Duration,
    /// Connections open at once; more are closed at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 32 * MIB,
            max_files: 64,
            max_request_bytes: 64 * MIB,
            max_in_flight_bytes: 128 * MIB,
            max_form_bytes: 64 * 1024,
            max_credit_lines: 256,
            concurrency: std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 16)),
            queue_timeout: Duration::from_secs(60),
            body_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(90),
            fetch_timeout: Duration::from_secs(20),
            header_timeout: Duration::from_secs(10),
            connection_timeout: Duration::from_secs(600),
            max_connections: 512,
        }
    }
}

const MIB: u64 = 1024 * 1024;

impl Limits {
    /// A request body's largest size: never more than the in-flight budget, or it could
    /// never be served.
    pub fn request_cap(&self) -> u64 {
        self.max_request_bytes.min(self.max_in_flight_bytes).max(1)
    }

    /// The in-flight budget as semaphore permits (one per byte, within the semaphore's range).
    pub(super) fn in_flight_permits(&self) -> usize {
        usize::try_from(self.max_in_flight_bytes.min(u64::from(u32::MAX)))
            .unwrap_or(u32::MAX as usize)
            .max(1)
    }
}
