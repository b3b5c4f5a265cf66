import { useSyncExternalStore } from "react";
import { getSyncState, subscribeSync, type SyncState } from "./syncRunner";

/** The Sync as every part of the window sees it: one Sync, one state. */
export function useSyncState(): SyncState {
  return useSyncExternalStore(subscribeSync, getSyncState);
}
