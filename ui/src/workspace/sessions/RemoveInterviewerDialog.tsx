import { useEffect, useId, useRef, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, InterviewerView, RemovalReport } from "../../bindings/types";
import { BusyButton } from "../../dialogs/BusyButton";
import { DialogShell } from "../../dialogs/DialogShell";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { fieldProblems } from "../../fieldProblems";
import { t, tPlural } from "../../i18n";

type Props = {
  /** Who is being removed; null while the dialog is closed. */
  person: InterviewerView | null;
  /** Everyone of the study, the person included: the others can take over their interviews. */
  people: InterviewerView[];
  onClose: () => void;
  onRemoved: (person: InterviewerView) => void;
};

type Step =
  | { kind: "confirm" }
  /** The back end refused: they are on interviews ahead, and someone must take those over. */
  | { kind: "takeover"; message: string }
  | { kind: "done"; report: RemovalReport; taker: InterviewerView | null };

/**
 * Asks before a person leaves the study. When they are on interviews ahead, the back end says
 * how many; the dialog then asks who takes those over and tries again with that person.
 */
export function RemoveInterviewerDialog({ person, people, onClose, onRemoved }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <DialogShell
      open={person !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t("sessions.interviewers.removeTitle", { name: person?.name ?? "" })}
      description={t("sessions.interviewers.removeDescription", { name: person?.name ?? "", email: person?.email ?? "" })}
      testId="remove-interviewer-dialog"
      busy={busy}
    >
      {/* Mounted per person, so every opening starts from the question. */}
      {person && (
        <RemoveContent
          key={person.id}
          person={person}
          people={people}
          onClose={onClose}
          onRemoved={onRemoved}
          onBusyChange={setBusy}
        />
      )}
    </DialogShell>
  );
}

type ContentProps = Omit<Props, "person"> & { person: InterviewerView; onBusyChange: (busy: boolean) => void };

function RemoveContent({ person, people, onClose, onRemoved, onBusyChange }: ContentProps) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const [step, setStep] = useState<Step>({ kind: "confirm" });
  const [taker, setTaker] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const others = people.filter((p) => p.id !== person.id);

  useEffect(() => {
    if (step.kind === "takeover") select.current?.focus();
  }, [step.kind]);

  async function remove() {
    const takeover = step.kind === "takeover" ? Number(taker) || null : null;
    if (step.kind === "takeover" && takeover === null) {
      setMissing(true);
      select.current?.focus();
      return;
    }
    setBusy(true);
    onBusyChange(true);
    setError(null);
    try {
      const report = await commands.removeInterviewer(person.id, takeover);
      setStep({ kind: "done", report, taker: others.find((p) => p.id === takeover) ?? null });
      onRemoved(person);
    } catch (reason) {
      const refused = toAppError(reason);
      const { fields, rest } = fieldProblems(refused, ["takeover"] as const);
      if (fields.takeover) setStep({ kind: "takeover", message: fields.takeover });
      if (!fields.takeover || rest.length > 0) {
        setError(fields.takeover ? { code: refused.code, message: rest.join(" ") } : refused);
      }
    } finally {
      setBusy(false);
      onBusyChange(false);
    }
  }

  if (step.kind === "done") {
    const { report, taker: took } = step;
    return (
      <div className="dialog-result" role="status" data-testid="remove-interviewer-result">
        <p>
          {took && report.handedOver > 0
            ? tPlural("sessions.interviewers.removedTakeover", report.handedOver, { name: report.name, taker: took.name })
            : t("sessions.interviewers.removed", { name: report.name })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button button-primary" data-testid="remove-interviewer-done" onClick={onClose}>
            {t("common.done")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void remove();
      }}
    >
      {step.kind === "takeover" && (
        <>
          <p className="dialog-warning" data-testid="remove-interviewer-ahead">
            {step.message}
          </p>
          <div className="field">
            <label htmlFor={`${id}-taker`}>{t("sessions.interviewers.takeover")}</label>
            <select
              ref={select}
              id={`${id}-taker`}
              data-testid="remove-interviewer-takeover"
              value={taker}
              disabled={busy || others.length === 0}
              aria-invalid={missing || undefined}
              aria-describedby={`${id}-taker-hint${missing ? ` ${id}-taker-error` : ""}`}
              onChange={(e) => {
                setTaker(e.target.value);
                setMissing(false);
              }}
            >
              <option value="">{t("sessions.interviewers.takeoverChoose")}</option>
              {others.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.role === "noteTaker" ? t("sessions.interviewers.takeoverNoteTaker", { name: p.name }) : p.name}
                </option>
              ))}
            </select>
            <p className="field-hint" id={`${id}-taker-hint`}>
              {others.length === 0
                ? t("sessions.interviewers.takeoverNobody", { name: person.name })
                : t("sessions.interviewers.takeoverHint", { name: person.name })}
            </p>
            {missing && (
              <p className="field-error" id={`${id}-taker-error`} data-testid="remove-interviewer-takeover-error">
                {t("sessions.interviewers.takeoverMissing")}
              </p>
            )}
          </div>
        </>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {t("sessions.interviewers.keep")}
        </button>
        <BusyButton
          type="submit"
          className="button button-danger"
          testId="remove-interviewer-confirm"
          busy={busy}
          disabled={step.kind === "takeover" && others.length === 0}
          label={step.kind === "takeover" ? t("sessions.interviewers.handOverAndRemove") : t("sessions.interviewers.removeConfirm")}
          busyLabel={t("sessions.interviewers.removing")}
        />
      </div>
    </form>
  );
}
