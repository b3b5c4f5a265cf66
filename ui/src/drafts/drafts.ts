// Unsaved edits live in localStorage under one key per thing being edited, so closing the
// window (or a crash) mid-edit loses nothing.
const PREFIX = "confab.draft.";

export function loadDraft<T>(key: string): T | null {
  try {
    const text = window.localStorage.getItem(PREFIX + key);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    // Storage disabled or a draft from an older version that no longer parses: start afresh.
    return null;
  }
}

export function saveDraft<T>(key: string, value: T) {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A full or disabled storage only costs the safety net, never the edit itself.
  }
}

export function clearDraft(key: string) {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // As above.
  }
}

export function hasDraft(key: string): boolean {
  return loadDraft(key) !== null;
}

export function sameValue<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The value to start editing from: the kept draft if it differs from what is saved. */
export function startingValue<T>(key: string, saved: T): { value: T; restored: boolean } {
  const draft = loadDraft<T>(key);
  if (draft !== null && !sameValue(draft, saved)) return { value: draft, restored: true };
  if (draft !== null) clearDraft(key);
  return { value: saved, restored: false };
}
