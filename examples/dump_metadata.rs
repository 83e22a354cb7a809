//! Prints the embedded metadata licit reads from each file named, one JSON object per line:
//! `{"file": …, "format": …, "evidence": [{"origin": …, "value": …}], "problems": […], "bytes_read": …}`
//! or `{"file": …, "error": …}`. Used by `tests/exiftool-compare.sh` and `scripts/corpus-compare.sh`.

use std::io::Write;

fn main() {
    let mut failed = false;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for arg in std::env::args_os().skip(1) {
        let path = std::path::PathBuf::from(arg);
        let line = match licit::metadata::read_path(&path) {
            Ok(meta) => serde_json::json!({
                "file": path.display().to_string(),
                "format": meta.format,
                "evidence": meta.evidence,
                "problems": meta.problems,
                "bytes_read": meta.bytes_read,
            }),
            Err(e) => {
                failed = true;
                serde_json::json!({"file": path.display().to_string(), "error": e.to_string()})
            }
        };
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    let _ = out.flush();
    std::process::exit(i32::from(failed));
}
