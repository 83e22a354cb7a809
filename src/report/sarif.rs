//! SARIF 2.1.0 (OASIS), the format GitHub code scanning reads: one rule per finding kind, one
//! result per finding and place, located at the document line that shows the image (or at the
//! image file). Hand-written structures: only what licit fills in.
//!
//! `schema/sarif-schema-2.1.0.json` is the OASIS schema; the tests validate output against it.

use serde::Serialize;

use super::Located;
use crate::finding::{FindingKind, Level};

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub results: Vec<SarifResult>,
    pub column_kind: &'static str,
}

#[derive(Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub semantic_version: &'static str,
    pub information_uri: &'static str,
    pub rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: &'static str,
    pub name: String,
    pub short_description: Text,
    pub default_configuration: Configuration,
}

#[derive(Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Serialize)]
pub struct Text {
    pub text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    pub rule_index: usize,
    pub level: &'static str,
    pub message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<SarifLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifLocation {
    pub physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    pub uri: String,
    pub uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
}

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
    }
}

/// `credit-incomplete` → `CreditIncomplete`.
fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative path as a URI reference: `/` kept, other reserved and non-ASCII bytes escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SARIF log of these findings.
pub fn log(found: &[Located]) -> Log {
    let rules = FindingKind::ALL
        .iter()
        .map(|k| Rule {
            id: k.as_str(),
            name: camel(k.as_str()),
            short_description: Text {
                text: k.describe().to_string(),
            },
            default_configuration: Configuration {
                level: level(k.level()),
            },
        })
        .collect();
    let results = found
        .iter()
        .map(|f| {
            let message = match (f.image.as_deref(), f.location.as_ref()) {
                (Some(i), Some(l)) if l.file != i => format!("{i}: {}", f.message),
                (Some(i), None) => format!("{i}: {}", f.message),
                _ => f.message.clone(),
            };
            SarifResult {
                rule_id: f.kind.as_str(),
                rule_index: FindingKind::ALL
                    .iter()
                    .position(|k| *k == f.kind)
                    .unwrap_or(0),
                level: level(f.level),
                message: Text { text: message },
                locations: f
                    .location
                    .as_ref()
                    .map(|l| SarifLocation {
                        physical_location: PhysicalLocation {
                            artifact_location: ArtifactLocation {
                                uri: uri(&l.file),
                                uri_base_id: "%SRCROOT%",
                            },
                            region: l.line.map(|start_line| Region { start_line }),
                        },
                    })
                    .into_iter()
                    .collect(),
            }
        })
        .collect();
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "licit",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules,
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    }
}

/// SARIF 2.1.0: the findings of every item and problem (with `errors_only`, the errors),
/// collected and written as one log.
pub struct Reporter<W: std::io::Write> {
    out: W,
    errors_only: bool,
    found: Vec<Located>,
}

impl<W: std::io::Write> Reporter<W> {
    pub fn new(out: W, errors_only: bool) -> Self {
        Reporter {
            out,
            errors_only,
            found: Vec::new(),
        }
    }
}

impl<W: std::io::Write> crate::checker::Sink for Reporter<W> {
    fn item(&mut self, item: crate::check::Item, _: crate::checker::Scope) -> std::io::Result<()> {
        let errors_only = self.errors_only;
        self.found.extend(
            super::located_item(&item)
                .into_iter()
                .filter(|f| !errors_only || f.level == Level::Error),
        );
        Ok(())
    }
    fn problem(&mut self, p: &crate::repo::RepoProblem) -> std::io::Result<()> {
        let f = super::located_problem(p);
        if !self.errors_only || f.level == Level::Error {
            self.found.push(f);
        }
        Ok(())
    }
}

impl<W: std::io::Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, _: &crate::checker::Outcome) -> std::io::Result<()> {
        self.found.sort();
        serde_json::to_writer_pretty(&mut self.out, &log(&self.found))?;
        writeln!(self.out)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_and_uris() {
        assert_eq!(
            camel("license-not-allowed-by-policy"),
            "LicenseNotAllowedByPolicy"
        );
        assert_eq!(uri("content/a b/é.md"), "content/a%20b/%C3%A9.md");
        let l = log(&[]);
        assert_eq!(l.runs[0].tool.driver.rules.len(), FindingKind::ALL.len());
    }
}
