import { useEffect, useId, useState } from "react";
import { toAppError } from "../errors";
import { DaySession } from "./days/DaySession";
import { defaultSession, loadDays, startOf, type DaysData } from "./days/loadDays";
import { formatDay } from "../time/format";
import { useResearcherZone } from "./overview/useResearcherZone";
import type { PaneProps } from "./paneProps";
import { t } from "../i18n";
import "./days/days.css";

export function DaysPane({ study, onError }: PaneProps) {
  const id = useId();
  const zone = useResearcherZone(study.timeZone);
  const [data, setData] = useState<DaysData | null>(null);
  const [failed, setFailed] = useState(false);
  const [sessionId, setSessionId] = useState<number | null>(null);

  useEffect(() => {
    let active = true;
    loadDays(study.id)
      .then((loaded) => {
        if (!active) return;
        setData(loaded);
        setSessionId(defaultSession(loaded.sessions)?.id ?? null);
      })
      .catch((reason: unknown) => {
        if (!active) return;
        setFailed(true);
        onError(toAppError(reason));
      });
    return () => {
      active = false;
    };
  }, [study.id, onError]);

  const session = data?.sessions.find((s) => s.id === sessionId) ?? null;
  const dayLabel = (s: { title: string }, start: string) =>
    `${s.title || t("days.untitled")} · ${formatDay(start, study.timeZone)}`;

  return (
    <section className="screen days-screen" data-testid="pane-days-screen" aria-labelledby="days-heading">
      <header className="screen-header">
        <h1 id="days-heading">{t("days.title")}</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
      {data === null && !failed && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("days.loading")}
        </p>
      )}
      {failed && (
        <p className="panel-hint">{t("days.failed")}</p>
      )}
      {data !== null && data.sessions.length === 0 && (
        <div className="empty-state" data-testid="days-empty">
          <p className="empty-state-title">{t("days.empty.title")}</p>
          <p className="empty-state-hint">{t("days.empty.hint")}</p>
        </div>
      )}
      {data !== null && session !== null && (
        <>
          <div className="field day-picker">
            <label htmlFor={`${id}-session`}>{t("days.picker")}</label>
            <select
              id={`${id}-session`}
              data-testid="day-session-select"
              value={session.id}
              onChange={(e) => setSessionId(Number(e.target.value))}
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
