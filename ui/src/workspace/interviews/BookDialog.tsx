import { useCallback, useState } from "react";
import { commands } from "../../bindings/commands";
import type { InterviewView, ParticipantSummary, RuleBreak, SessionView, StudySummary } from "../../bindings/types";
import { DialogShell } from "../../dialogs/DialogShell";
import { ParticipantPicker } from "./ParticipantPicker";
import { isBusy } from "./ruleFlow";
import { RuleCheckStatus } from "./RuleCheckStatus";
import { TimePicker, type TimeChoice } from "./TimePicker";
import { useRuleCheckedSave } from "./useRuleCheckedSave";
import { WhenText } from "./WhenText";
import { t } from "../../i18n";

type Props = {
  study: StudySummary;
  displayZone: string;
  sessions: SessionView[];
  /** Booking again for someone chosen already (after a no-show, say) starts at the time. */
  participant?: ParticipantSummary;
  /** What the dialog does, when it books for someone chosen already ("Book again"). */
  title?: string;
  onClose: () => void;
  onBooked: () => void;
};

type Target = { participant: ParticipantSummary; time: TimeChoice };

/** Books an interview on a participant's behalf: who, then when, then any rule to book past. */
export function BookDialog({ study, displayZone, sessions, participant: preset, title, onClose, onBooked }: Props) {
  const [step, setStep] = useState<"who" | "when">(preset ? "when" : "who");
  const [participant, setParticipant] = useState<ParticipantSummary | null>(preset ?? null);
  const [time, setTime] = useState<TimeChoice | null>(null);
  const [booked, setBooked] = useState<InterviewView | null>(null);

  const check = useCallback(
    (target: Target) => commands.checkBooking(study.id, target.time.sessionId, target.time.start, null),
    [study.id],
  );
  const save = useCallback(
    async (target: Target, accepted: RuleBreak[]) => {
      setBooked(
        await commands.bookManually(study.id, target.participant.id, target.time.sessionId, target.time.start, accepted),
      );
      onBooked();
    },
    [study.id, onBooked],
  );
  const flow = useRuleCheckedSave({ check, save });
  const busy = isBusy(flow.state);
  const who = participant ? participant.name || participant.email : "";

  function pickTime(next: TimeChoice | null) {
    setTime(next);
    if (flow.state.phase !== "idle") flow.reset();
  }

  if (booked) {
    return (
      <DialogShell
        open
        onOpenChange={(open) => !open && onClose()}
        title={t("interviews.book.bookedTitle")}
        description={t("interviews.book.bookedDescription", { who })}
        testId="book-dialog"
      >
        <div className="booked-summary" role="status" data-testid="book-result">
          <span className="interview-name">{booked.participantName || booked.participantEmail}</span>
          <WhenText start={booked.start} end={booked.end} zone={displayZone} participantZone={participant?.timeZone} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-primary" data-testid="book-done" onClick={onClose}>
            {t("common.done")}
          </button>
        </div>
      </DialogShell>
    );
  }

  return (
    <DialogShell
      open
      onOpenChange={(open) => !open && onClose()}
      title={preset ? (title ?? t("interviews.book.again")) : t("interviews.book.title")}
      description={
        step === "who" ? t("interviews.book.chooseParticipant") : t("interviews.book.chooseTime", { who })
      }
      testId="book-dialog"
      wide
      busy={busy}
    >
      <ol className="steps" aria-label={t("interviews.book.steps")}>
        <li aria-current={step === "who" ? "step" : undefined}>
          {participant && step === "when"
            ? t("interviews.book.stepParticipantChosen", { who })
            : t("interviews.book.stepParticipant")}
        </li>
        <li aria-current={step === "when" ? "step" : undefined}>{t("interviews.book.stepTime")}</li>
      </ol>

      {step === "who" && (
        <>
          <ParticipantPicker studyId={study.id} value={participant} onChange={setParticipant} />
          <div className="dialog-actions">
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t("common.close")}
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="book-next"
              disabled={participant === null}
              onClick={() => setStep("when")}
            >
              {t("interviews.book.next")}
            </button>
          </div>
        </>
      )}

      {step === "when" && participant && (
        <>
          <TimePicker
            studyId={study.id}
            zone={study.timeZone}
            sessions={sessions}
            value={time}
            onChange={pickTime}
            displayZone={displayZone}
            disabled={busy}
          />
          <RuleCheckStatus state={flow.state} savingLabel={t("interviews.book.booking")} onDismissError={flow.reset} />
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => {
                flow.reset();
                setStep("who");
              }}
            >
              {t("interviews.book.back")}
            </button>
            {flow.state.phase === "confirming" ? (
              <button type="button" className="button button-danger" data-testid="book-anyway" onClick={() => void flow.accept()}>
                {t("interviews.book.anyway")}
              </button>
            ) : (
              <button
                type="button"
                className="button button-primary"
                data-testid="book-submit"
                disabled={time === null || busy || flow.state.phase === "blocked"}
                aria-busy={busy || undefined}
                onClick={() => time && void flow.start({ participant, time })}
              >
                {busy && <span className="spinner" aria-hidden="true" />}
                {t("interviews.book.submit")}
              </button>
            )}
          </div>
        </>
      )}
    </DialogShell>
  );
}
