import english from "./en.json";
import type { Catalog } from "./translator";

export { english };

// Each language is one file beside en.json, named by its language tag: de.json, pt-BR.json.
// Adding a file is all it takes for the window to speak that language.
const files = import.meta.glob<Catalog>("./*.json", { eager: true, import: "default" });

/** Every catalog by language tag, English included. */
export const catalogs: ReadonlyMap<string, Catalog> = new Map(
  Object.entries(files).map(([path, catalog]) => [path.replace(/^\.\//, "").replace(/\.json$/, ""), catalog]),
);

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
