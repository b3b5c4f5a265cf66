import { useCallback, useEffect, useRef, useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, AttentionItem, OutboxMessage } from "../bindings/types";
import { toAppError } from "../errors";

export type OutboxData = {
  /** Null until the first load. */
  messages: OutboxMessage[] | null;
  attention: AttentionItem[];
  reload: () => Promise<void>;
  /** Puts a changed message in place without a reload. */
  replace: (message: OutboxMessage) => void;
  remove: (id: number) => void;
};

export function useOutboxData(onError: (error: AppError) => void): OutboxData {
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [attention, setAttention] = useState<AttentionItem[]>([]);
  const active = useRef(true);

  const reload = useCallback(async () => {
    try {
      // Waiting and sent apart: a long sent history must never crowd out what still waits.
      const [waiting, sent, items] = await Promise.all([
        commands.listOutbox("waiting"),
        commands.listOutbox("sent"),
        commands.attentionItems(null),
      ]);
      if (!active.current) return;
      setMessages([...waiting, ...sent]);
      setAttention(items);
    } catch (reason) {
      if (!active.current) return;
      setMessages((current) => current ?? []);
      onError(toAppError(reason));
    }
  }, [onError]);

  useEffect(() => {
    active.current = true;
    void reload();
    return () => {
      active.current = false;
    };
  }, [reload]);

  const replace = useCallback(
    (message: OutboxMessage) => setMessages((list) => list?.map((m) => (m.id === message.id ? message : m)) ?? null),
    [],
  );
  const remove = useCallback((id: number) => setMessages((list) => list?.filter((m) => m.id !== id) ?? null), []);

  return { messages, attention, reload, replace, remove };
}
