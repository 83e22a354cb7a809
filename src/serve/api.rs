//! The routes: the page's assets, and the JSON API answering with the CLI's contract.
//!
//! `use` and `share_as` (query fields, the words of `--use` and `--share-as`) give the
//! proposed use of every API route. `view=page` wraps the contract document for the page as
//! `{"document": <contract>, "credits": [{"text", "html", "markdown"} or null per item]}`,
//! so that the credit in every style is written by the library, in one place.

use std::sync::Arc;

use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Form, Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use tokio::sync::OwnedSemaphorePermit;

use super::Shared;
use super::http::{ApiError, json_body};
use super::upload::Upload;
use crate::assess::{ShareAs, Use, assess};
use crate::attribution::{self, Style};
use crate::check::{Item, Summary};
use crate::checker::{Checker, Target};
use crate::credit::{Credit, parse_credit_line};
use crate::report::json::{CheckDocument, CreditLineJson, Document};

pub(super) fn router(shared: Arc<Shared>) -> Router {
    let limits = &shared.limits;
    let upload_cap = usize::try_from(limits.request_cap()).unwrap_or(usize::MAX);
    let form_cap = limits.max_form_bytes;
    Router::new()
        .route("/", get(super::assets::index))
        .route("/app.css", get(super::assets::css))
        .route("/app.js", get(super::assets::js))
        .route(
            "/api/check",
            post(check).layer(DefaultBodyLimit::max(upload_cap)),
        )
        .route("/api/url", post(url).layer(DefaultBodyLimit::max(form_cap)))
        .route(
            "/api/credit",
            post(credit).layer(DefaultBodyLimit::max(form_cap)),
        )
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            super::http::same_origin,
        ))
        .layer(axum::middleware::from_fn(super::http::security_headers))
        .with_state(shared)
}

/// The proposed use, and how to answer.
#[derive(Deserialize)]
struct Params {
    #[serde(rename = "use")]
    words: Option<String>,
    share_as: Option<String>,
    view: Option<String>,
}

impl Params {
    fn proposed(&self) -> Result<Use, ApiError> {
        let mut u = Use::parse(self.words.as_deref().unwrap_or(""))
            .map_err(|e| ApiError::bad("bad-use", format!("use: {e}")))?;
        if let Some(s) = self.share_as.as_deref().filter(|s| !s.trim().is_empty()) {
            let to = ShareAs::parse(s)
                .map_err(|e| ApiError::bad("bad-use", format!("share_as: {e}")))?;
            u = u.with_share_as(to);
        }
        Ok(u)
    }

    fn page_view(&self) -> Result<bool, ApiError> {
        match self.view.as_deref() {
            None | Some("contract") => Ok(false),
            Some("page") => Ok(true),
            Some(v) => Err(ApiError::bad(
                "bad-view",
                format!("view: {v:?} is neither \"contract\" nor \"page\""),
            )),
        }
    }

    /// `view=report` (on `/api/check` only): the answer is the `--format html` report.
    fn report_view(&self) -> bool {
        self.view.as_deref() == Some("report")
    }
}

/// A request axum could not read (a wrong content type, a missing field, a body over the
/// limit), as an API error with axum's status and words.
fn rejected(r: impl IntoResponse + std::fmt::Display) -> ApiError {
    let message = r.to_string();
    let status = r.into_response().status();
    let kind = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "too-large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "bad-content-type",
        _ => "bad-request",
    };
    ApiError::new(status, kind, message)
}

/// A credit written in every style, for the page's copy buttons.
#[derive(Serialize)]
struct Styles {
    text: String,
    html: String,
    markdown: String,
}

impl Styles {
    fn of(credit: &Credit) -> Styles {
        Styles {
            text: attribution::attribute(credit, Style::Text),
            html: attribution::attribute(credit, Style::Html),
            markdown: attribution::attribute(credit, Style::Markdown),
        }
    }
}

#[derive(Serialize)]
struct PageView<D: Serialize> {
    document: D,
    credits: Vec<Option<Styles>>,
}

fn answer<D: Serialize>(
    document: D,
    page: bool,
    credits: impl Iterator<Item = Option<Styles>>,
) -> Response {
    if page {
        json_body(&PageView {
            document,
            credits: credits.collect(),
        })
    } else {
        json_body(&document)
    }
}

/// Waits (at most the queue timeout) for `n` bytes of the in-flight budget.
async fn reserve_bytes(shared: &Shared, n: u64) -> Result<OwnedSemaphorePermit, ApiError> {
    let n = u32::try_from(n.max(1)).unwrap_or(u32::MAX);
    let wait = Arc::clone(&shared.in_flight).acquire_many_owned(n);
    match tokio::time::timeout(shared.limits.queue_timeout, wait).await {
        Ok(Ok(p)) => Ok(p),
        _ => Err(ApiError::busy(
            "the server is holding as many uploads as it may; try again shortly",
        )),
    }
}

