import { commands } from "../bindings/commands";
import type { LanguageOption } from "../bindings/types";
import { useLoaded } from "../useLoaded";

let loaded: Promise<LanguageOption[]> | null = null;
const none: LanguageOption[] = [];

/** Asked once for the whole window; a list that cannot be read is asked again by the next form. */
function messageLanguages(): Promise<LanguageOption[]> {
  // A list that cannot be read leaves the selects with what they hold.
  loaded ??= Promise.resolve()
    .then(() => commands.messageLanguages())
    .then((list) => list ?? [])
    .catch(() => {
      loaded = null;
      return [];
    });
  return loaded;
}

/** The languages Confab writes messages in; the list never changes while the app runs. */
export function useMessageLanguages(): LanguageOption[] {
  return useLoaded(messageLanguages, []).data ?? none;
}

/** The base code a tag's templates are kept under: `de-AT` → `de`. */
export function baseOf(tag: string): string {
  return tag.split("-")[0]?.toLowerCase() ?? "en";
}
