//! An uploaded file in memory, as the chunks it arrived in: read by the metadata readers
//! through `Read + Seek` without being copied into one buffer, and dropped with the request.

use std::io::{self, Read, Seek, SeekFrom};

use axum::body::Bytes;

/// One upload: its name as the client gave it, and its bytes.
pub struct Upload {
    pub name: String,
    chunks: Vec<Bytes>,
    /// Offset of each chunk's first byte.
    starts: Vec<u64>,
    len: u64,
}

impl Upload {
    pub fn new(name: String) -> Upload {
        Upload {
            name,
            chunks: Vec::new(),
            starts: Vec::new(),
            len: 0,
        }
    }

    pub fn push(&mut self, chunk: Bytes) {
        if chunk.is_empty() {
            return;
        }
        self.starts.push(self.len);
        self.len += chunk.len() as u64;
        self.chunks.push(chunk);
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    /// A reader over the bytes, from the start.
    pub fn reader(&self) -> UploadReader<'_> {
        UploadReader { up: self, pos: 0 }
    }
}

pub struct UploadReader<'a> {
    up: &'a Upload,
    pos: u64,
}

impl Read for UploadReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let up = self.up;
        if self.pos >= up.len || buf.is_empty() {
            return Ok(0);
        }
        // The chunk holding `pos`: the last one starting at or before it.
        let i = up.starts.partition_point(|s| *s <= self.pos) - 1;
        let within = usize::try_from(self.pos - up.starts[i]).unwrap_or(usize::MAX);
        let chunk = &up.chunks[i][within..];
        let n = chunk.len().min(buf.len());
        buf[..n].copy_from_slice(&chunk[..n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for UploadReader<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let base = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.up.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = base
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_seeks_across_chunk_boundaries() {
        let mut up = Upload::new("a.jpg".into());
        for part in [&b"abc"[..], b"", b"defg", b"h"] {
            up.push(Bytes::copy_from_slice(part));
        }
        assert_eq!(up.len(), 8);
        let mut r = up.reader();
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        assert_eq!(all, b"abcdefgh");
        r.seek(SeekFrom::Start(2)).unwrap();
        let mut two = [0; 3];
        r.read_exact(&mut two).unwrap();
        assert_eq!(&two, b"cde");
        assert_eq!(r.seek(SeekFrom::End(-1)).unwrap(), 7);
        r.seek(SeekFrom::Current(5)).unwrap();
        assert_eq!(r.read(&mut two).unwrap(), 0);
        assert!(r.seek(SeekFrom::Current(-100)).is_err());
    }
}
