import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { InterviewView, OutboxMessage } from "../../bindings/types";
import { TextPromptDialog } from "../../dialogs/TextPromptDialog";
import { formatRangeWithZone } from "../../time/format";

type Props = {
  interview: InterviewView;
  zone: string;
  onClose: () => void;
  onChanged: () => void;
};

/** Asks a participant, in the researcher's own words, to choose a new time. */
export function ComposeRescheduleDialog({ interview, zone, onClose, onChanged }: Props) {
  const [queued, setQueued] = useState<OutboxMessage | null>(null);
  const who = interview.participantName || interview.participantEmail;

  return (
    <TextPromptDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={queued ? "Reschedule email in the Outbox" : "Ask for a new time"}
      description={`${who} is booked for ${formatRangeWithZone(interview.start, interview.end, zone)}.`}
      testId="compose-dialog"
      label="Your message"
      rows={6}
      placeholder="For example: Something came up on my side. Could you pick another time below? Sorry for the change."
      hint={`Confab adds the open times as links below your words, in ${who}'s time zone. The email waits in the Outbox until the next Sync.`}
      fieldTestId="compose-message"
      cancelLabel="Close"
      submitLabel="Put in Outbox"
      busyLabel="Preparing…"
      submitTestId="compose-submit"
      onSubmit={async (message) => {
        setQueued(await commands.composeRescheduleRequest(interview.id, message));
        onChanged();
      }}
      result={
        queued && (
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
        )
      }
    />
  );
}
