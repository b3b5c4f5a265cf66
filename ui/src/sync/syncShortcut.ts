import { t } from "../i18n";
/** Ctrl+Shift+S, or Cmd+Shift+S on macOS. */
export function isSyncShortcut(event: Pick<KeyboardEvent, "ctrlKey" | "metaKey" | "shiftKey" | "altKey" | "key" | "code">): boolean {
  if (!event.shiftKey || event.altKey || !(event.ctrlKey || event.metaKey)) return false;
  return event.code === "KeyS" || event.key.toLowerCase() === "s";
}

// Several Sync buttons may be on screen (the sidebar's and the Outbox's); the shortcut belongs
// to the one mounted last, so it starts one Sync and reports it once.
const handlers: Array<() => void> = [];

function onKeyDown(event: KeyboardEvent) {
  if (!isSyncShortcut(event)) return;
  const handler = handlers[handlers.length - 1];
  if (!handler) return;
  event.preventDefault();
  handler();
}

export function registerSyncShortcut(handler: () => void): () => void {
  if (handlers.length === 0) window.addEventListener("keydown", onKeyDown);
  handlers.push(handler);
  return () => {
    const index = handlers.lastIndexOf(handler);
    if (index >= 0) handlers.splice(index, 1);
    if (handlers.length === 0) window.removeEventListener("keydown", onKeyDown);
  };
}

/** How to write the shortcut on this computer. */
export function syncShortcutLabel(): string {
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  return mac ? t("sync.shortcut.mac") : t("sync.shortcut.ctrl");
}
