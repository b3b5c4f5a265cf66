import { describe, expect, it } from "vitest";
import { formatDateTime } from "../time/format";
import { timeAgo } from "./relativeTime";

const now = Date.parse("2026-11-24T12:00:00Z");
const before = (ms: number) => new Date(now - ms).toISOString();

describe("timeAgo", () => {
  it("says how long ago within the last week", () => {
    expect(timeAgo(before(20_000), now)).toBe("20 seconds ago");
    expect(timeAgo(before(5 * 60_000 + 30_000), now)).toBe("5 minutes ago");
    expect(timeAgo(before(3 * 3_600_000 + 59 * 60_000), now)).toBe("3 hours ago");
    expect(timeAgo(before(30 * 3_600_000), now)).toBe("yesterday");
    expect(timeAgo(before(3 * 86_400_000), now)).toBe("3 days ago");
  });

  it("reads SQLite's timestamps as UTC", () => {
    expect(timeAgo("2026-11-24 11:00:00", now)).toBe("1 hour ago");
  });

  it("gives the date and time from a week back, and an unreadable value as it is", () => {
    const old = before(10 * 86_400_000);
    expect(timeAgo(old, now, "Europe/Berlin")).toBe(formatDateTime(old, "Europe/Berlin"));
    expect(timeAgo("soon", now)).toBe("soon");
  });
});
