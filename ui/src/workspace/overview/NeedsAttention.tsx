import type { AttentionItem } from "../../bindings/types";
import type { PaneId } from "../../navigation";
import { OpenPaneLink } from "./OpenPaneLink";
import { formatWhen } from "../../time/format";

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
          Needs your attention
        </h2>
        {items.length > 0 && <span className="overview-badge">{items.length}</span>}
      </div>
      {items.length === 0 ? (
        <p className="panel-hint" data-testid="overview-attention-empty">
          Nothing needs a look. Replies that Sync cannot settle by itself, such as a proposed new time, appear here.
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
            {items.length > SHOWN ? `And ${items.length - SHOWN} more. ` : ""}
            Open the <strong>Outbox</strong> in the sidebar to accept, decline or dismiss them.
            {onOpenPane && (
              <>
                {" "}
                The interviews they concern, with their current times, are under{" "}
                <OpenPaneLink pane="interviews" onOpenPane={onOpenPane} testId="overview-attention-interviews">
                  Interviews
                </OpenPaneLink>
                .
              </>
            )}
          </p>
        </>
      )}
      <p className="overview-outbox" data-testid="overview-outbox-waiting">
        {outboxWaiting === 0
          ? "The Outbox is empty: every prepared message has gone out."
          : `${outboxWaiting === 1 ? "1 message is" : `${outboxWaiting} messages are`} waiting in the Outbox (all studies). They go out at the next Sync.`}
      </p>
    </section>
  );
}
