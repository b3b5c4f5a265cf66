import { useEffect, useEffectEvent, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { DaySlot } from "../../bindings/types";
import type { PlaceTarget } from "./placement";

/** What a dragged applicant can be dropped onto: another applicant (a swap), an open seat or Sitting out. */
export type DropTarget = { kind: "applicant"; slot: DaySlot } | PlaceTarget;

/** The slot a grid element stands for, read back from its data attributes. */
export function slotOfElement(element: Element | null): DaySlot | null {
  const target = element?.closest<HTMLElement>("[data-slot-applicant]");
  if (!target) return null;
  const applicantId = Number(target.dataset.slotApplicant);
  const round = Number(target.dataset.slotRound);
  return Number.isFinite(applicantId) && Number.isFinite(round) ? { applicantId, round } : null;
}

/** The drop target under a point of the grid, read from the data attributes of the cell there. */
export function targetOfElement(element: Element | null): DropTarget | null {
  const slot = slotOfElement(element);
  if (slot) return { kind: "applicant", slot };
  const seat = element?.closest<HTMLElement>("[data-open-interviewer]");
  if (seat) {
    const interviewerId = Number(seat.dataset.openInterviewer);
    const round = Number(seat.dataset.openRound);
    return Number.isFinite(interviewerId) && Number.isFinite(round) ? { kind: "seat", round, interviewerId } : null;
  }
  const breaks = element?.closest<HTMLElement>("[data-breaks-round]");
  if (breaks) {
    const round = Number(breaks.dataset.breaksRound);
    return Number.isFinite(round) ? { kind: "breaks", round } : null;
  }
  return null;
}

/** Whether two drop targets are the same place, for marking the one under the pointer. */
export function sameTarget(a: DropTarget | null, b: DropTarget): boolean {
  if (a === null) return false;
  switch (a.kind) {
    case "applicant":
      return b.kind === "applicant" && a.slot.applicantId === b.slot.applicantId && a.slot.round === b.slot.round;
    case "seat":
      return b.kind === "seat" && a.round === b.round && a.interviewerId === b.interviewerId;
    case "breaks":
      return b.kind === "breaks" && a.round === b.round;
  }
}

type Drag = { from: DaySlot; x: number; y: number; moved: boolean };

/**
 * Dragging an applicant onto another cell with pointer events (which also serve touch and pens, and
 * which WebKit delivers reliably, unlike HTML drag and drop's native drag image). A press that
 * does not move stays a click, so selecting by click or keyboard works as before.
 */
export function useCellDrag(onDrop: (from: DaySlot, to: DropTarget) => void) {
  const drag = useRef<Drag | null>(null);
  const justDropped = useRef(false);
  const [dragging, setDragging] = useState<DaySlot | null>(null);
  const [over, setOver] = useState<DropTarget | null>(null);
  // The latest onDrop, without listening again each time it changes.
  const drop = useEffectEvent(onDrop);

  useEffect(() => {
    function move(event: PointerEvent) {
      const current = drag.current;
      if (!current) return;
      if (!current.moved && Math.hypot(event.clientX - current.x, event.clientY - current.y) < 5) return;
      current.moved = true;
      setDragging(current.from);
      setOver(targetOfElement(document.elementFromPoint(event.clientX, event.clientY)));
    }
    function up(event: PointerEvent) {
      const current = drag.current;
      drag.current = null;
      setDragging(null);
      setOver(null);
      if (!current?.moved) return;
      justDropped.current = true;
      // The click that follows a drag must not also select the cell it ended on.
      setTimeout(() => (justDropped.current = false), 0);
      const to = targetOfElement(document.elementFromPoint(event.clientX, event.clientY));
      if (to && !sameTarget(to, { kind: "applicant", slot: current.from })) drop(current.from, to);
    }
    function cancel() {
      drag.current = null;
      setDragging(null);
      setOver(null);
    }
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", cancel);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", cancel);
    };
  }, []);

  function start(event: ReactPointerEvent, from: DaySlot) {
    if (event.button !== 0) return;
    drag.current = { from, x: event.clientX, y: event.clientY, moved: false };
  }

  return { dragging, over, start, wasDrag: () => justDropped.current };
}
