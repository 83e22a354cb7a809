//! What a target named on the command line (or in a list) is.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use super::shard::Shard;
use crate::check::{Item, ItemError, error_kind};

/// One thing to check, classified by looking at it (never by opening it).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Target {
    /// An `http://` or `https://` URL: an image, a page, a Commons file, a Flickr photo.
    Url(String),
    /// A directory, checked as a content repository.
    Dir(PathBuf),
    /// A local `.html` / `.htm` file, checked as a page.
    Page(PathBuf),
    /// Any other regular file, checked as an image.
    File(PathBuf),
    /// A target that cannot be checked: it does not exist, or it is a FIFO, a device or a
    /// socket (opening one can block or never end). Reported as an item with this error.
    Unusable(PathBuf, ItemError),
}

impl Target {
    /// Classifies one argument. Paths stay [`OsStr`] (a file name need not be UTF-8); only the
    /// metadata is looked at, so a FIFO is refused without being opened.
    pub fn classify(arg: &OsStr) -> Target {
        if let Some(s) = arg.to_str()
            && crate::web::is_url(s)
        {
            return Target::Url(s.to_string());
        }
        let path = PathBuf::from(arg);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => Target::Dir(path),
            Ok(m) if m.is_file() => {
                if crate::web::is_html_path(&path) {
                    Target::Page(path)
                } else {
                    Target::File(path)
                }
            }
            _ => match crate::check::regular_file(&path) {
                Err(e) => Target::Unusable(path, e),
                // Raced into existence between the two looks: classify again next time.
                Ok(_) => Target::File(path),
            },
        }
    }

    /// Classifies every argument; `-` reads more targets from standard input and `@FILE`
    /// from a file, one per line (lines are paths or URLs; blank lines are skipped).
    pub fn expand(args: &[OsString]) -> Vec<Target> {
        Target::expand_from(args, &[], None)
    }

    /// [`Target::expand`], then the targets of each list in `lists` (`--from-file`: a path, or
    /// `-` for standard input; one path or URL a line, blank lines and lines starting with `#`
    /// skipped, a line that is not UTF-8 kept as the bytes it is), keeping only the targets
    /// `shard` owns, before any is classified (a target of another shard is never looked at).
    /// A list that cannot be read is an unusable target naming it.
    pub fn expand_from(args: &[OsString], lists: &[OsString], shard: Option<Shard>) -> Vec<Target> {
        let keep = |t: &[u8]| shard.is_none_or(|s| s.keeps(t));
        let mut out = Vec::new();
        for a in args {
            if a == "-" {
                let stdin = std::io::stdin();
                read_list(&mut stdin.lock(), &mut out, "standard input", false, &keep);
                continue;
            }
            if let Some(list) = a.to_str().and_then(|s| s.strip_prefix('@')) {
                read_list_file(OsStr::new(list), &mut out, false, &keep);
                continue;
            }
            if keep(a.as_encoded_bytes()) {
                out.push(Target::classify(a));
            }
        }
        for list in lists {
            read_list_file(list, &mut out, true, &keep);
        }
        out
    }

    /// The target as reports name it (lossily, when it is not UTF-8).
    pub fn name(&self) -> String {
        match self {
            Target::Url(u) => u.clone(),
            Target::Dir(p) | Target::Page(p) | Target::File(p) | Target::Unusable(p, _) => {
                p.display().to_string()
            }
        }
    }

    /// The item of a target that cannot be checked.
    pub(crate) fn unusable_item(&self) -> Option<Item> {
        match self {
            Target::Unusable(_, e) => Some(Item::failed(self.name(), None, e.clone())),
            _ => None,
        }
    }
}

/// Reads the list at `list` (`-`: standard input) into `out`.
fn read_list_file(
    list: &OsStr,
    out: &mut Vec<Target>,
    comments: bool,
    keep: &dyn Fn(&[u8]) -> bool,
) {
    if list == "-" {
        let stdin = std::io::stdin();
        read_list(&mut stdin.lock(), out, "standard input", comments, keep);
        return;
    }
    let path = PathBuf::from(list);
    let name = path.display().to_string();
    // Streamed, not read whole: a shard's list can be any length. Refused by its metadata
    // (and again on the handle) when it is not a regular file, so a FIFO cannot block.
    let opened = crate::check::regular_file(&path).and_then(|_| {
        crate::metadata::open_regular(&path)
            .map_err(|e| ItemError::new(error_kind::IO, format!("{name}: cannot read: {e}")))
    });
    match opened {
        Ok((f, _)) => read_list(&mut std::io::BufReader::new(f), out, &name, comments, keep),
        Err(e) => out.push(Target::Unusable(path, e)),
    }
}

