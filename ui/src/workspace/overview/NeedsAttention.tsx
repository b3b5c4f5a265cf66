import type { AttentionItem } from "../../bindings/types";
import type { PaneId } from "../../navigation";
import { OpenPaneLink } from "./OpenPaneLink";
import { formatWhen } from "../../time/format";
import { t, tPlural, tRich } from "../../i18n";

type Props = {
  items: AttentionItem[];
  outboxWaiting: number;
  zone: string;
  onOpenPane?: (pane: PaneId) => void;
};

const SHOWN = 5;

/** What Sync could not settle alone, and what is still to go out. */
export function NeedsAttention({ items, outboxWaiting, zone, onOpenPane }: Props) {
  return (
    <section className="panel" aria-labelledby="overview-attention-heading" data-testid="overview-attention">
      <div className="overview-panel-head">
        <h2 className="panel-title" id="overview-attention-heading">
          {t("overview.attention.title")}
        </h2>
        {items.length > 0 && <span className="overview-badge">{items.length}</span>}
      </div>
      {items.length === 0 ? (
        <p className="panel-hint" data-testid="overview-attention-empty">
          {t("overview.attention.empty")}
        </p>
      ) : (
        <>
          <ul className="attention-list">
            {items.slice(0, SHOWN).map((item) => (
              <li key={item.id} className="attention-item" data-testid="overview-attention-item">
                <span className="attention-summary">{item.summary}</span>
                <span className="attention-when">{formatWhen(item.createdAt, zone)}</span>
              </li>
            ))}
          </ul>
          <p className="panel-hint">
            {items.length > SHOWN && (
              <>
                {t("overview.attention.more", { count: items.length - SHOWN })}{" "}
              </>
            )}
            {tRich("overview.attention.openOutbox", { outbox: <strong>{t("overview.attention.outbox")}</strong> })}
            {onOpenPane && (
              <>
                {" "}
                {tRich("overview.attention.interviews", {
                  link: (
                    <OpenPaneLink pane="interviews" onOpenPane={onOpenPane} testId="overview-attention-interviews">
                      {t("overview.interviewsLink")}
                    </OpenPaneLink>
                  ),
                })}
              </>
            )}
          </p>
        </>
      )}
      <p className="overview-outbox" data-testid="overview-outbox-waiting">
        {outboxWaiting === 0 ? t("overview.outbox.empty") : tPlural("overview.outbox.waiting", outboxWaiting)}
      </p>
    </section>
  );
}
