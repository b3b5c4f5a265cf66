import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { AppError } from "./bindings/types";
import { dataChanged } from "./dataChanged";
import { pause, useLoaded, type LoadOptions } from "./useLoaded";

/** A promise the test settles when it likes, as a slow back end would. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const refused: AppError = { code: "not_found", message: "No such study." };

/** A loader whose answers the test gives one call at a time, with the id each call asked for. */
function backEnd<T>() {
  const calls: { id: number; signal: AbortSignal; answer: ReturnType<typeof deferred<T>> }[] = [];
  const load = (id: number, signal: AbortSignal) => {
    const answer = deferred<T>();
    calls.push({ id, signal, answer });
    return answer.promise;
  };
  return { calls, load };
}

function useStudyName(load: (id: number, signal: AbortSignal) => Promise<string> | null, id: number, options?: LoadOptions) {
  return useLoaded((signal) => load(id, signal), [load, id], options);
}

describe("useLoaded", () => {
  it("loads on mount and shows the answer", async () => {
    const server = backEnd<string>();
    const { result } = renderHook(() => useStudyName(server.load, 1));
    expect(result.current).toMatchObject({ data: undefined, error: null, loading: true });
    await act(async () => server.calls[0]!.answer.resolve("Sleep study"));
    expect(result.current).toMatchObject({ data: "Sleep study", error: null, loading: false });
    expect(server.calls).toHaveLength(1);
  });

  it("loads again when another desktop changed the data, keeping what it shows meanwhile", async () => {
    const server = backEnd<string>();
    const { result, unmount } = renderHook(() => useStudyName(server.load, 1));
    await act(async () => server.calls[0]!.answer.resolve("Sleep study"));
    act(() => dataChanged());
    expect(server.calls).toHaveLength(2);
    expect(result.current).toMatchObject({ data: "Sleep study", loading: true });
    await act(async () => server.calls[1]!.answer.resolve("Sleep study, renamed"));
    expect(result.current).toMatchObject({ data: "Sleep study, renamed", loading: false });
    unmount();
    act(() => dataChanged());
    expect(server.calls).toHaveLength(2);
  });

  it("drops an answer for an id that is no longer shown, even when it comes last", async () => {
    const server = backEnd<string>();
    const { result, rerender } = renderHook(({ id }) => useStudyName(server.load, id), { initialProps: { id: 1 } });
    await act(async () => server.calls[0]!.answer.resolve("Sleep study"));

    rerender({ id: 2 });
    // The first study's answer is not the second's: nothing is shown until the second's comes.
    expect(result.current).toMatchObject({ data: undefined, loading: true });
    rerender({ id: 3 });
    expect(server.calls.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(server.calls[1]!.signal.aborted).toBe(true);

    await act(async () => server.calls[2]!.answer.resolve("Diary study"));
    await act(async () => server.calls[1]!.answer.resolve("Stale study"));
    expect(result.current).toMatchObject({ data: "Diary study", loading: false });
  });

  it("drops an answer that comes after the component is gone", async () => {
    const server = backEnd<string>();
    const onError = vi.fn();
    const errors = vi.spyOn(console, "error");
    const { result, unmount } = renderHook(() => useStudyName(server.load, 1, { onError }));
    unmount();
    expect(server.calls[0]!.signal.aborted).toBe(true);
    await act(async () => server.calls[0]!.answer.reject(refused));
    expect(result.current.loading).toBe(true);
    expect(onError).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("keeps the error, tells it once, and forgets it when a reload succeeds", async () => {
    const server = backEnd<string>();
    const onError = vi.fn();
    const { result } = renderHook(() => useStudyName(server.load, 1, { onError }));
    await act(async () => server.calls[0]!.answer.reject(refused));
    expect(result.current).toMatchObject({ data: undefined, error: refused, loading: false });
    expect(onError).toHaveBeenCalledExactlyOnceWith(refused);

    let reloaded: Promise<void> | undefined;
    act(() => {
      reloaded = result.current.reload();
    });
    // Still the newest answer for these inputs while the next is on its way.
    expect(result.current).toMatchObject({ error: refused, loading: true });
    await act(async () => server.calls[1]!.answer.resolve("Sleep study"));
    await reloaded;
    expect(result.current).toMatchObject({ data: "Sleep study", error: null, loading: false });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("turns what a command threw into an AppError", async () => {
    const server = backEnd<string>();
    const { result } = renderHook(() => useStudyName(server.load, 1));
    await act(async () => server.calls[0]!.answer.reject(new Error("disk full")));
    expect(result.current.error).toEqual({ code: "internal", message: "disk full" });
  });

  it("takes a loader that throws before it has a promise as a failed load", async () => {
    const onError = vi.fn();
    const throwing = () => {
      throw new Error("no such command");
    };
    const { result } = renderHook(() => useStudyName(throwing, 1, { onError }));
    await waitFor(() => expect(result.current).toMatchObject({ error: { message: "no such command" }, loading: false }));
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("reloads keeping the data, and a failed reload keeps it too", async () => {
    const server = backEnd<string>();
    const { result } = renderHook(() => useStudyName(server.load, 1));
    await act(async () => server.calls[0]!.answer.resolve("Sleep study"));

    let reloaded: Promise<void> | undefined;
    act(() => {
      reloaded = result.current.reload();
    });
    expect(result.current).toMatchObject({ data: "Sleep study", loading: true });
    let settled = false;
    void reloaded!.then(() => (settled = true));
    await act(async () => server.calls[1]!.answer.reject(refused));
    await reloaded;
    expect(settled).toBe(true);
    expect(result.current).toMatchObject({ data: "Sleep study", error: refused, loading: false });
  });

  it("waits for the newest reload: an older answer does not settle it", async () => {
    const server = backEnd<string>();
    const { result } = renderHook(() => useStudyName(server.load, 1));
    await act(async () => server.calls[0]!.answer.resolve("Sleep study"));

    let first: Promise<void> | undefined;
    let second: Promise<void> | undefined;
    act(() => {
      first = result.current.reload();
    });
    act(() => {
      second = result.current.reload();
    });
    expect(server.calls).toHaveLength(3);
    const done: string[] = [];
    void first!.then(() => done.push("first"));
    void second!.then(() => done.push("second"));

    // The first reload's answer was overtaken by the second reload: it is dropped.
    await act(async () => server.calls[1]!.answer.resolve("Old name"));
    expect(result.current).toMatchObject({ data: "Sleep study", loading: true });
    expect(done).toEqual([]);

    await act(async () => server.calls[2]!.answer.resolve("New name"));
    await Promise.all([first, second]);
    expect(done).toEqual(["first", "second"]);
    expect(result.current).toMatchObject({ data: "New name", loading: false });
  });

  it("changes the data in place", async () => {
    const server = backEnd<string>();
    const { result } = renderHook(() => useStudyName(server.load, 1));
    act(() => result.current.setData((name) => `${name}!`));
    expect(result.current.data).toBeUndefined();
    await act(async () => server.calls[0]!.answer.resolve("Sleep study"));
    act(() => result.current.setData((name) => `${name} (renamed)`));
    expect(result.current).toMatchObject({ data: "Sleep study (renamed)", loading: false });
  });

  it("takes data set as a value even after a failed load, and forgets the error", async () => {
    const server = backEnd<string>();
    const { result } = renderHook(() => useStudyName(server.load, 1));
    await act(async () => server.calls[0]!.answer.reject(refused));
    act(() => result.current.setData("Made here"));
    expect(result.current).toMatchObject({ data: "Made here", error: null, loading: false });
  });

  it("keeps the previous inputs' answer while the new ones load, when asked to", async () => {
    const server = backEnd<string>();
    const { result, rerender } = renderHook(({ id }) => useStudyName(server.load, id, { keepPrevious: true }), {
      initialProps: { id: 1 },
    });
    await act(async () => server.calls[0]!.answer.resolve("Sleep study"));
    rerender({ id: 2 });
    expect(result.current).toMatchObject({ data: "Sleep study", loading: true });
    await act(async () => server.calls[1]!.answer.reject(refused));
    expect(result.current).toMatchObject({ data: "Sleep study", error: refused, loading: false });
    rerender({ id: 3 });
    expect(result.current).toMatchObject({ data: "Sleep study", error: refused, loading: true });
    await act(async () => server.calls[2]!.answer.resolve("Diary study"));
    expect(result.current).toMatchObject({ data: "Diary study", error: null, loading: false });
  });

  it("loads nothing while the loader has nothing to load", async () => {
    const load = vi.fn((id: number) => (id === 0 ? null : Promise.resolve(`Study ${id}`)));
    const { result, rerender } = renderHook(({ id }) => useStudyName(load, id), { initialProps: { id: 0 } });
    let reloaded: Promise<void> | undefined;
    act(() => {
      reloaded = result.current.reload();
    });
    // Nothing to wait for: the reload settles at once.
    await reloaded;
    expect(result.current).toMatchObject({ data: undefined, loading: true });
    rerender({ id: 4 });
    await waitFor(() => expect(result.current).toMatchObject({ data: "Study 4", loading: false }));
  });

  it("never asks for inputs left while it paused, as a search waits for typing to settle", async () => {
    vi.useFakeTimers();
    try {
      const search = vi.fn((text: string) => Promise.resolve(`found ${text}`));
      const { result, rerender } = renderHook(
        ({ text }) => useLoaded((signal) => pause(200, signal).then(() => search(text)), [text], { keepPrevious: true }),
        { initialProps: { text: "a" } },
      );
      await act(async () => vi.advanceTimersByTime(100));
      rerender({ text: "an" });
      await act(async () => vi.advanceTimersByTime(100));
      rerender({ text: "ana" });
      await act(async () => vi.advanceTimersByTime(200));
      expect(search.mock.calls).toEqual([["ana"]]);
      expect(result.current).toMatchObject({ data: "found ana", error: null, loading: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows a first part before the whole, drops a part that comes after it, and asks for none on a reload", async () => {
    const whole = [deferred<string>(), deferred<string>()];
    const parts: ((part: string) => void)[] = [];
    const offered: boolean[] = [];
    const { result } = renderHook(() =>
      useLoaded((_signal, early) => {
        offered.push(early !== undefined);
        if (early) parts.push(early);
        return whole[offered.length - 1]!.promise;
      }, []),
    );
    act(() => parts[0]!("first page"));
    expect(result.current).toMatchObject({ data: "first page", loading: true });
    await act(async () => whole[0]!.resolve("everyone"));
    act(() => parts[0]!("a late first page"));
    expect(result.current).toMatchObject({ data: "everyone", loading: false });

    act(() => {
      void result.current.reload();
    });
    await act(async () => whole[1]!.resolve("everyone again"));
    expect(offered).toEqual([true, false]);
    expect(result.current).toMatchObject({ data: "everyone again", loading: false });
  });
});
