import { useEffect, useState } from "react";
import { commands } from "../../bindings/commands";
import type { SlotView } from "../../bindings/types";
import { toAppError } from "../../errors";
import type { VisibleRange } from "./SessionsCalendar";
import { instantOfAny } from "../../time/zonedTime";

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
        <span className="spinner" aria-hidden="true" /> Counting open slots…
      </p>
    );
  }
  if (state.kind === "failed") {
    return (
      <p className="open-slots open-slots-failed" data-testid="open-slots" title={state.message}>
        Open slots could not be counted: {state.message}
      </p>
    );
  }
  const count = state.slots.length;
  const places = state.slots.reduce((sum, s) => sum + s.remaining, 0);
  const started = instantOfAny(range.start, zone).getTime() < Date.now();
  return (
    <p className="open-slots" data-testid="open-slots" data-count={count} aria-live="polite">
      <strong data-testid="open-slots-count">{count}</strong> open {count === 1 ? "slot" : "slots"}
      {places !== count && ` (${places} places)`} {where(range.view)}
      {started && <span className="open-slots-note"> · from now on</span>}
    </p>
  );
}

function where(view: string): string {
  if (view === "timeGridDay") return "on this day";
  if (view === "dayGridMonth") return "in the weeks shown";
  return "in this week";
}
