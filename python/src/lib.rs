//! `licit._licit`: the native half of the Python package. Every answer is the library's serde
//! output as JSON text (one document per call, an array for the batch forms), which
//! `licit/__init__.py` turns into dicts with `json.loads`: the dicts are the JSON contract by
//! construction, never a second hand-written copy of it. Errors are raised as `NativeError(class,
//! message)` and re-raised by the Python side as the `licit.LicitError` subclass named.

use std::path::PathBuf;
use std::time::Duration;

use licit::assess::{ShareAs, Use, assess};
use licit::check::Item;
use licit::checker::{CheckError, Checker, Target};
use licit::credit::parse_credit_line;
use licit::license::scan;
use licit::report::json::{CreditLineJson, LicenseLine};
use licit::web::FetchConfig;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use rayon::prelude::*;
use serde::Serialize;

create_exception!(
    _licit,
    NativeError,
    PyException,
    "Raised as (class name, message); licit re-raises it as that LicitError subclass."
);

fn error(class: &str, message: impl Into<String>) -> PyErr {
    NativeError::new_err((class.to_string(), message.into()))
}

fn to_json<T: Serialize + ?Sized>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| error("LicitError", format!("json: {e}")))
}

/// The proposed use, as the CLI's `--use` and `--share-as` read it (the same messages).
fn proposed(words: Option<&str>, share_as: Option<&str>) -> PyResult<Option<Use>> {
    if words.is_none() && share_as.is_none() {
        return Ok(None);
    }
    let mut u =
        Use::parse(words.unwrap_or("")).map_err(|e| error("UseError", format!("--use: {e}")))?;
    if let Some(s) = share_as {
        let s = ShareAs::parse(s).map_err(|e| error("UseError", format!("--share-as: {e}")))?;
        u = u.with_share_as(s);
    }
    Ok(Some(u))
}

fn check_error(e: CheckError) -> PyErr {
    let class = match &e {
        CheckError::Policy(_) => "PolicyError",
        CheckError::Fetch(_) => "FetchError",
        _ => "LicitError",
    };
    // The CLI's words: `licit: check: …`.
    error(class, format!("check: {e}"))
}

fn license_json(text: &str) -> LicenseLine<'_> {
    LicenseLine::new(text, &scan(text))
}

/// `licit license TEXT --format jsonl`, one line.
#[pyfunction]
fn license(py: Python<'_>, text: PyBackedStr) -> PyResult<String> {
    py.detach(|| to_json(&license_json(&text)))
}

/// `license` over many texts, on every core; one JSON array.
#[pyfunction]
fn license_many(py: Python<'_>, texts: Vec<PyBackedStr>) -> PyResult<String> {
    py.detach(|| {
        let lines: Vec<String> = texts
            .par_iter()
            .map(|t| to_json(&license_json(t)))
            .collect::<PyResult<_>>()?;
        Ok(join(&lines))
    })
}

fn credit_json(text: &str, u: &Use) -> PyResult<String> {
    let credit = parse_credit_line(text);
    let assessment = assess(&credit, u);
    to_json(&CreditLineJson {
        input: text,
        credit: &credit,
        assessment: &assessment,
    })
}

/// `licit credit TEXT --format jsonl`, one line.
#[pyfunction]
#[pyo3(signature = (text, r#use=None, share_as=None))]
fn credit(
    py: Python<'_>,
    text: PyBackedStr,
    r#use: Option<&str>,
    share_as: Option<&str>,
) -> PyResult<String> {
    let u = proposed(r#use, share_as)?.unwrap_or_default();
    py.detach(|| credit_json(&text, &u))
}

/// `credit` over many texts, on every core; one JSON array.
#[pyfunction]
#[pyo3(signature = (texts, r#use=None, share_as=None))]
fn credit_many(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    r#use: Option<&str>,
    share_as: Option<&str>,
) -> PyResult<String> {
    let u = proposed(r#use, share_as)?.unwrap_or_default();
    py.detach(|| {
        let lines: Vec<String> = texts
            .par_iter()
            .map(|t| credit_json(t, &u))
            .collect::<PyResult<_>>()?;
        Ok(join(&lines))
    })
}

/// Images in memory, `(name, bytes)` each, checked as image files are; one JSON array of items.
#[pyfunction]
#[pyo3(signature = (images, r#use=None, share_as=None))]
fn check_bytes_many(
    py: Python<'_>,
    images: Vec<(PyBackedStr, PyBackedBytes)>,
    r#use: Option<&str>,
    share_as: Option<&str>,
) -> PyResult<String> {
    let checker = Checker::default().proposed(proposed(r#use, share_as)?);
    py.detach(|| {
        let items = checker.check_bytes(&images).map_err(check_error)?;
        items_json(&items)
    })
}

/// `licit check TARGET --format jsonl`: a file, a directory, an `.html` page or a URL; one
/// JSON array of items.
#[pyfunction]
// One argument per Python keyword argument, as the CLI has one flag each.
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (path, r#use=None, share_as=None, timeout=20, no_cache=false, deny_private=false, run_timeout=300))]
fn check_path(
    py: Python<'_>,
    path: PathBuf,
    r#use: Option<&str>,
    share_as: Option<&str>,
    timeout: u64,
    no_cache: bool,
    deny_private: bool,
    run_timeout: u64,
) -> PyResult<String> {
    let mut fetch = FetchConfig::from_env();
    fetch.cache_dir = fetch.cache_dir.filter(|_| !no_cache);
    fetch.timeout = Duration::from_secs(timeout.max(1));
    fetch.deny_private = deny_private;
    fetch.run_timeout = Duration::from_secs(run_timeout.max(1));
    let checker = Checker::default()
        .proposed(proposed(r#use, share_as)?)
        .fetch(fetch);
    py.detach(|| {
        let target = Target::classify(path.as_os_str());
        let mut items = Vec::new();
        checker
            .check(&[target], &mut |it: Item, _| {
                items.push(it);
                Ok(())
            })
            .map_err(check_error)?;
        items_json(&items)
    })
}

fn items_json(items: &[Item]) -> PyResult<String> {
    let lines: Vec<String> = items.iter().map(to_json).collect::<PyResult<_>>()?;
    Ok(join(&lines))
}

/// JSON texts as one JSON array.
fn join(lines: &[String]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 2);
    out.push('[');
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(l);
    }
    out.push(']');
    out
}

#[pymodule]
fn _licit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(license, m)?)?;
    m.add_function(wrap_pyfunction!(license_many, m)?)?;
    m.add_function(wrap_pyfunction!(credit, m)?)?;
    m.add_function(wrap_pyfunction!(credit_many, m)?)?;
    m.add_function(wrap_pyfunction!(check_bytes_many, m)?)?;
    m.add_function(wrap_pyfunction!(check_path, m)?)?;
    Ok(())
}
