import type { OutboxEdit } from "../bindings/types";

/** Where an unsaved edit of one outbox message is kept. */
export function messageDraftKey(messageId: number): string {
  return `outbox.${messageId}`;
}

export type MessageEdit = OutboxEdit;
