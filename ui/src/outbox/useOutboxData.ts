import { useCallback } from "react";
import { commands } from "../bindings/commands";
import type { AppError, AttentionItem, OutboxMessage } from "../bindings/types";
import { useLoaded } from "../useLoaded";

export type OutboxData = {
  /** Null until the first load. */
  messages: OutboxMessage[] | null;
  attention: AttentionItem[];
  reload: () => Promise<void>;
  /** Puts a changed message in place without a reload. */
  replace: (message: OutboxMessage) => void;
  remove: (id: number) => void;
};

const noItems: AttentionItem[] = [];
const noMessages: OutboxMessage[] = [];

async function loadOutbox() {
  // Waiting and sent apart: a long sent history must never crowd out what still waits.
  const [waiting, sent, attention] = await Promise.all([
    commands.listOutbox("waiting"),
    commands.listOutbox("sent"),
    commands.attentionItems(null),
  ]);
  return { messages: [...waiting, ...sent], attention };
}

export function useOutboxData(onError: (error: AppError) => void): OutboxData {
  const { data, error, reload, setData } = useLoaded(loadOutbox, [], { onError });

  const replace = useCallback(
    (message: OutboxMessage) =>
      setData((now) => ({ ...now, messages: now.messages.map((m) => (m.id === message.id ? message : m)) })),
    [setData],
  );
  const remove = useCallback(
    (id: number) => setData((now) => ({ ...now, messages: now.messages.filter((m) => m.id !== id) })),
    [setData],
  );

  return {
    // An outbox that could not be read shows as empty; the error goes to the banner.
    messages: data?.messages ?? (error ? noMessages : null),
    attention: data?.attention ?? noItems,
    reload,
    replace,
    remove,
  };
}
