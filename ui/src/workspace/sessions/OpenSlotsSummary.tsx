import { useEffect, useState } from "react";
import { commands } from "../../bindings/commands";
import type { SlotView } from "../../bindings/types";
import { toAppError } from "../../errors";
import type { VisibleRange } from "./SessionsCalendar";
import { instantOfAny } from "../../time/zonedTime";
import { t, tPlural, tPluralRich } from "../../i18n";

type Props = {
  studyId: number;
  zone: string;
  range: VisibleRange | null;
  /** Changes after every edit of sessions, so the count follows what the researcher just did. */
  version: number;
};

type State = { kind: "loading" } | { kind: "loaded"; slots: SlotView[] } | { kind: "failed"; message: string };

/** How many slots participants could book in the days on screen: the effect of the availability. */
export function OpenSlotsSummary({ studyId, zone, range, version }: Props) {
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    if (!range) return;
    let active = true;
    setState({ kind: "loading" });
    commands
      .openSlots(studyId, instantOfAny(range.start, zone).toISOString(), instantOfAny(range.end, zone).toISOString(), null)
      .then((slots) => active && setState({ kind: "loaded", slots }))
      .catch((reason: unknown) => active && setState({ kind: "failed", message: toAppError(reason).message }));
    return () => {
      active = false;
    };
  }, [studyId, zone, range, version]);

  if (!range || state.kind === "loading") {
    return (
      <p className="open-slots loading-line" data-testid="open-slots" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {t("sessions.slots.counting")}
      </p>
    );
  }
  if (state.kind === "failed") {
    return (
      <p className="open-slots open-slots-failed" data-testid="open-slots" title={state.message}>
        {t("sessions.slots.failed", { message: state.message })}
      </p>
    );
  }
  const count = state.slots.length;
  const places = state.slots.reduce((sum, s) => sum + s.remaining, 0);
  const started = instantOfAny(range.start, zone).getTime() < Date.now();
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
