//! Safe writing: the bytes go to a temporary file in the target's directory, are flushed to
//! disk, and only then take the target's name — by an atomic rename (replacing), or by a hard
//! link that fails if the name is taken (not replacing). A failure at any step removes the
//! temporary file and leaves the target as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A temporary name next to `target` that no other file has: `.NAME.licit-PID-N.tmp`.
fn temporary(target: &Path) -> io::Result<(PathBuf, File)> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let mut last = None;
    for n in 0..100 {
        let mut tmp = std::ffi::OsString::from(".");
        tmp.push(name);
        tmp.push(format!(".licit-{}-{n}.tmp", std::process::id()));
        let path = dir.join(tmp);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary name is free")))
}

/// Writes `bytes` to `target`; `replace` allows an existing target to be replaced. `wrap`
/// wraps the temporary file's writer.
pub(crate) fn write_file(
    target: &Path,
    bytes: &[u8],
    replace: bool,
    wrap: &mut dyn FnMut(&mut File) -> Box<dyn Write + '_>,
) -> io::Result<()> {
    let (tmp, mut file) = temporary(target)?;
    let result = (|| {
        {
            let mut w = wrap(&mut file);
            w.write_all(bytes)?;
            w.flush()?;
        }
        if replace && let Ok(m) = fs::metadata(target) {
            // The replaced file keeps its permissions.
            file.set_permissions(m.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        if replace {
            fs::rename(&tmp, target)?;
        } else {
            match fs::hard_link(&tmp, target) {
                Ok(()) => fs::remove_file(&tmp)?,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                // File systems without hard links: the existence check was made by the caller.
                Err(_) if !target.exists() => fs::rename(&tmp, target)?,
                Err(e) => return Err(e),
            }
        }
        sync_dir(target);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Makes the new directory entry durable; file systems that cannot sync a directory are fine
/// without it.
fn sync_dir(target: &Path) {
    #[cfg(unix)]
    if let Some(dir) = target.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct FailAfter<'a> {
        inner: &'a mut File,
        left: usize,
    }

    impl Write for FailAfter<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::Error::other("disk full (simulated)"));
            }
            let n = buf.len().min(self.left);
            self.left -= n;
            self.inner.write(&buf[..n])
        }
        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failure_mid_write_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.jpg");
        fs::write(&target, b"original").unwrap();
        let e = write_file(&target, b"new content", true, &mut |f| {
            Box::new(FailAfter { inner: f, left: 3 })
        })
        .unwrap_err();
        assert!(e.to_string().contains("simulated"));
        assert_eq!(fs::read(&target).unwrap(), b"original");
        assert_eq!(listing(dir.path()), ["a.jpg"]);
    }

    #[test]
    fn replacing_is_atomic_and_not_replacing_refuses_an_existing_name() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.jpg");
        fs::write(&target, b"original").unwrap();
        let e = write_file(&target, b"new", false, &mut |f| Box::new(f)).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).unwrap(), b"original");
        write_file(&target, b"new", true, &mut |f| Box::new(f)).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(listing(dir.path()), ["a.jpg"]);
    }
}
