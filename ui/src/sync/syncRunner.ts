import { Channel } from "@tauri-apps/api/core";
import { commands } from "../bindings/commands";
import type { AppError, SyncProgress, SyncReport } from "../bindings/types";
import { toAppError } from "../errors";

export type SyncState = {
  running: boolean;
  /** Where the running Sync is; null when none runs. */
  progress: SyncProgress | null;
  lastReport: SyncReport | null;
  lastError: AppError | null;
  /** When the last Sync ended (ms since the epoch), whichever way it ended. */
  finishedAt: number | null;
  /** Counts finished Syncs, so screens can reload their lists after each one. */
  generation: number;
};

const initial: SyncState = {
  running: false,
  progress: null,
  lastReport: null,
  lastError: null,
  finishedAt: null,
  generation: 0,
};

let state: SyncState = initial;
const listeners = new Set<() => void>();
// The Sync under way. Everyone who asks for a Sync meanwhile joins it: the outbox must
// never be sent by two Syncs at once.
let current: Promise<SyncReport> | null = null;

function update(change: Partial<SyncState>) {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

export function getSyncState(): SyncState {
  return state;
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Starts a Sync, or returns the one already running. Rejects with an AppError. */
export function runSync(): Promise<SyncReport> {
  if (current) return current;
  update({ running: true, progress: { phase: "connecting" }, lastError: null });
  const channel = new Channel<SyncProgress>();
  channel.onmessage = (progress) => {
    if (state.running) update({ progress });
  };
  current = commands
    .syncMail(channel)
    .then(
      (report) => {
        update({
          running: false,
          progress: null,
          lastReport: report,
          finishedAt: Date.now(),
          generation: state.generation + 1,
        });
        return report;
      },
      (reason: unknown) => {
        const error = toAppError(reason);
        update({
          running: false,
          progress: null,
          lastError: error,
          finishedAt: Date.now(),
          generation: state.generation + 1,
        });
        throw error;
      },
    )
    .finally(() => {
      current = null;
    });
  return current;
}

/** For tests: forget every Sync. */
export function resetSyncState() {
  current = null;
  state = initial;
  for (const listener of listeners) listener();
}