/// The longest list line read as a target (paths and URLs are far shorter); a longer line is
/// an unusable target naming its line, and the rest of it is skipped unread into memory.
pub const MAX_LIST_LINE: usize = 64 * 1024;

/// One target a line; blank lines skipped, and with `comments` lines whose first non-blank
/// byte is `#`; only the lines `keep` keeps are classified.
fn read_list(
    r: &mut dyn std::io::BufRead,
    out: &mut Vec<Target>,
    name: &str,
    comments: bool,
    keep: &dyn Fn(&[u8]) -> bool,
) {
    use std::io::{BufRead, Read};
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        n += 1;
        let read = (&mut *r)
            .take(MAX_LIST_LINE as u64 + 1)
            .read_until(b'\n', &mut line);
        match read {
            Ok(0) => break,
            Ok(_) if line.len() > MAX_LIST_LINE && line.last() != Some(&b'\n') => {
                // Sharded by the bytes it starts with, so it is reported by one shard only.
                if keep(&line[..MAX_LIST_LINE]) {
                    out.push(Target::Unusable(
                        PathBuf::from(name),
                        ItemError::new(
                            error_kind::IO,
                            format!("{name}, line {n}: longer than {MAX_LIST_LINE} bytes; skipped"),
                        ),
                    ));
                }
                if let Err(e) = skip_line(r) {
                    out.push(unreadable(name, &e));
                    break;
                }
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                out.push(unreadable(name, &e));
                break;
            }
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        let first = line.iter().find(|b| !b.is_ascii_whitespace());
        if first.is_none() || (comments && first == Some(&b'#')) {
            continue;
        }
        if keep(&line) {
            out.push(Target::classify(&os_from_bytes(&line)));
        }
    }
}

fn unreadable(name: &str, e: &std::io::Error) -> Target {
    Target::Unusable(
        PathBuf::from(name),
        ItemError::new(error_kind::IO, format!("{name}: cannot read: {e}")),
    )
}

/// Consumes the rest of a line without keeping it.
fn skip_line(r: &mut dyn std::io::BufRead) -> std::io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = memchr::memchr(b'\n', buf) {
            r.consume(i + 1);
            return Ok(());
        }
        let len = buf.len();
        r.consume(len);
    }
}

/// The bytes of a list line as a path: as they are on Unix, lossily elsewhere.
fn os_from_bytes(b: &[u8]) -> OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        OsStr::from_bytes(b).to_owned()
    }
    #[cfg(not(unix))]
    {
        OsString::from(String::from_utf8_lossy(b).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_classified_by_looking_not_opening() {
        let dir = tempdir();
        let img = dir.join("a.jpg");
        std::fs::write(&img, b"x").unwrap();
        let page = dir.join("index.HTML");
        std::fs::write(&page, b"<p>").unwrap();
        assert_eq!(Target::classify(dir.as_os_str()), Target::Dir(dir.clone()));
        assert_eq!(Target::classify(img.as_os_str()), Target::File(img.clone()));
        assert_eq!(
            Target::classify(page.as_os_str()),
            Target::Page(page.clone())
        );
        assert_eq!(
            Target::classify(OsStr::new("https://example.org/a.jpg")),
            Target::Url("https://example.org/a.jpg".into())
        );
        let missing = dir.join("missing.jpg");
        match Target::classify(missing.as_os_str()) {
            Target::Unusable(_, e) => assert_eq!(e.kind, error_kind::NOT_FOUND),
            t => panic!("{t:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_opening_it() {
        let dir = tempdir();
        let fifo = dir.join("pipe.jpg");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        match Target::classify(fifo.as_os_str()) {
            Target::Unusable(_, e) => {
                assert_eq!(e.kind, error_kind::NOT_A_REGULAR_FILE);
                assert!(
                    e.message.contains("pipe.jpg") && e.message.contains("FIFO"),
                    "{}",
                    e.message
                );
            }
            t => panic!("{t:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn lists_skip_blank_lines() {
        let mut out = Vec::new();
        read_list(
            &mut &b"https://example.org/a.jpg\n\n  \r\nhttps://example.org/b.jpg"[..],
            &mut out,
            "list",
            false,
            &|_| true,
        );
        assert_eq!(out.len(), 2);
    }

    fn tempdir() -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let d = std::env::temp_dir().join(format!(
            "licit-target-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
