//! Shared helpers for the CLI tests: running licit and checking JSON against the schema.
#![allow(dead_code)]

pub mod server;

use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

/// The licit binary, with no inherited configuration.
pub fn licit() -> Command {
    let mut cmd = Command::cargo_bin("licit").expect("the licit binary is built for tests");
    cmd.env_remove("GITHUB_ACTIONS").env("NO_COLOR", "1");
    cmd
}

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text = include_str!("../../../schema/licit.schema.json");
        serde_json::from_str(text).expect("schema/licit.schema.json is JSON")
    })
}

/// Validates `instance` against the definition `def` of the schema; panics with every error.
pub fn assert_schema(def: &str, instance: &Value) {
    let mut schema = schema().clone();
    let obj = schema.as_object_mut().expect("schema is an object");
    obj.remove("oneOf");
    obj.insert("$ref".into(), Value::String(format!("#/$defs/{def}")));
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{def}: {}\n{instance:#}",
        errors.join("\n")
    );
}

/// Parses each non-empty line of `stdout` as JSON.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}
