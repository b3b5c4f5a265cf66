import { useId, useState } from "react";
import { DaySession } from "./days/DaySession";
import { defaultSession, loadDays, startOf } from "./days/loadDays";
import { formatDay } from "../time/format";
import { useResearcherZone } from "./overview/useResearcherZone";
import type { PaneProps } from "./paneProps";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";
import "./days/days.css";

export function DaysPane({ study, onError }: PaneProps) {
  const id = useId();
  const zone = useResearcherZone(study.timeZone);
  const { data, error } = useLoaded(
    // The session shown first is chosen as the days arrive: the next one to end, or the last.
    () => loadDays(study.id).then((days) => ({ ...days, first: defaultSession(days.sessions)?.id ?? null })),
    [study.id],
    { onError },
  );
  const failed = error !== null;
  const [picked, setPicked] = useState<number | null>(null);
  const session =
    data?.sessions.find((s) => s.id === picked) ?? data?.sessions.find((s) => s.id === data.first) ?? null;
  const dayLabel = (s: { title: string }, start: string) =>
    `${s.title || t("days.untitled")} · ${formatDay(start, study.timeZone)}`;

  return (
    <section className="screen days-screen" data-testid="pane-days-screen" aria-labelledby="days-heading">
      <header className="screen-header">
        <h1 id="days-heading">{t("days.title")}</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
      {data === undefined && !failed && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("days.loading")}
        </p>
      )}
      {failed && (
        <p className="panel-hint">{t("days.failed")}</p>
      )}
      {data !== undefined && data.sessions.length === 0 && (
        <div className="empty-state" data-testid="days-empty">
          <p className="empty-state-title">{t("days.empty.title")}</p>
          <p className="empty-state-hint">{t("days.empty.hint")}</p>
        </div>
      )}
      {data !== undefined && session !== null && (
        <>
          <div className="field day-picker">
            <label htmlFor={`${id}-session`}>{t("days.picker")}</label>
            <select
              id={`${id}-session`}
              data-testid="day-session-select"
              value={session.id}
              onChange={(e) => setPicked(Number(e.target.value))}
            >
              {data.sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {t("days.option", {
                    day: dayLabel(s, startOf(s)),
                    count: (data.applicants.get(s.id) ?? []).length,
                    capacity: s.capacity,
                  })}
                </option>
              ))}
            </select>
          </div>
          <DaySession
            key={session.id}
            session={session}
            applicants={data.applicants.get(session.id) ?? []}
            interviewers={data.interviewersOf(session)}
            zone={zone}
            onError={onError}
          />
        </>
      )}
    </section>
  );
}
