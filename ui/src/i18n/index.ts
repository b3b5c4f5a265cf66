import type { ReactNode } from "react";
import { catalogs, english, pickLanguage } from "./catalogs";
import type { PlainKey, PluralKey } from "./keys";
import { richText } from "./rich";
import { createTranslator } from "./translator";

export type { PlainKey, PluralKey } from "./keys";

// Chosen once, when the window starts: the interface does not switch language while it runs,
// so messages may also be read into constants at load.
const preferred = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
export const language = pickLanguage(preferred, catalogs.keys());

const translator = createTranslator(language, catalogs.get(language) ?? english, english);

export const { t, tPlural } = translator;

/** `t` for a message with parts of the window in it: `{name}` placeholders become `parts`. */
export function tRich(key: PlainKey, parts: Readonly<Record<string, ReactNode>>): ReactNode {
  return richText(translator.message(key), parts);
}

/** `tPlural` for a message with parts of the window in it; `{count}` is the number unless `parts` says otherwise. */
export function tPluralRich(key: PluralKey, count: number, parts: Readonly<Record<string, ReactNode>> = {}): ReactNode {
  return richText(translator.pluralMessage(key, count), { count: String(count), ...parts });
}
