//! `drs-stop-rules`: the stop rules on the command line.
//!
//!     drs-stop-rules evaluate [--lang zh-cn] < task.json     # one task or an array
//!     drs-stop-rules plan < plan.json
//!     drs-stop-rules table [--json] [--lang zh-cn]
//!
//! Invalid input exits with status 2 and the error as JSON on stderr.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use drs_stop_rules::{evaluate_json, matrix_json, plan_json, rules_version, stop_matrix, InputError, Lang};

#[derive(Parser)]
#[command(name = "drs-stop-rules", version, about = "Stop eligibility and stop-mode rules for DRS tasks")]
struct Cli {
    /// Message language: en-us (default) or zh-cn.
    #[arg(long, global = true, default_value = "en-us")]
    lang: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a task object or an array of tasks on stdin; print the decision(s).
    Evaluate,
    /// Read a batch plan request on stdin; print the plan.
    Plan,
    /// Print the eligibility matrix (Markdown, or JSON with --json).
    Table {
        #[arg(long)]
        json: bool,
    },
    /// Print the rules version.
    Version,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::from_tag(&cli.lang);
    let result = match cli.command {
        Command::Evaluate => read_stdin().and_then(|input| evaluate_json(&input, lang)),
        Command::Plan => read_stdin().and_then(|input| plan_json(&input)),
        Command::Table { json: true } => Ok(matrix_json(lang)),
        Command::Table { json: false } => Ok(stop_matrix(lang).to_markdown()),
        Command::Version => Ok(rules_version()),
    };
    match result {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(stdout, "{}", output.trim_end());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.to_json());
            ExitCode::from(2)
        }
    }
}

fn read_stdin() -> Result<String, InputError> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|error| InputError::new("", format!("stdin could not be read as UTF-8 text: {error}")))?;
    Ok(input)
}
