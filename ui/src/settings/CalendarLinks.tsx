import { useId, useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, InterviewerView, RemoteCalendarView } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { nextStepFor, toAppError } from "../errors";
import { StudyCalendarFile } from "./StudyCalendarFile";
import { t } from "../i18n";
import { formatDateTime } from "../time/format";
import { localZone, timeAgo } from "./relativeTime";
import { useLoaded } from "../useLoaded";
import "./calendar.css";
import "./settings.css";

type Props = {
  studyId: number;
  /**
   * The study's interviewers when the host has them already (so one added there shows here);
   * left out, they are loaded here.
   */
  interviewers?: InterviewerView[] | null;
};

type Loaded =
  | { phase: "noAccount" }
  | {
      phase: "ready";
      /** Empty when the server could not be asked: the links then show as they are saved. */
      calendars: RemoteCalendarView[];
      /** Why the server's list is missing, if it is. */
      listError: AppError | null;
      studyHref: string | null;
      /** On a team database, the colleague whose account the study's calendar was chosen from. */
      studyChosenBy: string | null;
      /** The study's interviewers, when the host has none to give. */
      ownInterviewers: InterviewerView[] | null;
      /** The choices saved here, over what the interviewers were loaded with. */
      links: Record<number, string | null>;
    };

const NONE = "";

async function loadLinks(studyId: number, hostHasInterviewers: boolean): Promise<Loaded> {
  const account = await commands.calendarAccount();
  if (account === null) return { phase: "noAccount" };
  const [study, ownInterviewers] = await Promise.all([
    commands.studyCalendar(studyId),
    hostHasInterviewers ? Promise.resolve(null) : commands.listInterviewers(studyId),
  ]);
  let calendars: RemoteCalendarView[] = [];
  let listError: AppError | null = null;
  try {
    calendars = await commands.remoteCalendars();
  } catch (reason) {
    listError = toAppError(reason);
  }
  return {
    phase: "ready",
    calendars,
    listError,
    studyHref: study.href,
    studyChosenBy: study.chosenBy,
    ownInterviewers,
    links: {},
  };
}

/**
 * Which calendars of the calendar account a study uses: the one Sync writes its interviews into,
 * and the one each interviewer's busy times are read from. Each choice is saved as it is made.
 */
