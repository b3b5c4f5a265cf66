// Performance API entries that scripts read through WebDriver (scripts/measure-participants.mjs).
export const OPENED = "participants:opened";
/** The first page of the list has arrived from the back end. */
export const PAGE_LOADED = "participants:page-loaded";
/** The whole list has arrived from the back end. */
export const LOADED = "participants:loaded";
/** The first rows (the first page, or the whole list when it came first) are painted. */
export const FIRST_ROWS = "participants:first-rows";
export const OPEN_TO_FIRST_ROWS = "participants:open-to-first-rows";
/** The whole list is painted: its counts, total and search are then right. */
export const ALL_ROWS = "participants:all-rows";
export const OPEN_TO_ALL_ROWS = "participants:open-to-all-rows";
export const FILTER = "participants:filter";
/** Of a keystroke, the part that is script: from its input event to the filtered rows committed. */
export const FILTER_SCRIPT = "participants:filter-script";
export const SCROLL_FRAME = "participants:scroll-frame";

const canMeasure = typeof performance !== "undefined" && typeof performance.mark === "function";

/** Which opening the marks belong to: a paint awaited by an earlier one marks nothing. */
let opening = 0;

/** Runs `then` once the frame that shows the latest commit has been painted. */
export function afterNextPaint(then: () => void) {
  if (typeof requestAnimationFrame !== "function") return;
  // A frame callback runs just before the browser paints; a task queued from it runs after.
  requestAnimationFrame(() => setTimeout(then, 0));
}

export function markOpened() {
  if (!canMeasure) return;
  // Each opening starts a new series, so a script reads this opening's figures only.
  for (const name of [OPENED, PAGE_LOADED, LOADED, FIRST_ROWS, ALL_ROWS]) performance.clearMarks(name);
  for (const name of [OPEN_TO_FIRST_ROWS, OPEN_TO_ALL_ROWS, FILTER, FILTER_SCRIPT, SCROLL_FRAME]) performance.clearMeasures(name);
  opening += 1;
  performance.mark(OPENED);
}

function markOnce(name: string) {
  if (canMeasure && performance.getEntriesByName(name, "mark").length === 0) performance.mark(name);
}

/** The first page has arrived from the back end; the whole list may still be on its way. */
export function markPageLoaded() {
  markOnce(PAGE_LOADED);
}

/** The whole list has arrived from the back end; the rest of the opening is building and drawing it. */
export function markLoaded() {
  markOnce(LOADED);
}

/** Marks `mark`, and measures it from the opening, once the frame now being drawn is painted. */
function markPaintedOnce(mark: string, measure: string) {
  if (!canMeasure || performance.getEntriesByName(mark, "mark").length > 0) return;
  const awaited = opening;
  afterNextPaint(() => {
    if (awaited !== opening || performance.getEntriesByName(mark, "mark").length > 0) return;
    performance.mark(mark);
    if (performance.getEntriesByName(OPENED, "mark").length > 0) performance.measure(measure, OPENED, mark);
  });
}

export function markFirstRowsPainted() {
  markPaintedOnce(FIRST_ROWS, OPEN_TO_FIRST_ROWS);
}

export function markAllRowsPainted() {
  markPaintedOnce(ALL_ROWS, OPEN_TO_ALL_ROWS);
}

/** From a search keystroke's input event (its timestamp) to the filtered rows on screen. */
export function measureFilterPainted(inputAt: number) {
  if (!canMeasure) return;
  performance.measure(FILTER_SCRIPT, { start: inputAt, end: performance.now() });
  afterNextPaint(() => performance.measure(FILTER, { start: inputAt, end: performance.now() }));
}

/**
 * Records the time between frames while the list scrolls, one measure per frame that had a
 * scroll event. A frame longer than about 16.7 ms is one the researcher may see as a stutter.
 * Returns the function to call on every scroll event.
 */
export function scrollFrameRecorder(): () => void {
  let last: number | null = null;
  let scrolled = false;
  let quietFrames = 0;
  let running = false;
  const frame = (now: number) => {
    if (scrolled) {
      if (last !== null && canMeasure) performance.measure(SCROLL_FRAME, { start: last, end: now });
      quietFrames = 0;
    } else {
      quietFrames++;
    }
    scrolled = false;
    last = now;
    // A few frames without scrolling end the series, so an idle list costs nothing.
    if (quietFrames > 5) {
      running = false;
      last = null;
      return;
    }
    requestAnimationFrame(frame);
  };
  return () => {
    scrolled = true;
    if (running || typeof requestAnimationFrame !== "function") return;
    running = true;
    requestAnimationFrame(frame);
  };
}
