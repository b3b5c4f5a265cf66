/**
 * The reader's locale for the calendar. WebKit reports the POSIX locale "C" when the session has
 * no language set, which is no language tag at all and makes Intl (and the calendar) throw.
 */
export function browserLocale(): string {
  const candidates = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of candidates) {
    try {
      if (tag && Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) return tag;
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return new Intl.DateTimeFormat().resolvedOptions().locale || "en";
}
