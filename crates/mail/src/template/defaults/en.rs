use crate::template::{MessageKind, Template};

const WHERE: &str = "Where: {{location}}\nJoin online: {{conferencing_url}}\nDial in: {{dial_in}}";

const HOW_TO_CHOOSE: &str = "To choose, click the time that suits you best. Your mail program opens a message to me with everything filled in; just press Send. If a second time would also work for you, click that one too and send that message as well: the first message you send is your first choice. You can also simply reply to this message and write the number of the time you would like (for example \"2\"), or its code.";

pub(super) fn template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::Invitation => (
            "Invitation: an interview for {{study_name}}".to_owned(),
            format!(
                "Hello {{{{participant_name}}}},

Thank you for taking part in {{{{study_name}}}}. I would like to invite you to an interview, at a time that suits you.

This invitation is for interview {{{{interview_round}}}}.

{{{{message}}}}

These are the times I can offer, shown in your time zone ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

If none of these times work for you, simply reply to this message and we will find another. If you would rather not take part, you can tell me here:

{{{{decline_link}}}}

Best wishes,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Confirmation => (
            "Confirmed: your {{study_name}} interview on {{interview_time}}".to_owned(),
            format!(
                "Hello {{{{participant_name}}}},

Your interview for {{{{study_name}}}} is booked for {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

This is interview {{{{interview_round}}}}.
You will meet {{{{interviewers}}}}.

{WHERE}

A calendar invitation is attached, so you can add the interview to your calendar.

{{{{message}}}}

If you can no longer make it, you can cancel here:

{{{{cancel_link}}}}

Looking forward to speaking with you,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Update => (
            "New time: your {{study_name}} interview is now on {{interview_time}}".to_owned(),
            format!(
                "Hello {{{{participant_name}}}},

Your interview for {{{{study_name}}}} has moved. The new time is {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

This is interview {{{{interview_round}}}}.
You will meet {{{{interviewers}}}}.

{WHERE}

The attached calendar invitation replaces the earlier one.

{{{{message}}}}

If the new time does not work for you, you can cancel here:

{{{{cancel_link}}}}

Best wishes,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Cancellation => (
            "Cancelled: your {{study_name}} interview on {{interview_time}}".to_owned(),
            "Hello {{participant_name}},

I am sorry to let you know that your interview for {{study_name}} on {{interview_time}} ({{participant_time_zone}}) has been cancelled. The attached calendar update removes it from your calendar.

This was interview {{interview_round}}.

{{message}}

If you have any questions, simply reply to this message.

Best wishes,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::RescheduleRequest => (
            "Please choose a new time for your {{study_name}} interview".to_owned(),
            format!(
                "Hello {{{{participant_name}}}},

Your interview for {{{{study_name}}}} on {{{{interview_time}}}} needs a new time. I am sorry for the change.

This is interview {{{{interview_round}}}}.

{{{{message}}}}

These are the times I can offer, shown in your time zone ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

If none of these times work for you, simply reply to this message and we will find another. If you can no longer come at all, you can cancel the interview here:

{{{{cancel_link}}}}

Best wishes,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Reminder => (
            "Reminder: your {{study_name}} interview on {{interview_time}}".to_owned(),
            format!(
                "Hello {{{{participant_name}}}},

A short reminder of your interview for {{{{study_name}}}} on {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

This is interview {{{{interview_round}}}}.
You will meet {{{{interviewers}}}}.

{WHERE}

{{{{message}}}}

If you can no longer make it, please cancel here so that someone else can have the time:

{{{{cancel_link}}}}

See you soon,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::WaitlistOffer => (
            "A place has opened up: {{study_name}} interview".to_owned(),
            "Hello {{participant_name}},

Good news: a place has opened up for an interview in {{study_name}}. Places go to whoever answers first, so if you would like one, please choose soon.

{{message}}

Shown in your time zone ({{participant_time_zone}}):

{{choices}}

To take a place, click the time you would like and send the message that opens; there is no need to write anything.

If you no longer wish to take part, you can tell me here:

{{decline_link}}

Best wishes,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::Itinerary => (
            "Your schedule for the {{study_name}} interview day".to_owned(),
            format!(
                "Hello {{{{participant_name}}}},

Here is your schedule for the interview day on {{{{interview_time}}}}. Times are in your time zone ({{{{participant_time_zone}}}}).

{{{{itinerary}}}}

{WHERE}

{{{{message}}}}

If something comes up and you cannot attend, please let me know here:

{{{{cancel_link}}}}

See you on the day,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ResearcherNotice => (
            "{{study_name}}: news about {{participant_name}}".to_owned(),
            "Hello {{researcher_name}},

{{message}}

Participant: {{participant_name}}
Study: {{study_name}}
Interview: {{interview_time}}

Open the study in Confab to see the details or to act on this."
                .to_owned(),
        ),
        MessageKind::ChoiceUnavailable => (
            "{{study_name}}: please choose another time".to_owned(),
            format!(
                "Hello {{{{participant_name}}}},

Thank you for your answer. I am sorry: the time you chose cannot be booked, because {{{{message}}}}.

These times are still open, shown in your time zone ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

The other times in my earlier message still work too, as long as they are free. If none of them suit you, simply reply to this message and we will find another.

Best wishes,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ChoicesReceived => (
            "Thank you: your choice for {{study_name}} has arrived".to_owned(),
            "Hello {{participant_name}},

Thank you for choosing a time for your interview for {{study_name}}. This is what I have received, in your time zone ({{participant_time_zone}}):

{{message}}

Nothing is booked yet: I will confirm one of these times soon, and you will then receive a calendar invitation. If another time from my invitation would also work for you, you can still click it and send that message as well.

Best wishes,
{{researcher_name}}"
                .to_owned(),
        ),
    };
    Template { subject, body }
}
