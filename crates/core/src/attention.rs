//! What put an item on the researcher's attention list.

crate::closed_set! {
    pub enum AttentionKind {
        /// A participant proposed another time from their calendar.
        Counter = "counter",
        /// A reply carried a code no message of Confab's ever held.
        TokenUnknown = "token_unknown",
        /// A code came back from an address it was not sent to.
        TokenWrongSender = "token_wrong_sender",
        /// A code that was already used came back.
        TokenUsed = "token_used",
        /// A code came back after its link had expired.
        TokenExpired = "token_expired",
        /// A participant declined from a status a decline cannot follow.
        DeclineRefused = "decline_refused",
        /// A participant asked to cancel an interview that is not scheduled.
        CancelRefused = "cancel_refused",
        /// The time chosen was taken meanwhile.
        ChoiceTaken = "choice_taken",
        /// A cancellation came after the study's cut-off.
        CancelTooLate = "cancel_too_late",
        /// A message could not be delivered.
        Bounce = "bounce",
        /// A message that could not be read at all.
        Unreadable = "unreadable",
        /// A calendar reply that matches no interview.
        UnmatchedReply = "unmatched_reply",
        /// A proposal of another time whose time could not be read.
        CounterUnreadable = "counter_unreadable",
        /// A participant wrote in their own words.
        Message = "message",
        /// An answer in the participant's own words that fits several offered times.
        ReplyAmbiguous = "reply_ambiguous",
        /// A reply whose sender could not be verified; nothing was done until the researcher says.
        SenderUnverified = "sender_unverified",
        /// A reply Sync read but could not apply; it waits to be applied again.
        NotApplied = "not_applied",
        /// An interviewer declined an interview they were put on.
        StaffDeclined = "staff_declined",
    }
}
