const kindLabels: Record<string, string> = {
  invitation: "Invitation",
  confirmation: "Confirmation",
  update: "Update",
  cancellation: "Cancellation",
  reschedule_request: "Reschedule request",
  reminder: "Reminder",
  waitlist_offer: "Waiting-list offer",
  itinerary: "Itinerary",
  researcher_notice: "Note to you",
  choice_unavailable: "Other times after a taken choice",
  choices_received: "Choices received",
  answer: "Answer to a reply",
  decline_counter: "Counter-proposal declined",
};

/** A message kind as the researcher reads it; kinds added later still read sensibly. */
export function kindLabel(kind: string): string {
  return kindLabels[kind] ?? capitalise(kind.replace(/_/g, " "));
}

const stateLabels: Record<string, string> = {
  queued: "Waiting",
  held: "Held",
  sending: "Sending",
  unknown: "Checking whether it went out",
  sent: "Sent",
  failed: "Failed",
};

export function stateLabel(state: string): string {
  return stateLabels[state] ?? capitalise(state);
}

const attentionLabels: Record<string, string> = {
  counter: "Proposes another time",
  token_unknown: "Unknown link",
  token_wrong_sender: "Reply from another address",
  token_used: "Link already used",
  choice_taken: "Choice no longer free",
  cancel_too_late: "Cancellation too late",
  bounce: "Undeliverable",
  unreadable: "Unreadable reply",
  unmatched_reply: "Reply Confab could not match",
  message: "Message from a participant",
  reply_ambiguous: "Answer that fits several times",
  sender_unverified: "Sender not confirmed by your provider",
  not_applied: "Reply that could not be applied",
};

export function attentionLabel(kind: string): string {
  return attentionLabels[kind] ?? capitalise(kind.replace(/_/g, " "));
}

const calendarLabels: Record<string, string> = {
  REQUEST: "Calendar invitation (adds or updates the event)",
  CANCEL: "Calendar cancellation (removes the event)",
  DECLINECOUNTER: "Calendar answer (declines the proposed time)",
};

export function calendarLabel(method: string): string {
  return calendarLabels[method.toUpperCase()] ?? `Calendar message (${method})`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether the researcher may still change a message: once it is on its way, it is not. */
export function isChangeable(state: string): boolean {
  return state === "queued" || state === "held" || state === "failed";
}
