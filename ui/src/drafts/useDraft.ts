import { useCallback, useEffect, useRef, useState } from "react";
import { clearDraft, sameValue, saveDraft, startingValue } from "./drafts";

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
      if (baseline.current !== null && sameValue(next, baseline.current)) clearDraft(key);
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

  const dirty = value !== null && savedValue !== null && !sameValue(value, savedValue);
  return { value, restored, dirty, setValue, discard, markSaved };
}
