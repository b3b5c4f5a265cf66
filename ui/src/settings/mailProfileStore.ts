import { useEffect, useState } from "react";
import { commands } from "../bindings/commands";
import type { MailProfile } from "../bindings/types";

type Listener = (profile: MailProfile) => void;

const listeners = new Set<Listener>();
let known: MailProfile | null = null;

/** Tells every screen that uses the profile (time zone, automatic Sync) that it was saved. */
export function publishMailProfile(profile: MailProfile) {
  known = profile;
  for (const listener of listeners) listener(profile);
}

export function onMailProfileSaved(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The researcher's profile, loaded once and kept current when Settings saves it; null while it
 * loads or when it could not be read (callers then fall back to sensible defaults).
 */
export function useMailProfile(): MailProfile | null {
  const [profile, setProfile] = useState<MailProfile | null>(known);
  useEffect(() => {
    let active = true;
    (async () => {
      try {
        const loaded = await commands.mailProfile();
        known = loaded;
        if (active) setProfile(loaded);
      } catch {
        // The screens that need the profile work without it; Settings reports the error itself.
      }
    })();
    const stop = onMailProfileSaved((saved) => {
      if (active) setProfile(saved);
    });
    return () => {
      active = false;
      stop();
    };
  }, []);
  return profile;
}

/** The zone to show times in: the researcher's own, else the computer's. */
export function researcherZone(profile: MailProfile | null): string {
  return profile?.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
