import { useId, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, InterviewView, OutboxMessage } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { DialogShell } from "./DialogShell";
import { formatRangeWithZone } from "./formatWhen";

type Props = {
  interview: InterviewView;
  zone: string;
  onClose: () => void;
  onChanged: () => void;
};

/** Asks a participant, in the researcher's own words, to choose a new time. */
export function ComposeRescheduleDialog({ interview, zone, onClose, onChanged }: Props) {
  const id = useId();
  const [message, setMessage] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [queued, setQueued] = useState<OutboxMessage | null>(null);
  const who = interview.participantName || interview.participantEmail;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      setQueued(await commands.composeRescheduleRequest(interview.id, message.trim()));
      onChanged();
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setSaving(false);
    }
  }

  return (
    <DialogShell
      open
      onOpenChange={(open) => !open && onClose()}
      title={queued ? "Reschedule email in the Outbox" : "Ask for a new time"}
      description={`${who} is booked for ${formatRangeWithZone(interview.start, interview.end, zone)}.`}
      testId="compose-dialog"
      busy={saving}
    >
      {queued ? (
        <div className="dialog-result" role="status" data-testid="compose-result">
          <p>
            “{queued.subject}” to {queued.recipients.join(", ")} waits in the Outbox with fresh choices of time and
            goes out at the next Sync. The interview stays booked until {who} chooses a new time.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" data-testid="compose-done" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <div className="field">
            <label htmlFor={`${id}-message`}>Your message</label>
            <textarea
              id={`${id}-message`}
              data-testid="compose-message"
              rows={6}
              value={message}
              disabled={saving}
              placeholder="For example: Something came up on my side. Could you pick another time below? Sorry for the change."
              onChange={(event) => setMessage(event.target.value)}
            />
            <p className="field-hint">
              Confab adds the open times as links below your words, in {who}'s time zone. The email waits in the
              Outbox until the next Sync.
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button button-secondary" disabled={saving} onClick={onClose}>
              Close
            </button>
            <button
              type="submit"
              className="button button-primary"
              data-testid="compose-submit"
              disabled={saving}
              aria-busy={saving || undefined}
            >
              {saving && <span className="spinner" aria-hidden="true" />}
              {saving ? "Preparing…" : "Put in Outbox"}
            </button>
          </div>
        </form>
      )}
    </DialogShell>
  );
}
