import type { PaneId } from "../../navigation";
import { OpenPaneLink } from "./OpenPaneLink";
import { t } from "../../i18n";

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
      title: t("overview.step.sessions.title"),
      hint: t("overview.step.sessions.hint"),
    },
    {
      done: participants > 0,
      pane: "participants",
      testId: "overview-step-participants",
      title: t("overview.step.participants.title"),
      hint: t("overview.step.participants.hint"),
    },
    {
      done: false,
      pane: "participants",
      testId: "overview-step-invite",
      title: t("overview.step.invite.title"),
      hint: t("overview.step.invite.hint"),
    },
  ];
  return (
    <div className="empty-state" data-testid="overview-empty">
      <p className="empty-state-title">{t("overview.empty.title")}</p>
      <p className="empty-state-hint">{t("overview.empty.hint")}</p>
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
                {step.done && <span className="visually-hidden"> {t("overview.step.done")}</span>}
              </span>
              <span className="getting-started-hint">{step.hint}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
