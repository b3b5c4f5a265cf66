//! Who made a change that the audit log records.

crate::closed_set! {
    pub enum ActorKind {
        /// The researcher at this desktop (or, on a team database, the one named beside it).
        Researcher = "researcher",
        /// A participant, by email or through their link.
        Participant = "participant",
        /// A participant's calendar program, answering an invitation.
        Calendar = "calendar",
        /// Confab itself: completing interviews whose end has passed, say.
        System = "system",
    }
}
