import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type DependencyList } from "react";
import type { AppError } from "./bindings/types";
import { onDataChanged } from "./dataChanged";
import { toAppError } from "./errors";

export type Loaded<T> = {
  /**
   * What the newest load for the current inputs gave; kept while they are loaded again and when
   * a reload fails. Undefined until the first answer for these inputs.
   */
  data: T | undefined;
  /** Why the newest load for the current inputs failed; null once one succeeds. */
  error: AppError | null;
  /** True until the current inputs, or the newest reload, have had their answer. */
  loading: boolean;
  /** Loads again for the same inputs, keeping `data` meanwhile; settles once the answer is in. */
  reload: () => Promise<void>;
  /**
   * Changes what was loaded, after an edit, as the next load would find it. Like a state setter:
   * a value replaces the data (and any error) for the current inputs; a function changes the
   * data there is, and does nothing while there is none.
   */
  setData: (next: T | ((data: T) => T)) => void;
};

export type LoadOptions = {
  /** Told of each failure of a load whose answer is still wanted. */
  onError?: (error: AppError) => void;
  /**
   * Shows the previous inputs' data, and their error, until the new inputs have their answer:
   * a search or a preview that follows typing does not blank out at each key.
   */
  keepPrevious?: boolean;
};

type Settled<T> = { inputs: DependencyList; attempt: number; data: T | undefined; error: AppError | null };

const sameInputs = (a: DependencyList, b: DependencyList) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Shows part of an answer before the whole of it, such as the first page of a long list. A
 * load is handed one only while nothing is shown for its inputs (not on a reload); a part that
 * comes after the whole answer is dropped, and `loading` stays true until the whole is in.
 */
export type ShowEarly<T> = (part: T) => void;

/**
 * Loads data from the back end when a component mounts and again whenever `inputs` change,
 * like an effect with that dependency list. An answer that comes after the component is gone,
 * or after its inputs changed or a newer reload started, is dropped; `load` is handed a signal
 * that is aborted then. A `load` that returns null loads nothing: the hook then waits, without
 * data, for other inputs.
 */
export function useLoaded<T>(
  load: (signal: AbortSignal, early?: ShowEarly<T>) => Promise<T> | null,
  inputs: DependencyList,
  { onError, keepPrevious = false }: LoadOptions = {},
): Loaded<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Reloads asked for, counted ahead of the state, and the callers waiting for theirs.
  const attempts = useRef(0);
  const waiting = useRef<{ attempt: number; done: () => void }[]>([]);
  const failed = useEffectEvent((error: AppError) => onError?.(error));
  // The inputs and reloads of the latest render, for data set from outside a load.
  const latest = useRef({ inputs, attempt });
  useLayoutEffect(() => {
    latest.current = { inputs, attempt };
  });
  const forInputs = settled !== null && sameInputs(settled.inputs, inputs);
  const showing = forInputs && settled.data !== undefined;

  useEffect(() => {
    const controller = new AbortController();
    let whole = false;
    // A part counts as data for these inputs, but of no reload: `loading` stays true.
    const early = showing
      ? undefined
      : (part: T) => {
          if (!controller.signal.aborted && !whole) setSettled({ inputs, attempt: -1, data: part, error: null });
        };
    const answered = () => {
      whole = true;
      const [done, still] = partition(waiting.current, (w) => w.attempt <= attempt);
      waiting.current = still;
      for (const w of done) w.done();
    };
    let pending: Promise<T> | null;
    try {
      pending = load(controller.signal, early);
    } catch (reason) {
      // A load that throws before it has a promise failed all the same.
      pending = Promise.reject(reason);
    }
    if (pending === null) {
      answered();
    } else {
      pending.then(
        (data) => {
          if (controller.signal.aborted) return;
          setSettled({ inputs, attempt, data, error: null });
          answered();
        },
        (reason: unknown) => {
          if (controller.signal.aborted) return;
          const error = toAppError(reason);
          setSettled((previous) => ({
            inputs,
            attempt,
            data: previous !== null && (keepPrevious || sameInputs(previous.inputs, inputs)) ? previous.data : undefined,
            error,
          }));
          failed(error);
          answered();
        },
      );
    }
    return () => controller.abort();
    // The caller's dependency list, and the reloads asked for since.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rule checks the list where useLoaded is called (eslint.config.js)
  }, [...inputs, attempt]);

  const reload = useCallback(
    () =>
      new Promise<void>((done) => {
        const next = ++attempts.current;
        waiting.current.push({ attempt: next, done });
        setAttempt(next);
      }),
    [],
  );

  // What another researcher changes on a team database shows without a manual refresh.
  useEffect(() => onDataChanged(() => void reload()), [reload]);

  const setData = useCallback((next: T | ((data: T) => T)) => {
    if (typeof next === "function") {
      const update = next as (data: T) => T;
      setSettled((now) => (now === null || now.data === undefined ? now : { ...now, data: update(now.data) }));
    } else {
      setSettled({ ...latest.current, data: next, error: null });
    }
  }, []);

  const shown = forInputs || keepPrevious ? settled : null;
  return {
    data: shown?.data,
    error: shown?.error ?? null,
    loading: !(forInputs && settled.attempt === attempt),
    reload,
    setData,
  };
}

/** Resolves once `ms` have passed, or rejects as soon as `signal` is aborted: a load that waits for typing to settle. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
