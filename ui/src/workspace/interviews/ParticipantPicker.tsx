import { useEffect, useId, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, ParticipantSummary } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { t } from "../../i18n";

type Props = {
  studyId: number;
  value: ParticipantSummary | null;
  onChange: (participant: ParticipantSummary) => void;
};

const SHOWN = 50;

/** "interview_scheduled" → "Interview scheduled". */
function statusLabel(status: string | null): string {
  if (!status) return "";
  const words = status.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Found = { kind: "loading" } | { kind: "failed"; error: AppError } | { kind: "loaded"; people: ParticipantSummary[] };

/** Finds a participant of the study by name, email, notes or custom fields. */
export function ParticipantPicker({ studyId, value, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [found, setFound] = useState<Found>({ kind: "loading" });
  // Dismissing a failed search asks again.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    // Typing settles before asking, so every key does not start a search.
    const timer = setTimeout(() => {
      setFound((f) => (f.kind === "loaded" ? f : { kind: "loading" }));
      commands
        .searchParticipants({ studyId, text: text.trim() || null, status: null, limit: SHOWN, offset: null })
        .then((people) => active && setFound({ kind: "loaded", people }))
        .catch((reason: unknown) => active && setFound({ kind: "failed", error: toAppError(reason) }));
    }, 200);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [studyId, text, attempt]);

  return (
    <div className="participant-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t("interviews.picker.participant")}</label>
        <input
          id={`${id}-search`}
          type="search"
          data-testid="book-participant-search"
          placeholder={t("interviews.picker.placeholder")}
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {found.kind === "loading" && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" /> {t("interviews.picker.finding")}
        </p>
      )}
      {found.kind === "failed" && <ErrorBanner error={found.error} onDismiss={() => setAttempt((n) => n + 1)} />}
      {found.kind === "loaded" && found.people.length === 0 && (
        <p className="picker-empty" data-testid="book-participants-empty">
          {text.trim() === ""
            ? t("interviews.picker.none")
            : t("interviews.picker.noMatch", { text: text.trim() })}
        </p>
      )}
      {found.kind === "loaded" && found.people.length > 0 && (
        <ul className="participant-options" aria-label={t("interviews.picker.label")}>
          {found.people.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="participant-option"
                data-testid="book-participant-option"
                aria-pressed={value?.id === person.id}
                onClick={() => onChange(person)}
              >
                <span className="participant-option-name">{person.name || person.email}</span>
                <span className="participant-option-email">{person.email}</span>
                <span className="participant-option-status">{statusLabel(person.status)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {found.kind === "loaded" && found.people.length === SHOWN && (
        <p className="picker-hint">{t("interviews.picker.more", { count: SHOWN })}</p>
      )}
    </div>
  );
}
