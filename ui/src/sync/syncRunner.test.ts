import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncProgress, SyncReport } from "../bindings/types";

const channels = vi.hoisted(() => ({ last: null as { onmessage: (p: SyncProgress) => void } | null }));

vi.mock("@tauri-apps/api/core", () => ({
  Channel: class {
    onmessage: (p: SyncProgress) => void = () => {};
    constructor() {
      channels.last = this;
    }
  },
}));

vi.mock("../bindings/commands", () => ({ commands: { syncMail: vi.fn() } }));

const { commands } = await import("../bindings/commands");
const { getSyncState, resetSyncState, runSync } = await import("./syncRunner");
const syncMail = vi.mocked(commands.syncMail);

const report: SyncReport = {
  sent: 1,
  failed: 0,
  deferred: 0,
  unclear: 0,
  read: 1,
  applied: 1,
  needsAttention: 0, calendarsRead: 0, calendarWritten: 0, calendarRemoved: 0,
  warnings: [],
  actions: ["alice@confab.test: booked their first choice"],
};

beforeEach(() => {
  vi.resetAllMocks();
  resetSyncState();
});

describe("runSync", () => {
  it("runs one Sync at a time: a second request joins the first", async () => {
    let finish: (r: SyncReport) => void = () => {};
    syncMail.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const first = runSync();
    const second = runSync();
    expect(second).toBe(first);
    expect(syncMail).toHaveBeenCalledTimes(1);
    expect(getSyncState().running).toBe(true);

    channels.last?.onmessage({ phase: "sending", done: 0, total: 1 });
    expect(getSyncState().progress).toEqual({ phase: "sending", done: 0, total: 1 });

    finish(report);
    await expect(first).resolves.toBe(report);
    expect(getSyncState()).toMatchObject({ running: false, progress: null, lastReport: report, generation: 1 });

    // Once it ended, the next request starts a new one.
    syncMail.mockResolvedValue(report);
    await runSync();
    expect(syncMail).toHaveBeenCalledTimes(2);
  });

  it("keeps the error of a failed Sync", async () => {
    syncMail.mockRejectedValue({ code: "mail", message: "The IMAP server refused the login." });
    await expect(runSync()).rejects.toEqual({ code: "mail", message: "The IMAP server refused the login." });
    expect(getSyncState()).toMatchObject({
      running: false,
      lastError: { code: "mail", message: "The IMAP server refused the login." },
    });
  });
});
