import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailProfile, SyncReport } from "../bindings/types";

vi.mock("@tauri-apps/api/core", () => ({
  Channel: class {
    onmessage: () => void = () => {};
  },
}));

vi.mock("../bindings/commands", () => ({ commands: { syncMail: vi.fn(), mailProfile: vi.fn() } }));

const { commands } = await import("../bindings/commands");
const { resetSyncState } = await import("./syncRunner");
const { SyncButton } = await import("./SyncButton");
const mocked = vi.mocked(commands);

const report: SyncReport = {
  sent: 2,
  failed: 0,
  deferred: 0,
  unclear: 0,
  read: 0,
  applied: 0,
  needsAttention: 0,
  calendarsRead: 0,
  calendarWritten: 0,
  calendarRemoved: 0,
  warnings: [],
  actions: [],
};

function profileIn(timeZone: string): MailProfile {
  return { researcherName: "Ada", researcherEmail: "ada@example.org", timeZone, account: null, syncAutomatically: false };
}

// 14:05 UTC: 04:05 the next day in Kiritimati (UTC+14, a zone no test machine keeps) and
// 23:05 in Tokyo (UTC+9).
const finished = Date.parse("2026-06-10T14:05:00Z");

beforeEach(() => {
  vi.resetAllMocks();
  resetSyncState();
  vi.spyOn(Date, "now").mockReturnValue(finished);
});

async function syncOnce() {
  mocked.syncMail.mockResolvedValue(report);
  fireEvent.click(screen.getByTestId("sync-button"));
  await waitFor(() => expect(screen.getByTestId("sync-short-summary")).toBeTruthy());
}

describe("the Sync button's last Sync", () => {
  it("is told in the researcher's saved time zone, not the computer's", async () => {
    mocked.mailProfile.mockResolvedValue(profileIn("Pacific/Kiritimati"));
    render(<SyncButton onError={() => {}} />);
    await act(async () => {});
    await syncOnce();
    expect(screen.getByTestId("sync-short-summary").textContent).toMatch(/\b0?4:05\b/);
  });

  it("follows a time zone saved in Settings while the window is open", async () => {
    mocked.mailProfile.mockResolvedValue(profileIn("Pacific/Kiritimati"));
    render(<SyncButton onError={() => {}} />);
    await act(async () => {});
    await syncOnce();
    const { publishMailProfile } = await import("../settings/mailProfileStore");
    act(() => publishMailProfile(profileIn("Asia/Tokyo")));
    // 23:05 in Tokyo, however the clock is written (11:05 PM or 23:05).
    expect(screen.getByTestId("sync-short-summary").textContent).toMatch(/\b(11|23):05\b/);
  });
});
