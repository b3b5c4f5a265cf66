import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualizerOptions,
} from "@tanstack/react-virtual";
import { useLayoutEffect, useState, useSyncExternalStore } from "react";

export type RowVirtualizer = Virtualizer<HTMLDivElement, HTMLTableRowElement>;

/** The virtualizer of a list, and a way to hear when the rows it would draw change. */
export type VirtualRows = {
  virtualizer: RowVirtualizer;
  subscribe: (listener: () => void) => () => void;
};

type Options = Pick<
  VirtualizerOptions<HTMLDivElement, HTMLTableRowElement>,
  "count" | "getScrollElement" | "estimateSize" | "overscan" | "getItemKey" | "initialRect"
>;

/**
 * A TanStack virtualizer that never renders the component that owns it. `useVirtualizer`
 * renders its owner on every change the virtualizer reports (each time the first or last row
 * in view changes, and when scrolling starts and stops), so the whole table (its header and
 * its row model) rendered on almost every scroll frame. Here only the components that call
 * `useVirtualRange` render, and only when the rows to draw change.
 */
export function useRowVirtualizer(options: Options): VirtualRows {
  const [{ rows, notify }] = useState(() => {
    const listeners = new Set<() => void>();
    const notify = () => listeners.forEach((listener) => listener());
    const virtualizer: RowVirtualizer = new Virtualizer({ ...withDefaults(options), onChange: notify });
    const subscribe = (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    };
    return { rows: { virtualizer, subscribe }, notify };
  });
  const { virtualizer } = rows;
  // The same steps as `useVirtualizer`: the options of this render, then the scroll element
  // attached once the DOM is there, and again whenever it changes.
  virtualizer.setOptions({ ...withDefaults(options), onChange: notify });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return rows;
}

function withDefaults(options: Options) {
  return { observeElementRect, observeElementOffset, scrollToFn: elementScroll, ...options };
}

/**
 * Which rows are to be drawn: the first and last index in view with the overscan, and the
 * height of the whole list. Scrolling within them changes none of it.
 */
export function rangeKey(virtualizer: RowVirtualizer): string {
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? -1;
  const last = items[items.length - 1]?.index ?? -1;
  return `${first}-${last}/${virtualizer.getTotalSize()}`;
}

/**
 * Renders the calling component when the rows to draw change (`rangeKey`), and at no other
 * scroll offset. Returns the rows to draw.
 */
export function useVirtualRange({ virtualizer, subscribe }: VirtualRows) {
  // The key is a string, so asking for it again between two changes gives an equal value and
  // React renders nothing.
  useSyncExternalStore(subscribe, () => rangeKey(virtualizer));
  return virtualizer.getVirtualItems();
}
