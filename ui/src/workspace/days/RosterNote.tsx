import { describeSeats, type Suggestion } from "./placement";
import { t, tRich } from "../../i18n";

type Props = {
  rosterChanges: string[];
  suggestion: Suggestion | null;
  /** Seats were filled by hand since the day was opened: keep pointing to the next open one. */
  filling: boolean;
};

/** Who came and went since the schedule was made, and the next open seat to fill. */
export function RosterNote({ rosterChanges, suggestion, filling }: Props) {
  const changed = rosterChanges.length > 0;
  if (!changed && !(filling && suggestion)) return null;
  return (
    <div className="day-roster" role="status" data-testid="day-roster-changes">
      <p className="day-problems-title">{changed ? t("days.roster.changed") : t("days.roster.openSeats")}</p>
      {changed && (
        <ul>
          {rosterChanges.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {suggestion ? (
        <p className="day-roster-next" data-testid="day-roster-next">
          {tRich("days.roster.next", {
            label: <strong>{t("days.roster.nextLabel")}</strong>,
            name: suggestion.name,
            seats: describeSeats(suggestion.seats),
          })}
        </p>
      ) : (
        <p className="day-roster-next" data-testid="day-roster-next">
          {tRich("days.roster.done", { label: <strong>{t("days.roster.nextLabel")}</strong> })}
        </p>
      )}
      {changed && (
        <p className="day-roster-alternative">
          {t("days.roster.alternative")}
        </p>
      )}
    </div>
  );
}
