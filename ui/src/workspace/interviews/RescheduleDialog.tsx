import { useCallback, useState } from "react";
import { commands } from "../../bindings/commands";
import type { InterviewView, RuleBreak, SessionView } from "../../bindings/types";
import { DialogShell } from "../../dialogs/DialogShell";
import { formatRangeWithZone } from "../../time/format";
import { isBusy } from "./ruleFlow";
import { RuleCheckStatus } from "./RuleCheckStatus";
import { TimePicker, type TimeChoice } from "./TimePicker";
import { useRuleCheckedSave } from "./useRuleCheckedSave";
import { t } from "../../i18n";

type Props = {
  interview: InterviewView;
  studyZone: string;
  displayZone: string;
  sessions: SessionView[];
  onClose: () => void;
  onRescheduled: (interview: InterviewView) => void;
};

export function RescheduleDialog({ interview, studyZone, displayZone, sessions, onClose, onRescheduled }: Props) {
  const [choice, setChoice] = useState<TimeChoice | null>(null);
  const who = interview.participantName || interview.participantEmail;

  const check = useCallback(
    (c: TimeChoice) => commands.checkBooking(interview.studyId, c.sessionId, c.start, interview.id),
    [interview],
  );
  const save = useCallback(
    async (c: TimeChoice, accepted: RuleBreak[]) => {
      onRescheduled(await commands.rescheduleInterview(interview.id, c.sessionId, c.start, accepted));
    },
    [interview, onRescheduled],
  );
  const flow = useRuleCheckedSave({ check, save });
  const busy = isBusy(flow.state);

  function pick(next: TimeChoice | null) {
    setChoice(next);
    // Rules shown for another time say nothing about this one.
    if (flow.state.phase !== "idle") flow.reset();
  }

  return (
    <DialogShell
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("interviews.reschedule.title")}
      description={t("interviews.reschedule.description", {
        who,
        when: formatRangeWithZone(interview.start, interview.end, displayZone),
      })}
      testId="reschedule-dialog"
      wide
      busy={busy}
    >
      <TimePicker
        studyId={interview.studyId}
        zone={studyZone}
        sessions={sessions}
        value={choice}
        onChange={pick}
        preferredSessionId={interview.sessionId}
        displayZone={displayZone}
        disabled={busy}
      />
      <RuleCheckStatus state={flow.state} savingLabel={t("interviews.reschedule.saving")} onDismissError={flow.reset} />
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {t("common.close")}
        </button>
        {flow.state.phase === "confirming" ? (
          <button type="button" className="button button-danger" data-testid="reschedule-anyway" onClick={() => void flow.accept()}>
            {t("interviews.reschedule.anyway")}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            data-testid="reschedule-submit"
            disabled={choice === null || busy || flow.state.phase === "blocked"}
            aria-busy={busy || undefined}
            onClick={() => choice && void flow.start(choice)}
          >
            {busy && <span className="spinner" aria-hidden="true" />}
            {t("interviews.reschedule.submit")}
          </button>
        )}
      </div>
    </DialogShell>
  );
}