/// Runs `work` on the blocking pool once a check slot is free, within the request timeout.
async fn run_check<T: Send + 'static>(
    shared: &Shared,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    let slot = Arc::clone(&shared.checks).acquire_owned();
    let slot = match tokio::time::timeout(shared.limits.queue_timeout, slot).await {
        Ok(Ok(p)) => p,
        _ => {
            return Err(ApiError::busy(
                "every check slot is busy; try again shortly",
            ));
        }
    };
    // The slot moves into the task: a check that outlives its request's timeout still
    // counts against the concurrency limit until it ends.
    let task = tokio::task::spawn_blocking(move || {
        let out = work();
        drop(slot);
        out
    });
    match tokio::time::timeout(shared.limits.request_timeout, task).await {
        Ok(Ok(out)) => Ok(out),
        Ok(Err(e)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("the check failed: {e}"),
        )),
        Err(_) => Err(ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            format!(
                "the check took longer than {} s",
                shared.limits.request_timeout.as_secs()
            ),
        )),
    }
}

/// `POST /api/check`: multipart, every `file` field an image; the answer is
/// `licit check --format json` of those images.
async fn check(
    State(shared): State<Arc<Shared>>,
    params: Result<Query<Params>, QueryRejection>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(rejected)?;
    let multipart = multipart.map_err(rejected)?;
    let u = params.proposed()?;
    let report = params.report_view();
    let page = if report { false } else { params.page_view()? };
    let limits = &shared.limits;
    let cap = limits.request_cap();
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(n) = declared
        && n > cap
    {
        return Err(ApiError::too_large(format!(
            "the request has {n} bytes; at most {cap} may be sent at once"
        )));
    }
    let _bytes = reserve_bytes(&shared, declared.unwrap_or(cap)).await?;
    let uploads =
        match tokio::time::timeout(limits.body_timeout, read_uploads(multipart, &shared)).await {
            Ok(r) => r?,
            Err(_) => {
                return Err(ApiError::new(
                    StatusCode::REQUEST_TIMEOUT,
                    "timeout",
                    format!(
                        "the upload took longer than {} s",
                        limits.body_timeout.as_secs()
                    ),
                ));
            }
        };
    if uploads.is_empty() {
        return Err(ApiError::bad(
            "no-file",
            "no file was sent (multipart field \"file\")",
        ));
    }
    let proposed = u.clone();
    if report {
        let html = run_check(&shared, move || report_of_uploads(&proposed, &uploads)).await??;
        return Ok((
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"licit-report.html\"",
                ),
            ],
            html,
        )
            .into_response());
    }
    let items = run_check(&shared, move || check_uploads(&proposed, &uploads)).await??;
    Ok(check_answer(&u, items, page))
}

/// The `--format html` report of uploaded images, with thumbnails made from the uploaded
/// bytes (decoded within the report's limits, one image at a time: the server's check slots
/// already bound how many run at once).
fn report_of_uploads(u: &Use, uploads: &[Upload]) -> Result<Vec<u8>, ApiError> {
    use crate::report::html::{Report, Thumb, ThumbOptions};
    let items = check_uploads(u, uploads)?;
    let opts = ThumbOptions {
        threads: 1,
        max_alloc: 128 * 1024 * 1024,
        max_in_flight: 128 * 1024 * 1024,
        ..ThumbOptions::default()
    };
    let thumbs: Vec<Thumb> = uploads
        .iter()
        .map(|up| {
            let mut bytes = Vec::with_capacity(usize::try_from(up.len()).unwrap_or(0));
            match std::io::Read::read_to_end(&mut up.reader(), &mut bytes) {
                Ok(_) => Thumb::from_bytes(&bytes, &opts),
                Err(e) => Thumb::Missing(format!("cannot read the upload: {e}")),
            }
        })
        .collect();
    let mut summary = Summary::default();
    for it in &items {
        summary.add(it);
    }
    let mut out = Vec::new();
    let report = Report {
        proposed: u,
        items: &items,
        problems: &[],
        summary: &summary,
        thumbs: &thumbs,
    };
    // Writing into a Vec cannot fail.
    let _ = report.render(&mut out);
    Ok(out)
}

/// Each upload, as `licit check FILE` checks a file, read where it lies (no copy).
fn check_uploads(u: &Use, uploads: &[Upload]) -> Result<Vec<Item>, ApiError> {
    let checker = Checker::default().proposed(Some(u.clone()));
    uploads
        .iter()
        .map(|up| checker.check_reader(&up.name, &mut up.reader()))
        .collect::<Result<_, _>>()
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string()))
}

fn check_answer(u: &Use, items: Vec<Item>, page: bool) -> Response {
    let mut summary = Summary::default();
    for it in &items {
        summary.add(it);
    }
    let credits = items.iter().map(|it| it.credit.as_ref().map(Styles::of));
    answer(CheckDocument::new(u, &items, &summary), page, credits)
}

