import { useCallback, useEffect, useRef, useState } from "react";
import "./drafts.css";

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

function same<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The value to start editing from: the kept draft if it differs from what is saved. */
export function startingValue<T>(key: string, saved: T): { value: T; restored: boolean } {
  const draft = loadDraft<T>(key);
  if (draft !== null && !same(draft, saved)) return { value: draft, restored: true };
  if (draft !== null) clearDraft(key);
  return { value: saved, restored: false };
}

export type DraftState<T> = {
  value: T | null;
  /** True when the value came from a draft kept from an earlier, unsaved edit. */
  restored: boolean;
  /** Whether the value differs from what is saved. */
  dirty: boolean;
  setValue: (next: T) => void;
  /** Throws the draft away and goes back to what is saved. */
  discard: () => void;
  /** The value was saved: it is the new baseline, and no draft is kept. */
  markSaved: (saved: T) => void;
};

/**
 * Editing state for `saved` (null while it loads) that keeps every unsaved change as a draft
 * under `key` and restores it the next time.
 */
export function useDraft<T>(key: string, saved: T | null): DraftState<T> {
  const [value, setValueState] = useState<T | null>(null);
  const [restored, setRestored] = useState(false);
  const baseline = useRef<T | null>(null);
  // The same baseline as state, so that saving re-renders even when the value stays the same.
  const [savedValue, setSavedValue] = useState<T | null>(null);
  const startedFor = useRef<string | null>(null);

  useEffect(() => {
    // Starts once per key, as soon as the saved value is there; later loads leave edits alone.
    if (saved === null || startedFor.current === key) return;
    startedFor.current = key;
    baseline.current = saved;
    setSavedValue(saved);
    const start = startingValue(key, saved);
    setValueState(start.value);
    setRestored(start.restored);
  }, [key, saved]);

  const setValue = useCallback(
    (next: T) => {
      setValueState(next);
      if (baseline.current !== null && same(next, baseline.current)) clearDraft(key);
      else saveDraft(key, next);
    },
    [key],
  );

  const discard = useCallback(() => {
    clearDraft(key);
    setRestored(false);
    setValueState(baseline.current);
  }, [key]);

  const markSaved = useCallback(
    (next: T) => {
      baseline.current = next;
      setSavedValue(next);
      clearDraft(key);
      setRestored(false);
      setValueState(next);
    },
    [key],
  );

  const dirty = value !== null && savedValue !== null && !same(value, savedValue);
  return { value, restored, dirty, setValue, discard, markSaved };
}
