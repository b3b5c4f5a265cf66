import { describe, expect, it } from "vitest";
import { pickLanguage } from "./catalogs";
import { createTranslator, interpolate } from "./translator";

const english = {
  "common.close": "Close",
  "notices.backedUp.message": "A copy was saved to {path}.",
  "calendarImport.result.imported.one": "Imported {count} busy time.",
  "calendarImport.result.imported.other": "Imported {count} busy times.",
};

describe("the translator", () => {
  it("fills in placeholders and leaves unknown ones as written", () => {
    expect(interpolate("A copy was saved to {path}.", { path: "/tmp/x" })).toBe("A copy was saved to /tmp/x.");
    expect(interpolate("Keep {{participant_name}} and {other}", { path: "x" })).toBe("Keep {{participant_name}} and {other}");
  });

  it("chooses the English singular for one and the plural otherwise", () => {
    const { tPlural } = createTranslator("en", english, english);
    expect(tPlural("calendarImport.result.imported", 1)).toBe("Imported 1 busy time.");
    expect(tPlural("calendarImport.result.imported", 0)).toBe("Imported 0 busy times.");
    expect(tPlural("calendarImport.result.imported", 1200, { count: (1200).toLocaleString("en") })).toBe(
      "Imported 1,200 busy times.",
    );
  });

  it("falls back to English for a key the language lacks", () => {
    const german = { "common.close": "Schließen" };
    const { t, tPlural } = createTranslator("de", german, english);
    expect(t("common.close")).toBe("Schließen");
    expect(t("notices.backedUp.message", { path: "/tmp/x" })).toBe("A copy was saved to /tmp/x.");
    expect(tPlural("calendarImport.result.imported", 2)).toBe("Imported 2 busy times.");
  });

  it("uses the language's own plural forms, and its `other` form where one is missing", () => {
    const polish = {
      "calendarImport.result.imported.one": "Zaimportowano {count} termin.",
      "calendarImport.result.imported.few": "Zaimportowano {count} terminy.",
      "calendarImport.result.imported.other": "Zaimportowano {count} terminów.",
    };
    const { tPlural } = createTranslator("pl", polish, english);
    expect(tPlural("calendarImport.result.imported", 1)).toBe("Zaimportowano 1 termin.");
    expect(tPlural("calendarImport.result.imported", 3)).toBe("Zaimportowano 3 terminy.");
    expect(tPlural("calendarImport.result.imported", 5)).toBe("Zaimportowano 5 terminów.");
  });
});

describe("the choice of language", () => {
  it("takes the first preferred language a catalog exists for, by tag or by language", () => {
    expect(pickLanguage(["fr-CA", "de-AT", "en"], ["en", "de"])).toBe("de");
    expect(pickLanguage(["pt-br"], ["en", "pt", "pt-BR"])).toBe("pt-BR");
  });

  it("falls back to English when no preferred language has a catalog", () => {
    expect(pickLanguage(["C", "ja"], ["en", "de"])).toBe("en");
    expect(pickLanguage([], ["en"])).toBe("en");
  });
});
