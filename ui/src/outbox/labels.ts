import type { AttentionKind, ItipMethod, OutboxKind, OutboxState } from "../bindings/types";
import { t } from "../i18n";
// Each closed set's words, one entry per value: a value added in Rust fails the type check
// until it has its words here.
const kindLabels: Record<OutboxKind, () => string> = {
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
  staff_invitation: () => t("outbox.kind.staffInvitation"),
  staff_update: () => t("outbox.kind.staffUpdate"),
  staff_cancellation: () => t("outbox.kind.staffCancellation"),
  timetable: () => t("outbox.kind.timetable"),
};

/** A message kind as the researcher reads it. */
export function kindLabel(kind: OutboxKind): string {
  return kindLabels[kind]();
}

const stateLabels: Record<OutboxState, () => string> = {
  queued: () => t("outbox.state.queued"),
  held: () => t("outbox.state.held"),
  sending: () => t("outbox.state.sending"),
  unknown: () => t("outbox.state.unknown"),
  sent: () => t("outbox.state.sent"),
  failed: () => t("outbox.state.failed"),
};

export function stateLabel(state: OutboxState): string {
  return stateLabels[state]();
}

const attentionLabels: Record<AttentionKind, () => string> = {
  counter: () => t("outbox.attentionKind.counter"),
  token_unknown: () => t("outbox.attentionKind.tokenUnknown"),
  token_wrong_sender: () => t("outbox.attentionKind.tokenWrongSender"),
  token_used: () => t("outbox.attentionKind.tokenUsed"),
  token_expired: () => t("outbox.attentionKind.tokenExpired"),
  decline_refused: () => t("outbox.attentionKind.declineRefused"),
  cancel_refused: () => t("outbox.attentionKind.cancelRefused"),
  choice_taken: () => t("outbox.attentionKind.choiceTaken"),
  cancel_too_late: () => t("outbox.attentionKind.cancelTooLate"),
  bounce: () => t("outbox.attentionKind.bounce"),
  unreadable: () => t("outbox.attentionKind.unreadable"),
  unmatched_reply: () => t("outbox.attentionKind.unmatchedReply"),
  counter_unreadable: () => t("outbox.attentionKind.counterUnreadable"),
  message: () => t("outbox.attentionKind.message"),
  reply_ambiguous: () => t("outbox.attentionKind.replyAmbiguous"),
  sender_unverified: () => t("outbox.attentionKind.senderUnverified"),
  not_applied: () => t("outbox.attentionKind.notApplied"),
  staff_declined: () => t("outbox.attentionKind.staffDeclined"),
};

export function attentionLabel(kind: AttentionKind): string {
  return attentionLabels[kind]();
}

const calendarLabels: Record<ItipMethod, () => string> = {
  request: () => t("outbox.calendar.request"),
  cancel: () => t("outbox.calendar.cancel"),
  decline_counter: () => t("outbox.calendar.declineCounter"),
};

export function calendarLabel(method: ItipMethod): string {
  return calendarLabels[method]();
}


/** Whether the researcher may still change a message: once it is on its way, it is not. */
export function isChangeable(state: OutboxState): boolean {
  return state === "queued" || state === "held" || state === "failed";
}
