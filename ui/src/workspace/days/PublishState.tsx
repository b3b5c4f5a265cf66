import type { DayScheduleView, PublishReport } from "../../bindings/types";
import { formatWhen } from "../../time/format";

/** Whether applicants have this schedule: a draft, published, or published with changes since. */
export function PublishState({ view, zone }: { view: DayScheduleView; zone: string }) {
  if (view.publishedAt === null) {
    return (
      <span className="day-state is-draft" data-testid="day-state" data-state="draft">
        Draft · not sent to anyone
      </span>
    );
  }
  const when = formatWhen(view.publishedAt, zone);
  if (view.unpublishedChanges) {
    return (
      <span className="day-state is-changed" data-testid="day-state" data-state="changed">
        Published {when} · changes since not sent
      </span>
    );
  }
  return (
    <span className="day-state is-published" data-testid="day-state" data-state="published">
      ✓ Published {when}
    </span>
  );
}

export function PublishReportNote({ report, onDismiss }: { report: PublishReport; onDismiss: () => void }) {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <div className="notice-success day-report" role="status" data-testid="day-publish-report">
      <div>
        <p className="notice-title">
          {report.sequence > 0 ? "Updates queued" : "Schedule published"}
        </p>
        <p className="notice-message">
          {plural(report.itineraries, "itinerary", "itineraries")} and {plural(report.timetables, "timetable", "timetables")} are
          in the Outbox and go out at the next Sync.
        </p>
        {(report.withdrawn > 0 || report.canceled > 0) && (
          <ul className="day-report-details">
            {report.withdrawn > 0 && (
              <li data-testid="day-report-withdrawn">
                {plural(report.withdrawn, "earlier message", "earlier messages")} that had not gone out yet{" "}
                {report.withdrawn === 1 ? "was" : "were"} replaced, so nobody gets both versions.
              </li>
            )}
            {report.canceled > 0 && (
              <li data-testid="day-report-canceled">
                {plural(report.canceled, "applicant who left gets", "applicants who left get")} a cancellation of{" "}
                {report.canceled === 1 ? "their calendar event" : "their calendar events"}.
              </li>
            )}
          </ul>
        )}
        {report.skipped.length > 0 && (
          <ul className="day-report-skipped">
            {report.skipped.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
