import { describe, expect, it } from "vitest";
import type { StudySettings } from "../../bindings/types";
import { draftOf, settingsErrorsFrom, toStudySettings } from "./settingsDraft";

const study = { id: 1, name: "Diary", description: "", timeZone: "UTC", interviewMinutes: 45, createdAt: "2026-01-01T00:00:00Z" };
const settings: StudySettings = {
  kind: "one_to_one",
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  minNoticeMinutes: 1440,
  horizonDays: 30,
  maxPerDay: 4,
  maxPerWeek: null,
  changeCutoffHours: 24,
  location: "",
  conferencingUrl: "",
  dialIn: "",
  selfScheduling: true,
  reminderHours: null,
  waitlistOfferHours: 48,
  interviewsPerParticipant: 1,
  language: "en-GB",
  staffing: { mode: "roundRobin" },
};

describe("the settings form", () => {
  it("shows no cap and no reminder as empty fields, and round-trips", () => {
    const draft = draftOf(study, settings);
    expect(draft.maxPerWeek).toBe("");
    expect(draft.reminderHours).toBe("");
    expect(toStudySettings(draft)).toEqual({ settings, errors: {} });
  });

  it("sends emptied caps and reminders as null", () => {
    const draft = { ...draftOf(study, settings), maxPerDay: "  ", reminderHours: "" };
    const { settings: sent, errors } = toStudySettings(draft);
    expect(errors).toEqual({});
    expect(sent.maxPerDay).toBeNull();
    expect(sent.reminderHours).toBeNull();
  });

  it("refuses an emptied number that has no 'none', and text in a number field", () => {
    const draft = { ...draftOf(study, settings), bufferAfterMinutes: "", maxPerWeek: "two" };
    const { errors } = toStudySettings(draft);
    expect(errors.bufferAfterMinutes).toMatch(/use 0 for none/);
    expect(errors.maxPerWeek).toMatch(/whole number.*empty for none/);
  });

  it("trims the link and the texts", () => {
    const draft = { ...draftOf(study, settings), conferencingUrl: " https://meet.example.org/x ", location: " Room 4 " };
    const { settings: sent } = toStudySettings(draft);
    expect(sent.conferencingUrl).toBe("https://meet.example.org/x");
    expect(sent.location).toBe("Room 4");
  });
});

describe("the staffing choice", () => {
  it("takes a panel of 1 to 12 or of all, and nothing else", () => {
    const withPanel = (size: number | null) =>
      toStudySettings({ ...draftOf(study, settings), staffing: { mode: "panel", size } }).errors.staffing;
    expect(withPanel(null)).toBeUndefined();
    expect(withPanel(1)).toBeUndefined();
    expect(withPanel(12)).toBeUndefined();
    expect(withPanel(0)).toMatch(/1 to 12/);
    expect(withPanel(13)).toMatch(/1 to 12/);
    expect(withPanel(2.5)).toMatch(/whole number/);
  });

  it("sends a fixed interviewer as chosen", () => {
    const draft = { ...draftOf(study, settings), staffing: { mode: "fixed", interviewerId: 8 } as const };
    expect(toStudySettings(draft)).toEqual({ settings: { ...settings, staffing: { mode: "fixed", interviewerId: 8 } }, errors: {} });
  });
});

describe("placing the back end's messages on fields", () => {
  it("gives each problem to the field it names, whatever its words", () => {
    const { fields, rest } = settingsErrorsFrom({
      code: "invalid_input",
      message: "joined",
      fields: [
        { field: "bufferAfterMinutes", message: "The buffer after an interview must be 0 to 240 minutes; you gave 300." },
        { field: "maxPerWeek", message: "The weekly cap cannot be lower than the daily cap." },
        { field: "language", message: '"Klingon" is not a language Confab writes messages in.' },
        { field: "name", message: 'A study named "Diary" already exists. Choose another name.' },
      ],
    });
    expect(fields.bufferAfterMinutes).toMatch(/^The buffer after/);
    expect(fields.maxPerWeek).toBe("The weekly cap cannot be lower than the daily cap.");
    expect(fields.maxPerDay).toBeUndefined();
    expect(fields.language).toMatch(/Klingon/);
    expect(fields.name).toMatch(/already exists/);
    expect(rest).toEqual([]);
  });

  it("keeps an error about no field for the whole form", () => {
    expect(settingsErrorsFrom({ code: "storage", message: "The weekly cap of the database failed." }).rest).toEqual([
      "The weekly cap of the database failed.",
    ]);
  });
});
