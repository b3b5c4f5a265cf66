import { commands } from "../../bindings/commands";
import type { VisibleRange } from "./SessionsCalendar";
import { instantOfAny } from "../../time/zonedTime";
import { t, tPlural, tPluralRich } from "../../i18n";
import { useLoaded } from "../../useLoaded";

type Props = {
  studyId: number;
  zone: string;
  range: VisibleRange | null;
};

/**
 * How many slots participants could book in the days on screen: the effect of the availability.
 * The Sessions pane mounts it afresh after every edit of sessions, so the count follows it.
 */
export function OpenSlotsSummary({ studyId, zone, range }: Props) {
  const counted = useLoaded(() => {
    if (!range) return null;
    const start = instantOfAny(range.start, zone);
    return commands
      .openSlots(studyId, start.toISOString(), instantOfAny(range.end, zone).toISOString(), null)
      // Whether the days on screen began before the count: their past slots are not offered.
      .then((slots) => ({ slots, started: start.getTime() < Date.now() }));
  }, [studyId, zone, range]);

  if (!range || counted.loading) {
    return (
      <p className="open-slots loading-line" data-testid="open-slots" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {t("sessions.slots.counting")}
      </p>
    );
  }
  if (counted.data === undefined) {
    const message = counted.error?.message ?? "";
    return (
      <p className="open-slots open-slots-failed" data-testid="open-slots" title={message}>
        {t("sessions.slots.failed", { message })}
      </p>
    );
  }
  const { slots, started } = counted.data;
  const count = slots.length;
  const places = slots.reduce((sum, s) => sum + s.remaining, 0);
  return (
    <p className="open-slots" data-testid="open-slots" data-count={count} aria-live="polite">
      {tPluralRich("sessions.slots.count", count, { count: <strong data-testid="open-slots-count">{count}</strong> })}
      {places !== count && ` ${tPlural("sessions.slots.places", places)}`} {where(range.view)}
      {started && <span className="open-slots-note"> · {t("sessions.slots.fromNow")}</span>}
    </p>
  );
}

function where(view: string): string {
  if (view === "timeGridDay") return t("sessions.slots.where.day");
  if (view === "dayGridMonth") return t("sessions.slots.where.month");
  return t("sessions.slots.where.week");
}
