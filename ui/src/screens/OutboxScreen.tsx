import * as Tabs from "@radix-ui/react-tabs";
import { useEffect, useState } from "react";
import type { AppError, OutboxMessage } from "../bindings/types";
import { nextStepFor } from "../errors";
import { AttentionList } from "../outbox/AttentionList";
import { DeleteMessageDialog } from "../outbox/DeleteMessageDialog";
import { EditMessageDialog } from "../outbox/EditMessageDialog";
import { MessagePreview } from "../outbox/MessagePreview";
import { OutboxList } from "../outbox/OutboxList";
import { messagesIn, outboxViews, viewById, type OutboxView } from "../outbox/outboxViews";
import { formatClock } from "../time/format";
import { useOutboxData } from "../outbox/useOutboxData";
import { researcherZone, useMailProfile } from "../settings/mailProfileStore";
import { SyncButton } from "../sync/SyncButton";
import { SyncSummary } from "../sync/SyncSummary";
import { useSyncState } from "../sync/useSyncState";
import { t, tPlural } from "../i18n";
import "../outbox/outbox.css";
import "../outbox/messageBody.css";

type Props = {
  onError: (error: AppError) => void;
};

export function OutboxScreen({ onError }: Props) {
  const zone = researcherZone(useMailProfile());
  const data = useOutboxData(onError);
  const sync = useSyncState();
  const [view, setView] = useState<OutboxView>("waiting");
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<OutboxMessage | null>(null);
  const [deleting, setDeleting] = useState<OutboxMessage | null>(null);
  const [hiddenReport, setHiddenReport] = useState(0);
  const { reload } = data;

  // Every finished Sync changes the outbox and may add items needing attention.
  useEffect(() => {
    if (sync.generation > 0) void reload();
  }, [sync.generation, reload]);

  const all = data.messages ?? [];
  const shown = messagesIn(view, all);
  const selected = shown.find((m) => m.id === selectedId) ?? shown[0] ?? null;
  const waiting = messagesIn("waiting", all).length;
  const definition = viewById(view);
  const showReport = sync.generation > hiddenReport && !sync.running && (sync.lastReport || sync.lastError);

  return (
    <section className="screen outbox-screen" data-testid="screen-outbox" aria-labelledby="outbox-heading">
      <header className="screen-header">
        <div className="screen-title-block">
          <h1 id="outbox-heading">{t("outbox.title")}</h1>
          <span className="screen-subtitle" data-testid="outbox-waiting-count">
            {data.messages === null
              ? ""
              : waiting === 0
                ? t("outbox.waiting.none")
                : tPlural("outbox.waiting.count", waiting)}
          </span>
        </div>
        <SyncButton onError={onError} layout="inline" />
      </header>

      {showReport && (
        <section className="panel last-sync" data-testid="last-sync" aria-labelledby="last-sync-heading">
          <div className="panel-heading-row">
            <h2 id="last-sync-heading" className="panel-title">
              {sync.lastError ? t("outbox.lastSync.failed") : t("outbox.lastSync.title")}
            </h2>
            <button type="button" className="button button-quiet" onClick={() => setHiddenReport(sync.generation)}>
              {t("outbox.lastSync.hide")}
            </button>
          </div>
          {sync.lastError ? (
            <div className="last-sync-error" role="alert" data-testid="last-sync-error">
              <p className="error-message">{sync.lastError.message}</p>
              <p className="error-next-step">{nextStepFor(sync.lastError.code)}</p>
            </div>
          ) : (
            sync.lastReport && (
              <SyncSummary
                report={sync.lastReport}
                finishedAt={sync.finishedAt ? formatClock(sync.finishedAt, zone) : undefined}
              />
            )
          )}
        </section>
      )}

      <AttentionList items={data.attention} zone={zone} onSettled={() => void reload()} />

      <Tabs.Root value={view} onValueChange={(next) => setView(next as OutboxView)} className="outbox-tabs">
        <Tabs.List className="segmented outbox-filter" aria-label={t("outbox.filter.label")}>
          {outboxViews.map((v) => {
            const count = messagesIn(v.id, all).length;
            return (
              <Tabs.Trigger key={v.id} value={v.id} className="segmented-item" data-testid={`outbox-filter-${v.id}`}>
                {v.label}
                {count > 0 && <span className="segmented-count">{count}</span>}
              </Tabs.Trigger>
            );
          })}
        </Tabs.List>
        <Tabs.Content value={view} className="outbox-content">
          {data.messages === null ? (
            <p className="loading-line" role="status">
              <span className="spinner" aria-hidden="true" />
              {t("outbox.loading")}
            </p>
          ) : shown.length === 0 ? (
            <div className="empty-state" data-testid="outbox-empty">
              <p className="empty-state-title">{definition.emptyTitle}</p>
              <p className="empty-state-hint">{definition.emptyHint}</p>
            </div>
          ) : (
            <div className="outbox-split">
              <OutboxList messages={shown} selectedId={selected?.id ?? null} zone={zone} onSelect={setSelectedId} />
              {selected && (
                <MessagePreview
                  key={selected.id}
                  message={selected}
                  zone={zone}
                  onChanged={data.replace}
                  onEdit={() => setEditing(selected)}
                  onDelete={() => setDeleting(selected)}
                />
              )}
            </div>
          )}
        </Tabs.Content>
      </Tabs.Root>

      <EditMessageDialog
        message={editing}
        onClose={() => setEditing(null)}
        onSaved={(message) => {
          data.replace(message);
          setEditing(null);
        }}
      />
      <DeleteMessageDialog
        message={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          data.remove(id);
          setDeleting(null);
        }}
      />
    </section>
  );
}
