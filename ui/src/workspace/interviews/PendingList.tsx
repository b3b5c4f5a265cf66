import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, InterviewView, PendingParticipant } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { WhenText } from "./WhenText";
import { t } from "../../i18n";

type Props = {
  studyId: number;
  pending: PendingParticipant[];
  zone: string;
  participantZone: (participantId: number) => string | null;
  onAssigned: (interview: InterviewView, rank: number) => void;
};

function rankName(rank: number): string {
  if (rank === 1) return t("interviews.pending.first");
  if (rank === 2) return t("interviews.pending.second");
  return t("interviews.pending.choice", { rank });
}

/** Participants whose choices wait for the researcher, each choice one click from booked. */
export function PendingList({ studyId, pending, zone, participantZone, onAssigned }: Props) {
  const [assigning, setAssigning] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function assign(person: PendingParticipant, rank: number) {
    if (assigning) return;
    setAssigning(`${person.participantId}-${rank}`);
    setError(null);
    try {
      onAssigned(await commands.assignChoice(studyId, person.participantId, rank), rank);
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setAssigning(null);
    }
  }

  if (pending.length === 0) {
    return (
      <div className="empty-state" data-testid="pending-empty">
        <p className="empty-state-title">{t("interviews.pending.emptyTitle")}</p>
        <p className="empty-state-hint">{t("interviews.pending.emptyHint")}</p>
      </div>
    );
  }

  return (
    <div className="pending-list">
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <ul className="pending-people">
        {pending.map((person) => (
          <li key={person.participantId} className="pending-person" data-testid="pending-row">
            <div className="interview-who">
              <span className="interview-name" data-testid="pending-name">
                {person.name || person.email}
              </span>
              <span className="interview-email">{person.email}</span>
            </div>
            <ul className="pending-choices">
              {[...person.choices]
                .sort((a, b) => a.rank - b.rank)
                .map((choice) => {
                  const key = `${person.participantId}-${choice.rank}`;
                  const label = rankName(choice.rank);
                  return (
                    <li key={choice.rank} className="pending-choice">
                      <span className="pending-rank">{label}</span>
                      <WhenText
                        start={choice.start}
                        end={choice.end}
                        zone={zone}
                        participantZone={participantZone(person.participantId)}
                      />
                      <button
                        type="button"
                        className="button button-secondary"
                        data-testid={`assign-choice-${choice.rank}`}
                        aria-label={t("interviews.pending.assignLabel", {
                          name: person.name || person.email,
                          choice: label.toLowerCase(),
                        })}
                        disabled={assigning !== null}
                        aria-busy={assigning === key || undefined}
                        onClick={() => void assign(person, choice.rank)}
                      >
                        {assigning === key && <span className="spinner" aria-hidden="true" />}
                        {assigning === key ? t("interviews.pending.assigning") : t("interviews.pending.assign")}
                      </button>
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
