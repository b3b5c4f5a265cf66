/** The researcher's own time zone, the sensible default for a new study. */
export function localTimeZone(): string {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && isKnownTimeZone(own) ? own : "UTC";
}

/** IANA time zone names offered in the study form, sorted, including the local one and UTC. */
export function timeZoneChoices(): string[] {
  // WebKit builds before Safari 15.4 lack supportedValuesOf; the form then still accepts typed names.
  const supported =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...supported, localTimeZone(), "UTC"])].filter(isKnownTimeZone).sort();
}

/**
 * Whether a study may use this zone. Like the back end, only full Region/City names and UTC count:
 * abbreviations such as CET or EST are ambiguous to researchers and are refused there.
 */
export function isKnownTimeZone(name: string): boolean {
  if (!name.includes("/") && name !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
