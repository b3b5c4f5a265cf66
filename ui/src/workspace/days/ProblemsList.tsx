import type { Suggestion } from "./placement";
import { RosterNote } from "./RosterNote";
import { tPlural } from "../../i18n";

type Props = {
  conflicts: string[];
  unmet: string[];
  rosterChanges: string[];
  suggestion: Suggestion | null;
  filling: boolean;
};

/** Who came and went (amber), the rules the schedule breaks (red) and the wishes it could not meet (muted). */
export function ProblemsList({ conflicts, unmet, rosterChanges, suggestion, filling }: Props) {
  if (conflicts.length === 0 && unmet.length === 0 && rosterChanges.length === 0 && !(filling && suggestion)) return null;
  return (
    <div className="day-problems">
      <RosterNote rosterChanges={rosterChanges} suggestion={suggestion} filling={filling} />
      {conflicts.length > 0 && (
        <div className="day-conflicts" role="alert" data-testid="day-conflicts-list">
          <p className="day-problems-title">{tPlural("days.problems.broken", conflicts.length)}</p>
          <ul>
            {conflicts.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {unmet.length > 0 && (
        <details className="day-unmet" data-testid="day-unmet">
          <summary>{tPlural("days.problems.unmet", unmet.length)}</summary>
          <ul>
            {unmet.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
