//! The TypeScript side of the IPC contract, generated from the Rust types and the command
//! table. The files are committed; `tests/bindings.rs` fails when they drift from this.

use confab_service::{
    AboutInfo, AppError, AppEvent, BackupReport, BusyImportReport, CalendarFile, CalendarImport,
    ErrorCode, InterviewerView, NewStudy, RestoreReport, StartupState, StudySummary,
};
use ts_rs::{Config, TS};

pub const TYPES_FILE: &str = "ui/src/bindings/types.ts";
pub const COMMANDS_FILE: &str = "ui/src/bindings/commands.ts";
const REGENERATE: &str = "CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings";

struct Command {
    name: &'static str,
    /// The argument's name as the Rust command spells it, and its TypeScript type.
    arg: Option<(&'static str, String)>,
    returns: String,
}

fn config() -> Config {
    Config::new().with_large_int("number")
}

fn name_of<T: TS>() -> String {
    T::name(&config())
}

fn commands() -> Vec<Command> {
    vec![
        Command {
            name: "startup_state",
            arg: None,
            returns: name_of::<StartupState>(),
        },
        Command {
            name: "list_studies",
            arg: None,
            returns: name_of::<Vec<StudySummary>>(),
        },
        Command {
            name: "create_study",
            arg: Some(("input", name_of::<NewStudy>())),
            returns: name_of::<StudySummary>(),
        },
        Command {
            name: "load_demo_study",
            arg: None,
            returns: name_of::<StudySummary>(),
        },
        Command {
            name: "about",
            arg: None,
            returns: name_of::<AboutInfo>(),
        },
        Command {
            name: "open_logs_folder",
            arg: None,
            returns: name_of::<()>(),
        },
        Command {
            name: "subscribe_app_events",
            arg: Some(("on_event", channel_of::<AppEvent>())),
            returns: name_of::<()>(),
        },
        Command {
            name: "list_interviewers",
            arg: Some(("study_id", name_of::<i64>())),
            returns: name_of::<Vec<InterviewerView>>(),
        },
        Command {
            name: "import_calendar_file",
            arg: Some(("input", name_of::<CalendarImport>())),
            returns: name_of::<BusyImportReport>(),
        },
    ]
}

/// A `tauri::ipc::Channel` argument: the window passes a `Channel` from `@tauri-apps/api/core`
/// and Rust sends `T` over it for as long as the page lives.
fn channel_of<T: TS>() -> String {
    format!("{CHANNEL}<{}>", name_of::<T>())
}

const CHANNEL: &str = "Channel";

/// The command names the TypeScript wrappers call, to compare with what the shell registers.
pub fn command_names() -> Vec<&'static str> {
    commands().iter().map(|c| c.name).collect()
}

pub fn types_ts() -> String {
    let cfg = config();
    let decls = [
        ErrorCode::decl(&cfg),
        AppError::decl(&cfg),
        StartupState::decl(&cfg),
        StudySummary::decl(&cfg),
        NewStudy::decl(&cfg),
        AboutInfo::decl(&cfg),
        InterviewerView::decl(&cfg),
        BusyImportReport::decl(&cfg),
        CalendarFile::decl(&cfg),
        CalendarImport::decl(&cfg),
        BackupReport::decl(&cfg),
        RestoreReport::decl(&cfg),
        AppEvent::decl(&cfg),
    ];
    let mut out =
        format!("// This file is generated from the Rust types by `{REGENERATE}`. Do not edit.\n");
    for decl in decls {
        out.push_str(&format!("export {decl}\n\n"));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

pub fn commands_ts() -> String {
    let all = commands();
    let mut imported: Vec<String> = type_names()
        .into_iter()
        .filter(|t| {
            all.iter().any(|c| {
                mentions(&c.returns, t) || c.arg.as_ref().is_some_and(|(_, a)| mentions(a, t))
            })
        })
        .collect();
    imported.sort();
    let uses_channel = all
        .iter()
        .any(|c| c.arg.as_ref().is_some_and(|(_, a)| mentions(a, CHANNEL)));
    let core = if uses_channel {
        format!("invoke, type {CHANNEL}")
    } else {
        "invoke".to_owned()
    };
    let mut out = format!(
        "// This file is generated from the Rust command table by `{REGENERATE}`. Do not edit.\n\
         import {{ {core} }} from \"@tauri-apps/api/core\";\n\
         import type {{ {} }} from \"./types\";\n\n\
         export const commands = {{\n",
        imported.join(", ")
    );
    for c in &all {
        let js_name = camel_case(c.name);
        let line = match &c.arg {
            None => format!(
                "  {js_name}: (): Promise<{}> => invoke(\"{}\"),\n",
                c.returns, c.name
            ),
            Some((arg, ty)) => format!(
                "  {js_name}: ({}: {ty}): Promise<{}> => invoke(\"{}\", {{ {} }}),\n",
                camel_case(arg),
                c.returns,
                c.name,
                camel_case(arg)
            ),
        };
        out.push_str(&line);
    }
    out.push_str("};\n");
    out
}

fn type_names() -> Vec<String> {
    vec![
        name_of::<ErrorCode>(),
        name_of::<AppError>(),
        name_of::<StartupState>(),
        name_of::<StudySummary>(),
        name_of::<NewStudy>(),
        name_of::<AboutInfo>(),
        name_of::<InterviewerView>(),
        name_of::<BusyImportReport>(),
        name_of::<CalendarFile>(),
        name_of::<CalendarImport>(),
        name_of::<BackupReport>(),
        name_of::<RestoreReport>(),
        name_of::<AppEvent>(),
    ]
}

fn mentions(ts: &str, name: &str) -> bool {
    ts.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|word| word == name)
}

fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in snake.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_joins_words() {
        assert_eq!(camel_case("load_demo_study"), "loadDemoStudy");
        assert_eq!(camel_case("input"), "input");
    }

    #[test]
    fn mentions_matches_whole_names_only() {
        assert!(mentions("Array<StudySummary>", "StudySummary"));
        assert!(!mentions("Array<StudySummaryLong>", "StudySummary"));
    }
}
