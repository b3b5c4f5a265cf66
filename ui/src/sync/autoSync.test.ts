import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTO_SYNC_INTERVAL_MS, startAutoSync } from "./autoSync";

function setup(online = true) {
  const events = new EventTarget();
  let finish: (() => void) | null = null;
  let fail: ((reason: unknown) => void) | null = null;
  const run = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  const state = { online };
  const onFailure = vi.fn();
  const stop = startAutoSync({ run, isOnline: () => state.online, onFailure, events: events as unknown as Window });
  return {
    run,
    onFailure,
    stop,
    state,
    comeOnline: () => events.dispatchEvent(new Event("online")),
    finish: async () => {
      finish?.();
      await vi.advanceTimersByTimeAsync(0);
    },
    fail: async (reason: unknown) => {
      fail?.(reason);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("automatic Sync", () => {
  it("runs every ten minutes, not before", async () => {
    const auto = setup();
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS - 1);
    expect(auto.run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(auto.run).toHaveBeenCalledTimes(1);
    await auto.finish();
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS);
    expect(auto.run).toHaveBeenCalledTimes(2);
    auto.stop();
  });

  it("never starts a second Sync while one runs", async () => {
    const auto = setup();
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS);
    expect(auto.run).toHaveBeenCalledTimes(1);
    // A slow Sync: the next tick and a return online come while it still runs.
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS);
    auto.comeOnline();
    expect(auto.run).toHaveBeenCalledTimes(1);
    await auto.finish();
    auto.comeOnline();
    expect(auto.run).toHaveBeenCalledTimes(2);
    auto.stop();
  });

  it("runs as soon as the computer comes back online", async () => {
    const auto = setup(false);
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS);
    expect(auto.run).not.toHaveBeenCalled();
    auto.state.online = true;
    auto.comeOnline();
    expect(auto.run).toHaveBeenCalledTimes(1);
    auto.stop();
  });

  it("is quiet when it works and reports when it fails", async () => {
    const auto = setup();
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS);
    await auto.finish();
    expect(auto.onFailure).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS);
    await auto.fail({ code: "mail", message: "The SMTP server refused the login." });
    expect(auto.onFailure).toHaveBeenCalledWith({ code: "mail", message: "The SMTP server refused the login." });
    auto.stop();
  });

  it("stops for good", async () => {
    const auto = setup();
    auto.stop();
    await vi.advanceTimersByTimeAsync(AUTO_SYNC_INTERVAL_MS * 3);
    auto.comeOnline();
    expect(auto.run).not.toHaveBeenCalled();
  });
});
