//! A windowed reader: the few reads a metadata scan needs, and no copy of what it skips.
//!
//! The first request reads [`WINDOW`] bytes; later requests inside the window cost nothing; a
//! request outside it seeks and reads a new window from there. A byte slice is its own window.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

/// Opens `path` for reading if it is a regular file (after following symbolic links), and returns
/// it with its length. Anything else — a FIFO (whose opening would block until a writer comes), a
/// device such as `/dev/zero` (endless), a socket, a directory — is an error, found without
/// reading: the file is opened non-blocking and its type taken from the open handle, so it cannot
/// change between the check and the read.
pub fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    open_checked(path, false)
}

fn open_checked(path: &Path, char_device_ok: bool) -> io::Result<(File, u64)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    #[cfg(unix)]
    let char_device = {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_char_device()
    };
    #[cfg(not(unix))]
    let char_device = false;
    let readable = meta.is_file() || (char_device_ok && char_device);
    if !readable {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a FIFO, socket or device)"
        };
        return Err(io::Error::new(io::ErrorKind::InvalidInput, what));
    }
    Ok((file, meta.len()))
}

/// Reads a whole file as UTF-8 text of at most `max` bytes: a regular file, or a character
/// device (`/dev/null` is the usual empty config; opened non-blocking and read at most `max` + 1
/// bytes, a device cannot block or run on). A FIFO, socket or directory is an error.
pub fn read_text(path: &Path, max: u64) -> io::Result<String> {
    let (file, len) = open_checked(path, true)?;
    if len > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{len} bytes, over the {max}-byte limit"),
        ));
    }
    let mut text = String::with_capacity(len as usize);
    // `take`: the file may have grown since its length was read.
    file.take(max + 1).read_to_string(&mut text)?;
    if text.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("over the {max}-byte limit"),
        ));
    }
    Ok(text)
}

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
    /// The window is `buf[..filled]`. Past it, `buf` holds bytes of an earlier window or file,
    /// never handed out: they are kept so that the next fill need not zero them again (zeroing a
    /// fresh 16 KiB per photo cost more than the rest of reading its JPEG segments).
    buf: Vec<u8>,
    filled: usize,
    /// File offset of `buf[0]`.
    win: u64,
    /// Where the reader is (to skip needless seeks).
    pos: u64,
    bytes_read: u64,
    refills: u32,
    /// When non-zero, reads end on multiples of it (see [`Input::in_blocks`]).
    block: u64,
}

thread_local! {
    /// The window buffer of the last reader on this thread, for the next one.
    static SPARE: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// A buffer larger than this is not kept for the next file (one HTTP block or a large EXIF
/// block may grow it; keeping it would hold that memory for the thread's life).
const MAX_SPARE: usize = 1024 * 1024;

impl Drop for Input<'_> {
    fn drop(&mut self) {
        if matches!(self.source, Source::Reader(_)) && self.buf.capacity() <= MAX_SPARE {
            // Kept with its length: those bytes are initialized, the next file reads over them.
            let buf = std::mem::take(&mut self.buf);
            SPARE.with(|s| s.set(buf));
        }
    }
}

impl<'a> Input<'a> {
    pub fn slice(bytes: &'a [u8]) -> Input<'a> {
        Input {
            source: Source::Slice(bytes),
            len: bytes.len() as u64,
            buf: Vec::new(),
            filled: 0,
            win: 0,
            pos: 0,
            bytes_read: 0,
            refills: 0,
            block: 0,
        }
    }

    /// `len` is the length of the file; `reader` may be anywhere. The window's buffer is the
    /// thread's, kept from the previous file (a folder of photos reuses one allocation).
    pub fn reader<R: Read + Seek>(reader: &'a mut R, len: u64) -> Input<'a> {
        let buf = SPARE.with(|s| s.take());
        Input {
            source: Source::Reader(reader),
            len,
            buf,
            filled: 0,
            win: 0,
            pos: u64::MAX,
            bytes_read: 0,
            refills: 0,
            block: 0,
        }
    }

    /// The reader is at the start of the file (just opened): the first read needs no seek.
    pub fn at_start(mut self) -> Input<'a> {
        if matches!(self.source, Source::Reader(_)) {
            self.pos = 0;
        }
        self
    }

    /// Reads end on multiples of `block` instead of growing by doubling: for sources that fetch
    /// whole blocks anyway (HTTP Range requests), a read past a block boundary would fetch a block
    /// only to read ahead.
    pub fn in_blocks(mut self, block: u64) -> Input<'a> {
        self.block = block;
        self
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
                let win_end = self.win + self.filled as u64;
                if offset >= self.win && end <= win_end {
                    let from = (offset - self.win) as usize;
                    return Ok(&self.buf[from..from + want]);
                }
                let fill = if self.block > 0 {
                    let stop = end.div_ceil(self.block).saturating_mul(self.block);
                    (stop.min(self.len) - offset) as usize
                } else {
                    let grown = WINDOW << self.refills.min(MAX_GROWTH);
                    self.refills += 1;
                    (want.max(grown) as u64).min(self.len - offset) as usize
                };
                if self.pos != offset {
                    r.seek(SeekFrom::Start(offset))?;
                }
                // Read straight into the window: one `read` call for a regular file
                // (`read_to_end` would read in 8 KiB steps and probe for the end).
                // Only the part never initialized before is zeroed (once per thread, as a rule).
                self.filled = 0;
                if self.buf.len() < fill {
                    self.buf.resize(fill, 0);
                }
                let mut got = 0;
                while got < fill {
                    match r.read(&mut self.buf[got..fill]) {
                        Ok(0) => break,
                        Ok(n) => got += n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                }
                self.filled = got;
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
        let mut cur = io::Cursor::new(data.clone());
        let mut fresh = Input::reader(&mut cur, data.len() as u64).at_start();
        assert_eq!(fresh.get(0, 4).unwrap(), &data[..4]);
        assert_eq!(fresh.get(190_000, 20_000).unwrap(), &data[190_000..]);
        let mut s = Input::slice(&data);
        assert_eq!(s.get(199_999, 5).unwrap(), &data[199_999..]);
    }

    #[test]
    fn a_reused_buffer_never_shows_an_earlier_file() {
        let big = vec![0xAAu8; 3 * WINDOW];
        let mut cur = io::Cursor::new(big.clone());
        let mut first = Input::reader(&mut cur, big.len() as u64).at_start();
        assert_eq!(first.get(2 * WINDOW as u64, 10).unwrap(), &big[..10]);
        drop(first);
        // The next file on this thread gets the buffer back, longer than the file.
        let small: Vec<u8> = (0..100u8).collect();
        let mut cur = io::Cursor::new(small.clone());
        let mut next = Input::reader(&mut cur, small.len() as u64).at_start();
        assert_eq!(next.get(0, 200).unwrap(), &small[..]);
        assert_eq!(next.get(90, 50).unwrap(), &small[90..]);
        assert!(next.get(100, 1).unwrap().is_empty());
        // A file that shrank after its length was read: the window is what was read.
        let mut cur = io::Cursor::new(small[..40].to_vec());
        let mut shrunk = Input::reader(&mut cur, small.len() as u64).at_start();
        assert_eq!(shrunk.get(0, 100).unwrap(), &small[..40]);
        assert_eq!(shrunk.get(30, 20).unwrap(), &small[30..40]);
    }
}
