import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, BusyTimeView, InterviewerView, SessionView } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { CalendarLinks } from "../settings/CalendarLinks";
import type { PaneProps } from "./paneProps";
import { busyEvents, changeWithPattern, patternAfterMove, sessionEvents } from "./sessions/calendarEvents";
import { InterviewersPanel } from "./sessions/InterviewersPanel";
import { OpenSlotsSummary } from "./sessions/OpenSlotsSummary";
import { defaultKind, draftForRange } from "./sessions/sessionDraft";
import { SessionDialog, type SessionDialogTarget } from "./sessions/SessionDialog";
import { SessionsCalendar, type VisibleRange } from "./sessions/SessionsCalendar";
import { useSyncState } from "../sync/useSyncState";
import { instantOfAny, wallClockOf, zoneDifference, type WallClock } from "../time/zonedTime";
import { t, tRich } from "../i18n";
import { useLoaded } from "../useLoaded";
import "./sessions/sessions.css";

// What a list that could not be read shows: nothing, the same nothing on every render.
const noSessions: SessionView[] = [];
const nobody: InterviewerView[] = [];

export function SessionsPane({ study, onError }: PaneProps) {
  const zone = study.timeZone;
  const loadedSessions = useLoaded(() => commands.listSessions(study.id), [study.id], { onError });
  const sessions = loadedSessions.data ?? (loadedSessions.error ? noSessions : null);
  const loadedInterviewers = useLoaded(() => commands.listInterviewers(study.id), [study.id], { onError });
  const interviewers = loadedInterviewers.data ?? (loadedInterviewers.error ? nobody : null);
  const { setData: setSessions, reload: reloadSessions } = loadedSessions;
  const { setData: setInterviewers, reload: reloadInterviewers } = loadedInterviewers;
  // Both only refine the screen (the default kind of a new session, a second time zone): the
  // calendar works without them, so a failure here is not worth a banner.
  const studyKind = useLoaded(() => commands.studySettings(study.id), [study.id]).data?.kind;
  const profileZone = useLoaded(() => commands.mailProfile(), []).data?.timeZone;
  const researcherZone = profileZone && profileZone !== zone ? profileZone : null;
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [busy, setBusy] = useState<BusyTimeView[]>([]);
  const [target, setTarget] = useState<SessionDialogTarget | null>(null);
  const [calendarError, setCalendarError] = useState<AppError | null>(null);
  // Bumped after every change of sessions, so the open slots are counted again.
  const [version, setVersion] = useState(0);
  // The calendar's callbacks read the newest sessions here, so they stay stable across renders.
  const sessionsRef = useRef<SessionView[]>([]);
  useLayoutEffect(() => {
    sessionsRef.current = sessions ?? [];
  });
  // Sync reads the interviewers' calendars: after each one, the busy times and when each
  // calendar was read are asked again.
  const syncGeneration = useSyncState().generation;
  const seenSync = useRef(syncGeneration);

  // An open editor shows the saved state, such as a date just closed.
  const shownTarget = useMemo(
    () =>
      target?.mode === "edit"
        ? { ...target, session: sessions?.find((s) => s.id === target.session.id) ?? target.session }
        : target,
    [target, sessions],
  );

  useEffect(() => {
    if (syncGeneration === seenSync.current) return;
    seenSync.current = syncGeneration;
    // New interviewers bring the busy times again (below) and the time each calendar was read.
    void reloadInterviewers();
  }, [syncGeneration, reloadInterviewers]);

  useEffect(() => {
    if (!range) return;
    let active = true;
    commands
      .busyTimes(study.id, instantOfAny(range.start, zone).toISOString(), instantOfAny(range.end, zone).toISOString())
      .then((list) => active && setBusy(list))
      .catch((reason: unknown) => active && onError(toAppError(reason)));
    return () => {
      active = false;
    };
  }, [study.id, zone, range, interviewers, onError]);

  const events = useMemo(
    () => [...(sessions ?? []).flatMap((s) => sessionEvents(s, zone)), ...busyEvents(busy, zone)],
    [sessions, busy, zone],
  );

  const select = useCallback(
    (start: WallClock, end: WallClock, allDay: boolean) =>
      setTarget({ mode: "new", draft: draftForRange(start, end, allDay, defaultKind(studyKind)) }),
    [studyKind],
  );

  const newSession = () => {
    // Today if it is on screen, else the first day shown: where the researcher is looking.
    const today = wallClockOf(new Date(), zone).slice(0, 10);
    const date = range && (today < range.start.slice(0, 10) || today >= range.end.slice(0, 10)) ? range.start.slice(0, 10) : today;
    setTarget({ mode: "new", draft: draftForRange(`${date}T09:00`, `${date}T12:00`, false, defaultKind(studyKind)) });
  };

  const open = useCallback((sessionId: number, date: string) => {
    const session = sessionsRef.current.find((s) => s.id === sessionId);
    if (session) setTarget({ mode: "edit", session, date: session.pattern.kind === "weekly" ? date : null });
  }, []);

  const move = useCallback(
    (sessionId: number, start: Date, end: Date | null, revert: () => void) => {
      const session = sessionsRef.current.find((s) => s.id === sessionId);
      if (!session) {
        revert();
        return;
      }
      setCalendarError(null);
      commands
        .updateSession(sessionId, changeWithPattern(session, patternAfterMove(session, start, end)))
        .then((saved) => {
          setSessions((list) => list.map((s) => (s.id === saved.id ? saved : s)));
          setVersion((v) => v + 1);
        })
        .catch((reason: unknown) => {
          revert();
          setCalendarError(toAppError(reason));
        });
    },
    [setSessions],
  );

  const saved = useCallback(
    async (close: boolean) => {
      if (close) setTarget(null);
      // A failure reaches the banner through onError.
      await reloadSessions();
      setVersion((v) => v + 1);
    },
    [reloadSessions],
  );

  const difference = researcherZone ? zoneDifference(researcherZone, zone, new Date()) : null;

  return (
    <section className="screen sessions-screen" data-testid="pane-sessions-screen" aria-labelledby="sessions-heading">
      <header className="screen-header">
        <div className="sessions-heading">
          <h1 id="sessions-heading">{t("sessions.title")}</h1>
          <span className="screen-subtitle">{study.name}</span>
        </div>
        <button type="button" className="button button-primary" data-testid="new-session-button" onClick={newSession}>
          {t("sessions.new")}
        </button>
      </header>

      <div className="sessions-meta">
        <p className="sessions-zone" data-testid="sessions-zone">
          {tRich("sessions.zone", { zone: <strong>{zone}</strong> })}
          {researcherZone && (
            <span className="sessions-zone-yours">
              {" "}
              {difference
                ? t("sessions.zoneYoursWithDifference", { zone: researcherZone, difference })
                : t("sessions.zoneYours", { zone: researcherZone })}
            </span>
          )}
        </p>
        <OpenSlotsSummary key={version} studyId={study.id} zone={zone} range={range} />
      </div>

      {sessions === null ? (
        <p className="loading-line" data-testid="sessions-loading">
          <span className="spinner" aria-hidden="true" /> {t("sessions.loading")}
        </p>
      ) : (
        sessions.length === 0 && (
          <div className="empty-state sessions-empty" data-testid="sessions-empty">
            <p className="empty-state-title">{t("sessions.empty.title")}</p>
            <p className="empty-state-hint">{t("sessions.empty.hint")}</p>
          </div>
        )
      )}

      {calendarError && <ErrorBanner error={calendarError} onDismiss={() => setCalendarError(null)} />}

      <SessionsCalendar events={events} zone={zone} onRangeChange={setRange} onSelect={select} onOpen={open} onMove={move} />

      <p className="sessions-legend" aria-label={t("sessions.legend.label")}>
        <span className="legend-item legend-window">{t("sessions.legend.window")}</span>
        <span className="legend-item legend-weekly">{t("sessions.legend.weekly")}</span>
        <span className="legend-item legend-day">{t("sessions.legend.day")}</span>
        <span className="legend-item legend-hidden">{t("sessions.legend.hidden")}</span>
        <span className="legend-item legend-busy">{t("sessions.legend.busy")}</span>
      </p>

      <InterviewersPanel
        studyId={study.id}
        interviewers={interviewers}
        onAdded={(added) => setInterviewers((list) => [...list, added])}
        onChanged={(changed) => setInterviewers((list) => list.map((p) => (p.id === changed.id ? changed : p)))}
        onRemoved={(removed) => {
          setInterviewers((list) => list.filter((p) => p.id !== removed.id));
          // Their sessions no longer list them.
          void saved(false);
        }}
      />

      <SessionDialog
        target={shownTarget}
        studyId={study.id}
        studyZone={zone}
        researcherZone={researcherZone}
        interviewers={interviewers ?? []}
        onClose={() => setTarget(null)}
        onSaved={saved}
      />

      <CalendarLinks studyId={study.id} interviewers={interviewers} />
    </section>
  );
}