export function CalendarLinks({ studyId, interviewers }: Props) {
  const id = useId();
  const hostHasInterviewers = interviewers !== undefined;
  const state = useLoaded(() => loadLinks(studyId, hostHasInterviewers), [studyId, hostHasInterviewers]);
  const loaded = state.loading ? undefined : state.data;
  const [saving, setSaving] = useState<string | null>(null);
  // The choice saved last. The host's interviewers come again after a Sync, with when each
  // calendar was read: that then says more than the last "Saved.".
  const [saved, setSaved] = useState<{ key: string; interviewers: typeof interviewers } | null>(null);
  const savedKey = saved !== null && saved.interviewers === interviewers ? saved.key : null;
  const [error, setError] = useState<AppError | null>(null);

  const people = interviewers ?? (loaded?.phase === "ready" ? loaded.ownInterviewers : null);
  const studyColleague = loaded?.phase === "ready" && loaded.studyHref !== null ? loaded.studyChosenBy : null;

  const changeReady = (change: (ready: Extract<Loaded, { phase: "ready" }>) => Loaded) =>
    state.setData((now) => (now.phase === "ready" ? change(now) : now));

  async function save(key: string, change: () => Promise<unknown>, apply: () => void) {
    setSaving(key);
    setSaved(null);
    setError(null);
    try {
      await change();
      apply();
      setSaved({ key, interviewers });
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setSaving(null);
    }
  }

  function chooseStudyCalendar(value: string) {
    if (loaded?.phase !== "ready") return;
    const href = value === NONE ? null : value;
    void save(
      "study",
      () => commands.setStudyCalendar(studyId, href),
      () => changeReady((now) => ({ ...now, studyHref: href, studyChosenBy: null })),
    );
  }

  function chooseInterviewerCalendar(person: InterviewerView, value: string) {
    const href = value === NONE ? null : value;
    void save(
      `interviewer-${person.id}`,
      () => commands.setInterviewerCalendar(person.id, href),
      () => changeReady((now) => ({ ...now, links: { ...now.links, [person.id]: href } })),
    );
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="calendar-links">
      <h2 className="panel-title" id={`${id}-heading`}>
        {t("calendarLinks.title")}
      </h2>
      {state.loading && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("calendarLinks.loading")}
        </p>
      )}
      {!state.loading && state.error && (
        <>
          <div className="connection-result connection-failed" role="alert" data-testid="calendar-links-load-error">
            <p className="connection-title">{t("calendarLinks.loadError")}</p>
            <p>
              {state.error.message} {nextStepFor(state.error.code)}
            </p>
          </div>
          <div>
            <button type="button" className="button button-secondary" onClick={() => void state.reload()}>
              {t("common.tryAgain")}
            </button>
          </div>
        </>
      )}
      {loaded?.phase === "noAccount" && (
        <p className="panel-hint" data-testid="calendar-links-no-account">
          {t("calendarLinks.noAccount")}
        </p>
      )}
      {loaded?.phase === "ready" && (
        <>
          <p className="panel-hint">{t("calendarLinks.hint")}</p>
          {loaded.listError && (
            <div className="connection-result calendar-warning" role="status" data-testid="calendar-links-list-error">
              <p className="connection-title">{t("calendarLinks.listFailed")}</p>
              <p>{loaded.listError.message}</p>
            </div>
          )}
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

          <div className="field calendar-study-field">
            <label htmlFor={`${id}-study`}>{t("calendarLinks.study")}</label>
            <select
              id={`${id}-study`}
              data-testid="calendar-links-study"
              value={loaded.studyHref ?? NONE}
              disabled={saving !== null}
              aria-busy={saving === "study" || undefined}
              aria-describedby={`${id}-study-hint`}
              onChange={(e) => chooseStudyCalendar(e.target.value)}
            >
              <option value={NONE}>{t("calendarLinks.studyNone")}</option>
              {calendarOptions(
                loaded.calendars.filter((calendar) => calendar.writable),
                loaded.studyHref,
                studyColleague === null ? undefined : t("calendarLinks.colleagues", { name: studyColleague }),
              )}
            </select>
            <p className="field-hint" id={`${id}-study-hint`} data-testid="calendar-links-study-hint">
              {savedKey === "study"
                ? t("calendarLinks.saved")
                : studyColleague !== null
                  ? t("calendarLinks.studyChosenBy", { name: studyColleague })
                  : t("calendarLinks.studyHint")}
            </p>
          </div>

          <h3 className="settings-subtitle">{t("calendarLinks.busyTitle")}</h3>
          {people === null ? (
            <p className="loading-line">
              <span className="spinner" aria-hidden="true" />
              {t("calendarLinks.loading")}
            </p>
          ) : people.length === 0 ? (
            <p className="panel-hint" data-testid="calendar-links-no-interviewers">
              {t("calendarLinks.noInterviewers")}
            </p>
          ) : (
            <div className="calendar-links-people">
              {people.map((person) => {
                const key = `interviewer-${person.id}`;
                const href = person.id in loaded.links ? (loaded.links[person.id] ?? null) : person.calendarHref;
                // A colleague's calendar, on a team database: this account does not list it.
                const colleague = person.calendarHref === href ? person.calendarChosenBy : null;
                return (
                  <div className="calendar-link-row" key={person.id} data-testid="calendar-link-row">
                    <span className="calendar-link-person">
                      <span>{person.name}</span>
                      <span className="calendar-link-email">{person.email}</span>
                    </span>
                    <select
                      data-testid={`calendar-links-interviewer-${person.id}`}
                      aria-label={t("calendarLinks.busyFrom", { name: person.name })}
                      aria-describedby={`${id}-${person.id}-read`}
                      value={href ?? NONE}
                      disabled={saving !== null}
                      aria-busy={saving === key || undefined}
                      onChange={(e) => chooseInterviewerCalendar(person, e.target.value)}
                    >
                      <option value={NONE}>{t("calendarLinks.busyNone")}</option>
                      {calendarOptions(
                        loaded.calendars,
                        href,
                        colleague === null ? undefined : t("calendarLinks.colleagues", { name: colleague }),
                      )}
                    </select>
                    <p className="field-hint" id={`${id}-${person.id}-read`} data-testid={`calendar-links-read-${person.id}`}>
                      {savedKey === key
                        ? t("calendarLinks.saved")
                        : href === null
                          ? null
                          : colleague !== null
                            ? t("calendarLinks.chosenBy", { name: colleague })
                            : person.busyReadAt && person.calendarHref === href
                            ? readAt(person.busyReadAt)
                            : t("calendarLinks.notReadYet")}
                    </p>
                  </div>
                );
              })}
            </div>
          )}
        </>
      )}
      <StudyCalendarFile studyId={studyId} />
    </section>
  );
}

/**
 * The calendars to choose from, with the chosen one kept even when the server lists it no more
 * (or when it is a colleague's, named by `unlistedLabel`).
 */
function calendarOptions(calendars: RemoteCalendarView[], chosen: string | null, unlistedLabel?: string) {
  const missing = chosen !== null && !calendars.some((calendar) => calendar.href === chosen);
  return (
    <>
      {calendars.map((calendar) => (
        <option key={calendar.href} value={calendar.href}>
          {calendar.name}
        </option>
      ))}
      {missing && <option value={chosen}>{unlistedLabel ?? t("calendarLinks.unlisted", { href: chosen })}</option>}
    </>
  );
}

function readAt(instant: string) {
  return (
    <time dateTime={instant} title={formatDateTime(instant, localZone())}>
      {t("calendarLinks.readAgo", { when: timeAgo(instant) })}
    </time>
  );
}
