//! Tests of the status table: keys and labels, and each event's move written out as a table.

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
