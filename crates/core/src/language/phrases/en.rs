use super::{Counted, Phrases};

pub(super) const PHRASES: Phrases = Phrases {
    choice_label: "{number}. {time} (code {code})",
    choice_subject: "Interview choice: {time}",
    choice_body: "Send this message as it is to choose this time.\n\nTo give a second choice as well, write the number of another time from the same message on a new line below (for example: 3).\n",
    decline_label: "I don't want to take part",
    decline_subject: "No thank you",
    decline_body: "Send this message as it is to decline the invitation.\n",
    cancel_label: "Cancel my interview",
    cancel_subject: "Please cancel my interview",
    cancel_body: "Send this message as it is to cancel your interview. You may add a reason.\n",

    round_of: "{round} of {count}",
    calendar_summary: "Interview: {study}",
    calendar_summary_round: "Interview {round}: {study}",
    join_online: "Join online: {url}",
    dial_in: "Dial in: {dial_in}",
    waitlist_deadline: "Please choose by {deadline}: after that, the place is offered to the next person on the waiting list.",
    first_choice: "First choice: {time}",
    second_choice: "Second choice: {time}",

    answer_subject: "Your interview for {study}",
    answer_subject_fallback: "Your message",
    unknown_code: "The code in your message is not one we sent, so nothing was changed. Please use a link from the latest message we sent you, or simply reply to tell us what you would like.",
    other_address: "This link was sent to another address, so it cannot be used from this one and nothing was changed. Please answer from the address our message was sent to.",
    link_used: "This link has already been used or was replaced by a newer message, so nothing was changed. Please use the links in the latest message we sent you.",
    not_recorded: "We could not record your answer automatically; the researcher will get back to you.",
    nothing_to_cancel: "That interview is no longer scheduled, so there was nothing to cancel.",
    too_late_to_cancel: "Your interview is less than {notice} away, so it can no longer be cancelled by link. The researcher has been told and will contact you.",
    nothing_to_move: "That interview is no longer scheduled, so there was nothing to move. The researcher has been told and will get back to you.",
    unreadable_proposal: "Your calendar proposed a new time, but the time could not be read. Please reply with the time you would prefer.",
    link_expired: "Thank you for your message. The link you used is no longer valid (the time it offered has passed, or this part of the study has closed), so nothing was changed. If you would still like to take part or change something, simply reply in your own words and the researcher will get back to you.",
    new_time_unavailable: "Sorry: the new time you chose cannot be booked, because {reason}, and no other time is open at the moment. Your interview stays as it was; I will be in touch.",

    waitlisted: "Sorry: the times you chose were taken before your answer arrived, and no other time is open at the moment. You are on the waiting list, and I will write as soon as a place opens.",

    reason_taken: "it was taken by someone else shortly before your answer arrived",
    reason_day_full: "that day has since filled up with other interviews",
    reason_not_on_offer: "it is no longer on offer",
    reason_too_soon: "it is now too close: interviews are booked at least {notice} ahead",
    reason_too_far: "it is too far ahead: interviews are booked at most {days} ahead",
    reason_passed: "it has already passed",
    reason_other_interview: "you already have another interview booked at that time",

    minutes: Counted {
        one: "1 minute",
        other: "{count} minutes",
    },
    hours: Counted {
        one: "1 hour",
        other: "{count} hours",
    },
    days: Counted {
        one: "1 day",
        other: "{count} days",
    },

    itinerary_interview: "Round {round}: interview with {interviewer}",
    itinerary_break: "Round {round}: break",
    interview_day_summary: "Interview day: {study}",
    itinerary_withdrawn_subject: "Your itinerary for the {{study_name}} interview day is canceled",
    itinerary_withdrawn_body: "Hello {{participant_name}},\n\nYou are no longer on the schedule of the {{study_name}} interview day on {{interview_time}}, so the itinerary you were sent is canceled, and so is its calendar event.\n\nIf this is a mistake, reply to this message.\n\n{{researcher_name}}\n",

    sample_message: "Thank you again for your help with this study.",
    sample_location: "Room 2.14, Psychology Building",
};
