//! Every fixed sentence a participant reads outside the study's templates: the texts of the
//! links and of the messages they open, automatic answers, the reasons a chosen time cannot be
//! booked, calendar events. One file per language, each a [`Phrases`] value.
//!
//! Sentences take values as `{name}` (see [`fill`]); a translation keeps every name its English
//! sentence has, and a test checks that it does.

mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pt;

use super::BaseLanguage;

/// A count in words, singular and plural (`"1 hour"`, `"{count} hours"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub one: &'static str,
    pub other: &'static str,
}

impl Counted {
    pub fn of(&self, count: u64) -> String {
        if count == 1 {
            self.one.to_owned()
        } else {
            fill(self.other, &[("count", &count.to_string())])
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrases {
    // A time offered in a message: the link's text, and the message it opens.
    /// `{number}`, `{time}`, `{code}`: "2. Tue 3 Dec, 10:00–10:45 (code K7QX)".
    pub choice_label: &'static str,
    /// `{time}`
    pub choice_subject: &'static str,
    pub choice_body: &'static str,
    pub decline_label: &'static str,
    pub decline_subject: &'static str,
    pub decline_body: &'static str,
    pub cancel_label: &'static str,
    pub cancel_subject: &'static str,
    pub cancel_body: &'static str,

    /// `{round}`, `{count}`: what `{{interview_round}}` becomes, "2 of 3".
    pub round_of: &'static str,
    /// `{study}`: the calendar event of a study with one interview per participant.
    pub calendar_summary: &'static str,
    /// `{round}` (as [`Phrases::round_of`] writes it), `{study}`.
    pub calendar_summary_round: &'static str,
    /// `{url}`: a line of the calendar event's description.
    pub join_online: &'static str,
    /// `{dial_in}`
    pub dial_in: &'static str,
    /// `{deadline}`: the message of a waiting-list offer.
    pub waitlist_deadline: &'static str,
    /// `{time}`: the lines of the answer that tells a participant their choices arrived.
    pub first_choice: &'static str,
    pub second_choice: &'static str,

    // Automatic answers.
    /// `{study}`
    pub answer_subject: &'static str,
    /// The subject of an answer to a message that had none.
    pub answer_subject_fallback: &'static str,
    pub unknown_code: &'static str,
    pub other_address: &'static str,
    pub link_used: &'static str,
    pub not_recorded: &'static str,
    pub nothing_to_cancel: &'static str,
    /// `{notice}`, a count of hours from [`Phrases::hours`].
    pub too_late_to_cancel: &'static str,
    pub nothing_to_move: &'static str,
    pub unreadable_proposal: &'static str,
    pub link_expired: &'static str,
    /// `{reason}`, one of the `reason_` sentences.
    pub new_time_unavailable: &'static str,
    /// Every time chosen was taken and nothing else is open: the participant waits.
    pub waitlisted: &'static str,

    // Why a time the participant chose cannot be booked. Each completes the sentence of the
    // "choice unavailable" template and of `new_time_unavailable` where `{reason}` or
    // `{{message}}` stands ("…cannot be booked, because {reason}.").
    pub reason_taken: &'static str,
    pub reason_day_full: &'static str,
    pub reason_not_on_offer: &'static str,
    /// `{notice}`, from [`Phrases::minutes`] or [`Phrases::hours`].
    pub reason_too_soon: &'static str,
    /// `{days}`, from [`Phrases::days`].
    pub reason_too_far: &'static str,
    pub reason_passed: &'static str,
    pub reason_other_interview: &'static str,

    pub minutes: Counted,
    pub hours: Counted,
    pub days: Counted,

    // Interview days.
    /// `{round}`, `{interviewer}`: a line of an applicant's itinerary.
    pub itinerary_interview: &'static str,
    /// `{round}`
    pub itinerary_break: &'static str,
    /// `{study}`: the calendar event of an applicant's interview day.
    pub interview_day_summary: &'static str,
    /// A template (placeholders in double braces) telling an applicant they are no longer on
    /// an interview day's schedule.
    pub itinerary_withdrawn_subject: &'static str,
    pub itinerary_withdrawn_body: &'static str,

    // What the template editor's preview fills in, so that a preview reads in one language.
    pub sample_message: &'static str,
    pub sample_location: &'static str,
}

impl Phrases {
    /// A span of minutes, in whole hours where it is whole hours ("24 hours", "90 minutes").
    pub fn span(&self, minutes: u32) -> String {
        if minutes > 0 && minutes.is_multiple_of(60) {
            self.hours.of(u64::from(minutes / 60))
        } else {
            self.minutes.of(u64::from(minutes))
        }
    }

    /// Every sentence, named, for the tests that compare translations.
    pub fn named(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            ("choice_label", self.choice_label),
            ("choice_subject", self.choice_subject),
            ("choice_body", self.choice_body),
            ("decline_label", self.decline_label),
            ("decline_subject", self.decline_subject),
            ("decline_body", self.decline_body),
            ("cancel_label", self.cancel_label),
            ("cancel_subject", self.cancel_subject),
            ("cancel_body", self.cancel_body),
            ("round_of", self.round_of),
            ("calendar_summary", self.calendar_summary),
            ("calendar_summary_round", self.calendar_summary_round),
            ("join_online", self.join_online),
            ("dial_in", self.dial_in),
            ("waitlist_deadline", self.waitlist_deadline),
            ("first_choice", self.first_choice),
            ("second_choice", self.second_choice),
            ("answer_subject", self.answer_subject),
            ("answer_subject_fallback", self.answer_subject_fallback),
            ("unknown_code", self.unknown_code),
            ("other_address", self.other_address),
            ("link_used", self.link_used),
            ("not_recorded", self.not_recorded),
            ("nothing_to_cancel", self.nothing_to_cancel),
            ("too_late_to_cancel", self.too_late_to_cancel),
            ("nothing_to_move", self.nothing_to_move),
            ("unreadable_proposal", self.unreadable_proposal),
            ("link_expired", self.link_expired),
            ("new_time_unavailable", self.new_time_unavailable),
            ("waitlisted", self.waitlisted),
            ("reason_taken", self.reason_taken),
            ("reason_day_full", self.reason_day_full),
            ("reason_not_on_offer", self.reason_not_on_offer),
            ("reason_too_soon", self.reason_too_soon),
            ("reason_too_far", self.reason_too_far),
            ("reason_passed", self.reason_passed),
            ("reason_other_interview", self.reason_other_interview),
            ("minutes.one", self.minutes.one),
            ("minutes.other", self.minutes.other),
            ("hours.one", self.hours.one),
            ("hours.other", self.hours.other),
            ("days.one", self.days.one),
            ("days.other", self.days.other),
            ("itinerary_interview", self.itinerary_interview),
            ("itinerary_break", self.itinerary_break),
            ("interview_day_summary", self.interview_day_summary),
            (
                "itinerary_withdrawn_subject",
                self.itinerary_withdrawn_subject,
            ),
            ("itinerary_withdrawn_body", self.itinerary_withdrawn_body),
            ("sample_message", self.sample_message),
            ("sample_location", self.sample_location),
        ]
    }
}

pub(super) fn of(language: BaseLanguage) -> &'static Phrases {
    match language {
        BaseLanguage::English => &en::PHRASES,
        BaseLanguage::German => &de::PHRASES,
        BaseLanguage::French => &fr::PHRASES,
        BaseLanguage::Spanish => &es::PHRASES,
        BaseLanguage::Dutch => &nl::PHRASES,
        BaseLanguage::Italian => &it::PHRASES,
        BaseLanguage::Portuguese => &pt::PHRASES,
    }
}

/// Puts values in a sentence's `{name}`s. A value is inserted once, never read as a sentence
/// itself, so a value that holds braces stays as it is.
pub fn fill(sentence: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(sentence.len() + 32);
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s a sentence takes, in order, without the `{{…}}` of templates.
pub fn names_in(sentence: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(inner) = after.strip_prefix('{') {
            rest = inner.find("}}").map_or("", |close| &inner[close + 2..]);
            continue;
        }
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fill_their_names_once() {
        assert_eq!(
            fill("{n}. {time} ({n})", &[("n", "2"), ("time", "{n}")]),
            "2. {n} (2)"
        );
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    }

    #[test]
    fn every_language_takes_the_values_english_takes() {
        let english = BaseLanguage::English.phrases().named();
        for language in BaseLanguage::ALL {
            for ((name, sentence), (_, en)) in language.phrases().named().into_iter().zip(&english)
            {
                assert!(!sentence.trim().is_empty(), "{language:?} {name} is empty");
                let mut theirs = names_in(sentence);
                let mut ours = names_in(en);
                theirs.sort_unstable();
                ours.sort_unstable();
                assert_eq!(theirs, ours, "{language:?} {name}: {sentence}");
            }
        }
    }

    #[test]
    fn translations_are_not_english() {
        let english = BaseLanguage::English.phrases().named();
        for language in BaseLanguage::ALL
            .into_iter()
            .filter(|l| *l != BaseLanguage::English)
        {
            let same: Vec<_> = language
                .phrases()
                .named()
                .into_iter()
                .zip(&english)
                // Sentences that are only placeholders and punctuation read the same anywhere.
                .filter(|((_, s), (_, en))| s == en && s.chars().any(char::is_alphabetic))
                .map(|((name, _), _)| name)
                .collect();
            assert!(same.is_empty(), "{language:?} keeps English in {same:?}");
        }
    }

    #[test]
    fn spans_read_in_whole_hours_where_they_can() {
        let en = BaseLanguage::English.phrases();
        assert_eq!(en.span(24 * 60), "24 hours");
        assert_eq!(en.span(60), "1 hour");
        assert_eq!(en.span(90), "90 minutes");
        assert_eq!(en.days.of(1), "1 day");
    }
}
