//! Confab's use cases: the one API that both the desktop app and the `confab` command call.
//! Every type that crosses to the window lives here and is exported to TypeScript.
#![forbid(unsafe_code)]

mod about;
mod actor;
mod app_events;
mod backup;
mod bookings;
mod calendar_account;
mod calendar_file;
mod clock;
mod commit;
mod confab;
mod csv_export;
mod csv_import;
mod data_dir;
mod demo;
mod error;
mod interview_days;
mod interviewers;
mod invitations;
mod last_known;
mod mail;
mod overview;
mod participant_search;
mod participants;
mod pending;
mod restaffing;
mod session_changes;
mod sessions;
mod settings;
mod slots;
mod staffing;
mod startup;
mod status_by_hand;
mod statuses;
mod stored;
mod studies;
mod study_calendar_file;
mod study_changes;
mod study_transfer;
mod team_database;
mod three_way;
mod transaction;
mod waitlist;

pub use about::AboutInfo;
pub use actor::Actor;
pub use app_events::AppEvent;
pub use backup::{BackupReport, RestoreReport, kept_backups_folder, suggested_backup_name};
pub use bookings::{CancelOutcome, ChoiceInput, ChoiceOutcome, InterviewList, InterviewView};
pub use calendar_account::{
    CalendarAccountInput, CalendarAccountView, RemoteCalendarView, StudyCalendarView,
};
pub use calendar_file::{CalendarFile, CalendarImport};
pub use confab::Confab;
// Closed sets of the domain that the window and the command line see as they are.
pub use confab_core::availability::RuleBreak;
pub use confab_core::study_settings::StudyKind;
pub use confab_core::{
    ActorKind, AttentionKind, EnrolmentStatus, InterviewState, OutboxKind, OutboxState,
};
pub use confab_mail::calendar::ItipMethod;
pub use confab_store::changes::Changed;
pub use csv_export::CsvLayout;
pub use csv_import::{
    ColumnMapping, ImportColumn, ImportField, ImportMode, ImportReport, ImportRow, ImportTotals,
    RowOutcome, Separator, read_participant_file,
};
pub use data_dir::{APP_IDENTIFIER, DATA_DIR_ENV, default_data_dir};
pub use error::{AppError, ErrorCode, FieldProblem};
pub use interview_days::{
    DayConflictView, DayDutyView, DayItineraryView, DayPair, DayRoundView, DayScheduleView,
    DaySeatView, DaySettings, DaySlot, DayTimetableView, FixedBlockInput, PublishReport,
    SwapReport,
};
pub use interviewers::{BusyImportReport, BusyTimeView, InterviewerView};
pub use invitations::InvitationReadiness;
pub use last_known::{LastKnown, LastKnownInterview, LastKnownStudy, last_known};
pub use mail::{
    AttentionItem, ConnectionCheck, FoundMailSettings, FoundSignIn, InviteReport, InviteSkip,
    LanguageOption, MailAccount, MailAuth, MailProfile, MailProvider, MailSecurity,
    MessageTemplate, OutboxEdit, OutboxFilter, OutboxMessage, PendingSignIn, ReplyCandidate,
    SettingsSourceKind, SignInChoice, SyncOptions, SyncProgress, SyncReport, TemplatePreview,
    language_options,
};
pub use overview::{StatusCount, StatusOption, StudyOverview};
pub use participant_search::ParticipantQuery;
pub use participants::{
    NewParticipant, ParticipantDetail, ParticipantEnrolment, ParticipantSummary, ParticipantUpdate,
};
pub use pending::{HeldChoice, PendingParticipant};
pub use restaffing::{RemovalReport, StaffPick};
pub use session_changes::SessionChange;
pub use sessions::{NewSession, SessionExceptionView, SessionPattern, SessionView};
pub use settings::StudySettings;
pub use slots::{RuleBreakView, SlotView};
pub use staffing::{StaffRole, StaffView, Staffing};
pub use startup::StartupState;
pub use statuses::HistoryEntry;
pub use studies::{NewStudy, StudySummary};
pub use study_calendar_file::CALENDARS_FOLDER;
pub use study_transfer::StudyTransferReport;
pub use team_database::{
    DATABASE_URL_ENV, DatabaseChoiceView, TEAM_DATABASE_FILE, TeamDatabaseCheck, TeamDatabaseInput,
    TeamDatabaseSettings, TeamTls, check_team_database, database_choice, use_team_database,
    use_this_computer,
};
