//! Where a participant stands in one study, and which events move them on by themselves.
//! The researcher may set any status by hand; this table is only what happens unasked.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Crosses IPC as its key (`interview_scheduled`); the store keeps the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    Added,
    Invited,
    Accepted,
    Declined,
    Pending,
    Waitlisted,
    InterviewScheduled,
    Completed,
    NoShow,
    CanceledInterview,
}

/// Something that happened to a participant's place in a study.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusEvent {
    InvitationSent,
    InvitationAccepted,
    InvitationDeclined,
    /// Choices were given and wait for the researcher (self-scheduling off).
    ChoicesHeld,
    /// No given choice was free any more.
    NoChoiceFree,
    InterviewBooked,
    InterviewRescheduled,
    InterviewCanceled,
    InterviewCompleted,
    MarkedNoShow,
}

use EnrolmentStatus as S;
use StatusEvent as E;

/// The automatic transitions: from any status in the first column, the event leads to the
/// third. An event not listed for a status does not change it and is refused.
pub const TRANSITIONS: &[(&[EnrolmentStatus], StatusEvent, EnrolmentStatus)] = &[
    // Completed: invited to the study's next interview, when it holds several (the service
    // checks that one is left).
    (
        &[
            S::Added,
            S::Invited,
            S::NoShow,
            S::CanceledInterview,
            S::Waitlisted,
            S::Completed,
        ],
        E::InvitationSent,
        S::Invited,
    ),
    (&[S::Invited], E::InvitationAccepted, S::Accepted),
    (
        &[S::Invited, S::Accepted, S::Pending, S::Waitlisted],
        E::InvitationDeclined,
        S::Declined,
    ),
    (
        &[
            S::Added,
            S::Invited,
            S::Accepted,
            S::Pending,
            S::Waitlisted,
            S::CanceledInterview,
            S::NoShow,
            S::Completed,
        ],
        E::ChoicesHeld,
        S::Pending,
    ),
    (
        &[
            S::Added,
            S::Invited,
            S::Accepted,
            S::Pending,
            S::Waitlisted,
            S::CanceledInterview,
            S::NoShow,
            S::Completed,
        ],
        E::NoChoiceFree,
        S::Waitlisted,
    ),
    (
        &[
            S::Added,
            S::Invited,
            S::Accepted,
            S::Pending,
            S::Waitlisted,
            S::CanceledInterview,
            S::Declined,
            // Booking again: after a no-show (the usual advice is to offer a new time) or for
            // a follow-up interview after a completed one.
            S::NoShow,
            S::Completed,
        ],
        E::InterviewBooked,
        S::InterviewScheduled,
    ),
    (
        &[S::InterviewScheduled],
        E::InterviewRescheduled,
        S::InterviewScheduled,
    ),
    (
        &[S::InterviewScheduled],
        E::InterviewCanceled,
        S::CanceledInterview,
    ),
    (
        &[S::InterviewScheduled],
        E::InterviewCompleted,
        S::Completed,
    ),
    (
        &[S::InterviewScheduled, S::Completed],
        E::MarkedNoShow,
        S::NoShow,
    ),
];

impl EnrolmentStatus {
    pub const ALL: [EnrolmentStatus; 10] = [
        S::Added,
        S::Invited,
        S::Accepted,
        S::Declined,
        S::Pending,
        S::Waitlisted,
        S::InterviewScheduled,
        S::Completed,
        S::NoShow,
        S::CanceledInterview,
    ];

    /// The status `event` leads to from here, or `None` if it does not apply.
    pub fn after(self, event: StatusEvent) -> Option<EnrolmentStatus> {
        TRANSITIONS
            .iter()
            .find(|(from, e, _)| *e == event && from.contains(&self))
            .map(|(_, _, to)| *to)
    }

    /// The key stored in the database and sent over IPC.
    pub fn key(self) -> &'static str {
        match self {
            S::Added => "added",
            S::Invited => "invited",
            S::Accepted => "accepted",
            S::Declined => "declined",
            S::Pending => "pending",
            S::Waitlisted => "waitlisted",
            S::InterviewScheduled => "interview_scheduled",
            S::Completed => "completed",
            S::NoShow => "no_show",
            S::CanceledInterview => "canceled_interview",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            S::Added => "Added",
            S::Invited => "Invited",
            S::Accepted => "Accepted",
            S::Declined => "Declined",
            S::Pending => "Pending",
            S::Waitlisted => "Waitlisted",
            S::InterviewScheduled => "Interview Scheduled",
            S::Completed => "Completed",
            S::NoShow => "No Show",
            S::CanceledInterview => "Canceled Interview",
        }
    }

    /// Whether the participant can be sent an invitation to choose a time.
    pub fn ready_for_scheduling(self) -> bool {
        matches!(
            self,
            S::Added | S::Invited | S::Accepted | S::Waitlisted | S::CanceledInterview | S::NoShow
        )
    }

    /// Whether the participant can be invited to choose a time in a study that holds
    /// `per_participant` interviews, of which they completed `completed`: their status allows
    /// it (Completed does while another interview is left), and the study holds one more.
    pub fn ready_for_round(self, completed: i32, per_participant: i32) -> bool {
        self.interviews_held(completed) < per_participant
            && (self.ready_for_scheduling() || self == S::Completed)
    }

    /// The interviews a participant counts as having had: a status set to Completed by hand,
    /// with no interview on record, counts as one.
    pub fn interviews_held(self, completed: i32) -> i32 {
        if self == S::Completed {
            completed.max(1)
        } else {
            completed
        }
    }
}

impl fmt::Display for EnrolmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for EnrolmentStatus {
    type Err = String;

    /// Accepts the key (`no_show`) or the label (`No Show`), in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_lowercase().replace([' ', '-'], "_");
        Self::ALL
            .into_iter()
            .find(|s| s.key() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|s| s.key()).collect();
                format!(
                    "\"{text}\" is not a status; use one of {}.",
                    names.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod properties;
