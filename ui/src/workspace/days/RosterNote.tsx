import { describeSeats, type Suggestion } from "./placement";

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
      <p className="day-problems-title">{changed ? "Who comes has changed since this schedule was made" : "Open seats left"}</p>
      {changed && (
        <ul>
          {rosterChanges.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {suggestion ? (
        <p className="day-roster-next" data-testid="day-roster-next">
          <strong>Next:</strong> drag {suggestion.name} from Sitting out into an open seat ({describeSeats(suggestion.seats)}).
          With the keyboard, select {suggestion.name} with Enter, then press Enter on the Open cell.
        </p>
      ) : (
        <p className="day-roster-next" data-testid="day-roster-next">
          <strong>Next:</strong> every open seat that someone can take without breaking a rule is filled. Publish the changes
          to send everyone their updated itinerary.
        </p>
      )}
      {changed && (
        <p className="day-roster-alternative">
          Generating the schedule again also takes everyone in, but rearranges every applicant’s rounds.
        </p>
      )}
    </div>
  );
}
