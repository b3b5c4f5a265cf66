import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answeredWithin, type FirstAnswers } from "./firstAnswers";

const answers: FirstAnswers = {
  startup: { status: "ready", dataDir: "/d", databasePath: "/d/confab.sqlite3", teamDatabase: null },
  studies: [],
};

describe("the first answers before the first render", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("are the answers when they come in time", async () => {
    const waited = answeredWithin(Promise.resolve(answers), 100);
    await vi.advanceTimersByTimeAsync(0);
    expect(await waited).toBe(answers);
  });

  it("are none when the answers come later, so the window shows that it is opening", async () => {
    const slow = new Promise<FirstAnswers>((resolve) => setTimeout(() => resolve(answers), 500));
    const waited = answeredWithin(slow, 100);
    await vi.advanceTimersByTimeAsync(100);
    expect(await waited).toBeNull();
  });

  it("are none when asking failed, so the window shows the failure as it handles it", async () => {
    const waited = answeredWithin(Promise.reject(new Error("no database")), 100);
    await vi.advanceTimersByTimeAsync(0);
    expect(await waited).toBeNull();
  });
});
