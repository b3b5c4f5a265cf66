export type ScreenId = "studies" | "participants" | "interviews" | "outbox" | "settings";

export const navEntries: ReadonlyArray<{ id: ScreenId; label: string }> = [
  { id: "studies", label: "Studies" },
  { id: "participants", label: "Participants" },
  { id: "interviews", label: "Interviews" },
  { id: "outbox", label: "Outbox" },
  { id: "settings", label: "Settings" },
];
