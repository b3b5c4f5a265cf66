import type { InterviewList, InterviewView } from "../../bindings/types";
import { formatMinutes, lengthInMinutes } from "../../time/format";
import { InterviewMenu, type InterviewAction } from "./InterviewMenu";
import { roundLabel } from "./roundLabel";
import { describeOverrides } from "./ruleNames";
import { WhenText } from "./WhenText";

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
    <div className="interview-table" role="table" aria-label="Interviews" data-testid={`interview-table-${list}`}>
      <div className="interview-columns" role="row">
        <span role="columnheader">Participant</span>
        <span role="columnheader">When</span>
        <span role="columnheader">Length</span>
        <span role="columnheader">Notes</span>
        <span role="columnheader">
          <span className="visually-hidden">Actions</span>
        </span>
      </div>
      {interviews.map((interview) => {
        const overrides = describeOverrides(interview.ruleOverrides);
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
                  title={`The participant's calendar holds update ${interview.sequence} of this invitation.`}
                >
                  Rescheduled · update {interview.sequence}
                </span>
              )}
              {overrides.length > 0 && (
                <span className="tag tag-warning" data-testid="interview-overrides" title="Booked past these study rules">
                  Booked past: {overrides.join(", ")}
                </span>
              )}
              {interview.state === "canceled" && (
                <span className="interview-reason" data-testid="interview-cancel-reason">
                  {interview.cancelReason.trim() !== "" ? `“${interview.cancelReason}”` : "No reason given"}
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
