import { describe, expect, it } from "vitest";
import { isKnownTimeZone, localTimeZone, timeZoneChoices } from "./timeZones";

describe("time zones", () => {
  it("offers a sorted list of full zone names including UTC and the local zone", () => {
    const choices = timeZoneChoices();
    expect(choices).toContain("Europe/Berlin");
    expect(choices).toContain("UTC");
    expect(choices).toContain(localTimeZone());
    expect(choices).toEqual([...choices].sort());
    expect(choices.every((zone) => zone === "UTC" || zone.includes("/"))).toBe(true);
  });

  it("knows real Region/City zones and refuses abbreviations and inventions", () => {
    expect(isKnownTimeZone("Asia/Kolkata")).toBe(true);
    expect(isKnownTimeZone("UTC")).toBe(true);
    expect(isKnownTimeZone("CET")).toBe(false);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
  });
});
