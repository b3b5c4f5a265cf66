import { commands } from "../../bindings/commands";
import { useLoaded } from "../../useLoaded";

/**
 * The researcher's own time zone from the mail profile; the study's zone until it is known, or
 * when the profile has none (times are then at least right for the study's participants).
 */
export function useResearcherZone(studyZone: string): string {
  // Not knowing the researcher's zone is no reason to hide the pane: the study's zone stands in.
  const { data: profile } = useLoaded(() => commands.mailProfile(), []);
  return profile?.timeZone.trim() || studyZone;
}
