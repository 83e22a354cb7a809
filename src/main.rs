//! The `licit` command: arguments in, library calls, report out, exit code.

mod args;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use args::{Bar, Cli, Command, Generate, NetArgs, RepoArgs, StyleArg};
use clap::Parser;
use licit::assess::{Use, assess};
use licit::attribution::{self, Style};
use licit::credit::parse_credit_line;
use licit::repo::{WalkOptions, policy};
use licit::report::{self, Format, Tee, texts};
use licit::{Checker, Exit, Target, web};

fn main() -> ExitCode {
    let run = match Cli::parse().command {
        Command::License { texts, format } => {
            text_command(texts, |i, o| texts::license(i, format, o))
        }
        Command::Credit {
            texts,
            proposed,
            format,
        } => proposed.given().and_then(|u| {
            let u = u.unwrap_or_default();
            text_command(texts, |i, o| texts::credit(i, &u, format, o))
        }),
        Command::Check {
            targets,
            list,
            proposed,
            net,
            format,
            mut repo,
        } => proposed.given().and_then(|u| {
            let targets = Target::expand_from(&targets, &list.from_file, list.shard);
            // One shard of a short list may hold nothing: that is not a mistake.
            repo.allow_empty |= list.shard.is_some() && targets.is_empty();
            check_command(targets, u, &net, format, &repo)
        }),
        Command::Init { dir } => init_command(&dir),
        Command::Generate { what } => generate_command(what),
        Command::Attribute { target, style } => attribute_command(&target, style),
        Command::Stamp(args) => licit::stamp::cli::stamp(args)
            .map(Exit::from_code)
            .map_err(Into::into),
        Command::Annotate(args) => licit::repo::annotate::run(args)
            .map(Exit::from_code)
            .map_err(Into::into),
        #[cfg(feature = "serve")]
        Command::Serve(args) => licit::serve::run(args.config())
            .map(|()| Exit::Pass)
            .map_err(Into::into),
    };
    match run {
        Ok(exit) => ExitCode::from(exit.code()),
        // A reader that stops early (`licit check … | head`) is not a failure: the pipe error
        // may sit under the library's own error and a context, so the whole chain is asked.
        Err(e)
            if e.chain().any(|c| {
                let io = c.downcast_ref::<io::Error>().or(match c.downcast_ref() {
                    Some(licit::checker::CheckError::Sink(e)) => Some(e),
                    _ => None,
                });
                io.is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("licit: {e:#}");
            ExitCode::from(Exit::Unusable.code())
        }
    }
}

type TextRun<'a> = &'a dyn Fn(&[texts::Input], &mut dyn Write) -> io::Result<Exit>;

fn text_command(
    given: Vec<String>,
    run: impl Fn(&[texts::Input], &mut dyn Write) -> io::Result<Exit>,
) -> Result<Exit> {
    let run: TextRun = &run;
    let given = if given.is_empty() && !io::stdin().is_terminal() {
        vec!["-".into()]
    } else {
        given
    };
    let inputs = texts::read_inputs(given, &mut io::stdin().lock());
    anyhow::ensure!(
        !inputs.is_empty(),
        "no text given (pass TEXT… or - to read standard input)"
    );
    Ok(run(&inputs, &mut io::BufWriter::new(io::stdout().lock()))?)
}

fn check_command(
    targets: Vec<Target>,
    u: Option<Use>,
    net: &NetArgs,
    format: Format,
    args: &RepoArgs,
) -> Result<Exit> {
    let mut fetch = web::FetchConfig::from_env();
    fetch.cache_dir = fetch.cache_dir.filter(|_| !net.no_cache);
    fetch.cache_max_bytes = net.cache_max;
    fetch.timeout = std::time::Duration::from_secs(net.timeout.max(1));
    fetch.run_timeout = std::time::Duration::from_secs(net.run_timeout.max(1));
    fetch.deny_private = net.deny_private;
    let walk = WalkOptions {
        exclude: args.exclude.clone(),
        hidden: args.hidden,
        no_ignore: args.no_ignore,
    };
    let mut checker = Checker::default()
        .proposed(u)
        .policy_file(args.config.clone())
        .walk(walk)
        .fetch(fetch);
    checker = checker
        .root(args.root.clone())
        .allow_empty(args.allow_empty);
    let ci = std::env::var_os("CI").is_some() || std::env::var_os("GITHUB_ACTIONS").is_some();
    if !(args.quiet || ci || !io::stderr().is_terminal()) {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
        {
            bar.set_style(style);
        }
        checker = checker.progress(Arc::new(Bar(bar)));
    }
    // Into a file or a pipe, 64 KiB at a time: a photo's JSON line is several KiB, and the
    // default 8 KiB meant a write call per line. A terminal keeps the default.
    let capacity = match io::stdout().is_terminal() {
        true => 8 << 10,
        false => 64 << 10,
    };
    let out = io::BufWriter::with_capacity(capacity, io::stdout());
    let mut reporter = report::reporter(format, out, args.quiet);
    if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") && format != Format::Github {
        // Annotations follow a human report on standard output, and go to standard error
        // beside a machine-readable one.
        let notes: Box<dyn Write> = if format == Format::Human {
            Box::new(io::stdout())
        } else {
            Box::new(io::stderr())
        };
        reporter = Box::new(Tee(
            reporter,
            Box::new(report::github::Reporter::new(notes, args.quiet)),
        ));
    }
    if args.fix {
        let out: Box<dyn Write> = match format {
            Format::Human => Box::new(io::stdout()),
            _ => Box::new(io::stderr()),
        };
        reporter = Box::new(Tee(reporter, Box::new(report::fixes::Reporter::new(out))));
    }
    let outcome = checker.check(&targets, &mut *reporter).context("check")?;
    reporter.finish(&outcome)?;
    Ok(outcome.exit)
}

