// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The catalogs are checked against the source as it is written: every key a `t` call names must
// be in English, every English key must be named somewhere, and no other language may add keys.

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "..");

const translators = ["t", "tPlural", "tRich", "tPluralRich"] as const;
const pluralTranslators = new Set(["tPlural", "tPluralRich"]);
const pluralCategories = ["zero", "one", "two", "few", "many", "other"];

/** The window's own source: not tests, and not the translator, which passes keys along. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === here ? [] : sourceFiles(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name) || entry.name === "test-setup.ts") return [];
    return [path];
  });
}

type Use = { key: string; plural: boolean; where: string };

/** Every key named by a translator call, and every call whose key is not written out. */
function scan(files: string[]): { uses: Use[]; unreadable: string[] } {
  const call = new RegExp(`(?<![\\w$.])(${translators.join("|")})\\(\\s*(?:(["'])([^"'\\n]*)\\2)?`, "g");
  const uses: Use[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(call)) {
      const line = text.slice(0, match.index).split("\n").length;
      const where = `${relative(src, file)}:${line}`;
      const key = match[3];
      if (key === undefined) unreadable.push(`${where} ${match[0]}…`);
      else uses.push({ key, plural: pluralTranslators.has(match[1] ?? ""), where });
    }
  }
  return { uses, unreadable };
}

function readCatalog(name: string): Record<string, string> {
  return JSON.parse(readFileSync(join(here, name), "utf8")) as Record<string, string>;
}

const english = readCatalog("en.json");
const { uses, unreadable } = scan(sourceFiles(src));
const pluralBases = new Set(
  Object.keys(english)
    .filter((key) => key.endsWith(".other"))
    .map((key) => key.slice(0, -".other".length)),
);
const familyOf = (key: string) => {
  const dot = key.lastIndexOf(".");
  const base = key.slice(0, dot);
  return pluralBases.has(base) && pluralCategories.includes(key.slice(dot + 1)) ? base : null;
};

describe("the message catalogs", () => {
  it("finds the translator calls it checks", () => {
    expect(uses.length).toBeGreaterThan(0);
  });

  it("can read the key of every translator call", () => {
    expect(unreadable, "write the key as a string literal, e.g. in a map of t calls").toEqual([]);
  });

  it("has every key the window uses in English", () => {
    const missing = uses
      .filter(({ key, plural }) => (plural ? !(`${key}.one` in english && `${key}.other` in english) : !(key in english)))
      .map(({ key, plural, where }) => `${plural ? `${key}.one/.other` : key} (${where})`);
    expect(missing, "keys missing from en.json").toEqual([]);
  });

  it("uses every English key somewhere", () => {
    const used = new Set(uses.map(({ key, plural }) => (plural ? `plural:${key}` : key)));
    const unused = Object.keys(english).filter((key) => {
      const base = familyOf(key);
      return base === null ? !used.has(key) : !used.has(`plural:${base}`);
    });
    expect(unused, "keys of en.json no source file uses").toEqual([]);
  });

  it("has no key in another language that English lacks", () => {
    const others = readdirSync(here).filter((name) => name.endsWith(".json") && name !== "en.json");
    const extra = others.flatMap((name) =>
      Object.keys(readCatalog(name))
        // Other languages may need plural forms English does without, such as `few`.
        .filter((key) => !(key in english) && familyOf(key) === null)
        .map((key) => `${name}: ${key}`),
    );
    expect(extra, "keys only other catalogs have").toEqual([]);
  });
});
