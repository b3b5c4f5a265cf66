type Listener = () => void;

const listeners = new Set<Listener>();

/**
 * Calls `listener` whenever the data shown may have changed behind the window's back: on a team
 * database, another researcher's desktop wrote. Returns the function that stops it.
 */
export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every view that loads data to load it again. */
export function dataChanged(): void {
  for (const listener of [...listeners]) listener();
}
