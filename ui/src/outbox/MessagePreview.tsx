import * as Tabs from "@radix-ui/react-tabs";
import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, OutboxMessage } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { hasDraft } from "../drafts/drafts";
import "../drafts/drafts.css";
import { calendarLabel, isChangeable, kindLabel, stateLabel } from "./labels";
import { messageDraftKey } from "./messageDraft";
import { formatDateTime } from "../time/format";
import { t } from "../i18n";

type Props = {
  message: OutboxMessage;
  zone: string;
  onChanged: (message: OutboxMessage) => void;
  onEdit: () => void;
  onDelete: () => void;
};

/** One message as its recipients will read it, with what can still be done to it. */
export function MessagePreview({ message, zone, onChanged, onEdit, onDelete }: Props) {
  const [busy, setBusy] = useState<null | "hold" | "release">(null);
  const [error, setError] = useState<AppError | null>(null);
  const changeable = isChangeable(message.state);
  const draftKept = changeable && hasDraft(messageDraftKey(message.id));

  async function move(action: "hold" | "release") {
    setBusy(action);
    setError(null);
    try {
      const updated =
        action === "hold"
          ? await commands.holdOutboxMessage(message.id)
          : await commands.releaseOutboxMessage(message.id);
      onChanged(updated);
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  return (
    <article className="message-preview" data-testid="message-preview" aria-labelledby={`message-${message.id}-subject`}>
      <header className="message-preview-header">
        <div className="message-preview-badges">
          <span className="outbox-kind">{kindLabel(message.kind)}</span>
          <span className={`state-badge state-${message.state}`} data-testid="preview-state">
            {stateLabel(message.state)}
          </span>
        </div>
        <h2 id={`message-${message.id}-subject`} className="message-subject" data-testid="preview-subject">
          {message.subject || t("outbox.message.noSubject")}
        </h2>
        <dl className="facts message-facts">
          <dt>{t("outbox.message.to")}</dt>
          <dd data-testid="preview-recipients">{message.recipients.join(", ")}</dd>
          <dt>{t("outbox.message.prepared")}</dt>
          <dd>{formatDateTime(message.createdAt, zone)}</dd>
          {message.sentAt && (
            <>
              <dt>{t("outbox.message.sent")}</dt>
              <dd>{formatDateTime(message.sentAt, zone)}</dd>
            </>
          )}
          {message.attempts > 0 && message.state !== "sent" && (
            <>
              <dt>{t("outbox.message.attempts")}</dt>
              <dd>{message.attempts}</dd>
            </>
          )}
          <dt>{t("outbox.message.calendar")}</dt>
          <dd data-testid="preview-calendar">
            {message.calendarMethod ? calendarLabel(message.calendarMethod) : t("outbox.message.noCalendar")}
          </dd>
        </dl>
        {message.lastError && message.state !== "sent" && (
          <p className="message-last-error" data-testid="preview-last-error">
            <strong>{t("outbox.message.lastError")}</strong> {message.lastError}
          </p>
        )}
        {message.state === "held" && (
          <p className="panel-hint">{t("outbox.message.heldHint")}</p>
        )}
        {message.state === "sending" && (
          <p className="panel-hint">{t("outbox.message.sendingHint")}</p>
        )}
        {message.state === "unknown" && (
          <p className="panel-hint">{t("outbox.message.unknownHint")}</p>
        )}
        {draftKept && (
          <p className="draft-note" data-testid="preview-draft-kept">
            {t("outbox.message.draftKept")}{" "}
            <button type="button" className="link-button" onClick={onEdit}>
              {t("outbox.message.continueEditing")}
            </button>
          </p>
        )}
        {changeable && (
          <div className="message-actions">
            <button type="button" className="button button-secondary" data-testid="message-edit" onClick={onEdit}>
              {t("outbox.message.edit")}
            </button>
            {message.state === "queued" && (
              <button
                type="button"
                className="button button-secondary"
                data-testid="message-hold"
                disabled={busy !== null}
                aria-busy={busy === "hold" || undefined}
                onClick={() => void move("hold")}
              >
                {busy === "hold" ? t("outbox.message.holding") : t("outbox.message.hold")}
              </button>
            )}
            {(message.state === "held" || message.state === "failed") && (
              <button
                type="button"
                className="button button-secondary"
                data-testid="message-release"
                disabled={busy !== null}
                aria-busy={busy === "release" || undefined}
                onClick={() => void move("release")}
              >
                {busy === "release"
                  ? t("outbox.message.releasing")
                  : message.state === "failed"
                    ? t("outbox.message.sendAgain")
                    : t("outbox.message.release")}
              </button>
            )}
            {message.state === "failed" && (
              <button
                type="button"
                className="button button-secondary"
                data-testid="message-hold"
                disabled={busy !== null}
                onClick={() => void move("hold")}
              >
                {t("outbox.message.hold")}
              </button>
            )}
            <button type="button" className="button button-quiet button-danger-text" data-testid="message-delete" onClick={onDelete}>
              {t("outbox.message.delete")}
            </button>
          </div>
        )}
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      </header>
      <Tabs.Root className="message-body-tabs" defaultValue="text">
        <Tabs.List className="segmented" aria-label={t("outbox.message.versions")}>
          <Tabs.Trigger className="segmented-item" value="text" data-testid="preview-tab-text">
            {t("outbox.message.text")}
          </Tabs.Trigger>
          <Tabs.Trigger
            className="segmented-item"
            value="html"
            data-testid="preview-tab-html"
            disabled={message.html.trim() === ""}
          >
            {t("outbox.message.html")}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="text" className="message-body">
          <pre className="message-text" data-testid="preview-text">
            {message.text}
          </pre>
        </Tabs.Content>
        <Tabs.Content value="html" className="message-body">
          {/* Participant data only ever renders as text; the HTML version stays inside a sandbox
              with no scripts, no forms and no same-origin access. */}
          <iframe
            className="message-html"
            data-testid="preview-html"
            title={t("outbox.message.htmlTitle", { subject: message.subject })}
            sandbox=""
            srcDoc={message.html}
          />
        </Tabs.Content>
      </Tabs.Root>
    </article>
  );
}
