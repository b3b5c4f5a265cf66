import type { PlainKey, PluralKey } from "./keys";

/** One language's messages by key; a key it lacks is taken from English. */
export type Catalog = Readonly<Partial<Record<string, string>>>;

/** Values for the `{name}` placeholders of a message. */
export type Params = Readonly<Record<string, string | number>>;

const placeholder = /\{(\w+)\}/g;

/** `text` with each `{name}` replaced by its value; a placeholder without a value stays as written. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(placeholder, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

function pluralRules(language: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(language);
  } catch {
    // A catalog file named with something that is no language tag still gets English plurals.
    return new Intl.PluralRules("en");
  }
}

/** The form of a plural message for `count`, or undefined when the catalog has none of its forms. */
function pluralForm(catalog: Catalog, rules: Intl.PluralRules, key: string, count: number): string | undefined {
  return catalog[`${key}.${rules.select(count)}`] ?? catalog[`${key}.other`];
}

/** The messages of `language`, falling back to English for every key its catalog lacks. */
export function createTranslator(language: string, catalog: Catalog, english: Catalog) {
  // Made on the first plural message: loading a language's plural rules takes time at a start
  // whose first screen may show none.
  let rules: Intl.PluralRules | undefined;
  let englishRules: Intl.PluralRules | undefined;

  function message(key: PlainKey): string {
    return catalog[key] ?? english[key] ?? key;
  }

  function pluralMessage(key: PluralKey, count: number): string {
    rules ??= pluralRules(language);
    const own = pluralForm(catalog, rules, key, count);
    if (own !== undefined) return own;
    englishRules ??= new Intl.PluralRules("en");
    return pluralForm(english, englishRules, key, count) ?? key;
  }

  return {
    message,
    pluralMessage,
    /** The message for `key`, with its placeholders filled in. */
    t(key: PlainKey, params?: Params): string {
      return interpolate(message(key), params);
    },
    /**
     * The form of a plural message that fits `count`, with `{count}` and the other placeholders
     * filled in. `params.count` replaces the plain number, e.g. with `count.toLocaleString()`.
     */
    tPlural(key: PluralKey, count: number, params?: Params): string {
      return interpolate(pluralMessage(key, count), { count, ...params });
    },
  };
}
