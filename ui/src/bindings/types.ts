// This file is generated from the Rust types by `CONFAB_UPDATE_BINDINGS=1 cargo test -p confab-desktop --test bindings`. Do not edit.
export type ErrorCode = "invalid_input" | "not_found" | "conflict" | "data_folder_unusable" | "database_corrupt" | "database_too_new" | "database_unreachable" | "database_sign_in" | "mail" | "sign_in" | "changed_meanwhile" | "sync_running" | "storage" | "internal";

export type AppError = { code: ErrorCode, message: string, 
/**
 * Empty (and left out) when the error is about no field.
 */
fields?: Array<FieldProblem>, };

export type FieldProblem = { 
/**
 * The field as the window's form names it (`timeZone`, `interviewsPerParticipant`).
 */
field: string, message: string, };

export type StartupState = { "status": "ready", dataDir: string, databasePath: string, 
/**
 * The team database (`host:port/database`) when the data lives there, rather than in
 * the file of the data folder.
 */
teamDatabase: string | null, } | { "status": "failed", error: AppError, };

export type TeamTls = "verified" | "encrypted" | "ifOffered" | "off";

export type TeamDatabaseSettings = { host: string, port: number, database: string, user: string, tls: TeamTls, 
/**
 * The lab's own certificate authority (a PEM file), trusted beside the system's roots.
 */
caFile: string | null, };

export type TeamDatabaseInput = { settings: TeamDatabaseSettings, 
/**
 * Empty to keep the password saved for the same server, database and user.
 */
password: string, };

export type TeamDatabaseCheck = { 
/**
 * `host:port/database`.
 */
server: string, 
/**
 * PostgreSQL's version, such as `15.4`.
 */
version: string, 
/**
 * Whether a colleague's Confab set it up already; otherwise its tables are made when it
 * is first used.
 */
setUp: boolean, };

export type DatabaseChoiceView = { 
/**
 * The saved team database, or none when the data lives on this computer.
 */
team: TeamDatabaseSettings | null, 
/**
 * Whether the keyring holds its password.
 */
passwordSaved: boolean, 
/**
 * The team database (`host:port/database`) that `CONFAB_DATABASE_URL` names, which wins
 * over the saved choice.
 */
fromEnvironment: string | null, };

export type StudyTransferReport = { 
/**
 * The study's id in the database it went to.
 */
studyId: number, name: string, participants: number, interviews: number, 
/**
 * Messages of its outbox, sent or waiting.
 */
messages: number, 
/**
 * Links sent to participants, which keep working.
 */
links: number, 
/**
 * Whether it was removed from where it was (a move), or left there (a copy).
 */
removed: boolean, };

export type LastKnown = { 
/**
 * When it was read from the team database.
 */
savedAt: string, 
/**
 * The team database (`host:port/database`).
 */
server: string, studies: Array<LastKnownStudy>, };

export type LastKnownStudy = { name: string, timeZone: string, upcoming: Array<LastKnownInterview>, };

export type LastKnownInterview = { participantName: string, start: string, end: string, };

export type StudySummary = { id: number, name: string, description: string, timeZone: string, interviewMinutes: number, createdAt: string, };

export type NewStudy = { name: string, description: string, timeZone: string, interviewMinutes: number, };

export type StudyKind = "one_to_one" | "interview_days";

export type StudySettings = { kind: StudyKind, bufferBeforeMinutes: number, bufferAfterMinutes: number, minNoticeMinutes: number, horizonDays: number, maxPerDay: number | null, maxPerWeek: number | null, 
/**
 * Participants cannot cancel or reschedule later than this many hours before.
 */
changeCutoffHours: number, location: string, conferencingUrl: string, dialIn: string, 
/**
 * On: a participant's valid choice confirms at once. Off: it waits as Pending.
 */
selfScheduling: boolean, 
/**
 * A reminder goes out this many hours before each interview; none when empty.
 */
reminderHours: number | null, 
/**
 * A waitlisted participant offered a freed place has this many hours to take it before
 * it goes to the next person; no limit when empty.
 */
waitlistOfferHours: number | null, 
/**
 * How many interviews the study holds with each participant, one at a time (a pre and
 * a post, a follow-up): 1 to 9.
 */
interviewsPerParticipant: number, 
/**
 * The language of messages to participants who have none of their own (`en-GB`, `de`).
 */
language: string, 
/**
 * How interviewers are put on interviews.
 */
staffing: Staffing, };

