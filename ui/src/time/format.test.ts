import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatClockRange,
  formatDate,
  formatDateTime,
  formatDayKey,
  formatMinutes,
  formatRange,
  formatRangeWithZone,
  formatWallRange,
  formatWhen,
  lengthInMinutes,
} from "./format";

describe("formatMinutes", () => {
  it("shows the length in minutes", () => {
    expect(formatMinutes(60)).toBe("60 min");
    expect(formatMinutes(5)).toBe("5 min");
    expect(formatMinutes(480)).toBe("480 min");
    expect(lengthInMinutes("2026-03-09T08:00:00Z", "2026-03-09T08:45:00Z")).toBe(45);
  });
});

describe("formatDate", () => {
  it("formats an RFC 3339 timestamp in the given locale", () => {
    expect(formatDate("2025-03-07T09:30:00Z", "UTC", "en-US")).toBe("Mar 7, 2025");
    expect(formatDate("2025-03-07T09:30:00Z", "UTC", "en-GB")).toBe("7 Mar 2025");
    expect(formatDate("2025-03-07T09:30:00Z", "UTC", "de-DE")).toBe("07.03.2025");
  });

  it("shows the date in the reader's time zone, not UTC", () => {
    expect(formatDate("2025-03-07T23:30:00Z", "Asia/Tokyo", "en-US")).toBe("Mar 8, 2025");
    expect(formatDate("2025-03-07T01:00:00+02:00", "UTC", "en-US")).toBe("Mar 6, 2025");
    expect(formatDate(Date.parse("2025-03-07T23:30:00Z"), "Asia/Tokyo", "en-US")).toBe("Mar 8, 2025");
  });

  it("reads SQLite's timestamp format as UTC", () => {
    expect(formatDate("2024-12-31 23:59:59", "UTC", "en-US")).toBe("Dec 31, 2024");
    expect(formatDate("2024-12-31 23:59:59", "Europe/Berlin", "en-US")).toBe("Jan 1, 2025");
    expect(formatDateTime("2024-12-31 23:59:59", "Europe/Berlin", "en-GB")).toBe("1 Jan 2025, 00:59");
  });

  it("shows an unparseable value as given", () => {
    expect(formatDate("yesterday", "UTC", "en-US")).toBe("yesterday");
    expect(formatDate("2025-13-45T00:00:00Z", "UTC", "en-US")).toBe("2025-13-45T00:00:00Z");
    expect(formatWhen("soon", "UTC", "en-US")).toBe("soon");
  });

  it("falls back to the reader's zone for a zone this runtime does not know", () => {
    expect(() => formatDate("2025-03-07T09:30:00Z", "Mars/Olympus_Mons", "en-US")).not.toThrow();
  });
});

describe("times on the clock of a zone", () => {
  const start = "2026-03-10T08:00:00Z";
  const end = "2026-03-10T08:45:00Z";

  it("shows short mentions and clock times on the zone's clock", () => {
    expect(formatWhen(start, "Europe/Berlin", "en-GB")).toMatch(/^Tue,? 10 Mar, 0?9:00$/);
    expect(formatClock(start, "America/New_York", "en-US")).toBe("4:00 AM");
    expect(formatClockRange(start, end, "Europe/Berlin", "en-GB")).toMatch(/^09:00\s*–\s*09:45$/);
  });

  it("says the zone's name after a span that stands on its own, or just the start when there is no end", () => {
    expect(formatRangeWithZone(start, end, "Europe/Berlin", "en-GB")).toMatch(/^Tue,? 10 Mar 2026, 0?9:00\s*–\s*0?9:45 CET$/);
    expect(formatRange(start, null, "Europe/Berlin", "en-GB")).toMatch(/^Tue,? 10 Mar 2026, 0?9:00$/);
  });

  it("formats day keys and wall-clock ranges the same in every zone", () => {
    expect(formatDayKey("2026-11-24", "en-US")).toBe("Tuesday, November 24");
    expect(formatWallRange("2026-03-09T09:00", "2026-03-09T12:00", "en-GB")).toMatch(/^Mon,? 9 Mar, 0?9:00\s*–\s*12:00$/);
  });
});
