import { useEffect, useEffectEvent, useId, useMemo, useState } from "react";
import { commands } from "../../bindings/commands";
import type { SessionView } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { formatClock, formatDayKey, formatWhenWithZone } from "../../time/format";
import { sessionLabel } from "./sessionLabel";
import { groupSlotsByDay, slotKey } from "./slotGroups";
import { dayIn, instantOf, sameClock, zoneAbbreviation } from "../../time/zonedTime";
import { t, tPlural, tRich } from "../../i18n";
import { useLoaded } from "../../useLoaded";

export type TimeChoice = { sessionId: number; start: string };

type Props = {
  studyId: number;
  /** Slots are listed, and other times typed, on this zone's clock: the study's. */
  zone: string;
  sessions: SessionView[];
  value: TimeChoice | null;
  onChange: (choice: TimeChoice | null) => void;
  /** The session offered first for a time typed by hand (the interview's own, when rescheduling). */
  preferredSessionId?: number;
  /** The researcher's zone: the chosen time is also named on their clock when it differs. */
  displayZone?: string;
  disabled?: boolean;
};

const WEEKS_AHEAD = 6;

/** Picks a time: one of the open slots of the coming weeks, or any time in a chosen session. */
export function TimePicker({ studyId, zone, sessions, value, onChange, preferredSessionId, displayZone, disabled }: Props) {
  const id = useId();
  const [mode, setMode] = useState<"slots" | "custom">("slots");
  const slots = useLoaded(() => {
    const to = new Date(Date.now() + WEEKS_AHEAD * 7 * 86_400_000).toISOString();
    return commands.openSlots(studyId, null, to, zone);
  }, [studyId, zone]);
  const found = slots.loading ? undefined : slots.data;

  const days = useMemo(() => (found ? groupSlotsByDay(found, zone) : []), [found, zone]);
  const chosenKey = value ? slotKey(value) : null;

  function switchTo(next: "slots" | "custom") {
    if (next === mode) return;
    setMode(next);
    onChange(null);
  }

  return (
    <div className="time-picker" data-testid="time-picker">
      <div className="segmented" role="group" aria-label={t("interviews.time.how")}>
        <button
          type="button"
          className="segmented-option"
          aria-pressed={mode === "slots"}
          data-testid="time-mode-slots"
          disabled={disabled}
          onClick={() => switchTo("slots")}
        >
          {t("interviews.time.open")}
        </button>
        <button
          type="button"
          className="segmented-option"
          aria-pressed={mode === "custom"}
          data-testid="time-mode-custom"
          disabled={disabled}
          onClick={() => switchTo("custom")}
        >
          {t("interviews.time.another")}
        </button>
      </div>

      {mode === "slots" && (
        <div className="slot-days" aria-describedby={`${id}-zone`}>
          <p className="picker-hint" id={`${id}-zone`}>
            {t("interviews.time.openHint", { weeks: WEEKS_AHEAD, zone })}
          </p>
          {slots.loading && (
            <p className="loading-line" role="status">
              <span className="spinner" aria-hidden="true" /> {t("interviews.time.finding")}
            </p>
          )}
          {/* Dismissing a failed look-up asks again. */}
          {!slots.loading && slots.error && <ErrorBanner error={slots.error} onDismiss={() => void slots.reload()} />}
          {found && days.length === 0 && (
            <p className="picker-empty" data-testid="slots-empty">
              {t("interviews.time.none", { weeks: WEEKS_AHEAD })}
            </p>
          )}
          {days.length > 0 && (
            <div className="slot-day-list">
              {days.map(({ day, slots: daySlots }) => (
                <section key={day} className="slot-day" aria-label={formatDayKey(day)}>
                  <h3 className="slot-day-title">{formatDayKey(day)}</h3>
                  <div className="slot-grid">
                    {daySlots.map((slot) => {
                      const key = slotKey(slot);
                      return (
                        <button
                          key={key}
                          type="button"
                          className="slot-button"
                          data-testid="slot-option"
                          data-start={slot.start}
                          aria-pressed={key === chosenKey}
                          disabled={disabled}
                          title={slot.remaining > 1 ? tPlural("interviews.time.placesLeft", slot.remaining) : undefined}
                          onClick={() => onChange({ sessionId: slot.sessionId, start: slot.start })}
                        >
                          {formatClock(slot.start, zone)}
                        </button>
                      );
                    })}
                  </div>
                </section>
              ))}
            </div>
          )}
        </div>
      )}

      {mode === "custom" && (
        <CustomTime
          zone={zone}
          sessions={sessions}
          preferredSessionId={preferredSessionId}
          disabled={disabled}
          onChange={onChange}
        />
      )}

      {value && (
        <p className="chosen-time" data-testid="chosen-time">
          {tRich("interviews.time.chosen", { time: <strong>{formatWhenWithZone(value.start, zone)}</strong> })}
          {displayZone && !sameClock(value.start, zone, displayZone) && (
            <> {t("interviews.time.onYourClock", { time: formatWhenWithZone(value.start, displayZone) })}</>
          )}
        </p>
      )}
    </div>
  );
}

type CustomProps = {
  zone: string;
  sessions: SessionView[];
  preferredSessionId?: number;
  disabled?: boolean;
  onChange: (choice: TimeChoice | null) => void;
};

function CustomTime({ zone, sessions, preferredSessionId, disabled, onChange }: CustomProps) {
  const id = useId();
  const initialSession = sessions.find((s) => s.id === preferredSessionId) ?? sessions[0];
  const [sessionId, setSessionId] = useState<number | null>(initialSession?.id ?? null);
  const [date, setDate] = useState(() => dayIn(new Date(), zone));
  const [time, setTime] = useState("");

  const instant = date !== "" && time !== "" ? instantOf(`${date}T${time}`, zone) : null;
  const skipped = date !== "" && time !== "" && instant === null;

  const start = instant?.toISOString() ?? null;
  // Reported when the chosen time changes, not on every render of the parent.
  const report = useEffectEvent(onChange);
  useEffect(() => {
    report(sessionId !== null && start !== null ? { sessionId, start } : null);
  }, [sessionId, start]);

  if (sessions.length === 0) {
    return (
      <p className="picker-empty">
        {t("interviews.time.noSessions")}
      </p>
    );
  }

  return (
    <div className="form custom-time">
      <div className="field">
        <label htmlFor={`${id}-session`}>{t("interviews.time.session")}</label>
        <select
          id={`${id}-session`}
          data-testid="custom-session"
          value={sessionId ?? ""}
          disabled={disabled}
          onChange={(event) => setSessionId(Number(event.target.value))}
        >
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {session.visible
                ? sessionLabel(session, zone)
                : t("interviews.time.hiddenSession", { session: sessionLabel(session, zone) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-date`}>{t("interviews.time.date")}</label>
          <input
            id={`${id}-date`}
            type="date"
            data-testid="custom-date"
            value={date}
            disabled={disabled}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-time`}>
            {t("interviews.time.start", { zone: instant ? zoneAbbreviation(instant, zone) : zone })}
          </label>
          <input
            id={`${id}-time`}
            type="time"
            step={300}
            data-testid="custom-time"
            value={time}
            disabled={disabled}
            aria-invalid={skipped || undefined}
            onChange={(event) => setTime(event.target.value)}
          />
        </div>
      </div>
      {skipped ? (
        <p className="field-error" role="alert">
          {t("interviews.time.skipped", { date, time, zone })}
        </p>
      ) : (
        <p className="picker-hint">
          {t("interviews.time.customHint", { zone })}
        </p>
      )}
    </div>
  );
}
