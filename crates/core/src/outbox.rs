//! What a message in the outbox is, and how far it got.

crate::closed_set! {
    /// What a message is for.
    pub enum OutboxKind {
        /// Asks a participant to choose a time.
        Invitation = "invitation",
        /// A booked interview, with its calendar invitation.
        Confirmation = "confirmation",
        /// A rescheduled interview, with the updated invitation.
        Update = "update",
        Cancellation = "cancellation",
        /// Asks a participant to choose a new time.
        RescheduleRequest = "reschedule_request",
        Reminder = "reminder",
        /// Offers a freed place to someone on the waiting list.
        WaitlistOffer = "waitlist_offer",
        /// An applicant's rounds on an interview day.
        Itinerary = "itinerary",
        /// Tells the researcher about something that needs them.
        ResearcherNotice = "researcher_notice",
        /// Answers a choice that could no longer be booked, with the times still open.
        ChoiceUnavailable = "choice_unavailable",
        /// Tells a participant whose choices wait for the researcher that they arrived.
        ChoicesReceived = "choices_received",
        /// A short answer to a message that could not be acted on.
        Answer = "answer",
        /// Declines a participant's proposal of another time, keeping the interview as it was.
        DeclineCounter = "decline_counter",
        /// Puts an interviewer or note-taker on an interview, with its calendar invitation.
        StaffInvitation = "staff_invitation",
        /// Tells the staff of an interview that it moved.
        StaffUpdate = "staff_update",
        /// Tells the staff of an interview that it was canceled, or that they are off it.
        StaffCancellation = "staff_cancellation",
        /// An interviewer's timetable of an interview day.
        Timetable = "timetable",
    }
}

crate::closed_set! {
    /// How far a message got.
    pub enum OutboxState {
        Queued = "queued",
        /// Kept back by the researcher; Sync leaves it.
        Held = "held",
        /// Claimed by one Sync, whose SMTP server has not yet been handed the message's data.
        Sending = "sending",
        /// The data reached the SMTP server and its verdict never came: whether it went out is
        /// found from the researcher's copy (inbox or Sent) before it is ever sent again.
        Unknown = "unknown",
        Sent = "sent",
        Failed = "failed",
    }
}

impl OutboxState {
    /// Whether the researcher may still change the message: once it is on its way, not.
    pub fn changeable(self) -> bool {
        matches!(self, Self::Queued | Self::Held | Self::Failed)
    }
}
