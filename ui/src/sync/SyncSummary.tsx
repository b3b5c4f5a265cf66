import type { SyncReport } from "../bindings/types";
import { followUps, summaryFacts } from "./syncWords";
import { t } from "../i18n";
import "./sync.css";

type Props = {
  report: SyncReport;
  /** When it ended, already formatted, e.g. "14:02". */
  finishedAt?: string;
};

/** Everything one Sync did: the counts, one line per reply it handled, and its warnings. */
export function SyncSummary({ report, finishedAt }: Props) {
  const facts = summaryFacts(report).filter((fact) => fact.value > 0 || fact.key === "sent" || fact.key === "read");
  const advice = followUps(report);
  return (
    <div className="sync-summary" data-testid="sync-summary">
      {finishedAt && <p className="sync-summary-when">{t("sync.summary.finishedAt", { time: finishedAt })}</p>}
      <ul className="sync-facts" aria-label={t("sync.summary.facts")}>
        {facts.map((fact) => (
          <li key={fact.key} className={`sync-fact sync-fact-${fact.tone}`} data-testid={`sync-fact-${fact.key}`}>
            {fact.label}
          </li>
        ))}
      </ul>
      {report.actions.length > 0 && (
        <div className="sync-section">
          <h3 className="sync-section-title">{t("sync.summary.actions")}</h3>
          <ul className="sync-lines" data-testid="sync-actions">
            {report.actions.map((line, index) => (
              <li key={index} data-testid="sync-action">
                {line}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.warnings.length > 0 && (
        <div className="sync-section">
          <h3 className="sync-section-title">{t("sync.summary.warnings")}</h3>
          <ul className="sync-lines sync-warnings" data-testid="sync-warnings">
            {report.warnings.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {advice.length > 0 && (
        <ul className="sync-lines sync-advice">
          {advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
