//! The TypeScript side of the IPC contract, generated from the Rust types and the command
//! table. The files are committed; `tests/bindings.rs` fails when they drift from this.

use confab_service::{
    AboutInfo, ActorKind, AppError, AppEvent, AttentionItem, AttentionKind, BackupReport,
    BusyImportReport, BusyTimeView, CalendarAccountInput, CalendarAccountView, CalendarFile,
    CalendarImport, CancelOutcome, ColumnMapping, ConnectionCheck, CsvLayout, DatabaseChoiceView,
    DayConflictView, DayDutyView, DayItineraryView, DayPair, DayRoundView, DayScheduleView,
    DaySeatView, DaySettings, DaySlot, DayTimetableView, EnrolmentStatus, ErrorCode, FieldProblem,
    FixedBlockInput, FoundMailSettings, FoundSignIn, HeldChoice, HistoryEntry, ImportColumn,
    ImportField, ImportMode, ImportReport, ImportRow, ImportTotals, InterviewList, InterviewState,
    InterviewView, InterviewerView, InvitationReadiness, InviteReport, InviteSkip, ItipMethod,
    LanguageOption, LastKnown, LastKnownInterview, LastKnownStudy, MailAccount, MailAuth,
    MailProfile, MailProvider, MailSecurity, MessageTemplate, NewParticipant, NewSession, NewStudy,
    OutboxEdit, OutboxFilter, OutboxKind, OutboxMessage, OutboxState, ParticipantDetail,
    ParticipantEnrolment, ParticipantQuery, ParticipantSummary, ParticipantUpdate,
    PendingParticipant, PublishReport, RemoteCalendarView, RemovalReport, ReplyCandidate,
    RestoreReport, RowOutcome, RuleBreak, RuleBreakView, Separator, SessionChange,
    SessionExceptionView, SessionPattern, SessionView, SettingsSourceKind, SignInChoice, SlotView,
    StaffPick, StaffRole, StaffView, Staffing, StartupState, StatusCount, StatusOption,
    StudyCalendarView, StudyKind, StudyOverview, StudySettings, StudySummary, StudyTransferReport,
    SwapReport, SyncProgress, SyncReport, TeamDatabaseCheck, TeamDatabaseInput,
    TeamDatabaseSettings, TeamTls, TemplatePreview,
};
use ts_rs::{Config, TS};

pub const TYPES_FILE: &str = "ui/src/bindings/types.ts";
pub const COMMANDS_FILE: &str = "ui/src/bindings/commands.ts";
const REGENERATE: &str = "CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings";

/// A command as the window calls it; `#[confab_command]` writes one beside each command.
pub struct Signature {
    pub name: &'static str,
    /// The arguments' names as the Rust command spells them, and their TypeScript types.
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
}

fn config() -> Config {
    Config::new().with_large_int("number")
}

pub fn name_of<T: TS>() -> String {
    T::name(&config())
}

fn commands() -> Vec<Signature> {
    crate::commands::signatures()
}

/// A `tauri::ipc::Channel` argument: the window passes a `Channel` from `@tauri-apps/api/core`
/// and Rust sends `T` over it for as long as the page lives.
pub fn channel_of<T: TS>() -> String {
    format!("{CHANNEL}<{}>", name_of::<T>())
}

const CHANNEL: &str = "Channel";

pub const CAPABILITY_FILE: &str = "src-tauri/capabilities/main.json";

/// The main window's capability: every command of the table, nothing else.
pub fn capability_json() -> String {
    let permissions: Vec<String> = crate::commands::COMMAND_NAMES
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    let capability = serde_json::json!({
        "$schema": "../../gen/schemas/desktop-schema.json",
        "identifier": "main-window",
        "description": "What the main window may do: call Confab's own commands, nothing else.",
        "windows": ["main"],
        "permissions": permissions,
    });
    let mut text = serde_json::to_string_pretty(&capability).unwrap_or_default();
    text.push('\n');
    text
}

