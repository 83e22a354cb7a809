//! The `licit stamp` command: its arguments (one definition drives parsing and `--help`) and
//! the run that prints what was done. The binary only dispatches.
//!
//! Exit status: 0 when every image was stamped, 2 when one could not be.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::{
    Destination, Stamp, StampRequest, credit_from_image, parse_license, path_with_suffix,
    stamp_file,
};

const PASS: u8 = 0;
const UNUSABLE: u8 = 2;

/// Arguments of `licit stamp`.
#[derive(Args, Debug, Clone)]
pub struct StampArgs {
    /// Images to stamp (JPEG, PNG, WebP; any format with --sidecar).
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<PathBuf>,
    /// The license, in any form `licit license` reads: `CC BY-SA 4.0`, a URL, a title, an
    /// SPDX id. It must name a version.
    #[arg(long)]
    pub license: Option<String>,
    /// An author (repeat for several).
    #[arg(long = "author", value_name = "NAME")]
    pub authors: Vec<String>,
    #[arg(long)]
    pub title: Option<String>,
    /// Where the work is published (`xmpRights:WebStatement`).
    #[arg(long, value_name = "URL")]
    pub source_url: Option<String>,
    /// The URL a credit links to (`cc:attributionURL`; the source URL by default).
    #[arg(long, value_name = "URL")]
    pub attribution_url: Option<String>,
    /// The year of the copyright notice.
    #[arg(long)]
    pub year: Option<String>,
    /// The copyright holder, when not the authors.
    #[arg(long, value_name = "NAME")]
    pub holder: Option<String>,
    /// IPTC Data Mining (`plus:DataMining`): unspecified, allowed, prohibited-ai-training,
    /// prohibited-generative-ai-training, prohibited-except-search-indexing, prohibited,
    /// see-constraint, see-embedded, see-linked (or a PLUS DMI- code).
    #[arg(long, value_name = "VALUE")]
    pub data_mining: Option<String>,
    /// Write what this credit line says (options given as well win over it).
    #[arg(long, value_name = "CREDIT_LINE")]
    pub from_credit: Option<String>,
    /// Copy the rights another image states: a file (its metadata and XMP sidecar), or the URL
    /// of an image or of a page (its first image, with the credit the page shows).
    #[arg(long, value_name = "FILE_OR_URL")]
    pub from: Option<String>,
    /// Write to this file (one image only).
    #[arg(short = 'o', long, value_name = "PATH", conflicts_with_all = ["in_place", "sidecar", "suffix"])]
    pub output: Option<PathBuf>,
    /// Write IMAGE with this suffix before its extension (the default: `.stamped`, giving
    /// `photo.stamped.jpg`).
    #[arg(long, conflicts_with_all = ["in_place", "sidecar"])]
    pub suffix: Option<String>,
    /// Replace the image itself (through a temporary file and an atomic rename).
    #[arg(long, conflicts_with = "sidecar")]
    pub in_place: bool,
    /// Write an XMP sidecar (`IMAGE.xmp`, or the existing one) instead of the image.
    #[arg(long)]
    pub sidecar: bool,
    /// Print the fields that would change (old → new); write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Replace an existing output file.
    #[arg(long)]
    pub force: bool,
}

/// Where the image goes, from the arguments.
fn destination(args: &StampArgs, image: &Path) -> Destination {
    if args.dry_run {
        Destination::DryRun
    } else if args.sidecar {
        Destination::Sidecar
    } else if args.in_place {
        Destination::InPlace
    } else if let Some(o) = &args.output {
        Destination::File(o.clone())
    } else {
        Destination::File(path_with_suffix(
            image,
            args.suffix.as_deref().unwrap_or(".stamped"),
        ))
    }
}

/// The stamp the arguments describe: a source (`--from`, `--from-credit`) overlaid with the
/// explicit options.
pub fn stamp_of(args: &StampArgs) -> Result<Stamp, super::Error> {
    // A source naming a license without its version cannot be written as it is: say so rather
    // than stamp the file without a license.
    let versioned = |c: &crate::credit::Credit, what: &str| match c.license {
        Some(l) if l.tool().is_none() && args.license.is_none() => Err(super::Error {
            path: None,
            kind: super::ErrorKind::License(format!(
                "{what} names {} without a version; give --license",
                l.short_code()
            )),
        }),
        _ => Ok(()),
    };
    let mut stamp = Stamp::default();
    if let Some(from) = &args.from {
        let credit =
            if crate::web::is_url(from) {
                let fetcher = crate::web::Fetcher::new(crate::web::FetchConfig::from_env())
                    .map_err(|e| super::Error {
                        path: Some(PathBuf::from(from)),
                        kind: super::ErrorKind::NotAnImage(e.to_string()),
                    })?;
                super::credit_from_url(from, &fetcher)?
            } else {
                credit_from_image(Path::new(from))?
            };
        versioned(&credit, from)?;
        stamp = Stamp::from_credit(&credit);
    }
    if let Some(line) = &args.from_credit {
        let credit = crate::credit::parse_credit_line(line);
        versioned(&credit, "the credit line")?;
        stamp = stamp.overlaid_with(Stamp::from_credit(&credit));
    }
    let explicit = Stamp {
        license: args.license.as_deref().map(parse_license).transpose()?,
        authors: args.authors.clone(),
        title: args.title.clone(),
        source_url: args.source_url.clone(),
        attribution_url: args.attribution_url.clone(),
        year: args.year.clone(),
        holder: args.holder.clone(),
        data_mining: args
            .data_mining
            .as_deref()
            .map(|w| {
                crate::tdm::dmi_from_word(w).ok_or_else(|| super::Error {
                    path: None,
                    kind: super::ErrorKind::DataMining(format!(
                        "unknown --data-mining value {w:?}; valid: {}, or a PLUS DMI- code",
                        crate::tdm::DMI_WORDS.map(|(n, _)| n).join(", ")
                    )),
                })
            })
            .transpose()?,
    };
    Ok(stamp.overlaid_with(explicit))
}

/// Runs `licit stamp`.
pub fn stamp(args: StampArgs) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    if args.output.is_some() && args.images.len() > 1 {
        eprintln!("licit: -o names one output file; use --suffix for several images");
        return Ok(UNUSABLE);
    }
    let stamp = match stamp_of(&args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("licit: {e}");
            return Ok(UNUSABLE);
        }
    };
    let mut code = PASS;
    for image in &args.images {
        let request = StampRequest {
            stamp: stamp.clone(),
            destination: destination(&args, image),
            force: args.force,
        };
        match stamp_file(image, &request) {
            Ok(o) => {
                match &o.output {
                    Some(p) => writeln!(out, "{} → {}", image.display(), p.display())?,
                    None => writeln!(out, "{} (dry run: nothing written)", image.display())?,
                }
                if o.changes.is_empty() {
                    writeln!(out, "  no field changes")?;
                }
                for c in &o.changes {
                    writeln!(out, "  {c}")?;
                }
            }
            Err(e) => {
                eprintln!("licit: {e}");
                code = UNUSABLE;
            }
        }
    }
    Ok(code)
}