export type StudyOverview = { 
/**
 * Every status, in the order of a participant's way through a study, zeros included.
 */
counts: Array<StatusCount>, participants: number, 
/**
 * The next few scheduled interviews, soonest first.
 */
nextInterviews: Array<InterviewView>, 
/**
 * Open items needing attention in this study.
 */
attention: number, 
/**
 * Messages of any study waiting in the outbox (queued or held).
 */
outboxWaiting: number, };

export type EnrolmentStatus = "added" | "invited" | "accepted" | "declined" | "pending" | "waitlisted" | "interview_scheduled" | "completed" | "no_show" | "canceled_interview";

export type StatusCount = { status: EnrolmentStatus, label: string, count: number, };

export type StatusOption = { key: EnrolmentStatus, label: string, };

export type ActorKind = "researcher" | "participant" | "calendar" | "system";

export type HistoryEntry = { id: number, at: string, actorKind: ActorKind, actor: string, studyId: number | null, participantId: number | null, interviewId: number | null, action: string, from: string, to: string, reason: string, };

export type AboutInfo = { version: string, 
/**
 * An SPDX license expression, such as `MIT`.
 */
license: string, dataDir: string, logDir: string, };

export type InterviewerView = { id: number, studyId: number, name: string, email: string, role: StaffRole, 
/**
 * The calendar of the calendar account their busy times are read from at each Sync.
 */
calendarHref: string | null, 
/**
 * When Sync last read it.
 */
busyReadAt: string | null, 
/**
 * On a team database, the colleague whose calendar account the calendar was chosen from,
 * when it is not this researcher's: their Sync reads it. `None` when it is one's own.
 */
calendarChosenBy: string | null, };

export type StaffRole = "interviewer" | "noteTaker";

export type StaffView = { interviewerId: number, name: string, email: string, role: StaffRole, };

export type Staffing = { "mode": "roundRobin" } | { "mode": "fixed", interviewerId: number, } | { "mode": "panel", size: number | null, };

export type StaffPick = { interviewerId: number, role: StaffRole, };

export type RemovalReport = { name: string, 
/**
 * Interviews ahead that the person chosen took over.
 */
handedOver: number, };

export type BusyImportReport = { imported: number, 
/**
 * Events that were left out, each with the reason.
 */
skipped: Array<string>, };

export type BusyTimeView = { interviewerId: number, interviewerName: string, start: string, end: string, summary: string, };

export type CalendarFile = { id: number, 
/**
 * The file's name, to show.
 */
name: string, path: string, };

export type CalendarImport = { fileId: number, interviewerId: number, };

export type CalendarAccountView = { url: string, username: string, 
/**
 * When Sync last read the calendars.
 */
lastReadAt: string | null, 
/**
 * Why the last Sync could not read or write them; empty when it could.
 */
lastProblem: string, };

export type CalendarAccountInput = { url: string, username: string, 
/**
 * Kept in the system keyring, never in the database.
 */
password: string, };

export type RemoteCalendarView = { href: string, name: string, 
/**
 * Whether Confab may write the study's interviews into it.
 */
writable: boolean, };

export type BackupReport = { path: string, };

export type RestoreReport = { restoredFrom: string, 
/**
 * Missing when there was no database before the restore.
 */
previousKeptAt: string | null, };

export type AppEvent = { "kind": "showAbout" } | { "kind": "calendarFileOpened", file: CalendarFile, } | { "kind": "backedUp", report: BackupReport, } | { "kind": "restored", report: RestoreReport, } | { "kind": "dataChanged", tables: Array<string>, } | { "kind": "teamDatabaseLost", error: AppError, } | { "kind": "actionFailed", action: string, error: AppError, };

export type SessionPattern = { "kind": "window", start: string, end: string, } | { "kind": "weekly", weekday: number, startTime: string, endTime: string, validFrom: string, validUntil: string | null, } | { "kind": "day", start: string, end: string, };

export type NewSession = { studyId: number, title: string, pattern: SessionPattern, capacity: number, visible: boolean, interviewerIds: Array<number>, };