/// Reads the `file` fields within the per-file, per-request and file-count limits.
async fn read_uploads(mut mp: Multipart, shared: &Shared) -> Result<Vec<Upload>, ApiError> {
    let limits = &shared.limits;
    let cap = limits.request_cap();
    let mut total: u64 = 0;
    let mut out: Vec<Upload> = Vec::new();
    let malformed = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(format!(
                "the request is larger than the {cap} bytes allowed"
            ))
        } else {
            ApiError::bad("bad-multipart", format!("the upload is malformed: {e}"))
        }
    };
    while let Some(mut field) = mp.next_field().await.map_err(malformed)? {
        let is_file = field.name() == Some("file");
        if is_file && out.len() == limits.max_files {
            return Err(ApiError::too_large(format!(
                "more than {} files in one request",
                limits.max_files
            )));
        }
        let name = upload_name(field.file_name(), out.len() + 1);
        let mut up = Upload::new(name);
        while let Some(chunk) = field.chunk().await.map_err(malformed)? {
            total += chunk.len() as u64;
            if total > cap {
                return Err(ApiError::too_large(format!(
                    "the request is larger than the {cap} bytes allowed"
                )));
            }
            if is_file {
                up.push(chunk);
                if up.len() > limits.max_file_bytes {
                    return Err(ApiError::too_large(format!(
                        "{}: larger than the {} bytes a file may have",
                        up.name, limits.max_file_bytes
                    )));
                }
            }
        }
        if is_file {
            out.push(up);
        }
    }
    Ok(out)
}

/// The name an upload is reported under: the client's file name without its directories
/// (a folder dropped on the page sends `folder/photo.jpg`… or more), at most 255 characters
/// and no control characters; `upload-N` when none was given.
fn upload_name(given: Option<&str>, n: usize) -> String {
    let base = given
        .map(|s| s.rsplit(['/', '\\']).next().unwrap_or(s))
        .unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).take(255).collect();
    if clean.trim().is_empty() {
        format!("upload-{n}")
    } else {
        clean
    }
}

#[derive(Deserialize)]
struct UrlForm {
    url: String,
}

/// `POST /api/url` (form field `url`): a photo, a page, a Commons or Flickr URL, as
/// `licit check --format json --deny-private URL`.
async fn url(
    State(shared): State<Arc<Shared>>,
    params: Result<Query<Params>, QueryRejection>,
    form: Result<Form<UrlForm>, FormRejection>,
) -> Result<Response, ApiError> {
    let (Query(params), Form(form)) = (params.map_err(rejected)?, form.map_err(rejected)?);
    let u = params.proposed()?;
    let page = params.page_view()?;
    let given = form.url.trim().to_string();
    let target = Target::classify(given.as_ref());
    if !matches!(target, Target::Url(_)) {
        return Err(ApiError::bad(
            "bad-url",
            format!("{given:?} is not an http:// or https:// URL"),
        ));
    }
    let checker = Checker::default()
        .proposed(Some(u.clone()))
        .fetch(shared.fetch.clone());
    let (items, outcome) = run_check(&shared, move || {
        let mut items = Vec::new();
        let r = checker.check(&[target], &mut |it: Item, _| {
            items.push(it);
            Ok(())
        });
        (items, r)
    })
    .await?;
    let outcome =
        outcome.map_err(|e| ApiError::new(StatusCode::BAD_GATEWAY, "unusable", e.to_string()))?;
    let credits = items.iter().map(|it| it.credit.as_ref().map(Styles::of));
    Ok(answer(
        CheckDocument::new(&outcome.proposed, &items, &outcome.summary),
        page,
        credits,
    ))
}

#[derive(Deserialize)]
struct CreditForm {
    text: String,
}

/// `POST /api/credit` (form field `text`): each non-blank line a credit line, as
/// `licit credit --format json`.
async fn credit(
    State(shared): State<Arc<Shared>>,
    params: Result<Query<Params>, QueryRejection>,
    form: Result<Form<CreditForm>, FormRejection>,
) -> Result<Response, ApiError> {
    let (Query(params), Form(form)) = (params.map_err(rejected)?, form.map_err(rejected)?);
    let u = params.proposed()?;
    let page = params.page_view()?;
    let lines: Vec<String> = form
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if lines.is_empty() {
        return Err(ApiError::bad(
            "no-text",
            "no credit line was sent (field \"text\")",
        ));
    }
    let max = shared.limits.max_credit_lines;
    if lines.len() > max {
        return Err(ApiError::too_large(format!(
            "{} lines; at most {max} credit lines at once",
            lines.len()
        )));
    }
    let read = run_check(&shared, move || {
        lines
            .into_iter()
            .map(|l| {
                let c = parse_credit_line(&l);
                let a = assess(&c, &u);
                (l, c, a)
            })
            .collect::<Vec<_>>()
    })
    .await?;
    let items = read
        .iter()
        .map(|(input, credit, assessment)| CreditLineJson {
            input,
            credit,
            assessment,
        })
        .collect();
    let credits = read.iter().map(|(_, c, _)| Some(Styles::of(c)));
    Ok(answer(Document::new(items), page, credits))
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not-found", "no such page")
}
