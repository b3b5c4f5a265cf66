import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { InterviewView, OutboxMessage } from "../../bindings/types";
import { TextPromptDialog } from "../../dialogs/TextPromptDialog";
import { formatRangeWithZone } from "../../time/format";
import { t } from "../../i18n";

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
      title={queued ? t("interviews.compose.queuedTitle") : t("interviews.compose.title")}
      description={t("interviews.compose.description", {
        who,
        when: formatRangeWithZone(interview.start, interview.end, zone),
      })}
      testId="compose-dialog"
      label={t("interviews.compose.label")}
      rows={6}
      placeholder={t("interviews.compose.placeholder")}
      hint={t("interviews.compose.hint", { who })}
      fieldTestId="compose-message"
      cancelLabel={t("common.close")}
      submitLabel={t("interviews.compose.submit")}
      busyLabel={t("interviews.compose.busy")}
      submitTestId="compose-submit"
      onSubmit={async (message) => {
        setQueued(await commands.composeRescheduleRequest(interview.id, message));
        onChanged();
      }}
      result={
        queued && (
          <div className="dialog-result" role="status" data-testid="compose-result">
            <p>
              {t("interviews.compose.result", { subject: queued.subject, recipients: queued.recipients.join(", "), who })}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button button-primary" data-testid="compose-done" onClick={onClose}>
                {t("common.done")}
              </button>
            </div>
          </div>
        )
      }
    />
  );
}