export type SessionChange = { title: string, pattern: SessionPattern, capacity: number, interviewerIds: Array<number>, };

export type SessionExceptionView = { date: string, startTime: string | null, endTime: string | null, };

export type SessionView = { id: number, studyId: number, title: string, 
/**
 * For windows and days, `start`/`end` are RFC 3339 instants.
 */
pattern: SessionPattern, capacity: number, visible: boolean, interviewerIds: Array<number>, exceptions: Array<SessionExceptionView>, };

export type SlotView = { sessionId: number, start: string, end: string, remaining: number, 
/**
 * `start` as a wall-clock time in `timeZone`, like `2026-03-09T09:00`.
 */
localStart: string, timeZone: string, };

export type RuleBreakView = { rule: RuleBreak, explanation: string, };

export type RuleBreak = "unknown_session" | "hidden_session" | "not_a_slot_start" | "too_soon" | "beyond_horizon" | "full" | "daily_cap" | "weekly_cap" | "interviewers_busy" | "buffer_conflict" | "in_the_past";

export type ParticipantQuery = { 
/**
 * Only those enrolled in this study; their status and next interview are filled in.
 */
studyId: number | null, 
/**
 * Matches name, email, notes and custom field values, in any letter case.
 */
text: string | null, 
/**
 * An enrolment status key or label (`interview_scheduled`, `No Show`); needs a study.
 */
status: string | null, limit: number | null, offset: number | null, };

export type ParticipantSummary = { id: number, name: string, email: string, timeZone: string | null, phone: string, notes: string, customFields: { [key in string]: string }, 
/**
 * The language of their messages (`de-AT`); null for the study's.
 */
language: string | null, status: EnrolmentStatus | null, 
/**
 * The start of the next scheduled interview, RFC 3339 in UTC.
 */
nextInterviewAt: string | null, createdAt: string, updatedAt: string, };

export type ParticipantEnrolment = { studyId: number, studyName: string, status: EnrolmentStatus, nextInterviewAt: string | null, };

export type ParticipantDetail = { enrolments: Array<ParticipantEnrolment>, id: number, name: string, email: string, timeZone: string | null, phone: string, notes: string, customFields: { [key in string]: string }, 
/**
 * The language of their messages (`de-AT`); null for the study's.
 */
language: string | null, status: EnrolmentStatus | null, 
/**
 * The start of the next scheduled interview, RFC 3339 in UTC.
 */
nextInterviewAt: string | null, createdAt: string, updatedAt: string, };

export type NewParticipant = { name: string, email: string, 
/**
 * An IANA name such as Europe/Berlin; blank or missing if not known.
 */
timeZone: string | null, phone: string, notes: string, customFields: { [key in string]: string }, 
/**
 * The language of their messages (`de-AT`, `Deutsch`); blank or missing for the study's.
 */
language: string | null, 
/**
 * Enrol the new participant in this study at once.
 */
studyId: number | null, };

export type ParticipantUpdate = { name: string | null, email: string | null, timeZone: string | null, phone: string | null, notes: string | null, customFields: { [key in string]: string }, 
/**
 * Blank: the study's language.
 */
language: string | null, 
/**
 * The participant's `updatedAt` as the form loaded it. When set, a change saved by
 * someone else since then is not overwritten: the edit is refused as changed meanwhile.
 */
expectedUpdatedAt: string | null, };

export type ColumnMapping = { columns: { [key in string]: ImportField }, 
/**
 * The encoding to read the file in, as the WHATWG names it ("windows-1252"); found from
 * the bytes when not given.
 */
encoding?: string, 
/**
 * What separates the cells; found from the header line when not given.
 */
separator?: Separator, };

export type Separator = "comma" | "semicolon" | "tab";

export type CsvLayout = { 
/**
 * A UTF-8 byte-order mark first, without which Excel reads the text as the computer's
 * legacy encoding and spoils every accented name.
 */
byteOrderMark: boolean, 
/**
 * Excel splits cells at the locale's list separator: a semicolon where a comma is the
 * decimal sign (Germany, France, Spain…).
 */
separator: Separator, };

export type ImportField = { "kind": "name" } | { "kind": "firstName" } | { "kind": "lastName" } | { "kind": "email" } | { "kind": "timeZone" } | { "kind": "language" } | { "kind": "phone" } | { "kind": "notes" } | { "kind": "custom", "key": string } | { "kind": "ignore" };

