import { useId, useState } from "react";
import { commands } from "../../bindings/commands";
import type { EnrolmentStatus, ParticipantSummary } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { t } from "../../i18n";
import { pause, useLoaded } from "../../useLoaded";

type Props = {
  studyId: number;
  value: ParticipantSummary | null;
  onChange: (participant: ParticipantSummary) => void;
};

const SHOWN = 50;

/** Finds a participant of the study by name, email, notes or custom fields. */
export function ParticipantPicker({ studyId, value, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  // Typing settles before asking, so every key does not start a search; the list found last
  // stays meanwhile.
  const found = useLoaded(
    (signal) =>
      pause(200, signal).then(() =>
        commands.searchParticipants({ studyId, text: text.trim() || null, status: null, limit: SHOWN, offset: null }),
      ),
    [studyId, text],
    { keepPrevious: true },
  );
  // The statuses' words, as every list of the window shows them.
  const statuses = useLoaded(() => commands.statusOptions(), []);
  const statusLabel = (status: EnrolmentStatus | null) =>
    statuses.data?.find((option) => option.key === status)?.label ?? "";
  const failed = !found.loading && found.error !== null;
  const people = failed ? undefined : found.data;

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
      {!failed && people === undefined && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" /> {t("interviews.picker.finding")}
        </p>
      )}
      {/* Dismissing a failed search asks again. */}
      {failed && found.error && <ErrorBanner error={found.error} onDismiss={() => void found.reload()} />}
      {people?.length === 0 && (
        <p className="picker-empty" data-testid="book-participants-empty">
          {text.trim() === ""
            ? t("interviews.picker.none")
            : t("interviews.picker.noMatch", { text: text.trim() })}
        </p>
      )}
      {people !== undefined && people.length > 0 && (
        <ul className="participant-options" aria-label={t("interviews.picker.label")}>
          {people.map((person) => (
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
      {people?.length === SHOWN && (
        <p className="picker-hint">{t("interviews.picker.more", { count: SHOWN })}</p>
      )}
    </div>
  );
}
