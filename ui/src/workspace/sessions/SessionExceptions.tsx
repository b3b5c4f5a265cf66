import { useId, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, SessionView } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { formatDayKeyShort, weekdayNames } from "../../time/format";
import { isoWeekday, nextWeekday } from "../../time/zonedTime";
import { t } from "../../i18n";

type Props = {
  session: SessionView;
  /** The occurrence the researcher clicked, if any: the date the form starts with. */
  date: string | null;
  /** Today in the study's zone, for the default date. */
  today: string;
  onChanged: () => Promise<void>;
};

/** Closes one date of a weekly session, or opens it at other hours that date. */
export function SessionExceptions({ session, date, today, onChanged }: Props) {
  const id = useId();
  const pattern = session.pattern;
  const weekday = pattern.kind === "weekly" ? pattern.weekday : 1;
  const dayName = weekdayNames()[weekday - 1];
  const [day, setDay] = useState(
    date ?? nextWeekday(pattern.kind === "weekly" && pattern.validFrom > today ? pattern.validFrom : today, weekday),
  );
  const [closed, setClosed] = useState(true);
  const [startTime, setStartTime] = useState(pattern.kind === "weekly" ? pattern.startTime : "09:00");
  const [endTime, setEndTime] = useState(pattern.kind === "weekly" ? pattern.endTime : "17:00");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const dateError = !/^\d{4}-\d{2}-\d{2}$/.test(day)
    ? t("sessions.exception.chooseDate")
    : isoWeekday(day) !== weekday
      ? t("sessions.exception.wrongDay", { day: String(dayName) })
      : null;
  const hoursError =
    !closed && !(startTime && endTime && endTime > startTime) ? t("sessions.exception.hoursError") : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (dateError || hoursError) return;
    setSaving(true);
    setError(null);
    setDone(null);
    try {
      await commands.setSessionException(session.id, {
        date: day,
        startTime: closed ? null : startTime,
        endTime: closed ? null : endTime,
      });
      await onChanged();
      setDone(
        closed
          ? t("sessions.exception.closedOn", { date: formatDayKeyShort(day) })
          : t("sessions.exception.openOn", { start: startTime, end: endTime, date: formatDayKeyShort(day) }),
      );
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setSaving(false);
    }
  }

  const exceptions = [...session.exceptions].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="session-exceptions" data-testid="session-exceptions">
      <p className="panel-hint">
        {t("sessions.exception.hint", { day: dayName ?? "" })}
      </p>
      {exceptions.length > 0 && (
        <ul className="session-exception-list" aria-label={t("sessions.exception.list")} data-testid="session-exception-list">
          {exceptions.map((e) => (
            <li key={e.date}>
              <span>{formatDayKeyShort(e.date)}</span>
              <span className="session-check-hint">
                {e.startTime && e.endTime
                  ? t("sessions.exception.listOpen", { start: e.startTime, end: e.endTime })
                  : t("sessions.exception.listClosed")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <form className="form" noValidate onSubmit={submit}>
        <div className="session-when session-when-hours">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t("sessions.exception.date")}</label>
            <input
              id={`${id}-date`}
              type="date"
              data-testid="exception-date-input"
              aria-invalid={dateError !== null || undefined}
              value={day}
              onChange={(e) => setDay(e.target.value)}
            />
            {dateError && <p className="field-error">{dateError}</p>}
          </div>
        </div>
        <fieldset className="session-kinds session-kinds-compact">
          <legend>{t("sessions.exception.thatDay")}</legend>
          <label className="session-kind" data-checked={closed || undefined}>
            <input type="radio" name={`${id}-closed`} data-testid="exception-closed" checked={closed} onChange={() => setClosed(true)} />
            <span className="session-kind-label">{t("sessions.exception.closed")}</span>
          </label>
          <label className="session-kind" data-checked={!closed || undefined}>
            <input type="radio" name={`${id}-closed`} data-testid="exception-hours" checked={!closed} onChange={() => setClosed(false)} />
            <span className="session-kind-label">{t("sessions.exception.otherHours")}</span>
          </label>
        </fieldset>
        {!closed && (
          <div className="session-when session-when-hours">
            <div className="field">
              <label htmlFor={`${id}-start`}>{t("sessions.exception.from")}</label>
              <input id={`${id}-start`} type="time" step={300} value={startTime} onChange={(e) => setStartTime(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-end`}>{t("sessions.exception.to")}</label>
              <input id={`${id}-end`} type="time" step={300} value={endTime} onChange={(e) => setEndTime(e.target.value)} />
              {hoursError && <p className="field-error">{hoursError}</p>}
            </div>
          </div>
        )}
        <p className="field-hint">{t("sessions.exception.undoHint")}</p>
        <div className="dialog-actions">
          {done && (
            <span className="session-saved" role="status" data-testid="exception-saved">
              {done}
            </span>
          )}
          <button
            type="submit"
            className="button button-primary"
            data-testid="exception-submit"
            disabled={saving}
            aria-busy={saving || undefined}
          >
            {saving && <span className="spinner" aria-hidden="true" />}
            {saving ? t("sessions.exception.saving") : t("sessions.exception.save")}
          </button>
        </div>
      </form>
    </div>
  );
}
