import { commands } from "../../bindings/commands";
import type { AttentionItem, StudyOverview } from "../../bindings/types";

export type OverviewData = {
  overview: StudyOverview;
  attention: AttentionItem[];
  sessions: number;
  /** The own zone of each participant in the next interviews, where they gave one. */
  participantZones: Map<number, string>;
};

export async function loadOverview(studyId: number): Promise<OverviewData> {
  const [overview, attention, sessions] = await Promise.all([
    commands.studyOverview(studyId),
    commands.attentionItems(studyId),
    commands.listSessions(studyId),
  ]);
  const ids = [...new Set(overview.nextInterviews.map((i) => i.participantId))];
  // A participant who cannot be read only loses the second time beside their interview.
  const people = await Promise.all(ids.map((id) => commands.getParticipant(id).catch(() => null)));
  const participantZones = new Map<number, string>();
  for (const person of people) {
    if (person?.timeZone) participantZones.set(person.id, person.timeZone);
  }
  return { overview, attention, sessions: sessions.length, participantZones };
}
