import { Channel } from "@tauri-apps/api/core";
import { commands } from "./bindings/commands";
import type { AppEvent } from "./bindings/types";

type Listener = (event: AppEvent) => void;

const listeners = new Set<Listener>();
// Events that arrive while nothing listens yet (a file opened at launch) wait here.
const waiting: AppEvent[] = [];
let subscribed = false;

/**
 * Calls `listener` with every event the app sends of its own accord — menu choices, files
 * opened with Confab, how a menu action ended — including those that came before it.
 * Returns the function that stops it.
 */
export function onAppEvent(listener: Listener): () => void {
  listeners.add(listener);
  for (const event of waiting.splice(0)) listener(event);
  subscribe();
  return () => {
    listeners.delete(listener);
  };
}

// One channel for the page's whole life: the app keeps only the newest one it was given.
function subscribe() {
  if (subscribed) return;
  subscribed = true;
  const channel = new Channel<AppEvent>();
  channel.onmessage = (event) => {
    if (listeners.size === 0) waiting.push(event);
    for (const listener of listeners) listener(event);
  };
  commands.subscribeAppEvents(channel).catch((reason: unknown) => {
    subscribed = false;
    console.error("Confab could not listen to the app", reason);
  });
}
