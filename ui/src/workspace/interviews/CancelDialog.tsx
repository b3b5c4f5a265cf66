import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { CancelOutcome, InterviewView, ParticipantSummary } from "../../bindings/types";
import { TextPromptDialog } from "../../dialogs/TextPromptDialog";
import { formatRangeWithZone } from "../../time/format";

type Props = {
  interview: InterviewView;
  zone: string;
  participants: Map<number, ParticipantSummary>;
  onClose: () => void;
  onChanged: () => void;
};

export function CancelDialog({ interview, zone, participants, onClose, onChanged }: Props) {
  const [outcome, setOutcome] = useState<CancelOutcome | null>(null);
  const who = interview.participantName || interview.participantEmail;
  const offeredTo = outcome?.offeredTo != null ? participants.get(outcome.offeredTo) : undefined;

  return (
    <TextPromptDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={outcome ? "Interview canceled" : "Cancel interview"}
      description={`${who}, ${formatRangeWithZone(interview.start, interview.end, zone)}`}
      testId="cancel-dialog"
      intro={`${who} gets a cancellation with a calendar CANCEL through the Outbox at the next Sync, and the place is offered to the first participant on the waitlist.`}
      label="Reason"
      optional
      placeholder="For example: the participant no longer fits the study"
      hint="Kept with the interview and in the audit log."
      fieldTestId="cancel-reason"
      cancelLabel="Keep interview"
      submitLabel="Cancel interview"
      busyLabel="Canceling…"
      submitTestId="cancel-submit"
      tone="danger"
      onSubmit={async (reason) => {
        setOutcome(await commands.cancelInterview(interview.id, reason));
        onChanged();
      }}
      result={
        outcome && (
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
        )
      }
    />
  );
}