export type ImportMode = "allOrNothing" | "validRowsOnly";

export type ImportColumn = { header: string, field: ImportField, };

export type RowOutcome = { "kind": "new" } | { "kind": "existing", participantId: number, newlyEnrolled: boolean, filledFields: Array<string>, } | { "kind": "duplicate", firstLine: number, } | { "kind": "error", message: string, };

export type ImportRow = { 
/**
 * The line the row starts on, counting the header as line 1.
 */
line: number, name: string, email: string, outcome: RowOutcome, };

export type ImportTotals = { rows: number, newParticipants: number, existingParticipants: number, 
/**
 * New and existing participants enrolled in the study by this import.
 */
newlyEnrolled: number, duplicates: number, errors: number, };

export type ImportReport = { studyId: number, 
/**
 * Whether anything was written: false for a preview and for a refused import.
 */
imported: boolean, columns: Array<ImportColumn>, rows: Array<ImportRow>, totals: ImportTotals, 
/**
 * One sentence on the outcome, and what to do next if nothing was imported.
 */
message: string, 
/**
 * The character encoding the file was read in, as the WHATWG names it ("UTF-8",
 * "windows-1252", "UTF-16LE"…), or "xlsx" for an Excel workbook.
 */
encoding: string, 
/**
 * What separated the cells.
 */
separator: Separator, };

export type InvitationReadiness = { ready: boolean, missing: Array<string>, };

export type InterviewList = "upcoming" | "completed" | "canceled" | "no_show";

export type InterviewState = "scheduled" | "completed" | "canceled" | "no_show";

export type InterviewView = { id: number, studyId: number, participantId: number, participantName: string, participantEmail: string, sessionId: number, start: string, end: string, state: InterviewState, calendarUid: string, sequence: number, 
/**
 * The rules the researcher booked past; empty if none.
 */
ruleOverrides: Array<RuleBreak>, cancelReason: string, 
/**
 * Which of the study's interviews with this participant it is, from 1 ...
 */
round: number, 
/**
 * ... of this many (the study's setting); the views name the round only when above 1.
 */
rounds: number, 
/**
 * Who runs it (interviewers first, then note-takers); empty when nobody was put on it.
 */
interviewers: Array<StaffView>, };

export type CancelOutcome = { interview: InterviewView, 
/**
 * The waitlisted participant the freed place is offered to, if any.
 */
offeredTo: number | null, };

export type HeldChoice = { 
/**
 * 1 for the first choice, 2 for the second.
 */
rank: number, sessionId: number, start: string, end: string, };

export type PendingParticipant = { participantId: number, name: string, email: string, choices: Array<HeldChoice>, };

export type InviteReport = { 
/**
 * Participants whose invitation is now in the outbox.
 */
queued: number[], 
/**
 * Participants left out, each with the reason.
 */
skipped: Array<InviteSkip>, };

export type InviteSkip = { participantId: number, reason: string, };

export type OutboxFilter = "waiting" | "sent" | "all";

export type OutboxKind = "invitation" | "confirmation" | "update" | "cancellation" | "reschedule_request" | "reminder" | "waitlist_offer" | "itinerary" | "researcher_notice" | "choice_unavailable" | "choices_received" | "answer" | "decline_counter" | "staff_invitation" | "staff_update" | "staff_cancellation" | "timetable";

export type OutboxState = "queued" | "held" | "sending" | "unknown" | "sent" | "failed";

export type ItipMethod = "request" | "cancel" | "decline_counter";

export type OutboxMessage = { id: number, studyId: number | null, participantId: number | null, interviewId: number | null, kind: OutboxKind, 
/**
 * `Name <address>` or the address alone.
 */
recipients: Array<string>, subject: string, text: string, html: string, 
/**
 * The calendar invitation's method, when one goes with it.
 */
calendarMethod: ItipMethod | null, state: OutboxState, attempts: number, lastError: string, messageId: string, createdAt: string, sentAt: string | null, };

export type OutboxEdit = { subject: string, text: string, };

export type SyncProgress = { "phase": "connecting" } | { "phase": "sending", done: number, total: number, } | { "phase": "reading", done: number, total: number, } | { "phase": "finished" };

