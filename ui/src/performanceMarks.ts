/** Set once, when the studies list (or its empty state) is first on screen; start-up is timed to it. */
export const STUDIES_PAINTED = "confab:studies-painted";

export function markStudiesPainted() {
  if (typeof requestAnimationFrame !== "function" || marked()) return;
  // A frame callback runs just before the browser paints; the timeout after it runs once
  // that paint is done.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (!marked()) performance.mark(STUDIES_PAINTED);
    }, 0),
  );
}

function marked() {
  return performance.getEntriesByName(STUDIES_PAINTED, "mark").length > 0;
}

/** Steps on the way to the first screen, so that start-up can be taken apart. */
export const STARTUP_ANSWERED = "confab:startup-answered";
export const STUDIES_ANSWERED = "confab:studies-answered";
/** React has put the window with its studies list into the page; painting it comes next. */
export const STUDIES_COMMITTED = "confab:studies-committed";

/** Marks `name` the first time only. */
export function markOnce(name: string) {
  if (performance.getEntriesByName(name, "mark").length === 0) performance.mark(name);
}
