//! C2PA content credentials (the `c2pa` feature): the manifest store embedded in an image (JPEG
//! APP11, PNG `caBX`, ISOBMFF `uuid`, WebP, …) or in a `.c2pa` sidecar, read and validated with
//! the `c2pa` crate (pure-Rust crypto; no network: remote manifests and OCSP are not fetched).
//!
//! Validation hashes the whole asset, so this reader is the one exception to "only the metadata
//! segments are read": it runs only on local files that look like they carry a manifest (a
//! `c2pa` JUMBF label in their first [`PEEK`] bytes, or a sidecar), and on files of at most
//! [`MAX_FILE`] bytes.
//!
//! What is kept, as evidence, each value verbatim from the active manifest:
//! - `c2pa:validation`: `trusted`, `valid`, `untrusted` (intact, but the signer is on no trust
//!   list licit has) or `invalid: <failure codes>`; every other value is read in its light;
//! - `c2pa:training-mining`: each entry of a `c2pa.training-mining` / `cawg.training-mining`
//!   assertion as `<entry>: <use>` (`allowed`, `notAllowed`, `constrained`), with the
//!   constraint's text after ` — ` when there is one;
//! - `c2pa:digitalSourceType`: the IPTC digital source type of each action (for example
//!   `…/trainedAlgorithmicMedia`, made by generative AI);
//! - `c2pa:author`: the authors of a `stds.schema-org.CreativeWork` assertion;
//! - `c2pa:signer`: who issued the signing certificate.

use std::io::{Read, Seek};
use std::path::Path;

use crate::evidence::{Evidence, origin as o};

/// Bytes looked at for a manifest store before the whole file is validated.
pub const PEEK: usize = 1024 * 1024;
/// The largest file validated (its every byte is hashed).
pub const MAX_FILE: u64 = 512 * 1024 * 1024;
/// Values kept per manifest (a manifest could hold thousands of assertions).
const MAX_VALUES: usize = 256;
/// The longest value kept.
const MAX_VALUE: usize = 2048;

fn cut(s: &str) -> String {
    let s = s.trim();
    let mut end = s.len().min(MAX_VALUE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// Whether `head` (the start of a file) holds a C2PA manifest store's JUMBF label.
pub fn looks_signed(head: &[u8]) -> bool {
    memchr::memmem::find(head, b"c2pa").is_some()
}

/// The MIME type the `c2pa` crate wants for a file, by its extension.
fn mime(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "tif" | "tiff" => "image/tiff",
        "gif" => "image/gif",
        "avif" => "image/avif",
        "heic" => "image/heic",
        "heif" => "image/heif",
        "svg" => "image/svg+xml",
        "dng" => "image/x-adobe-dng",
        _ => return None,
    })
}

