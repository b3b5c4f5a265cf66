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
mod tests {
    use super::*;

    /// The window receives the same key the database stores.
    #[test]
    fn a_status_crosses_ipc_as_its_stored_key() {
        for status in EnrolmentStatus::ALL {
            let sent = serde_json::to_value(status).unwrap();
            assert_eq!(sent, serde_json::Value::from(status.key()));
            assert_eq!(
                serde_json::from_value::<EnrolmentStatus>(sent).unwrap(),
                status
            );
        }
    }

    /// Every (status, event) pair with the outcome it must have; `None` means refused.
    #[test]
    fn the_transition_table_as_a_table() {
        let expected: &[(S, E, Option<S>)] = &[
            (S::Added, E::InvitationSent, Some(S::Invited)),
            (S::Invited, E::InvitationSent, Some(S::Invited)),
            // The study's next interview; the service refuses it when none is left.
            (S::Completed, E::InvitationSent, Some(S::Invited)),
            (S::Completed, E::ChoicesHeld, Some(S::Pending)),
            (S::Declined, E::InvitationSent, None),
            (S::Invited, E::InvitationAccepted, Some(S::Accepted)),
            (S::Added, E::InvitationAccepted, None),
            (S::Accepted, E::InvitationDeclined, Some(S::Declined)),
            (S::InterviewScheduled, E::InvitationDeclined, None),
            (S::Invited, E::ChoicesHeld, Some(S::Pending)),
            (S::Declined, E::ChoicesHeld, None),
            (S::Pending, E::NoChoiceFree, Some(S::Waitlisted)),
            (
                S::Waitlisted,
                E::InterviewBooked,
                Some(S::InterviewScheduled),
            ),
            (S::Pending, E::InterviewBooked, Some(S::InterviewScheduled)),
            (
                S::Completed,
                E::InterviewBooked,
                Some(S::InterviewScheduled),
            ),
            (S::NoShow, E::InterviewBooked, Some(S::InterviewScheduled)),
            (S::NoShow, E::InvitationSent, Some(S::Invited)),
            (S::InterviewScheduled, E::InterviewBooked, None),
            (
                S::InterviewScheduled,
                E::InterviewRescheduled,
                Some(S::InterviewScheduled),
            ),
            (S::Pending, E::InterviewRescheduled, None),
            (
                S::InterviewScheduled,
                E::InterviewCanceled,
                Some(S::CanceledInterview),
            ),
            (S::CanceledInterview, E::InterviewCanceled, None),
            (
                S::InterviewScheduled,
                E::InterviewCompleted,
                Some(S::Completed),
            ),
            (S::NoShow, E::InterviewCompleted, None),
            (S::InterviewScheduled, E::MarkedNoShow, Some(S::NoShow)),
            (S::Completed, E::MarkedNoShow, Some(S::NoShow)),
            (S::Invited, E::MarkedNoShow, None),
        ];
        for (from, event, to) in expected {
            assert_eq!(from.after(*event), *to, "{from:?} + {event:?}");
        }
    }

    #[test]
    fn a_completed_participant_is_ready_only_while_interviews_are_left() {
        assert!(S::Completed.ready_for_round(1, 2));
        assert!(!S::Completed.ready_for_round(2, 2));
        assert!(!S::Completed.ready_for_round(1, 1));
        assert!(S::NoShow.ready_for_round(0, 1));
        assert!(!S::Declined.ready_for_round(0, 3));
        assert!(!S::InterviewScheduled.ready_for_round(0, 3));
        // Completed set by hand with nothing on record counts as one interview.
        assert!(!S::Completed.ready_for_round(0, 1));
        // Every interview held: no status set by hand invites them again.
        assert!(!S::Invited.ready_for_round(2, 2));
        assert!(!S::NoShow.ready_for_round(1, 1));
    }

    #[test]
    fn each_event_appears_once_in_the_table() {
        for (i, (_, event, _)) in TRANSITIONS.iter().enumerate() {
            let again = TRANSITIONS[i + 1..].iter().any(|(_, e, _)| e == event);
            assert!(
                !again,
                "{event:?} is listed twice; the first row would hide the second"
            );
        }
    }

    #[test]
    fn keys_and_labels_parse_back() {
        for status in EnrolmentStatus::ALL {
            assert_eq!(status.key().parse::<S>(), Ok(status));
            assert_eq!(status.label().parse::<S>(), Ok(status));
        }
        assert!(
            "maybe"
                .parse::<S>()
                .unwrap_err()
                .contains("interview_scheduled")
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    const EVENTS: [StatusEvent; 10] = [
        E::InvitationSent,
        E::InvitationAccepted,
        E::InvitationDeclined,
        E::ChoicesHeld,
        E::NoChoiceFree,
        E::InterviewBooked,
        E::InterviewRescheduled,
        E::InterviewCanceled,
        E::InterviewCompleted,
        E::MarkedNoShow,
    ];

    fn walk(events: &[usize]) -> Vec<(EnrolmentStatus, StatusEvent, Option<EnrolmentStatus>)> {
        let mut status = S::Added;
        let mut steps = Vec::new();
        for &i in events {
            let event = EVENTS[i];
            let next = status.after(event);
            steps.push((status, event, next));
            if let Some(next) = next {
                status = next;
            }
        }
        steps
    }

    proptest! {
        /// Whatever happens, an interview's outcome is only reached through a booking, and
        /// every event lands where the table's row for it says.
        #[test]
        fn any_history_obeys_the_table(events in proptest::collection::vec(0usize..EVENTS.len(), 0..40)) {
            let mut booked = false;
            for (from, event, next) in walk(&events) {
                let row = TRANSITIONS.iter().find(|(_, e, _)| *e == event).map(|(f, _, t)| (f.contains(&from), *t));
                match (row, next) {
                    (Some((true, to)), Some(next)) => prop_assert_eq!(to, next),
                    (Some((false, _)), None) | (None, None) => {}
                    other => prop_assert!(false, "{from:?} + {event:?} gave {other:?}"),
                }
                if event == E::InterviewBooked && next.is_some() {
                    booked = true;
                }
                if let Some(next) = next {
                    if matches!(next, S::InterviewScheduled | S::Completed | S::NoShow | S::CanceledInterview) {
                        prop_assert!(booked, "{next:?} reached without a booking: {events:?}");
                    }
                    if next == S::Declined {
                        prop_assert_ne!(from, S::InterviewScheduled);
                    }
                }
            }
        }
    }

    #[test]
    fn every_status_can_be_reached_from_added() {
        let mut seen = vec![S::Added];
        let mut frontier = vec![S::Added];
        while let Some(s) = frontier.pop() {
            for e in EVENTS {
                if let Some(n) = s.after(e)
                    && !seen.contains(&n)
                {
                    seen.push(n);
                    frontier.push(n);
                }
            }
        }
        for s in EnrolmentStatus::ALL {
            assert!(seen.contains(&s), "{s:?} cannot be reached by itself");
        }
    }
}
