import { describe, expect, it } from "vitest";
import { formatDate, formatMinutes } from "./format";

describe("formatMinutes", () => {
  it("shows the length in minutes", () => {
    expect(formatMinutes(60)).toBe("60 min");
    expect(formatMinutes(5)).toBe("5 min");
    expect(formatMinutes(480)).toBe("480 min");
  });
});

describe("formatDate", () => {
  it("formats an RFC 3339 timestamp in the given locale", () => {
    expect(formatDate("2025-03-07T09:30:00Z", "en-US", "UTC")).toBe("Mar 7, 2025");
    expect(formatDate("2025-03-07T09:30:00Z", "en-GB", "UTC")).toBe("7 Mar 2025");
    expect(formatDate("2025-03-07T09:30:00Z", "de-DE", "UTC")).toBe("07.03.2025");
  });

  it("shows the date in the reader's time zone, not UTC", () => {
    expect(formatDate("2025-03-07T23:30:00Z", "en-US", "Asia/Tokyo")).toBe("Mar 8, 2025");
    expect(formatDate("2025-03-07T01:00:00+02:00", "en-US", "UTC")).toBe("Mar 6, 2025");
  });

  it("reads SQLite's timestamp format as UTC", () => {
    expect(formatDate("2024-12-31 23:59:59", "en-US", "UTC")).toBe("Dec 31, 2024");
    expect(formatDate("2024-12-31 23:59:59", "en-US", "Europe/Berlin")).toBe("Jan 1, 2025");
  });

  it("shows an unparseable value as given", () => {
    expect(formatDate("yesterday", "en-US", "UTC")).toBe("yesterday");
    expect(formatDate("2025-13-45T00:00:00Z", "en-US", "UTC")).toBe("2025-13-45T00:00:00Z");
  });
});
