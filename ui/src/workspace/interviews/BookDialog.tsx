import { useCallback, useState } from "react";
import { commands } from "../../bindings/commands";
import type { InterviewView, ParticipantSummary, SessionView, StudySummary } from "../../bindings/types";
import { DialogShell } from "../../dialogs/DialogShell";
import { ParticipantPicker } from "./ParticipantPicker";
import { isBusy } from "./ruleFlow";
import { RuleCheckStatus } from "./RuleCheckStatus";
import { TimePicker, type TimeChoice } from "./TimePicker";
import { useRuleCheckedSave } from "./useRuleCheckedSave";
import { WhenText } from "./WhenText";

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
    (t: Target) => commands.checkBooking(study.id, t.time.sessionId, t.time.start, null),
    [study.id],
  );
  const save = useCallback(
    async (t: Target, accepted: string[]) => {
      setBooked(await commands.bookManually(study.id, t.participant.id, t.time.sessionId, t.time.start, accepted));
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
        title="Interview booked"
        description={`${who} is booked. The confirmation with a calendar invitation waits in the Outbox and goes out at the next Sync.`}
        testId="book-dialog"
      >
        <div className="booked-summary" role="status" data-testid="book-result">
          <span className="interview-name">{booked.participantName || booked.participantEmail}</span>
          <WhenText start={booked.start} end={booked.end} zone={displayZone} participantZone={participant?.timeZone} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-primary" data-testid="book-done" onClick={onClose}>
            Done
          </button>
        </div>
      </DialogShell>
    );
  }

  return (
    <DialogShell
      open
      onOpenChange={(open) => !open && onClose()}
      title={preset ? (title ?? "Book again") : "Book manually"}
      description={
        step === "who"
          ? "Choose the participant to book an interview for."
          : `Choose a time for ${who}. Confab checks it against the study's rules before booking.`
      }
      testId="book-dialog"
      wide
      busy={busy}
    >
      <ol className="steps" aria-label="Steps">
        <li aria-current={step === "who" ? "step" : undefined}>1. Participant{participant && step === "when" ? `: ${who}` : ""}</li>
        <li aria-current={step === "when" ? "step" : undefined}>2. Time</li>
      </ol>

      {step === "who" && (
        <>
          <ParticipantPicker studyId={study.id} value={participant} onChange={setParticipant} />
          <div className="dialog-actions">
            <button type="button" className="button button-secondary" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="book-next"
              disabled={participant === null}
              onClick={() => setStep("when")}
            >
              Next: choose a time
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
          <RuleCheckStatus state={flow.state} savingLabel="Booking…" onDismissError={flow.reset} />
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
              Back
            </button>
            {flow.state.phase === "confirming" ? (
              <button type="button" className="button button-danger" data-testid="book-anyway" onClick={() => void flow.accept()}>
                Book anyway
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
                Book interview
              </button>
            )}
          </div>
        </>
      )}
    </DialogShell>
  );
}
