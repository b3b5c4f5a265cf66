import { useEffect, useState } from "react";
import { commands } from "../../bindings/commands";

/**
 * The researcher's own time zone from the mail profile; the study's zone until it is known, or
 * when the profile has none (times are then at least right for the study's participants).
 */
export function useResearcherZone(studyZone: string): string {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    commands
      .mailProfile()
      .then((profile) => {
        if (active && profile.timeZone.trim() !== "") setZone(profile.timeZone.trim());
      })
      // Not knowing the researcher's zone is no reason to hide the pane: the study's zone stands in.
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, []);
  return zone ?? studyZone;
}
