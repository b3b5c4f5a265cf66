import type { DayScheduleView, PublishReport } from "../../bindings/types";
import { formatWhen } from "../../time/format";
import { t, tPlural } from "../../i18n";

/** Whether applicants have this schedule: a draft, published, or published with changes since. */
export function PublishState({ view, zone }: { view: DayScheduleView; zone: string }) {
  if (view.publishedAt === null) {
    return (
      <span className="day-state is-draft" data-testid="day-state" data-state="draft">
        {t("days.state.draft")}
      </span>
    );
  }
  const when = formatWhen(view.publishedAt, zone);
  if (view.unpublishedChanges) {
    return (
      <span className="day-state is-changed" data-testid="day-state" data-state="changed">
        {t("days.state.changed", { when })}
      </span>
    );
  }
  return (
    <span className="day-state is-published" data-testid="day-state" data-state="published">
      {t("days.state.published", { when })}
    </span>
  );
}

export function PublishReportNote({ report, onDismiss }: { report: PublishReport; onDismiss: () => void }) {

  return (
    <div className="notice-success day-report" role="status" data-testid="day-publish-report">
      <div>
        <p className="notice-title">
          {report.sequence > 0 ? t("days.report.updates") : t("days.report.published")}
        </p>
        <p className="notice-message">
          {t("days.report.sent", {
            itineraries: tPlural("days.report.itineraries", report.itineraries),
            timetables: tPlural("days.report.timetables", report.timetables),
          })}
        </p>
        {(report.withdrawn > 0 || report.canceled > 0) && (
          <ul className="day-report-details">
            {report.withdrawn > 0 && (
              <li data-testid="day-report-withdrawn">
                {tPlural("days.report.withdrawn", report.withdrawn)}
              </li>
            )}
            {report.canceled > 0 && (
              <li data-testid="day-report-canceled">
                {tPlural("days.report.canceled", report.canceled)}
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
        {t("common.dismiss")}
      </button>
    </div>
  );
}
