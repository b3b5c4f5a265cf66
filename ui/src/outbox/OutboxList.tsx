import type { OutboxMessage } from "../bindings/types";
import { kindLabel, stateLabel } from "./labels";
import { formatDateTime } from "../time/format";
import { t, tPlural } from "../i18n";

type Props = {
  messages: OutboxMessage[];
  selectedId: number | null;
  zone: string;
  onSelect: (id: number) => void;
};

/** The messages of one view, newest first; choosing one shows it beside the list. */
export function OutboxList({ messages, selectedId, zone, onSelect }: Props) {
  return (
    <ul className="outbox-list" aria-label={t("outbox.list.label")} data-testid="outbox-list">
      {messages.map((message) => (
        <li key={message.id}>
          <button
            type="button"
            className="outbox-row"
            data-testid="outbox-row"
            data-message-id={message.id}
            data-state={message.state}
            aria-current={message.id === selectedId ? "true" : undefined}
            onClick={() => onSelect(message.id)}
          >
            <span className="outbox-row-top">
              <span className="outbox-kind">{kindLabel(message.kind)}</span>
              <span className={`state-badge state-${message.state}`} data-testid="outbox-row-state">
                {stateLabel(message.state)}
              </span>
            </span>
            <span className="outbox-subject" data-testid="outbox-row-subject">
              {message.subject || t("outbox.message.noSubject")}
            </span>
            <span className="outbox-recipients">{message.recipients.join(", ")}</span>
            <span className="outbox-row-bottom">
              <span>{formatDateTime(message.sentAt ?? message.createdAt, zone)}</span>
              {message.attempts > 0 && message.state !== "sent" && (
                <span>{tPlural("outbox.list.attempts", message.attempts)}</span>
              )}
            </span>
            {message.lastError && message.state !== "sent" && (
              <span className="outbox-row-error">{message.lastError}</span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