/// Every type the window sees, in the order the generated file declares them.
macro_rules! exported_types {
    ($($t:ty),* $(,)?) => {
        fn declarations(cfg: &Config) -> Vec<(String, String)> {
            vec![$((<$t as TS>::name(cfg), <$t as TS>::decl(cfg))),*]
        }
    };
}

exported_types!(
    ErrorCode,
    AppError,
    FieldProblem,
    StartupState,
    TeamTls,
    TeamDatabaseSettings,
    TeamDatabaseInput,
    TeamDatabaseCheck,
    DatabaseChoiceView,
    StudyTransferReport,
    LastKnown,
    LastKnownStudy,
    LastKnownInterview,
    StudySummary,
    NewStudy,
    StudyKind,
    StudySettings,
    StudyOverview,
    EnrolmentStatus,
    StatusCount,
    StatusOption,
    ActorKind,
    HistoryEntry,
    AboutInfo,
    InterviewerView,
    StaffRole,
    StaffView,
    Staffing,
    StaffPick,
    RemovalReport,
    BusyImportReport,
    BusyTimeView,
    CalendarFile,
    CalendarImport,
    CalendarAccountView,
    CalendarAccountInput,
    RemoteCalendarView,
    BackupReport,
    RestoreReport,
    AppEvent,
    SessionPattern,
    NewSession,
    SessionChange,
    SessionExceptionView,
    SessionView,
    SlotView,
    RuleBreakView,
    RuleBreak,
    ParticipantQuery,
    ParticipantSummary,
    ParticipantEnrolment,
    ParticipantDetail,
    NewParticipant,
    ParticipantUpdate,
    ColumnMapping,
    Separator,
    CsvLayout,
    ImportField,
    ImportMode,
    ImportColumn,
    RowOutcome,
    ImportRow,
    ImportTotals,
    ImportReport,
    InvitationReadiness,
    InterviewList,
    InterviewState,
    InterviewView,
    CancelOutcome,
    HeldChoice,
    PendingParticipant,
    InviteReport,
    InviteSkip,
    OutboxFilter,
    OutboxKind,
    OutboxState,
    ItipMethod,
    OutboxMessage,
    OutboxEdit,
    SyncProgress,
    SyncReport,
    AttentionKind,
    AttentionItem,
    ReplyCandidate,
    MailProfile,
    MailAccount,
    MailSecurity,
    MailAuth,
    MailProvider,
    SignInChoice,
    FoundSignIn,
    StudyCalendarView,
    SettingsSourceKind,
    FoundMailSettings,
    ConnectionCheck,
    MessageTemplate,
    TemplatePreview,
    LanguageOption,
    DaySettings,
    DayPair,
    FixedBlockInput,
    DaySlot,
    DayScheduleView,
    DayRoundView,
    DayItineraryView,
    DaySeatView,
    DayTimetableView,
    DayConflictView,
    DayDutyView,
    SwapReport,
    PublishReport,
);

pub fn types_ts() -> String {
    let mut out =
        format!("// This file is generated from the Rust types by `{REGENERATE}`. Do not edit.\n");
    for (_, decl) in declarations(&config()) {
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
            all.iter()
                .any(|c| mentions(&c.returns, t) || c.args.iter().any(|(_, a)| mentions(a, t)))
        })
        .collect();
    imported.sort();
    let uses_channel = all
        .iter()
        .any(|c| c.args.iter().any(|(_, a)| mentions(a, CHANNEL)));
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
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {ty}", camel_case(name)))
            .collect();
        let names: Vec<String> = c.args.iter().map(|(name, _)| camel_case(name)).collect();
        let payload = if names.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", names.join(", "))
        };
        let line = format!(
            "  {js_name}: ({}): Promise<{}> => invoke(\"{}\"{payload}),\n",
            params.join(", "),
            c.returns,
            c.name
        );
        out.push_str(&line);
    }
    out.push_str("};\n");
    out
}

fn type_names() -> Vec<String> {
    declarations(&config())
        .into_iter()
        .map(|(name, _)| name)
        .collect()
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
