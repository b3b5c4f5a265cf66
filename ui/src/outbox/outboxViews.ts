import type { OutboxMessage } from "../bindings/types";
import { t } from "../i18n";

export type OutboxView = "waiting" | "held" | "sent" | "failed" | "all";

type ViewDefinition = {
  id: OutboxView;
  label: string;
  includes: (message: OutboxMessage) => boolean;
  emptyTitle: string;
  emptyHint: string;
};

export const outboxViews: ReadonlyArray<ViewDefinition> = [
  {
    id: "waiting",
    label: t("outbox.view.waiting.label"),
    // A message left "sending" by an interrupted Sync is still on its way, and one whose
    // sending was cut off ("unknown") waits for Sync to find the copy: they wait too.
    includes: (m) => m.state === "queued" || m.state === "sending" || m.state === "unknown",
    emptyTitle: t("outbox.view.waiting.emptyTitle"),
    emptyHint: t("outbox.view.waiting.emptyHint"),
  },
  {
    id: "held",
    label: t("outbox.view.held.label"),
    includes: (m) => m.state === "held",
    emptyTitle: t("outbox.view.held.emptyTitle"),
    emptyHint: t("outbox.view.held.emptyHint"),
  },
  {
    id: "sent",
    label: t("outbox.view.sent.label"),
    includes: (m) => m.state === "sent",
    emptyTitle: t("outbox.view.sent.emptyTitle"),
    emptyHint: t("outbox.view.sent.emptyHint"),
  },
  {
    id: "failed",
    label: t("outbox.view.failed.label"),
    includes: (m) => m.state === "failed",
    emptyTitle: t("outbox.view.failed.emptyTitle"),
    emptyHint: t("outbox.view.failed.emptyHint"),
  },
  {
    id: "all",
    label: t("outbox.view.all.label"),
    includes: () => true,
    emptyTitle: t("outbox.view.all.emptyTitle"),
    emptyHint: t("outbox.view.all.emptyHint"),
  },
];

export function viewById(id: OutboxView): ViewDefinition {
  return outboxViews.find((v) => v.id === id) ?? outboxViews[0]!;
}

/** The messages a view shows, newest first. */
export function messagesIn(view: OutboxView, messages: OutboxMessage[]): OutboxMessage[] {
  return messages.filter(viewById(view).includes).sort((a, b) => b.id - a.id);
}
