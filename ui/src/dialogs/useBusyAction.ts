import { useCallback, useState } from "react";
import type { AppError } from "../bindings/types";
import { toAppError } from "../errors";

/**
 * Runs one piece of work at a time and keeps its error to show where it was asked: a second click
 * while it runs does nothing. Resolves to whether the work succeeded.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const run = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      if (busy) return false;
      setBusy(true);
      setError(null);
      try {
        await work();
        return true;
      } catch (reason) {
        setError(toAppError(reason));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [busy],
  );

  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
