//! Two floors for `benches/metadata.sh`, one thread each:
//! - `read_head FILE…` opens each file named and reads its first 16 KB (the I/O floor);
//! - `read_head --licit FILE…` reads each file's metadata with `licit::metadata::read_path`
//!   and prints nothing per file (the reader alone: no sidecar lookup, credit, verdict or JSON).
//!
//! Prints the total bytes (or evidence entries) and, on standard error, files per second.

use std::io::Read;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let licit = args.first().is_some_and(|a| a == "--licit");
    if licit {
        args.remove(0);
    }
    let start = Instant::now();
    let mut total = 0usize;
    if licit {
        for arg in &args {
            if let Ok(m) = licit::metadata::read_path(arg.as_ref()) {
                total += m.evidence.len();
            }
        }
    } else {
        // One buffer for every file: the floor should not pay for fresh zeroed pages.
        let mut buf = vec![0u8; 16 * 1024];
        for arg in &args {
            let mut f = std::fs::File::open(arg)?;
            total += f.read(&mut buf)?;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{total}");
    eprintln!(
        "{} files in {secs:.3} s: {:.0} files/s",
        args.len(),
        args.len() as f64 / secs
    );
    Ok(())
}
