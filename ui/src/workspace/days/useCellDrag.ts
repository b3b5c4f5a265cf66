import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { DaySlot } from "../../bindings/types";

/** The slot a grid element stands for, read back from its data attributes. */
export function slotOfElement(element: Element | null): DaySlot | null {
  const target = element?.closest<HTMLElement>("[data-slot-applicant]");
  if (!target) return null;
  const applicantId = Number(target.dataset.slotApplicant);
  const round = Number(target.dataset.slotRound);
  return Number.isFinite(applicantId) && Number.isFinite(round) ? { applicantId, round } : null;
}

type Drag = { from: DaySlot; x: number; y: number; moved: boolean };

/**
 * Dragging one cell onto another with pointer events (which also serve touch and pens, and
 * which WebKit delivers reliably, unlike HTML drag and drop's native drag image). A press that
 * does not move stays a click, so selecting by click or keyboard works as before.
 */
export function useCellDrag(onDrop: (from: DaySlot, to: DaySlot) => void) {
  const drag = useRef<Drag | null>(null);
  const justDropped = useRef(false);
  const [dragging, setDragging] = useState<DaySlot | null>(null);
  const [over, setOver] = useState<DaySlot | null>(null);
  const drop = useRef(onDrop);
  drop.current = onDrop;

  useEffect(() => {
    function move(event: PointerEvent) {
      const current = drag.current;
      if (!current) return;
      if (!current.moved && Math.hypot(event.clientX - current.x, event.clientY - current.y) < 5) return;
      current.moved = true;
      setDragging(current.from);
      setOver(slotOfElement(document.elementFromPoint(event.clientX, event.clientY)));
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
      const to = slotOfElement(document.elementFromPoint(event.clientX, event.clientY));
      if (to && (to.applicantId !== current.from.applicantId || to.round !== current.from.round)) {
        drop.current(current.from, to);
      }
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
