import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { CancelOutcome, InterviewView, ParticipantSummary } from "../../bindings/types";
import { TextPromptDialog } from "../../dialogs/TextPromptDialog";
import { formatRangeWithZone } from "../../time/format";
import { t } from "../../i18n";

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
      title={outcome ? t("interviews.cancel.canceledTitle") : t("interviews.cancel.title")}
      description={t("interviews.cancel.description", {
        who,
        when: formatRangeWithZone(interview.start, interview.end, zone),
      })}
      testId="cancel-dialog"
      intro={t("interviews.cancel.intro", { who })}
      label={t("interviews.cancel.reason")}
      optional
      placeholder={t("interviews.cancel.reasonPlaceholder")}
      hint={t("interviews.cancel.reasonHint")}
      fieldTestId="cancel-reason"
      cancelLabel={t("interviews.cancel.keep")}
      submitLabel={t("interviews.cancel.submit")}
      busyLabel={t("interviews.cancel.busy")}
      submitTestId="cancel-submit"
      tone="danger"
      onSubmit={async (reason) => {
        setOutcome(await commands.cancelInterview(interview.id, reason));
        onChanged();
      }}
      result={
        outcome && (
          <div className="dialog-result" role="status" data-testid="cancel-result">
            <p>{t("interviews.cancel.result", { who })}</p>
            <p data-testid="cancel-offered">
              {outcome.offeredTo == null
                ? t("interviews.cancel.noWaitlist")
                : t("interviews.cancel.offered", {
                    person: offeredTo
                      ? t("interviews.cancel.offeredPerson", { name: offeredTo.name, email: offeredTo.email })
                      : t("interviews.cancel.offeredNumber", { id: outcome.offeredTo }),
                  })}
            </p>
            <div className="dialog-actions">
              <button type="button" className="button button-primary" data-testid="cancel-done" onClick={onClose}>
                {t("common.done")}
              </button>
            </div>
          </div>
        )
      }
    />
  );
}
