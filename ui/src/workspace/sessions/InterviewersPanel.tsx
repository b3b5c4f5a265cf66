import { useId, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, InterviewerView } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { InterviewerRow } from "./InterviewerRow";
import { RemoveInterviewerDialog } from "./RemoveInterviewerDialog";
import { t, tRich } from "../../i18n";

type Props = {
  studyId: number;
  interviewers: InterviewerView[] | null;
  onAdded: (interviewer: InterviewerView) => void;
  /** Renamed, or made an interviewer or a note-taker. */
  onChanged: (interviewer: InterviewerView) => void;
  onRemoved: (interviewer: InterviewerView) => void;
};

/**
 * The study's interviewers and note-takers, each renamed, given the other role or removed from a
 * row's menu; a form to add one, and how their busy times get in.
 */
export function InterviewersPanel({ studyId, interviewers, onAdded, onChanged, onRemoved }: Props) {
  const id = useId();
  const [removing, setRemoving] = useState<InterviewerView | null>(null);
  const [listError, setListError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const nameError = name.trim() === "" ? t("sessions.interviewers.nameError") : null;
  const emailError = !/^[^\s@]+@[^\s@]+$/.test(email.trim()) ? t("sessions.interviewers.emailError") : null;

  async function add(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (nameError || emailError) {
      document.getElementById(nameError ? `${id}-name` : `${id}-email`)?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const added = await commands.addInterviewer(studyId, name.trim(), email.trim());
      onAdded(added);
      setName("");
      setEmail("");
      setAttempted(false);
      document.getElementById(`${id}-name`)?.focus();
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="panel interviewers-panel" aria-labelledby={`${id}-heading`} data-testid="interviewers-panel">
      <h2 className="panel-title" id={`${id}-heading`}>
        {t("sessions.interviewers.title")}
      </h2>
      {interviewers === null ? (
        <p className="loading-line">
          <span className="spinner" aria-hidden="true" /> {t("sessions.interviewers.loading")}
        </p>
      ) : interviewers.length === 0 ? (
        <p className="panel-hint" data-testid="interviewers-empty">
          {t("sessions.interviewers.empty")}
        </p>
      ) : (
        <ul className="interviewer-list" data-testid="interviewer-list">
          {interviewers.map((person) => (
            <InterviewerRow
              key={person.id}
              person={person}
              onChanged={(changed, before) => {
                setListError(null);
                setNotice(
                  changed.role === before.role
                    ? t("sessions.interviewers.renamed", { before: before.name, name: changed.name })
                    : changed.role === "noteTaker"
                      ? t("sessions.interviewers.nowNoteTaker", { name: changed.name })
                      : t("sessions.interviewers.nowInterviewer", { name: changed.name }),
                );
                onChanged(changed);
              }}
              onRemove={(person) => {
                setListError(null);
                setNotice(null);
                setRemoving(person);
              }}
              onError={(error) => {
                setNotice(null);
                setListError(error);
              }}
            />
          ))}
        </ul>
      )}
      {notice && (
        <p className="interviewers-notice" role="status" data-testid="interviewers-notice">
          {notice}
        </p>
      )}
      {listError && <ErrorBanner error={listError} onDismiss={() => setListError(null)} />}

      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <form className="interviewer-form" noValidate onSubmit={add} aria-label={t("sessions.interviewers.form")}>
        <div className="field field-grow">
          <label htmlFor={`${id}-name`}>{t("sessions.interviewers.name")}</label>
          <input
            id={`${id}-name`}
            data-testid="interviewer-name-input"
            type="text"
            autoComplete="off"
            aria-invalid={(attempted && nameError !== null) || undefined}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          {attempted && nameError && <p className="field-error">{nameError}</p>}
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-email`}>{t("sessions.interviewers.email")}</label>
          <input
            id={`${id}-email`}
            data-testid="interviewer-email-input"
            type="email"
            autoComplete="off"
            aria-invalid={(attempted && emailError !== null) || undefined}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          {attempted && emailError && <p className="field-error">{emailError}</p>}
        </div>
        <button
          type="submit"
          className="button button-secondary interviewer-add"
          data-testid="add-interviewer-button"
          disabled={saving}
          aria-busy={saving || undefined}
        >
          {saving && <span className="spinner" aria-hidden="true" />}
          {saving ? t("sessions.interviewers.adding") : t("sessions.interviewers.add")}
        </button>
      </form>
      <p className="panel-hint interviewers-import-hint" data-testid="busy-import-hint">
        {tRich("sessions.interviewers.busyHint", {
          title: <strong>{t("sessions.interviewers.busyTitle")}</strong>,
          ics: <code>.ics</code>,
        })}
      </p>
      <RemoveInterviewerDialog
        person={removing}
        people={interviewers ?? []}
        onClose={() => setRemoving(null)}
        onRemoved={onRemoved}
      />
    </section>
  );
}
