import { startTransition, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { AppError, SyncReport } from "../bindings/types";
import { toAppError } from "../errors";
import { lazyNamed, useHasBeenTrue } from "../lazyParts";
import { formatClock } from "../time/format";
import { researcherZone, useMailProfile } from "../settings/mailProfileStore";
import { registerSyncShortcut, syncShortcutLabel } from "./syncShortcut";
import { runSync } from "./syncRunner";
import { describeProgress, shortSummary } from "./syncWords";
import { useSyncState } from "./useSyncState";
import { t } from "../i18n";
import "./sync.css";

// The button is in the sidebar of the first screen; the report's dialog loads when first opened.
const SyncReportDialog = lazyNamed(() => import("./SyncReportDialog"), "SyncReportDialog");

type Props = {
  onError: (error: AppError) => void;
  onSynced?: (report: SyncReport) => void;
  /** "stacked" (the sidebar: progress under the button) or "inline" (a screen header: beside it). */
  layout?: "stacked" | "inline";
};

/** Sends the outbox and reads the replies, showing where it is and, after, what it did. */
export function SyncButton({ onError, onSynced, layout = "stacked" }: Props) {
  const sync = useSyncState();
  const profile = useMailProfile();
  // The zone is read only when a time is shown: without a saved one it takes the reader's own
  // from a new Intl formatter, the first of a start and the dearest (locale data loaded).
  const clockTime = (ms: number) => formatClock(ms, researcherZone(profile));
  const [detailsOpen, setDetailsOpen] = useState(false);
  const detailsNeeded = useHasBeenTrue(detailsOpen);
  // The latest callbacks, so the shortcut registered once always reports to the current ones.
  const callbacks = useRef({ onError, onSynced });
  useLayoutEffect(() => {
    callbacks.current = { onError, onSynced };
  });

  const start = useCallback(() => {
    runSync().then(
      (report) => callbacks.current.onSynced?.(report),
      (reason: unknown) => callbacks.current.onError(toAppError(reason)),
    );
  }, []);

  useEffect(() => registerSyncShortcut(start), [start]);

  const shortcut = syncShortcutLabel();
  let status: ReactNode = <span className="sync-status-idle">{t("sync.status.idle")}</span>;
  if (sync.running && sync.progress) {
    status = (
      <>
        <span className="spinner" aria-hidden="true" />
        <span data-testid="sync-progress">{describeProgress(sync.progress)}</span>
      </>
    );
  } else if (sync.lastError && sync.finishedAt) {
    status = (
      <span className="sync-status-failed" data-testid="sync-failed" title={sync.lastError.message}>
        {t("sync.status.failedAt", { time: clockTime(sync.finishedAt) })}
      </span>
    );
  } else if (sync.lastReport && sync.finishedAt) {
    status = (
      <>
        <span data-testid="sync-short-summary">
          {t("sync.status.summaryAt", { summary: shortSummary(sync.lastReport), time: clockTime(sync.finishedAt) })}
        </span>
        <button
          type="button"
          className="link-button sync-details-link"
          data-testid="sync-details-button"
          onClick={() => startTransition(() => setDetailsOpen(true))}
        >
          {t("sync.details")}
        </button>
      </>
    );
  }

  return (
    <div className={`sync-control sync-control-${layout}`}>
      <button
        type="button"
        className="button button-primary sync-button"
        data-testid="sync-button"
        disabled={sync.running}
        aria-busy={sync.running || undefined}
        aria-keyshortcuts="Control+Shift+S Meta+Shift+S"
        title={t("sync.button.title", { shortcut })}
        onClick={start}
      >
        {sync.running ? t("sync.button.syncing") : t("sync.button.sync")}
        <kbd className="sync-kbd" aria-hidden="true">
          {shortcut}
        </kbd>
      </button>
      <div className="sync-status" role="status" aria-live="polite" data-testid="sync-status">
        {status}
      </div>
      <Suspense fallback={null}>
        {detailsNeeded && (
          <SyncReportDialog
            open={detailsOpen}
            onOpenChange={setDetailsOpen}
            report={sync.lastReport}
            finishedAt={sync.finishedAt ? clockTime(sync.finishedAt) : undefined}
          />
        )}
      </Suspense>
    </div>
  );
}
