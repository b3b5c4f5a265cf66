import { useId, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, CancelOutcome, InterviewView, ParticipantSummary } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { DialogShell } from "./DialogShell";
import { formatRangeWithZone } from "./formatWhen";

type Props = {
  interview: InterviewView;
  zone: string;
  participants: Map<number, ParticipantSummary>;
  onClose: () => void;
  onChanged: () => void;
};

export function CancelDialog({ interview, zone, participants, onClose, onChanged }: Props) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<CancelOutcome | null>(null);
  const who = interview.participantName || interview.participantEmail;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      setOutcome(await commands.cancelInterview(interview.id, reason.trim()));
      onChanged();
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setSaving(false);
    }
  }

  const offeredTo = outcome?.offeredTo != null ? participants.get(outcome.offeredTo) : undefined;

  return (
    <DialogShell
      open
      onOpenChange={(open) => !open && onClose()}
      title={outcome ? "Interview canceled" : "Cancel interview"}
      description={`${who}, ${formatRangeWithZone(interview.start, interview.end, zone)}`}
      testId="cancel-dialog"
      busy={saving}
    >
      {outcome ? (
        <div className="dialog-result" role="status" data-testid="cancel-result">
          <p>
            {who} gets a cancellation with a calendar CANCEL, so the interview leaves their calendar. It waits in
            the Outbox and goes out at the next Sync.
          </p>
          <p data-testid="cancel-offered">
            {outcome.offeredTo == null
              ? "No one is on the waitlist, so the place is simply free again."
              : `The freed place was offered to ${offeredTo ? `${offeredTo.name} (${offeredTo.email})` : `participant #${outcome.offeredTo}`} from the waitlist.`}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" data-testid="cancel-done" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <p className="dialog-note">
            {who} gets a cancellation with a calendar CANCEL through the Outbox at the next Sync, and the place is
            offered to the first participant on the waitlist.
          </p>
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              Reason <span className="field-optional">(optional)</span>
            </label>
            <textarea
              id={`${id}-reason`}
              data-testid="cancel-reason"
              rows={3}
              value={reason}
              disabled={saving}
              placeholder="For example: the participant no longer fits the study"
              onChange={(event) => setReason(event.target.value)}
            />
            <p className="field-hint">Kept with the interview and in the audit log.</p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button button-secondary" disabled={saving} onClick={onClose}>
              Keep interview
            </button>
            <button
              type="submit"
              className="button button-danger"
              data-testid="cancel-submit"
              disabled={saving}
              aria-busy={saving || undefined}
            >
              {saving && <span className="spinner" aria-hidden="true" />}
              {saving ? "Canceling…" : "Cancel interview"}
            </button>
          </div>
        </form>
      )}
    </DialogShell>
  );
}
