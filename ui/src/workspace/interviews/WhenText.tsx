import { formatRange, formatWhen } from "../../time/format";
import { sameClock, zoneAbbreviation } from "../../time/zonedTime";
import { t } from "../../i18n";

type Props = {
  start: string;
  end: string;
  /** The zone the researcher reads times in. */
  zone: string;
  /** The participant's own zone, shown beside it when their clock differs. */
  participantZone?: string | null;
};

/** When an interview happens, for the researcher, and for the participant when their clock differs. */
export function WhenText({ start, end, zone, participantZone }: Props) {
  const theirs = participantZone && !sameClock(start, zone, participantZone) ? participantZone : null;
  return (
    <span className="when">
      <span className="when-main" data-testid="interview-when">
        {formatRange(start, end, zone)} <span className="when-zone">{zoneAbbreviation(start, zone)}</span>
      </span>
      {theirs && (
        <span className="when-theirs" data-testid="interview-when-participant" title={theirs}>
          {t("interviews.when.theirs", { time: formatWhen(start, theirs), zone: zoneAbbreviation(start, theirs) })}
        </span>
      )}
    </span>
  );
}
