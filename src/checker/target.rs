//! What a target named on the command line (or in a list) is.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

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
        let mut out = Vec::new();
        for a in args {
            if a == "-" {
                let stdin = std::io::stdin();
                read_list(&mut stdin.lock(), &mut out, "standard input");
                continue;
            }
            if let Some(list) = a.to_str().and_then(|s| s.strip_prefix('@')) {
                let path = PathBuf::from(list);
                match crate::check::read_regular(&path, crate::check::MAX_DOCUMENT) {
                    Ok(bytes) => read_list(&mut &bytes[..], &mut out, list),
                    Err(e) => out.push(Target::Unusable(path, e)),
                }
                continue;
            }
            out.push(Target::classify(a));
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

fn read_list(r: &mut dyn std::io::BufRead, out: &mut Vec<Target>, name: &str) {
    let mut line = Vec::new();
    loop {
        line.clear();
        match r.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Target::Unusable(
                    PathBuf::from(name),
                    ItemError::new(error_kind::IO, format!("{name}: cannot read: {e}")),
                ));
                break;
            }
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(Target::classify(&os_from_bytes(&line)));
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