export type SyncReport = { sent: number, 
/**
 * Messages the server refused for good; they stay in the outbox as failed.
 */
failed: number, 
/**
 * Messages left for a later Sync after a temporary failure.
 */
deferred: number, 
/**
 * Messages whose data reached the server without a verdict: they may have gone out.
 * Sync looks for the researcher's copy of each and sends it again only if none turns
 * up within a day.
 */
unclear: number, read: number, 
/**
 * Replies that changed something: a booking, a cancellation, a decline.
 */
applied: number, 
/**
 * Items added to the researcher's list.
 */
needsAttention: number, 
/**
 * Problems that did not stop the Sync, worded for the researcher.
 */
warnings: Array<string>, 
/**
 * One line per reply handled, e.g. "ada@example.org: booked their first choice".
 */
actions: Array<string>, 
/**
 * Interviewers whose busy times were read from their calendars.
 */
calendarsRead: number, 
/**
 * Interviews written into (or updated in) the researcher's calendar.
 */
calendarWritten: number, 
/**
 * Canceled interviews removed from it.
 */
calendarRemoved: number, };

export type AttentionKind = "counter" | "token_unknown" | "token_wrong_sender" | "token_used" | "token_expired" | "decline_refused" | "cancel_refused" | "choice_taken" | "cancel_too_late" | "bounce" | "unreadable" | "unmatched_reply" | "counter_unreadable" | "message" | "reply_ambiguous" | "sender_unverified" | "not_applied" | "staff_declined";

export type AttentionItem = { id: number, kind: AttentionKind, summary: string, studyId: number | null, participantId: number | null, interviewId: number | null, 
/**
 * For a counter-proposal: the time the participant proposes.
 */
proposedStart: string | null, proposedEnd: string | null, 
/**
 * For an answer in the participant's own words that fits several offered times: those
 * times, each booked with one click.
 */
candidates: Array<ReplyCandidate>, createdAt: string, };

export type ReplyCandidate = { 
/**
 * The code of the link that offered it.
 */
token: string, start: string, };

export type MailProfile = { researcherName: string, researcherEmail: string, 
/**
 * The researcher's own time zone: times are shown to them in it.
 */
timeZone: string, account: MailAccount | null, 
/**
 * Sync by itself whenever the computer is online.
 */
syncAutomatically: boolean, };

export type MailAccount = { username: string, auth: MailAuth, smtpHost: string, smtpPort: number, smtpSecurity: MailSecurity, 
/**
 * Off only for a relay on this computer that takes mail without a login.
 */
smtpLogin: boolean, imapHost: string, imapPort: number, imapSecurity: MailSecurity, 
/**
 * Read mail received since this day (YYYY-MM-DD) when the inbox is read for the first
 * time, or after this is changed; without it, Sync reads only what arrives after the
 * account was connected.
 */
readSince?: string, };

export type MailSecurity = "tls" | "start_tls" | "plain";

export type MailAuth = "password" | "oauth2";

export type MailProvider = "google" | "microsoft" | "other";

export type SignInChoice = { 
/**
 * Left out: Google or Microsoft when the IMAP server is theirs, another provider when
 * an issuer is given.
 */
provider: MailProvider | null, 
/**
 * For Microsoft: `common` (the default), `organizations`, or a tenant ID or domain.
 */
tenant: string | null, 
/**
 * For another provider: its issuer URL.
 */
issuer: string | null, 
/**
 * The institution's own app registration, instead of the one built into Confab.
 */
clientId: string | null, clientSecret: string | null, };

export type FoundSignIn = "password" | "google" | "microsoft";

export type StudyCalendarView = { href: string | null, 
/**
 * On a team database, the colleague whose calendar account it was chosen from, when it
 * is not this researcher's: their Sync writes into it. `None` when it is one's own.
 */
chosenBy: string | null, };

export type SettingsSourceKind = "shipped" | "autoconfig" | "srv" | "mx";

export type FoundMailSettings = { account: MailAccount, signIn: FoundSignIn, 
/**
 * Where the settings came from, in words.
 */
source: string, sourceKind: SettingsSourceKind, };

