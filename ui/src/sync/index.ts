export { SyncButton } from "./SyncButton";
export { SyncSummary } from "./SyncSummary";
export { useAutoSync } from "./useAutoSync";
export { runSync } from "./syncRunner";
export { useSyncState } from "./useSyncState";
