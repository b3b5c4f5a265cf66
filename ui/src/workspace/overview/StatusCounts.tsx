import type { StatusCount } from "../../bindings/types";
import type { PaneId } from "../../navigation";
import { OpenPaneLink } from "./OpenPaneLink";

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
          Where participants stand
        </h2>
        <span className="overview-panel-aside">
          <span className="overview-total" data-testid="overview-total">
            {total === 1 ? "1 participant" : `${total} participants`}
          </span>
          {onOpenPane && (
            <OpenPaneLink pane="participants" onOpenPane={onOpenPane} testId="overview-open-participants">
              See participants
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
              title={`${c.label}: ${c.count}`}
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
