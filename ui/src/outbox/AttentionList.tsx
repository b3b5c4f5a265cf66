import type { AttentionItem } from "../bindings/types";
import { AttentionItemCard } from "./AttentionItemCard";
import { t } from "../i18n";

type Props = {
  items: AttentionItem[];
  zone: string;
  onSettled: () => void;
};

/** What Sync could not settle alone, newest first, each with what can be done about it. */
export function AttentionList({ items, zone, onSettled }: Props) {
  if (items.length === 0) return null;
  return (
    <section className="panel attention-panel" data-testid="attention-list" aria-labelledby="attention-heading">
      <h2 id="attention-heading" className="panel-title">
        {t("outbox.attention.title")} <span className="attention-count">{items.length}</span>
      </h2>
      <ul className="attention-items">
        {items.map((item) => (
          <AttentionItemCard key={item.id} item={item} zone={zone} onSettled={onSettled} />
        ))}
      </ul>
    </section>
  );
}
