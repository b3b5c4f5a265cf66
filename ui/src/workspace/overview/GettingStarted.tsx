import type { PaneId } from "../../navigation";
import { OpenPaneLink } from "./OpenPaneLink";

type Props = {
  sessions: number;
  participants: number;
  onOpenPane?: (pane: PaneId) => void;
};

/** The first steps of a new study, each ticked off once done. */
export function GettingStarted({ sessions, participants, onOpenPane }: Props) {
  const steps: Array<{ done: boolean; title: string; hint: string; pane: PaneId; testId: string }> = [
    {
      done: sessions > 0,
      pane: "sessions",
      testId: "overview-step-sessions",
      title: "Add sessions",
      hint: "Under Sessions & availability, offer the times participants can choose from: a window of slots, weekly hours, or a whole interview day.",
    },
    {
      done: participants > 0,
      pane: "participants",
      testId: "overview-step-participants",
      title: "Add or import participants",
      hint: "Under Participants, add people one by one or import a CSV file from your recruiting sheet.",
    },
    {
      done: false,
      pane: "participants",
      testId: "overview-step-invite",
      title: "Invite them",
      hint: "Select participants and invite them: each gets the open times in their own time zone, and their replies come back at the next Sync.",
    },
  ];
  return (
    <div className="empty-state" data-testid="overview-empty">
      <p className="empty-state-title">This study is ready for its first participants</p>
      <p className="empty-state-hint">Three steps take it from here to booked interviews:</p>
      <ol className="getting-started">
        {steps.map((step) => (
          <li key={step.title} className={step.done ? "getting-started-step is-done" : "getting-started-step"}>
            <span className="getting-started-mark" aria-hidden="true">
              {step.done ? "✓" : ""}
            </span>
            <span>
              <span className="getting-started-title">
                <OpenPaneLink pane={step.pane} onOpenPane={onOpenPane} testId={step.testId} className="getting-started-link">
                  {step.title}
                  {onOpenPane && <span aria-hidden="true"> →</span>}
                </OpenPaneLink>
                {step.done && <span className="visually-hidden"> (done)</span>}
              </span>
              <span className="getting-started-hint">{step.hint}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
