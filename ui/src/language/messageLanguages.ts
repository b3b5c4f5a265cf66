import { useEffect, useState } from "react";
import { commands } from "../bindings/commands";
import type { LanguageOption } from "../bindings/types";

let loaded: Promise<LanguageOption[]> | null = null;

/** The languages Confab writes messages in; the list never changes while the app runs. */
export function useMessageLanguages(): LanguageOption[] {
  const [options, setOptions] = useState<LanguageOption[]>([]);
  useEffect(() => {
    let active = true;
    // A list that cannot be read leaves the selects with what they hold; the next form asks again.
    loaded ??= Promise.resolve()
      .then(() => commands.messageLanguages())
      .then((list) => list ?? [])
      .catch(() => {
        loaded = null;
        return [];
      });
    void loaded.then((list) => {
      if (active) setOptions(list);
    });
    return () => {
      active = false;
    };
  }, []);
  return options;
}

/** The base code a tag's templates are kept under: `de-AT` → `de`. */
export function baseOf(tag: string): string {
  return tag.split("-")[0]?.toLowerCase() ?? "en";
}
