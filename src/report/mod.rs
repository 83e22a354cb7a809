//! Reports: what licit found, as text for people ([`human`]) or JSON for scripts ([`json`]).
//!
//! Only this layer decides how results look; the JSON field names follow the output contract
//! (schema 1), documented by `schema/licit.schema.json`.

pub mod human;
pub mod json;

/// The output format chosen with `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Text for people.
    #[default]
    Human,
    /// One JSON document for the whole run.
    Json,
    /// One JSON object per line, as each input is done.
    Jsonl,
}

/// The version of the JSON contract.
pub const SCHEMA: u32 = 1;
