//! The TypeScript side of the IPC contract, generated from the Rust types and the command
//! table. The files are committed; `tests/bindings.rs` fails when they drift from this.

use confab_service::{
    AboutInfo, AppError, AppEvent, AttentionItem, BackupReport, BusyImportReport, BusyTimeView,
    CalendarAccountInput, CalendarAccountView, CalendarFile, CalendarImport, CancelOutcome,
    ColumnMapping, ConnectionCheck, CsvLayout, DatabaseChoiceView, DayConflictView, DayDutyView,
    DayItineraryView, DayPair, DayRoundView, DayScheduleView, DaySeatView, DaySettings, DaySlot,
    DayTimetableView, ErrorCode, FieldProblem, FixedBlockInput, FoundMailSettings, HeldChoice,
    HistoryEntry, ImportColumn, ImportField, ImportMode, ImportReport, ImportRow, ImportTotals,
    InterviewList, InterviewView, InterviewerView, InvitationReadiness, InviteReport, InviteSkip,
    LanguageOption, LastKnown, LastKnownInterview, LastKnownStudy, MailAccount, MailAuth,
    MailProfile, MailProvider, MailSecurity, MessageTemplate, NewParticipant, NewSession, NewStudy,
    OutboxEdit, OutboxFilter, OutboxMessage, ParticipantDetail, ParticipantEnrolment,
    ParticipantQuery, ParticipantSummary, ParticipantUpdate, PendingParticipant, PublishReport,
    RemoteCalendarView, RemovalReport, ReplyCandidate, RestoreReport, RowOutcome, RuleBreakView,
    RuleKey, Separator, SessionChange, SessionExceptionView, SessionPattern, SessionView,
    SignInChoice, SlotView, StaffPick, StaffRole, StaffView, Staffing, StartupState, StatusCount,
    StatusOption, StudyOverview, StudySettings, StudySummary, StudyTransferReport, SwapReport,
    SyncProgress, SyncReport, TeamDatabaseCheck, TeamDatabaseInput, TeamDatabaseSettings, TeamTls,
    TemplatePreview,
};
use ts_rs::{Config, TS};

pub const TYPES_FILE: &str = "ui/src/bindings/types.ts";
pub const COMMANDS_FILE: &str = "ui/src/bindings/commands.ts";
const REGENERATE: &str = "CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings";

struct Command {
    name: &'static str,
    /// The arguments' names as the Rust command spells them, and their TypeScript types.
    args: Vec<(&'static str, String)>,
    returns: String,
}

fn cmd(name: &'static str, args: Vec<(&'static str, String)>, returns: String) -> Command {
    Command {
        name,
        args,
        returns,
    }
}

fn id(name: &'static str) -> (&'static str, String) {
    (name, name_of::<i64>())
}

fn arg<T: TS>(name: &'static str) -> (&'static str, String) {
    (name, name_of::<T>())
}

fn config() -> Config {
    Config::new().with_large_int("number")
}

fn name_of<T: TS>() -> String {
    T::name(&config())
}

