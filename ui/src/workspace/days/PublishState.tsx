import type { DayScheduleView, PublishReport } from "../../bindings/types";
import { formatWhen } from "../overview/zonedTime";

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
          {report.withdrawn > 0 &&
            ` ${plural(report.withdrawn, "message", "messages")} of the previous publication that had not gone out yet ${report.withdrawn === 1 ? "was" : "were"} replaced.`}
          {report.canceled > 0 &&
            ` ${plural(report.canceled, "applicant", "applicants")} no longer on the day ${report.canceled === 1 ? "gets" : "get"} a cancellation of their calendar event.`}
        </p>
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
