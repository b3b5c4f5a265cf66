//! Where an interview stands.

crate::closed_set! {
    pub enum InterviewState {
        Scheduled = "scheduled",
        Completed = "completed",
        Canceled = "canceled",
        NoShow = "no_show",
    }
}
