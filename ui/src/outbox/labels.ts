import { t } from "../i18n";
const kindLabels: Record<string, () => string> = {
  invitation: () => t("outbox.kind.invitation"),
  confirmation: () => t("outbox.kind.confirmation"),
  update: () => t("outbox.kind.update"),
  cancellation: () => t("outbox.kind.cancellation"),
  reschedule_request: () => t("outbox.kind.rescheduleRequest"),
  reminder: () => t("outbox.kind.reminder"),
  waitlist_offer: () => t("outbox.kind.waitlistOffer"),
  itinerary: () => t("outbox.kind.itinerary"),
  researcher_notice: () => t("outbox.kind.researcherNotice"),
  choice_unavailable: () => t("outbox.kind.choiceUnavailable"),
  choices_received: () => t("outbox.kind.choicesReceived"),
  answer: () => t("outbox.kind.answer"),
  decline_counter: () => t("outbox.kind.declineCounter"),
};

/** A message kind as the researcher reads it; kinds added later still read sensibly. */
export function kindLabel(kind: string): string {
  return kindLabels[kind]?.() ?? capitalise(kind.replace(/_/g, " "));
}

const stateLabels: Record<string, () => string> = {
  queued: () => t("outbox.state.queued"),
  held: () => t("outbox.state.held"),
  sending: () => t("outbox.state.sending"),
  unknown: () => t("outbox.state.unknown"),
  sent: () => t("outbox.state.sent"),
  failed: () => t("outbox.state.failed"),
};

export function stateLabel(state: string): string {
  return stateLabels[state]?.() ?? capitalise(state);
}

const attentionLabels: Record<string, () => string> = {
  counter: () => t("outbox.attentionKind.counter"),
  token_unknown: () => t("outbox.attentionKind.tokenUnknown"),
  token_wrong_sender: () => t("outbox.attentionKind.tokenWrongSender"),
  token_used: () => t("outbox.attentionKind.tokenUsed"),
  choice_taken: () => t("outbox.attentionKind.choiceTaken"),
  cancel_too_late: () => t("outbox.attentionKind.cancelTooLate"),
  bounce: () => t("outbox.attentionKind.bounce"),
  unreadable: () => t("outbox.attentionKind.unreadable"),
  unmatched_reply: () => t("outbox.attentionKind.unmatchedReply"),
  message: () => t("outbox.attentionKind.message"),
  reply_ambiguous: () => t("outbox.attentionKind.replyAmbiguous"),
  sender_unverified: () => t("outbox.attentionKind.senderUnverified"),
  not_applied: () => t("outbox.attentionKind.notApplied"),
};

export function attentionLabel(kind: string): string {
  return attentionLabels[kind]?.() ?? capitalise(kind.replace(/_/g, " "));
}

const calendarLabels: Record<string, () => string> = {
  REQUEST: () => t("outbox.calendar.request"),
  CANCEL: () => t("outbox.calendar.cancel"),
  DECLINECOUNTER: () => t("outbox.calendar.declineCounter"),
};

export function calendarLabel(method: string): string {
  return calendarLabels[method.toUpperCase()]?.() ?? t("outbox.calendar.unknown", { method });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether the researcher may still change a message: once it is on its way, it is not. */
export function isChangeable(state: string): boolean {
  return state === "queued" || state === "held" || state === "failed";
}
