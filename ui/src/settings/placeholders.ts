/** The placeholders a template may use, with what each stands for. */
export const placeholders: ReadonlyArray<{ name: string; meaning: string; links?: boolean }> = [
  { name: "participant_name", meaning: "The participant’s name" },
  { name: "study_name", meaning: "The study’s name" },
  { name: "researcher_name", meaning: "Your name" },
  { name: "interview_time", meaning: "The interview’s day and time, in the participant’s zone" },
  { name: "participant_time_zone", meaning: "The participant’s time zone, in words" },
  { name: "location", meaning: "The room or address" },
  { name: "conferencing_url", meaning: "The conferencing link" },
  { name: "dial_in", meaning: "The dial-in numbers" },
  { name: "message", meaning: "Your own words for this one message" },
  { name: "itinerary", meaning: "An applicant’s rounds on an interview day" },
  {
    name: "interview_round",
    meaning: "Which of the study’s interviews this is (“2 of 3”); empty when it holds one",
  },
  { name: "choices", meaning: "One link per time or session offered (a line of its own)", links: true },
  { name: "decline_link", meaning: "The link to decline (a line of its own)", links: true },
  { name: "cancel_link", meaning: "The link to cancel (a line of its own)", links: true },
];

const kindPurposes: Record<string, string> = {
  invitation: "Asks a participant to choose a time.",
  confirmation: "Confirms a booked interview, with its calendar invitation.",
  update: "Tells the participant their interview moved, with the updated invitation.",
  cancellation: "Tells the participant their interview is cancelled.",
  reschedule_request: "Asks a participant to choose a new time.",
  reminder: "Reminds the participant shortly before the interview.",
  waitlist_offer: "Offers a freed place to someone on the waiting list.",
  itinerary: "Gives an applicant their rounds on an interview day.",
  researcher_notice: "Tells you about something that needs you.",
  choice_unavailable: "Answers a choice that could no longer be booked, with the times still open.",
  choices_received: "Tells a participant their choices arrived and wait for you to confirm one.",
};

export function kindPurpose(kind: string): string {
  return kindPurposes[kind] ?? "";
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
