import type { Catalog } from "./translator";

// Each language is one file beside en.json, named by its language tag: de.json, pt-BR.json.
// Adding a file is all it takes for the window to speak that language. The files come as text
// and are read with JSON.parse: built into the code as object literals, the English one alone
// (100 kB) took the engine longer to compile on every start than JSON.parse takes to read it.
const files = import.meta.glob<string>("./*.json", { eager: true, query: "?raw", import: "default" });

/** Every catalog by language tag, English included. */
export const catalogs: ReadonlyMap<string, Catalog> = new Map(
  Object.entries(files).map(([path, text]) => [
    path.replace(/^\.\//, "").replace(/\.json$/, ""),
    JSON.parse(text) as Catalog,
  ]),
);

const en = catalogs.get("en");
// Every other catalog falls back to English; a build without it has no words at all.
if (en === undefined) throw new Error("The English catalog (i18n/en.json) is missing from the build.");
export const english: Catalog = en;

/**
 * The first of the reader's preferred languages a catalog exists for, exactly ("pt-BR") or by
 * its language alone ("de" for "de-AT"); English when none has one.
 */
export function pickLanguage(preferred: readonly string[], available: Iterable<string>): string {
  const tags = [...available];
  const find = (wanted: string) => tags.find((tag) => tag.toLowerCase() === wanted.toLowerCase());
  for (const wanted of preferred) {
    const found = find(wanted) ?? find(wanted.split("-")[0] ?? "");
    if (found) return found;
  }
  return "en";
}