fn init_command(dir: &std::path::Path) -> Result<Exit> {
    let path = dir.join(policy::FILE_NAME);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| match dir.join(policy::FILE_NAME).exists() {
            true => format!(
                "init: {} already exists; not overwriting it",
                path.display()
            ),
            false => format!("init: {}", path.display()),
        })?;
    f.write_all(policy::STARTER.as_bytes())?;
    eprintln!("licit init: wrote {}", path.display());
    Ok(Exit::Pass)
}

fn generate_command(what: Generate) -> Result<Exit> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    match what {
        Generate::Completions { shell } => {
            clap_complete::generate(shell, &mut cmd, "licit", &mut io::stdout())
        }
        Generate::Man { dir: None } => clap_mangen::Man::new(cmd).render(&mut io::stdout())?,
        Generate::Man { dir: Some(dir) } => {
            std::fs::create_dir_all(&dir)?;
            cmd = cmd.after_long_help(report::man_notes());
            cmd.build();
            let mut pages = vec![("licit".to_string(), cmd.clone())];
            pages.extend(cmd.get_subcommands().map(|s| {
                (
                    format!("licit-{}", s.get_name()),
                    s.clone().after_long_help(report::man_notes()),
                )
            }));
            for (name, page) in pages {
                let mut out = std::fs::File::create(dir.join(format!("{name}.1")))?;
                clap_mangen::Man::new(page).title(name).render(&mut out)?;
            }
        }
    }
    Ok(Exit::Pass)
}

fn attribute_command(target: &str, style: StyleArg) -> Result<Exit> {
    let style = match style {
        StyleArg::Text => Style::Text,
        StyleArg::Html => Style::Html,
        StyleArg::Markdown => Style::Markdown,
    };
    let t = Target::classify(target.as_ref());
    let (credit, assessment) = if matches!(t, Target::Url(_) | Target::File(_) | Target::Page(_)) {
        let mut first = None;
        Checker::default()
            .fetch(web::FetchConfig::from_env())
            .check(&[t], &mut |it: licit::check::Item, _| {
                first.get_or_insert(it);
                Ok(())
            })?;
        let item = first.context("attribute: nothing found")?;
        if let Some(e) = item.errors.first() {
            anyhow::bail!("attribute: {}", e.message);
        }
        (item.credit.unwrap_or_default(), item.assessment)
    } else {
        (parse_credit_line(target), None)
    };
    let verdict = assessment
        .unwrap_or_else(|| assess(&credit, &Use::default()))
        .verdict;
    let exit = Exit::of_verdict(verdict);
    if exit != Exit::Pass && credit.license.is_none() {
        eprintln!(
            "licit attribute: no Creative Commons license found; the credit below names what is known, but reuse needs permission"
        );
    }
    println!("{}", attribution::attribute(&credit, style));
    Ok(exit)
}
