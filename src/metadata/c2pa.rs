//! C2PA content credentials (the `c2pa` feature): the manifest store embedded in an image (JPEG
//! APP11, PNG `caBX`, ISOBMFF `uuid`, WebP, …) or in a `.c2pa` sidecar, read and validated with
//! the `c2pa` crate (pure-Rust crypto; no network: remote manifests and OCSP are not fetched).
//!
//! Validation hashes the whole asset, so this reader is the one exception to "only the metadata
//! segments are read": it runs only on images whose container reader saw a manifest store
//! ([`super::Metadata::c2pa_store`]) or that have a `.c2pa` sidecar, and on files of at most
//! [`MAX_FILE`] bytes. Every other image costs nothing here.
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

use super::Format;
use crate::evidence::{Evidence, origin as o};

/// The largest file validated (its every byte is hashed).
pub const MAX_FILE: u64 = super::MAX_C2PA_FILE;
/// The largest `.c2pa` sidecar read.
pub const MAX_SIDECAR: u64 = 16 * 1024 * 1024;
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

/// The MIME type the `c2pa` crate wants for a container, or none for an XMP file.
fn mime(format: Format) -> Option<&'static str> {
    Some(match format {
        Format::Jpeg => "image/jpeg",
        Format::Png => "image/png",
        Format::Webp => "image/webp",
        Format::Tiff => "image/tiff",
        Format::Gif => "image/gif",
        Format::Avif => "image/avif",
        Format::Heif => "image/heif",
        Format::JpegXl => "image/jxl",
        Format::Xmp => return None,
    })
}

/// The `.c2pa` sidecar C2PA puts beside an asset whose manifest store is not embedded.
pub fn sidecar_for(image: &Path) -> Option<std::path::PathBuf> {
    Some(image.with_extension("c2pa")).filter(|p| p.is_file())
}

/// Validates the manifest store of the local file at `path` (a `format` container): the one
/// embedded in it (`embedded`: the container reader saw one) or, when there is none, the one
/// in `sidecar`. Nothing, and no cost, when there is neither. A store that cannot be read is a
/// problem, naming the file.
pub fn read_file(
    path: &Path,
    format: Format,
    embedded: bool,
    sidecar: Option<&Path>,
) -> (Vec<Evidence>, Option<String>) {
    let name = path.display();
    let Some(mime) = mime(format) else {
        return (Vec::new(), None);
    };
    let sidecar = if embedded { None } else { sidecar };
    if !embedded && sidecar.is_none() {
        return (Vec::new(), None);
    }
    let mut file = match super::open_regular(path) {
        Ok((f, _)) => f,
        Err(e) => return (Vec::new(), Some(format!("{name}: cannot read: {e}"))),
    };
    let manifest = match sidecar {
        None => None,
        Some(s) => match std::fs::metadata(s) {
            Ok(m) if m.len() <= MAX_SIDECAR => match std::fs::read(s) {
                Ok(bytes) => Some(bytes),
                Err(e) => return (Vec::new(), Some(format!("{}: {e}", s.display()))),
            },
            _ => {
                return (
                    Vec::new(),
                    Some(format!(
                        "{}: too large (over {MAX_SIDECAR} bytes) or unreadable",
                        s.display()
                    )),
                );
            }
        },
    };
    validate(&name.to_string(), mime, &mut file, manifest.as_deref())
}

/// Validates the manifest store embedded in an image held by `stream` (an upload, bytes).
pub fn read_stream<R: Read + Seek + Send>(
    name: &str,
    format: Format,
    stream: &mut R,
) -> (Vec<Evidence>, Option<String>) {
    match mime(format) {
        Some(mime) => validate(name, mime, stream, None),
        None => (Vec::new(), None),
    }
}

fn validate<R: Read + Seek + Send>(
    name: &str,
    mime: &str,
    stream: &mut R,
    sidecar: Option<&[u8]>,
) -> (Vec<Evidence>, Option<String>) {
    let len = stream.seek(std::io::SeekFrom::End(0)).unwrap_or(0);
    if len > MAX_FILE {
        return (
            Vec::new(),
            Some(format!(
                "{name}: {len} bytes, more than the {MAX_FILE} licit validates C2PA content \
                 credentials in; not read"
            )),
        );
    }
    if stream.rewind().is_err() {
        return (Vec::new(), None);
    }
    let reader = c2pa::Reader::from_context(c2pa::Context::new());
    let read = match sidecar {
        Some(bytes) => reader.with_manifest_data_and_stream(bytes, mime, stream),
        None => reader.with_stream(mime, stream),
    };
    match read {
        Ok(r) => (evidence(&r), None),
        // What looked like a store was no manifest store after all.
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