export type ConnectionCheck = { ok: boolean, 
/**
 * What works, or what failed and what to check.
 */
message: string, 
/**
 * smtp or imap, when one failed.
 */
server: string | null, 
/**
 * settings, dns, connect, tls, login, folder or conversation, when one failed.
 */
stage: string | null, };

export type MessageTemplate = { 
/**
 * The kind of the messages written from it.
 */
kind: OutboxKind, 
/**
 * The base language's code (`en`, `de`, `fr`, `es`, `nl`, `it`, `pt`): a study keeps one
 * wording of each kind per language.
 */
language: string, subject: string, body: string, 
/**
 * False while the study uses Confab's own wording.
 */
customised: boolean, };

export type TemplatePreview = { subject: string, text: string, html: string, };

export type LanguageOption = { 
/**
 * A tag such as `de-AT`.
 */
tag: string, 
/**
 * Its name in itself: "Deutsch (Österreich)".
 */
name: string, 
/**
 * The base language's code, which the templates are kept under.
 */
base: string, };

export type DaySettings = { rounds: number, roundMinutes: number, passingMinutes: number, 
/**
 * `HH:MM`; empty or absent means when the session starts.
 */
start: string | null, fixedBlocks: Array<FixedBlockInput>, 
/**
 * Conflicts of interest: these applicants must never meet these interviewers.
 */
conflicts: Array<DayPair>, 
/**
 * Pairs that should meet whenever the day allows it.
 */
mustMeet: Array<DayPair>, };

export type DayPair = { applicantId: number, interviewerId: number, };

export type FixedBlockInput = { label: string, 
/**
 * `HH:MM`.
 */
start: string, minutes: number, };

export type DaySlot = { applicantId: number, round: number, };

export type DayScheduleView = { sessionId: number, settings: DaySettings, 
/**
 * The study's time zone, in which the local times are given.
 */
timeZone: string, rounds: Array<DayRoundView>, 
/**
 * Welcomes, lunches and other parts of the day without interviews.
 */
blocks: Array<DayRoundView>, itineraries: Array<DayItineraryView>, timetables: Array<DayTimetableView>, 
/**
 * Wishes the schedule does not fulfil, each with the reason.
 */
unmet: Array<string>, 
/**
 * Hard rules the schedule breaks (only after changes by hand); it cannot be published
 * while there are any.
 */
conflicts: Array<DayConflictView>, publishedAt: string | null, 
/**
 * The calendar SEQUENCE of the last publication.
 */
sequence: number, 
/**
 * True when the applicants have not been sent the schedule as it is now.
 */
unpublishedChanges: boolean, 
/**
 * Applicants who canceled or were booked since the schedule was made or published.
 */
rosterChanges: Array<string>, };

export type DayRoundView = { 
/**
 * The round's number (from 1), or the block's name.
 */
label: string, start: string, end: string, 
/**
 * `YYYY-MM-DDTHH:MM` on the study's wall clock.
 */
localStart: string, localEnd: string, };

export type DayItineraryView = { applicantId: number, name: string, 
/**
 * One per round, in order.
 */
seats: Array<DaySeatView>, };

export type DaySeatView = { round: number, 
/**
 * None for a break.
 */
interviewerId: number | null, interviewerName: string | null, };

export type DayTimetableView = { interviewerId: number, name: string, duties: Array<DayDutyView>, };

export type DayConflictView = { message: string, applicants: number[], interviewers: number[], 
/**
 * Counted from 1.
 */
rounds: Array<number>, };

export type DayDutyView = { round: number, 
/**
 * None when free or unavailable.
 */
applicantId: number | null, applicantName: string | null, unavailable: boolean, };

export type SwapReport = { schedule: DayScheduleView, 
/**
 * The hard rules the schedule breaks after the swap; empty when it is sound.
 */
conflicts: Array<DayConflictView>, };

export type PublishReport = { 
/**
 * Itineraries queued, one per applicant.
 */
itineraries: number, 
/**
 * Timetables queued, one per interviewer with an address.
 */
timetables: number, 
/**
 * Interviewers left out, each with the reason.
 */
skipped: Array<string>, sequence: number, 
/**
 * Messages of the previous publication that had not been sent yet, replaced by these.
 */
withdrawn: number, 
/**
 * Applicants no longer on the day whose calendar event is canceled.
 */
canceled: number, };
