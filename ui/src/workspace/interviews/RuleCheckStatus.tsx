import { ErrorBanner } from "../../ErrorBanner";
import type { RuleFlowState } from "./ruleFlow";
import { t, tPlural } from "../../i18n";

type Props = {
  state: RuleFlowState;
  /** What saving is called while it runs, e.g. "Booking…". */
  savingLabel: string;
  onDismissError: () => void;
};

/** Where a booking by hand stands: checking, the rules it breaks, saving, or what went wrong. */
export function RuleCheckStatus({ state, savingLabel, onDismissError }: Props) {
  switch (state.phase) {
    case "idle":
    case "done":
      return null;
    case "checking":
      return (
        <p className="loading-line" role="status" data-testid="rule-checking">
          <span className="spinner" aria-hidden="true" /> {t("interviews.rules.checking")}
        </p>
      );
    case "saving":
      return (
        <p className="loading-line" role="status" data-testid="rule-saving">
          <span className="spinner" aria-hidden="true" /> {savingLabel}
        </p>
      );
    case "confirming":
      return (
        <div className="rule-breaks" role="alert" data-testid="rule-breaks">
          <p className="rule-breaks-title">
            {tPlural("interviews.rules.breaks", state.breaks.length)}
          </p>
          <ul className="rule-break-list">
            {state.breaks.map((b) => (
              <li key={b.rule} data-testid="rule-break" data-rule={b.rule}>
                {b.explanation}
              </li>
            ))}
          </ul>
          <p className="rule-breaks-hint">{t("interviews.rules.confirmHint")}</p>
        </div>
      );
    case "blocked":
      return (
        <div className="rule-breaks rule-breaks-blocked" role="alert" data-testid="rule-blocked">
          <p className="rule-breaks-title">{t("interviews.rules.blocked")}</p>
          <ul className="rule-break-list">
            {state.breaks.map((b) => (
              <li key={b.rule} data-testid="rule-break" data-rule={b.rule}>
                {b.explanation}
              </li>
            ))}
          </ul>
          <p className="rule-breaks-hint">{t("interviews.rules.blockedHint")}</p>
        </div>
      );
    case "failed":
      return <ErrorBanner error={state.error} onDismiss={onDismissError} />;
  }
}
