import { useEffect, useId, useRef, type ChangeEvent } from "react";
import type { StatusOption } from "../../bindings/types";
import { ALL_STATUSES } from "./participantRows";
import { t } from "../../i18n";

type Props = {
  text: string;
  /** `inputAt` is when the keystroke's input event happened, for timing the filter. */
  onTextChange: (text: string, inputAt: number) => void;
  status: string;
  onStatusChange: (status: string) => void;
  statuses: StatusOption[];
  /** Participants per status among those the search matches. */
  counts: Map<string, number>;
  /** How many the search matches, whatever their status. */
  matching: number;
  /**
   * Only part of the list is loaded: the counts would be wrong, so the filter waits (disabled,
   * without counts) while the search box still takes what is typed.
   */
  waiting: boolean;
};

/** The search box and the status filter above the list. */
export function ParticipantsToolbar({
  text,
  onTextChange,
  status,
  onStatusChange,
  statuses,
  counts,
  matching,
  waiting,
}: Props) {
  const id = useId();
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // "/" (as on the web) and Ctrl+F (as in documents) jump to the search box.
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) {
        return;
      }
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "f";
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!find && !slash) return;
      event.preventDefault();
      search.current?.focus();
      search.current?.select();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  function changed(event: ChangeEvent<HTMLInputElement>) {
    const now = performance.now();
    // The event's own time includes any wait before it was handled; use it when it is plausible.
    const stamp = event.nativeEvent.timeStamp;
    onTextChange(event.target.value, stamp > 0 && stamp <= now ? stamp : now);
  }

  return (
    <div className="participants-toolbar" role="search">
      <div className="search-box">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {t("participants.search.label")}
        </label>
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          ref={search}
          id={`${id}-search`}
          type="search"
          className="search-input"
          data-testid="participant-search"
          placeholder={t("participants.search.placeholder")}
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/ Control+F"
          value={text}
          onChange={changed}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            // Escape empties the box first; a second Escape leaves it.
            if (text !== "") {
              event.preventDefault();
              onTextChange("", performance.now());
            } else {
              event.currentTarget.blur();
            }
          }}
        />
        <kbd className="search-shortcut" aria-hidden="true">
          /
        </kbd>
      </div>
      <label htmlFor={`${id}-status`} className="visually-hidden">
        {t("participants.filter.label")}
      </label>
      <select
        id={`${id}-status`}
        className="status-filter"
        data-testid="status-filter"
        value={waiting ? ALL_STATUSES : status}
        disabled={waiting}
        onChange={(event) => onStatusChange(event.target.value)}
      >
        <option value={ALL_STATUSES}>
          {waiting ? t("participants.filter.allWaiting") : t("participants.filter.all", { count: matching.toLocaleString() })}
        </option>
        {statuses.map((option) => (
          <option key={option.key} value={option.key}>
            {waiting
              ? option.label
              : t("participants.filter.option", {
                  label: option.label,
                  count: (counts.get(option.key) ?? 0).toLocaleString(),
                })}
          </option>
        ))}
      </select>
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
