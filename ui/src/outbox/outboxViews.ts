import type { OutboxMessage } from "../bindings/types";

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
    label: "Waiting",
    // A message left "sending" by an interrupted Sync is still on its way, and one whose
    // sending was cut off ("unknown") waits for Sync to find the copy: they wait too.
    includes: (m) => m.state === "queued" || m.state === "sending" || m.state === "unknown",
    emptyTitle: "Nothing waits to go out",
    emptyHint:
      "Invitations, confirmations and other messages wait here until Sync sends them. Invite participants from a study’s Participants section.",
  },
  {
    id: "held",
    label: "Held",
    includes: (m) => m.state === "held",
    emptyTitle: "No held messages",
    emptyHint: "Hold a waiting message to keep it back from Sync while you check it; release it when it may go.",
  },
  {
    id: "sent",
    label: "Sent",
    includes: (m) => m.state === "sent",
    emptyTitle: "Nothing sent yet",
    emptyHint: "Press Sync to send what waits. Sent messages stay here for reference.",
  },
  {
    id: "failed",
    label: "Failed",
    includes: (m) => m.state === "failed",
    emptyTitle: "No failed messages",
    emptyHint: "Messages the mail server refuses land here with its reason, so you can correct and send them again.",
  },
  {
    id: "all",
    label: "All",
    includes: () => true,
    emptyTitle: "The outbox is empty",
    emptyHint:
      "Messages appear here when you invite participants or book, move or cancel interviews. Sync sends them through your mail account.",
  },
];

export function viewById(id: OutboxView): ViewDefinition {
  return outboxViews.find((v) => v.id === id) ?? outboxViews[0]!;
}

/** The messages a view shows, newest first. */
export function messagesIn(view: OutboxView, messages: OutboxMessage[]): OutboxMessage[] {
  return messages.filter(viewById(view).includes).sort((a, b) => b.id - a.id);
}
