import type { InterviewList, InterviewView } from "../../bindings/types";
import { formatMinutes, lengthInMinutes } from "../../time/format";
import { InterviewMenu, type InterviewAction } from "./InterviewMenu";
import { roundLabel } from "./roundLabel";
import { describeOverrides } from "./ruleNames";
import { staffLine } from "../staff/staffWords";
import { WhenText } from "./WhenText";
import { t } from "../../i18n";

type Props = {
  list: InterviewList;
  interviews: InterviewView[];
  zone: string;
  participantZone: (participantId: number) => string | null;
  onAction: (action: InterviewAction, interview: InterviewView) => void;
};

/** A rescheduled interview's calendar invitation has been replaced; a canceled one also counts its CANCEL. */
function wasRescheduled(interview: InterviewView): boolean {
  return interview.state === "canceled" ? interview.sequence > 1 : interview.sequence > 0;
}

export function InterviewTable({ list, interviews, zone, participantZone, onAction }: Props) {
  return (
    <div className="interview-table" role="table" aria-label={t("interviews.table.label")} data-testid={`interview-table-${list}`}>
      <div className="interview-columns" role="row">
        <span role="columnheader">{t("interviews.table.participant")}</span>
        <span role="columnheader">{t("interviews.table.when")}</span>
        <span role="columnheader">{t("interviews.table.length")}</span>
        <span role="columnheader">{t("interviews.table.notes")}</span>
        <span role="columnheader">
          <span className="visually-hidden">{t("interviews.table.actions")}</span>
        </span>
      </div>
      {interviews.map((interview) => {
        const overrides = describeOverrides(interview.ruleOverrides);
        const staff = staffLine(interview.interviewers);
        return (
          <div
            key={interview.id}
            className="interview-row"
            role="row"
            data-testid="interview-row"
            data-interview-id={interview.id}
          >
            <span className="interview-who" role="cell">
              <span className="interview-name" data-testid="interview-participant">
                {interview.participantName || interview.participantEmail}
              </span>
              <span className="interview-email">{interview.participantEmail}</span>
              {staff !== "" && (
                <span className="interview-email" data-testid="interview-interviewers">
                  {staff}
                </span>
              )}
            </span>
            <span role="cell">
              <WhenText
                start={interview.start}
                end={interview.end}
                zone={zone}
                participantZone={participantZone(interview.participantId)}
              />
            </span>
            <span className="interview-length" role="cell">
              {formatMinutes(lengthInMinutes(interview.start, interview.end))}
            </span>
            <span className="interview-notes" role="cell">
              {roundLabel(interview) !== "" && (
                <span className="tag" data-testid="interview-round">
                  {roundLabel(interview)}
                </span>
              )}
              {wasRescheduled(interview) && (
                <span
                  className="tag tag-info"
                  data-testid="interview-rescheduled"
                  title={t("interviews.table.rescheduledTitle", { sequence: interview.sequence })}
                >
                  {t("interviews.table.rescheduled", { sequence: interview.sequence })}
                </span>
              )}
              {overrides.length > 0 && (
                <span className="tag tag-warning" data-testid="interview-overrides" title={t("interviews.table.overridesTitle")}>
                  {t("interviews.table.overrides", { rules: overrides.join(", ") })}
                </span>
              )}
              {interview.state === "canceled" && (
                <span className="interview-reason" data-testid="interview-cancel-reason">
                  {interview.cancelReason.trim() !== ""
                    ? t("interviews.table.reason", { reason: interview.cancelReason })
                    : t("interviews.table.noReason")}
                </span>
              )}
            </span>
            <span className="interview-actions" role="cell">
              <InterviewMenu interview={interview} onAction={onAction} />
            </span>
          </div>
        );
      })}
    </div>
  );
}
