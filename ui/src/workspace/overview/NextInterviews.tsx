import type { InterviewView } from "../../bindings/types";
import type { PaneId } from "../../navigation";
import { OpenPaneLink } from "./OpenPaneLink";
import { formatWhen } from "../../time/format";
import { cityOf, clocksDiffer } from "../../time/zonedTime";
import { t, tRich } from "../../i18n";

type Props = {
  interviews: InterviewView[];
  /** The researcher's zone: the time everything is shown in first. */
  zone: string;
  /** Each participant's own zone, where known. */
  participantZones: ReadonlyMap<number, string>;
  onOpenPane?: (pane: PaneId) => void;
};

export function NextInterviews({ interviews, zone, participantZones, onOpenPane }: Props) {
  return (
    <section className="panel" aria-labelledby="overview-next-heading" data-testid="overview-next">
      <div className="overview-panel-head">
        <h2 className="panel-title" id="overview-next-heading">
          {t("overview.next.title")}
        </h2>
        <span className="overview-panel-aside">
          <span className="overview-zone">{t("overview.next.zone", { zone })}</span>
          {onOpenPane && interviews.length > 0 && (
            <OpenPaneLink pane="interviews" onOpenPane={onOpenPane} testId="overview-open-interviews">
              {t("overview.next.all")}
            </OpenPaneLink>
          )}
        </span>
      </div>
      {interviews.length === 0 ? (
        <p className="panel-hint" data-testid="overview-next-empty">
          {tRich("overview.next.empty", {
            link: (
              <OpenPaneLink pane="interviews" onOpenPane={onOpenPane} testId="overview-open-interviews">
                {t("overview.interviewsLink")}
              </OpenPaneLink>
            ),
          })}
        </p>
      ) : (
        <ul className="next-list">
          {interviews.map((interview) => {
            const theirs = participantZones.get(interview.participantId);
            const showTheirs = theirs !== undefined && clocksDiffer(interview.start, zone, theirs);
            return (
              <li key={interview.id} className="next-item" data-testid="overview-next-interview">
                <span className="next-when">{formatWhen(interview.start, zone)}</span>
                <span className="next-who">
                  <span className="next-name">
                    <OpenPaneLink
                      pane="interviews"
                      onOpenPane={onOpenPane}
                      testId="overview-next-open"
                      className="next-link"
                      label={t("overview.next.openLabel", { name: interview.participantName })}
                    >
                      {interview.participantName}
                    </OpenPaneLink>
                  </span>
                  <span className="next-email">{interview.participantEmail}</span>
                </span>
                {showTheirs && (
                  <span className="next-theirs" title={theirs}>
                    {t("overview.next.theirs", { time: formatWhen(interview.start, theirs), city: cityOf(theirs) })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
