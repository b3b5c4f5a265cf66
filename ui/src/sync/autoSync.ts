import type { AppError } from "../bindings/types";
import { toAppError } from "../errors";

export const AUTO_SYNC_INTERVAL_MS = 10 * 60 * 1000;

export type AutoSyncOptions = {
  /** Starts a Sync (or joins the one running) and settles when it ends. */
  run: () => Promise<unknown>;
  isOnline: () => boolean;
  onFailure: (error: AppError) => void;
  /** Where the `online` event arrives: the window. */
  events: Pick<Window, "addEventListener" | "removeEventListener">;
  intervalMs?: number;
};

/**
 * Syncs every ten minutes while online, and as soon as the computer comes back online. A tick
 * that comes while a Sync still runs is skipped rather than queued. Returns the function that
 * stops it.
 */
export function startAutoSync({
  run,
  isOnline,
  onFailure,
  events,
  intervalMs = AUTO_SYNC_INTERVAL_MS,
}: AutoSyncOptions): () => void {
  let stopped = false;
  let busy = false;

  async function tick() {
    if (stopped || busy || !isOnline()) return;
    busy = true;
    try {
      await run();
    } catch (reason) {
      // Quiet when it works; a failure is worth a banner, as nobody pressed anything.
      if (!stopped) onFailure(toAppError(reason));
    } finally {
      busy = false;
    }
  }

  const timer = setInterval(() => void tick(), intervalMs);
  const cameOnline = () => void tick();
  events.addEventListener("online", cameOnline);
  return () => {
    stopped = true;
    clearInterval(timer);
    events.removeEventListener("online", cameOnline);
  };
}
