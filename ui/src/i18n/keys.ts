import type english from "./en.json";

/** Every key of the English catalog, the one every other catalog is measured against. */
export type CatalogKey = keyof typeof english;

/** The plural categories of Intl.PluralRules; English uses only `one` and `other`. */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

// A plural message is a family of keys sharing a base: `base.one`, `base.other`, and in other
// languages `base.few` and so on. `other` is the form every language has, so it marks the family.
type BaseOf<Key> = Key extends `${infer Base}.other` ? Base : never;

/** The base of a plural message, as `tPlural` takes it. */
export type PluralKey = BaseOf<CatalogKey>;

/** A message that is the same whatever the count, as `t` takes it. */
export type PlainKey = Exclude<CatalogKey, `${PluralKey}.${PluralCategory}`>;
