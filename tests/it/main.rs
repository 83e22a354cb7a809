//! The integration tests, as one binary: each former `tests/*.rs` file is a module here, so the
//! test code and the library are linked once instead of once per file.

mod common;

mod ai_training;
mod assess_cases;
mod assess_table;
mod browser;
mod cli_credit;
mod cli_from_file;
mod cli_license;
mod credit_lines;
mod determinism;
mod eval_ratchet;
// CPU clocks, FIFOs and a counting allocator: Unix only.
#[cfg(unix)]
mod hardening;
mod license_catalogue;
mod license_forms;
mod metadata;
mod repo_site;
mod report_html;
mod report_html_browser;
#[cfg(feature = "serve")]
mod serve;
#[cfg(feature = "serve")]
mod serve_browser;
mod stamp;
mod web;
