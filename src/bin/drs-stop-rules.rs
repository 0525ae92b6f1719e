//! `drs-stop-rules`: the stop rules on the command line.
//!
//!     drs-stop-rules evaluate [--lang zh-cn] [--policy P] [--children] < task.json   # one task or an array
//!     drs-stop-rules plan [--lang zh-cn] [--policy P] < plan.json
//!     drs-stop-rules plan-delete [--lang zh-cn] [--policy P] < plan.json
//!     drs-stop-rules table [--json] [--lang zh-cn]
//!     drs-stop-rules version
//!
//! `--lang` and `--policy` apply to every command that decides; in a plan
//! request, its own `lang` and `policy` fields win over them.
//! Invalid input exits with status 2 and the error as JSON on stderr.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use drs_stop_rules::{
    evaluate_json, matrix_json, plan_delete_json_with, plan_json_with, rules_version, stop_matrix, EvaluateOptions,
    InputError, Lang, Policy,
};

#[derive(Parser)]
#[command(name = "drs-stop-rules", version, about = "Stop and delete rules for DRS tasks")]
struct Cli {
    /// Message language: en-us (default) or zh-cn.
    #[arg(long, global = true, default_value = "en-us")]
    lang: String,
    /// The user's DRS system policy: FullAccess (default), Administrator,
    /// FullWithOutDeletePermission or ReadOnlyAccess; any other name allows nothing.
    #[arg(long, global = true, default_value = "FullAccess")]
    policy: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a task object or an array of tasks on stdin; print the decision(s).
    Evaluate {
        /// Also decide every task nested in `children` (depth-first, after its
        /// parent, with `parent_id`); the output is then always an array.
        #[arg(long)]
        children: bool,
    },
    /// Read a batch stop request on stdin; print the plan.
    Plan,
    /// Read a batch delete request ({"tasks": [...]}) on stdin; print the plan.
    PlanDelete,
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
    let options = EvaluateOptions::new(Lang::from_tag(&cli.lang)).with_policy(Policy::from_name(&cli.policy));
    let lang = options.lang;
    let result = match cli.command {
        Command::Evaluate { children } => {
            read_stdin().and_then(|input| evaluate_json(&input, options.with_children(children)))
        }
        Command::Plan => read_stdin().and_then(|input| plan_json_with(&input, options)),
        Command::PlanDelete => read_stdin().and_then(|input| plan_delete_json_with(&input, options)),
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
