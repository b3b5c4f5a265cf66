import { describe, expect, it } from "vitest";
import type { NewStudy } from "./bindings/types";
import { normaliseNewStudy, validateNewStudy } from "./validation";

const valid: NewStudy = {
  name: "Remote work interviews",
  description: "",
  timeZone: "Europe/Berlin",
  interviewMinutes: 60,
};

describe("validateNewStudy", () => {
  it("accepts a complete study with an empty description", () => {
    expect(validateNewStudy(valid)).toEqual({});
  });

  it("requires a name that is more than whitespace", () => {
    expect(validateNewStudy({ ...valid, name: "   " })).toEqual({ name: "Enter a name for the study." });
  });

  it("limits the name to 200 characters", () => {
    expect(validateNewStudy({ ...valid, name: "a".repeat(200) })).toEqual({});
    expect(validateNewStudy({ ...valid, name: "a".repeat(201) }).name).toBe(
      "Use at most 200 characters for the name.",
    );
  });

  it("counts characters, not UTF-16 units, like the back end", () => {
    expect(validateNewStudy({ ...valid, name: "😀".repeat(200) })).toEqual({});
    expect(validateNewStudy({ ...valid, name: "😀".repeat(201) }).name).toBeDefined();
  });

  it("refuses tabs and line breaks in the name", () => {
    expect(validateNewStudy({ ...valid, name: "Pilot\tround" }).name).toBe(
      "The name cannot contain line breaks or tabs.",
    );
  });

  it("limits the description to 5000 characters", () => {
    expect(validateNewStudy({ ...valid, description: "d".repeat(5001) }).description).toBe(
      "Use at most 5000 characters for the description.",
    );
  });

  it("requires a time zone that Intl knows", () => {
    expect(validateNewStudy({ ...valid, timeZone: "" }).timeZone).toBe(
      "Choose a time zone, for example Europe/Berlin.",
    );
    expect(validateNewStudy({ ...valid, timeZone: "Mars/Olympus" }).timeZone).toBe(
      "“Mars/Olympus” is not a time zone Confab knows. Pick a region and city from the list, for example America/New_York.",
    );
    expect(validateNewStudy({ ...valid, timeZone: "UTC" })).toEqual({});
    expect(validateNewStudy({ ...valid, timeZone: "America/New_York" })).toEqual({});
  });

  it("refuses abbreviations that the back end refuses too", () => {
    expect(validateNewStudy({ ...valid, timeZone: "CET" }).timeZone).toContain("not a time zone");
    expect(validateNewStudy({ ...valid, timeZone: "EST" }).timeZone).toContain("not a time zone");
  });

  it("accepts interview lengths from 5 to 480 minutes inclusive", () => {
    expect(validateNewStudy({ ...valid, interviewMinutes: 5 })).toEqual({});
    expect(validateNewStudy({ ...valid, interviewMinutes: 480 })).toEqual({});
    const outOfRange = "Use between 5 and 480 minutes.";
    expect(validateNewStudy({ ...valid, interviewMinutes: 4 }).interviewMinutes).toBe(outOfRange);
    expect(validateNewStudy({ ...valid, interviewMinutes: 481 }).interviewMinutes).toBe(outOfRange);
    expect(validateNewStudy({ ...valid, interviewMinutes: 0 }).interviewMinutes).toBe(outOfRange);
  });

  it("rejects missing and fractional lengths with their own messages", () => {
    expect(validateNewStudy({ ...valid, interviewMinutes: Number.NaN }).interviewMinutes).toBe(
      "Enter the interview length in minutes.",
    );
    expect(validateNewStudy({ ...valid, interviewMinutes: 30.5 }).interviewMinutes).toBe(
      "Use whole minutes.",
    );
  });

  it("reports every invalid field at once", () => {
    const errors = validateNewStudy({
      name: "",
      description: "",
      timeZone: "Nowhere/Special",
      interviewMinutes: 1000,
    });
    expect(Object.keys(errors).sort()).toEqual(["interviewMinutes", "name", "timeZone"]);
  });
});

describe("normaliseNewStudy", () => {
  it("trims text fields and keeps the length", () => {
    expect(
      normaliseNewStudy({
        name: "  Pilot  ",
        description: "\n notes \n",
        timeZone: " Asia/Tokyo ",
        interviewMinutes: 45,
      }),
    ).toEqual({ name: "Pilot", description: "notes", timeZone: "Asia/Tokyo", interviewMinutes: 45 });
  });
});