/// What the manifest store of the file at `path` says, or nothing when it has none. A store
/// that cannot be read is a problem, naming the file.
pub fn read(path: &Path) -> (Vec<Evidence>, Option<String>) {
    let name = path.display();
    let Some(format) = mime(path) else {
        return (Vec::new(), None);
    };
    let sidecar = path.with_extension("c2pa");
    let has_sidecar = sidecar.is_file();
    let mut file = match super::open_regular(path) {
        Ok((f, _)) => f,
        Err(e) => return (Vec::new(), Some(format!("{name}: cannot read: {e}"))),
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = Vec::new();
    if (&mut file)
        .take(PEEK as u64)
        .read_to_end(&mut head)
        .is_err()
    {
        return (Vec::new(), None);
    }
    if !has_sidecar && !looks_signed(&head) {
        return (Vec::new(), None);
    }
    if len > MAX_FILE {
        return (
            Vec::new(),
            Some(format!(
                "{name}: {len} bytes, more than the {MAX_FILE} licit validates C2PA content \
                 credentials in; not read"
            )),
        );
    }
    if file.rewind().is_err() {
        return (Vec::new(), None);
    }
    let reader = c2pa::Reader::from_context(c2pa::Context::new());
    let read = if has_sidecar {
        match std::fs::metadata(&sidecar) {
            Ok(m) if m.len() <= 16 * 1024 * 1024 => match std::fs::read(&sidecar) {
                Ok(bytes) => reader.with_manifest_data_and_stream(&bytes, format, &mut file),
                Err(e) => return (Vec::new(), Some(format!("{}: {e}", sidecar.display()))),
            },
            _ => {
                return (
                    Vec::new(),
                    Some(format!("{}: too large or unreadable", sidecar.display())),
                );
            }
        }
    } else {
        reader.with_stream(format, &mut file)
    };
    match read {
        Ok(r) => (evidence(&r), None),
        // A label "c2pa" in the bytes was no manifest store after all.
        Err(c2pa::Error::JumbfNotFound) => (Vec::new(), None),
        Err(e) => (
            Vec::new(),
            Some(format!("{name}: C2PA manifest store not readable: {e}")),
        ),
    }
}

/// The validation state as licit reports it.
fn state(r: &c2pa::Reader) -> String {
    let codes: Vec<String> = r
        .validation_results()
        .and_then(|v| v.active_manifest())
        .map(|m| m.failure().iter().map(|s| s.code().to_string()).collect())
        .unwrap_or_default();
    let untrusted = codes
        .iter()
        .any(|c| c == c2pa::validation_status::SIGNING_CREDENTIAL_UNTRUSTED);
    let others: Vec<&String> = codes
        .iter()
        .filter(|c| *c != c2pa::validation_status::SIGNING_CREDENTIAL_UNTRUSTED)
        .collect();
    match r.validation_state() {
        c2pa::ValidationState::Trusted => "trusted".to_string(),
        c2pa::ValidationState::Valid if untrusted || others.is_empty() => {
            if untrusted {
                "untrusted".to_string()
            } else {
                "valid".to_string()
            }
        }
        _ => {
            let list: Vec<&str> = others.iter().map(|s| s.as_str()).take(8).collect();
            if list.is_empty() {
                "invalid".to_string()
            } else {
                format!("invalid: {}", list.join(", "))
            }
        }
    }
}

fn evidence(r: &c2pa::Reader) -> Vec<Evidence> {
    let mut out = vec![Evidence::new(o::C2PA_VALIDATION, state(r))];
    let Some(m) = r.active_manifest() else {
        return out;
    };
    if let Some(issuer) = m.signature_info().and_then(|s| s.issuer.as_deref()) {
        out.push(Evidence::new(o::C2PA_SIGNER, cut(issuer)));
    }
    for a in m.assertions() {
        if out.len() >= MAX_VALUES {
            break;
        }
        let Ok(v) = a.value() else { continue };
        let label = a.label();
        if label.ends_with("training-mining") {
            training_mining(v, &mut out);
        } else if label.starts_with("c2pa.actions") {
            source_types(v, &mut out);
        } else if label == "stds.schema-org.CreativeWork" {
            authors(v, &mut out);
        }
    }
    out.truncate(MAX_VALUES);
    out
}

fn training_mining(v: &serde_json::Value, out: &mut Vec<Evidence>) {
    let Some(entries) = v.get("entries").and_then(|e| e.as_object()) else {
        return;
    };
    for (entry, e) in entries.iter().take(MAX_VALUES) {
        let Some(usage) = e.get("use").and_then(|u| u.as_str()) else {
            continue;
        };
        let info = e
            .get("constraint_info")
            .and_then(|c| c.as_str())
            .map(|c| format!(" — {c}"))
            .unwrap_or_default();
        out.push(Evidence::new(
            o::C2PA_TRAINING_MINING,
            cut(&format!("{entry}: {usage}{info}")),
        ));
    }
}

fn source_types(v: &serde_json::Value, out: &mut Vec<Evidence>) {
    let Some(actions) = v.get("actions").and_then(|a| a.as_array()) else {
        return;
    };
    for a in actions.iter().take(MAX_VALUES) {
        if let Some(t) = a.get("digitalSourceType").and_then(|t| t.as_str()) {
            let e = Evidence::new(o::C2PA_DIGITAL_SOURCE_TYPE, cut(t));
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
}

fn authors(v: &serde_json::Value, out: &mut Vec<Evidence>) {
    let list = match v.get("author") {
        Some(serde_json::Value::Array(a)) => a.iter().collect::<Vec<_>>(),
        Some(one) => vec![one],
        None => return,
    };
    for a in list.into_iter().take(MAX_VALUES) {
        let name = match a {
            serde_json::Value::String(s) => Some(s.as_str()),
            other => other.get("name").and_then(|n| n.as_str()),
        };
        if let Some(n) = name.filter(|n| !n.trim().is_empty()) {
            out.push(Evidence::new(o::C2PA_AUTHOR, cut(n)));
        }
    }
}