fn commands() -> Vec<Command> {
    let unit = name_of::<()>;
    vec![
        cmd("startup_state", vec![], name_of::<StartupState>()),
        cmd("database_choice", vec![], name_of::<DatabaseChoiceView>()),
        cmd(
            "check_team_database",
            vec![arg::<TeamDatabaseInput>("input")],
            name_of::<TeamDatabaseCheck>(),
        ),
        cmd(
            "use_team_database",
            vec![arg::<TeamDatabaseInput>("input")],
            name_of::<StartupState>(),
        ),
        cmd("use_this_computer", vec![], name_of::<StartupState>()),
        cmd("reopen_database", vec![], name_of::<StartupState>()),
        cmd("last_known_data", vec![], name_of::<Option<LastKnown>>()),
        cmd(
            "studies_on_this_computer",
            vec![],
            name_of::<Vec<StudySummary>>(),
        ),
        cmd(
            "move_study_from_this_computer",
            vec![id("study_id")],
            name_of::<StudyTransferReport>(),
        ),
        cmd(
            "copy_study_to_this_computer",
            vec![id("study_id")],
            name_of::<StudyTransferReport>(),
        ),
        cmd("list_studies", vec![], name_of::<Vec<StudySummary>>()),
        cmd(
            "create_study",
            vec![arg::<NewStudy>("input")],
            name_of::<StudySummary>(),
        ),
        cmd(
            "update_study",
            vec![
                id("study_id"),
                arg::<NewStudy>("input"),
                arg::<Option<NewStudy>>("loaded"),
            ],
            name_of::<StudySummary>(),
        ),
        cmd("archive_study", vec![id("study_id")], unit()),
        cmd("load_demo_study", vec![], name_of::<StudySummary>()),
        cmd(
            "study_settings",
            vec![id("study_id")],
            name_of::<StudySettings>(),
        ),
        cmd(
            "update_study_settings",
            vec![
                id("study_id"),
                arg::<StudySettings>("settings"),
                arg::<Option<StudySettings>>("loaded"),
            ],
            name_of::<StudySettings>(),
        ),
        cmd(
            "study_overview",
            vec![id("study_id")],
            name_of::<StudyOverview>(),
        ),
        cmd(
            "study_history",
            vec![id("study_id")],
            name_of::<Vec<HistoryEntry>>(),
        ),
        cmd("about", vec![], name_of::<AboutInfo>()),
        cmd("open_logs_folder", vec![], unit()),
        cmd(
            "subscribe_app_events",
            vec![("on_event", channel_of::<AppEvent>())],
            unit(),
        ),
        cmd(
            "save_text_file",
            vec![arg::<String>("suggested_name"), arg::<String>("contents")],
            name_of::<Option<String>>(),
        ),
        cmd(
            "list_interviewers",
            vec![id("study_id")],
            name_of::<Vec<InterviewerView>>(),
        ),
        cmd(
            "add_interviewer",
            vec![
                id("study_id"),
                arg::<String>("name"),
                arg::<String>("email"),
            ],
            name_of::<InterviewerView>(),
        ),
        cmd(
            "update_interviewer",
            vec![
                id("interviewer_id"),
                arg::<String>("name"),
                arg::<StaffRole>("role"),
            ],
            name_of::<InterviewerView>(),
        ),
        cmd(
            "remove_interviewer",
            vec![id("interviewer_id"), arg::<Option<i64>>("takeover")],
            name_of::<RemovalReport>(),
        ),
        cmd(
            "set_interview_staff",
            vec![id("interview_id"), arg::<Vec<StaffPick>>("staff")],
            name_of::<InterviewView>(),
        ),
        cmd(
            "calendar_account",
            vec![],
            name_of::<Option<CalendarAccountView>>(),
        ),
        cmd(
            "connect_calendar_account",
            vec![arg::<CalendarAccountInput>("input")],
            name_of::<Vec<RemoteCalendarView>>(),
        ),
        cmd(
            "remote_calendars",
            vec![],
            name_of::<Vec<RemoteCalendarView>>(),
        ),
        cmd("remove_calendar_account", vec![], unit()),
        cmd(
            "set_interviewer_calendar",
            vec![id("interviewer_id"), arg::<Option<String>>("href")],
            unit(),
        ),
        cmd(
            "study_calendar",
            vec![id("study_id")],
            name_of::<Option<String>>(),
        ),
        cmd(
            "set_study_calendar",
            vec![id("study_id"), arg::<Option<String>>("href")],
            unit(),
        ),
        cmd(
            "study_calendar_file",
            vec![id("study_id")],
            name_of::<String>(),
        ),
        cmd(
            "import_calendar_file",
            vec![arg::<CalendarImport>("input")],
            name_of::<BusyImportReport>(),
        ),
        cmd(
            "list_sessions",
            vec![id("study_id")],
            name_of::<Vec<SessionView>>(),
        ),
        cmd(
            "create_session",
            vec![arg::<NewSession>("input")],
            name_of::<SessionView>(),
        ),
        cmd(
            "update_session",
            vec![id("session_id"), arg::<SessionChange>("change")],
            name_of::<SessionView>(),
        ),
        cmd("delete_session", vec![id("session_id")], unit()),
        cmd(
            "set_session_visible",
            vec![id("session_id"), arg::<bool>("visible")],
            unit(),
        ),
        cmd(
            "set_session_exception",
            vec![id("session_id"), arg::<SessionExceptionView>("exception")],
            unit(),
        ),
        cmd(
            "open_slots",
            vec![
                id("study_id"),
                arg::<Option<String>>("from"),
                arg::<Option<String>>("to"),
                arg::<Option<String>>("time_zone"),
            ],
            name_of::<Vec<SlotView>>(),
        ),
        cmd(
            "busy_times",
            vec![id("study_id"), arg::<String>("from"), arg::<String>("to")],
            name_of::<Vec<BusyTimeView>>(),
        ),
        cmd(
            "search_participants",
            vec![arg::<ParticipantQuery>("query")],
            name_of::<Vec<ParticipantSummary>>(),
        ),
        cmd(
            "get_participant",
            vec![id("participant_id")],
            name_of::<ParticipantDetail>(),
        ),
        cmd(
            "create_participant",
            vec![arg::<NewParticipant>("input")],
            name_of::<ParticipantSummary>(),
        ),
        cmd(
            "update_participant",
            vec![id("participant_id"), arg::<ParticipantUpdate>("change")],
            name_of::<ParticipantSummary>(),
        ),
        cmd("remove_participant", vec![id("participant_id")], unit()),
        cmd("status_options", vec![], name_of::<Vec<StatusOption>>()),
        cmd(
            "set_status",
            vec![
                id("study_id"),
                id("participant_id"),
                arg::<String>("status"),
                arg::<String>("reason"),
            ],
            name_of::<String>(),
        ),
        cmd(
            "set_statuses",
            vec![
                id("study_id"),
                ("participant_ids", "Array<number>".to_owned()),
                arg::<String>("status"),
                arg::<String>("reason"),
            ],
            name_of::<String>(),
        ),
        cmd(
            "participant_history",
            vec![
                id("participant_id"),
                ("study_id", "number | null".to_owned()),
            ],
            name_of::<Vec<HistoryEntry>>(),
        ),
        cmd(
            "preview_csv_import",
            vec![
                id("study_id"),
                // The file's bytes, as the disk has them: Confab finds their encoding.
                ("csv", "number[]".to_owned()),
                arg::<Option<ColumnMapping>>("mapping"),
            ],
            name_of::<ImportReport>(),
        ),
        cmd(
            "import_csv",
            vec![
                id("study_id"),
                // The file's bytes, as the disk has them: Confab finds their encoding.
                ("csv", "number[]".to_owned()),
                arg::<Option<ColumnMapping>>("mapping"),
                arg::<ImportMode>("mode"),
            ],
            name_of::<ImportReport>(),
        ),
        cmd(
            "export_participants_csv",
            vec![id("study_id"), arg::<CsvLayout>("layout")],
            name_of::<String>(),
        ),
        cmd(
            "invitation_readiness",
            vec![id("study_id"), id("participant_id")],
            name_of::<InvitationReadiness>(),
        ),
        cmd(
            "list_interviews",
            vec![id("study_id"), arg::<InterviewList>("list")],
            name_of::<Vec<InterviewView>>(),
        ),
        cmd(
            "check_booking",
            vec![
                id("study_id"),
                id("session_id"),
                arg::<String>("start"),
                ("interview_id", "number | null".to_owned()),
            ],
            name_of::<Vec<RuleBreakView>>(),
        ),
        cmd(
            "book_manually",
            vec![
                id("study_id"),
                id("participant_id"),
                id("session_id"),
                arg::<String>("start"),
                arg::<Vec<RuleKey>>("accepted_rules"),
            ],
            name_of::<InterviewView>(),
        ),
        cmd(
            "cancel_interview",
            vec![id("interview_id"), arg::<String>("reason")],
            name_of::<CancelOutcome>(),
        ),
        cmd(
            "reschedule_interview",
            vec![
                id("interview_id"),
                id("session_id"),
                arg::<String>("start"),
                arg::<Vec<RuleKey>>("accepted_rules"),
            ],
            name_of::<InterviewView>(),
        ),
        cmd(
            "mark_no_show",
            vec![id("interview_id")],
            name_of::<InterviewView>(),
        ),
        cmd(
            "mark_completed",
            vec![id("interview_id")],
            name_of::<InterviewView>(),
        ),
        cmd(
            "pending_choices",
            vec![id("study_id")],
            name_of::<Vec<PendingParticipant>>(),
        ),
        cmd(
            "assign_choice",
            vec![id("study_id"), id("participant_id"), arg::<i32>("rank")],
            name_of::<InterviewView>(),
        ),
        cmd(
            "invite_participants",
            vec![
                id("study_id"),
                ("participant_ids", "Array<number>".to_owned()),
            ],
            name_of::<InviteReport>(),
        ),
        cmd(
            "compose_reschedule_request",
            vec![id("interview_id"), arg::<String>("message")],
            name_of::<OutboxMessage>(),
        ),
        cmd(
            "list_outbox",
            vec![arg::<OutboxFilter>("filter")],
            name_of::<Vec<OutboxMessage>>(),
        ),
        cmd(
            "edit_outbox_message",
            vec![id("message_id"), arg::<OutboxEdit>("edit")],
            name_of::<OutboxMessage>(),
        ),
        cmd(
            "hold_outbox_message",
            vec![id("message_id")],
            name_of::<OutboxMessage>(),
        ),
        cmd(
            "release_outbox_message",
            vec![id("message_id")],
            name_of::<OutboxMessage>(),
        ),
        cmd("delete_outbox_message", vec![id("message_id")], unit()),
        cmd(
            "sync_mail",
            vec![("on_progress", channel_of::<SyncProgress>())],
            name_of::<SyncReport>(),
        ),
        cmd(
            "attention_items",
            vec![("study_id", "number | null".to_owned())],
            name_of::<Vec<AttentionItem>>(),
        ),
        cmd(
            "dismiss_attention_item",
            vec![id("item_id"), arg::<String>("note")],
            unit(),
        ),
        cmd(
            "check_counter_proposal",
            vec![id("item_id")],
            name_of::<Vec<RuleBreakView>>(),
        ),
        cmd(
            "accept_counter_proposal",
            vec![id("item_id"), arg::<Vec<RuleKey>>("accepted_rules")],
            name_of::<InterviewView>(),
        ),
        cmd(
            "decline_counter_proposal",
            vec![id("item_id"), arg::<String>("note")],
            unit(),
        ),
        cmd(
            "book_reply_candidate",
            vec![id("item_id"), arg::<String>("token")],
            name_of::<String>(),
        ),
        cmd("mail_profile", vec![], name_of::<MailProfile>()),
        cmd(
            "update_mail_profile",
            vec![arg::<MailProfile>("profile")],
            name_of::<MailProfile>(),
        ),
        cmd(
            "save_mail_password",
            vec![arg::<String>("password")],
            unit(),
        ),
        cmd("forget_mail_password", vec![], unit()),
        cmd(
            "test_mail_connection",
            vec![arg::<Option<String>>("password")],
            name_of::<ConnectionCheck>(),
        ),
        cmd(
            "sign_in_mail",
            vec![arg::<SignInChoice>("choice")],
            name_of::<MailProfile>(),
        ),
        cmd(
            "set_mail_sign_in_method",
            vec![arg::<MailAuth>("auth")],
            name_of::<MailProfile>(),
        ),
        cmd(
            "find_mail_settings",
            vec![arg::<String>("address")],
            name_of::<FoundMailSettings>(),
        ),
        cmd(
            "message_templates",
            vec![id("study_id"), arg::<String>("language")],
            name_of::<Vec<MessageTemplate>>(),
        ),
        cmd(
            "save_message_template",
            vec![id("study_id"), arg::<MessageTemplate>("template")],
            name_of::<MessageTemplate>(),
        ),
        cmd(
            "reset_message_template",
            vec![
                id("study_id"),
                arg::<String>("kind"),
                arg::<String>("language"),
            ],
            unit(),
        ),
        cmd(
            "preview_message_template",
            vec![
                arg::<String>("subject"),
                arg::<String>("body"),
                arg::<String>("language"),
            ],
            name_of::<TemplatePreview>(),
        ),
        cmd(
            "message_languages",
            vec![],
            name_of::<Vec<LanguageOption>>(),
        ),
        cmd(
            "day_schedule",
            vec![id("session_id")],
            name_of::<DayScheduleView>(),
        ),
        cmd(
            "generate_day_schedule",
            vec![id("session_id"), arg::<DaySettings>("settings")],
            name_of::<DayScheduleView>(),
        ),
        cmd(
            "swap_day_assignments",
            vec![id("session_id"), arg::<DaySlot>("a"), arg::<DaySlot>("b")],
            name_of::<SwapReport>(),
        ),
        cmd(
            "place_day_applicant",
            vec![
                id("session_id"),
                arg::<DaySlot>("slot"),
                ("interviewer_id", "number | null".to_owned()),
            ],
            name_of::<SwapReport>(),
        ),
        cmd(
            "publish_day_schedule",
            vec![id("session_id")],
            name_of::<PublishReport>(),
        ),
        cmd(
            "export_day_schedule_csv",
            vec![id("session_id")],
            name_of::<String>(),
        ),
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
    StudySettings,
    StudyOverview,
    StatusCount,
    StatusOption,
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
    RuleKey,
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
    InterviewView,
    CancelOutcome,
    HeldChoice,
    PendingParticipant,
    InviteReport,
    InviteSkip,
    OutboxFilter,
    OutboxMessage,
    OutboxEdit,
    SyncProgress,
    SyncReport,
    AttentionItem,
    ReplyCandidate,
    MailProfile,
    MailAccount,
    MailSecurity,
    MailAuth,
    MailProvider,
    SignInChoice,
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
