import { lazy, useState, type ComponentType, type LazyExoticComponent } from "react";

// A part whose code is loaded on first use is shown by an update made in a transition
// (`startTransition`), inside a `<Suspense>` that is already mounted: React then keeps what is
// on screen until the code is there and shows the part at once. Outside a transition it would
// commit the fallback first, and after a fallback it holds the content back for 300 ms.

/**
 * `React.lazy` for a module that exports its component by name, as every module here does.
 * Its code is fetched and run the first time it renders, not when the window starts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in React's own `lazy`: the props are whatever the named component takes
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/**
 * True from the first render at which `value` is true. A lazily loaded dialog is mounted the
 * first time it opens and then stays mounted, so that it keeps what it had loaded, as before.
 */
export function useHasBeenTrue(value: boolean): boolean {
  const [was, setWas] = useState(value);
  if (value && !was) setWas(true);
  return was || value;
}
