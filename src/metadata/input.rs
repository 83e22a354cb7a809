//! A windowed reader: the few reads a metadata scan needs, and no copy of what it skips.
//!
//! The first request reads [`WINDOW`] bytes; later requests inside the window cost nothing; a
//! request outside it seeks and reads a new window from there. A byte slice is its own window.

use std::io::{self, Read, Seek, SeekFrom};

/// Bytes of the first read: the metadata of most photos without camera thumbnails. Each later
/// refill doubles it (up to 1 MiB), so a large EXIF block costs one or two more reads, not many.
pub(crate) const WINDOW: usize = 16 * 1024;
const MAX_GROWTH: u32 = 6;

trait ReadSeek: Read + Seek {}
impl<T: Read + Seek + ?Sized> ReadSeek for T {}

enum Source<'a> {
    Slice(&'a [u8]),
    Reader(&'a mut dyn ReadSeek),
}

pub(crate) struct Input<'a> {
    source: Source<'a>,
    len: u64,
    buf: Vec<u8>,
    /// File offset of `buf[0]`.
    win: u64,
    /// Where the reader is (to skip needless seeks).
    pos: u64,
    bytes_read: u64,
    refills: u32,
}

impl<'a> Input<'a> {
    pub fn slice(bytes: &'a [u8]) -> Input<'a> {
        Input {
            source: Source::Slice(bytes),
            len: bytes.len() as u64,
            buf: Vec::new(),
            win: 0,
            pos: 0,
            bytes_read: 0,
            refills: 0,
        }
    }

    /// `len` is the length of the file; `reader` may be anywhere.
    pub fn reader<R: Read + Seek>(reader: &'a mut R, len: u64) -> Input<'a> {
        Input {
            source: Source::Reader(reader),
            len,
            buf: Vec::new(),
            win: 0,
            pos: u64::MAX,
            bytes_read: 0,
            refills: 0,
        }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The bytes `[offset, offset + len)`, cut short where the file ends (so a shorter slice
    /// means the file is truncated there). Callers bound `len` (by [`super::MAX_PAYLOAD`]).
    pub fn get(&mut self, offset: u64, len: usize) -> io::Result<&[u8]> {
        if offset >= self.len || len == 0 {
            return Ok(&[]);
        }
        let end = offset.saturating_add(len as u64).min(self.len);
        let want = (end - offset) as usize;
        match &mut self.source {
            Source::Slice(s) => {
                self.bytes_read = self.bytes_read.max(end);
                // offset < len and end <= len = s.len(), both fit in usize.
                Ok(s.get(offset as usize..end as usize).unwrap_or(&[]))
            }
            Source::Reader(r) => {
                let win_end = self.win + self.buf.len() as u64;
                if offset >= self.win && end <= win_end {
                    let from = (offset - self.win) as usize;
                    return Ok(&self.buf[from..from + want]);
                }
                let grown = WINDOW << self.refills.min(MAX_GROWTH);
                self.refills += 1;
                let fill = (want.max(grown) as u64).min(self.len - offset) as usize;
                if self.pos != offset {
                    r.seek(SeekFrom::Start(offset))?;
                }
                self.buf.clear();
                self.buf.reserve_exact(fill);
                let got = r.take(fill as u64).read_to_end(&mut self.buf)?;
                self.bytes_read += got as u64;
                self.win = offset;
                self.pos = offset + got as u64;
                Ok(&self.buf[..want.min(got)])
            }
        }
    }

    /// Like [`Input::get`], but for bytes the caller wants to keep.
    pub fn get_vec(&mut self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        self.get(offset, len).map(<[u8]>::to_vec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_windows_and_truncation() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut cur = io::Cursor::new(data.clone());
        let mut input = Input::reader(&mut cur, data.len() as u64);
        assert_eq!(input.get(10, 5).unwrap(), &data[10..15]);
        assert_eq!(input.bytes_read(), WINDOW as u64);
        assert_eq!(input.get(100, 50).unwrap(), &data[100..150]);
        assert_eq!(input.bytes_read(), WINDOW as u64, "served from the window");
        assert_eq!(input.get(150_000, 10).unwrap(), &data[150_000..150_010]);
        assert_eq!(input.get(199_990, 100).unwrap(), &data[199_990..]);
        assert!(input.get(300_000, 10).unwrap().is_empty());
        let mut s = Input::slice(&data);
        assert_eq!(s.get(199_999, 5).unwrap(), &data[199_999..]);
    }
}
