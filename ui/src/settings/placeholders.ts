import type { OutboxKind } from "../bindings/types";
import { t } from "../i18n";
/** The placeholders a template may use, with what each stands for. */
export const placeholders: ReadonlyArray<{ name: string; meaning: string; links?: boolean }> = [
  { name: "participant_name", meaning: t("templates.placeholder.participantName") },
  { name: "study_name", meaning: t("templates.placeholder.studyName") },
  { name: "researcher_name", meaning: t("templates.placeholder.researcherName") },
  { name: "interview_time", meaning: t("templates.placeholder.interviewTime") },
  { name: "participant_time_zone", meaning: t("templates.placeholder.participantTimeZone") },
  { name: "location", meaning: t("templates.placeholder.location") },
  { name: "conferencing_url", meaning: t("templates.placeholder.conferencingUrl") },
  { name: "dial_in", meaning: t("templates.placeholder.dialIn") },
  { name: "message", meaning: t("templates.placeholder.message") },
  { name: "itinerary", meaning: t("templates.placeholder.itinerary") },
  { name: "interview_round", meaning: t("templates.placeholder.interviewRound") },
  { name: "interviewers", meaning: t("templates.placeholder.interviewers") },
  { name: "choices", meaning: t("templates.placeholder.choices"), links: true },
  { name: "decline_link", meaning: t("templates.placeholder.declineLink"), links: true },
  { name: "cancel_link", meaning: t("templates.placeholder.cancelLink"), links: true },
];

/** What each kind a study can reword is for; the kinds without a template have no entry. */
const kindPurposes: Partial<Record<OutboxKind, () => string>> = {
  invitation: () => t("templates.purpose.invitation"),
  confirmation: () => t("templates.purpose.confirmation"),
  update: () => t("templates.purpose.update"),
  cancellation: () => t("templates.purpose.cancellation"),
  reschedule_request: () => t("templates.purpose.rescheduleRequest"),
  reminder: () => t("templates.purpose.reminder"),
  waitlist_offer: () => t("templates.purpose.waitlistOffer"),
  itinerary: () => t("templates.purpose.itinerary"),
  researcher_notice: () => t("templates.purpose.researcherNotice"),
  choice_unavailable: () => t("templates.purpose.choiceUnavailable"),
  choices_received: () => t("templates.purpose.choicesReceived"),
};

export function kindPurpose(kind: OutboxKind): string {
  return kindPurposes[kind]?.() ?? "";
}

/** `text` with `{{name}}` put in at the cursor (replacing any selection). */
export function insertPlaceholder(
  text: string,
  name: string,
  selectionStart: number,
  selectionEnd: number,
  ownLine: boolean,
): { text: string; cursor: number } {
  let token = `{{${name}}}`;
  const before = text.slice(0, selectionStart);
  const after = text.slice(selectionEnd);
  // Lists of links must stand on a line of their own, or the template is refused.
  if (ownLine) {
    if (before !== "" && !before.endsWith("\n")) token = `\n${token}`;
    if (!after.startsWith("\n")) token = `${token}\n`;
  }
  return { text: before + token + after, cursor: before.length + token.length };
}
