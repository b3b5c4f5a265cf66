//! Properties of the status table over any history of events: it is obeyed, and every status
//! is reachable from Added.

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
