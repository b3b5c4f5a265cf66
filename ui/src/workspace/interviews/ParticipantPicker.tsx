import { useEffect, useId, useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, ParticipantSummary } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";

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
        <label htmlFor={`${id}-search`}>Participant</label>
        <input
          id={`${id}-search`}
          type="search"
          data-testid="book-participant-search"
          placeholder="Search by name, email or notes"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {found.kind === "loading" && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" /> Finding participants…
        </p>
      )}
      {found.kind === "failed" && <ErrorBanner error={found.error} onDismiss={() => setAttempt((n) => n + 1)} />}
      {found.kind === "loaded" && found.people.length === 0 && (
        <p className="picker-empty" data-testid="book-participants-empty">
          {text.trim() === ""
            ? "The study has no participants yet. Add them under Participants, then book here."
            : `No participant of this study matches “${text.trim()}”.`}
        </p>
      )}
      {found.kind === "loaded" && found.people.length > 0 && (
        <ul className="participant-options" aria-label="Participants">
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
        <p className="picker-hint">Showing the first {SHOWN}; type to narrow the list.</p>
      )}
    </div>
  );
}
