import type { StatusCount } from "../../bindings/types";
import type { PaneId } from "../../navigation";
import { OpenPaneLink } from "./OpenPaneLink";
import { t, tPlural } from "../../i18n";

type Props = {
  counts: StatusCount[];
  total: number;
  onOpenPane?: (pane: PaneId) => void;
};

/** Where everyone stands: one bar split by status, and every status with its count beneath. */
export function StatusCounts({ counts, total, onOpenPane }: Props) {
  const present = counts.filter((c) => c.count > 0);
  return (
    <section className="panel" aria-labelledby="overview-status-heading" data-testid="overview-status">
      <div className="overview-panel-head">
        <h2 className="panel-title" id="overview-status-heading">
          {t("overview.status.title")}
        </h2>
        <span className="overview-panel-aside">
          <span className="overview-total" data-testid="overview-total">
            {tPlural("overview.status.total", total)}
          </span>
          {onOpenPane && (
            <OpenPaneLink pane="participants" onOpenPane={onOpenPane} testId="overview-open-participants">
              {t("overview.status.see")}
            </OpenPaneLink>
          )}
        </span>
      </div>
      {total > 0 && (
        // The legend below carries the numbers; the bar only shows proportions at a glance.
        <div className="status-bar" aria-hidden="true">
          {present.map((c) => (
            <span
              key={c.status}
              className={`status-bar-part status-${c.status}`}
              style={{ flexGrow: c.count }}
              title={t("overview.status.barTitle", { label: c.label, count: c.count })}
            />
          ))}
        </div>
      )}
      <ul className="status-legend">
        {counts.map((c) => (
          <li
            key={c.status}
            className={c.count === 0 ? "status-legend-item status-legend-zero" : "status-legend-item"}
            data-testid={`status-count-${c.status}`}
          >
            <span className={`status-dot status-${c.status}`} aria-hidden="true" />
            <span className="status-legend-label">{c.label}</span>
            <span className="status-legend-count">{c.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
