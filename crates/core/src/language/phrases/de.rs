use super::{Counted, Phrases};

pub(super) const PHRASES: Phrases = Phrases {
    choice_label: "{number}. {time} (Code {code})",
    choice_subject: "Terminwahl: {time}",
    choice_body: "Senden Sie diese Nachricht einfach unverändert ab, um diesen Termin zu wählen.\n\nWenn Sie zusätzlich eine zweite Wahl angeben möchten, schreiben Sie unten in eine neue Zeile die Nummer eines anderen Termins aus derselben E-Mail (zum Beispiel: 3).\n",
    decline_label: "Ich möchte nicht teilnehmen",
    decline_subject: "Nein, danke",
    decline_body: "Senden Sie diese Nachricht einfach unverändert ab, um die Einladung abzulehnen.\n",
    cancel_label: "Mein Interview absagen",
    cancel_subject: "Absage meines Interviews",
    cancel_body: "Senden Sie diese Nachricht einfach unverändert ab, um Ihr Interview abzusagen. Gern können Sie einen Grund dazuschreiben.\n",

    round_of: "{round} von {count}",
    calendar_summary: "Interviewtermin: {study}",
    calendar_summary_round: "Interviewtermin {round}: {study}",
    join_online: "Online teilnehmen: {url}",
    dial_in: "Telefonische Einwahl: {dial_in}",
    waitlist_deadline: "Bitte wählen Sie bis {deadline} einen Termin; danach wird der Platz der nächsten Person auf der Warteliste angeboten.",
    first_choice: "Erste Wahl: {time}",
    second_choice: "Zweite Wahl: {time}",

    answer_subject: "{study}: Ihr Interview",
    answer_subject_fallback: "Ihre Nachricht",
    unknown_code: "Der Code in Ihrer Nachricht stammt nicht von uns, daher wurde nichts geändert. Bitte verwenden Sie einen Link aus der letzten E-Mail, die wir Ihnen geschickt haben, oder antworten Sie einfach und schreiben Sie uns, was Sie möchten.",
    other_address: "Dieser Link wurde an eine andere E-Mail-Adresse geschickt und kann daher nicht von dieser Adresse aus verwendet werden; es wurde nichts geändert. Bitte antworten Sie von der Adresse, an die unsere Nachricht gegangen ist.",
    link_used: "Dieser Link wurde bereits verwendet oder durch eine neuere Nachricht ersetzt, daher wurde nichts geändert. Bitte verwenden Sie die Links aus der letzten E-Mail, die wir Ihnen geschickt haben.",
    not_recorded: "Wir konnten Ihre Antwort nicht automatisch erfassen; die Studienleitung meldet sich bei Ihnen.",
    nothing_to_cancel: "Dieses Interview ist nicht mehr geplant, es gab also nichts abzusagen.",
    too_late_to_cancel: "Ihr Interview beginnt in weniger als {notice}, daher kann es nicht mehr über den Link abgesagt werden. Die Studienleitung ist informiert und meldet sich bei Ihnen.",
    nothing_to_move: "Dieses Interview ist nicht mehr geplant, es gab also nichts zu verschieben. Die Studienleitung ist informiert und meldet sich bei Ihnen.",
    unreadable_proposal: "Ihr Kalender hat einen neuen Termin vorgeschlagen, aber die Zeitangabe konnte nicht gelesen werden. Bitte antworten Sie mit dem Termin, der Ihnen lieber wäre.",
    link_expired: "Vielen Dank für Ihre Nachricht. Der Link, den Sie verwendet haben, ist nicht mehr gültig (der angebotene Termin ist bereits vorbei oder dieser Teil der Studie ist abgeschlossen), daher wurde nichts geändert. Wenn Sie trotzdem teilnehmen oder etwas ändern möchten, antworten Sie einfach in eigenen Worten; die Studienleitung meldet sich dann bei Ihnen.",
    new_time_unavailable: "Leider kann der neue Termin, den Sie gewählt haben, nicht gebucht werden, weil {reason}. Im Moment ist auch kein anderer Termin frei. Ihr Interview bleibt daher wie geplant; ich melde mich bei Ihnen.",

    waitlisted: "Leider waren die von Ihnen gewählten Termine schon vergeben, als Ihre Antwort ankam, und im Moment ist kein anderer Termin frei. Sie stehen auf der Warteliste; ich melde mich, sobald ein Platz frei wird.",

    reason_taken: "ihn kurz vor Eingang Ihrer Antwort bereits jemand anderes gebucht hat",
    reason_day_full: "dieser Tag inzwischen mit anderen Interviews ausgebucht ist",
    reason_not_on_offer: "er nicht mehr angeboten wird",
    reason_too_soon: "er inzwischen zu kurzfristig ist (Interviews werden mindestens {notice} im Voraus gebucht)",
    reason_too_far: "er zu weit in der Zukunft liegt (Interviews werden höchstens {days} im Voraus gebucht)",
    reason_passed: "er bereits vorbei ist",
    reason_other_interview: "Sie zu dieser Zeit bereits ein anderes Interview gebucht haben",

    minutes: Counted {
        one: "1 Minute",
        other: "{count} Minuten",
    },
    hours: Counted {
        one: "1 Stunde",
        other: "{count} Stunden",
    },
    days: Counted {
        one: "1 Tag",
        other: "{count} Tage",
    },

    itinerary_interview: "Runde {round}: Gespräch mit {interviewer}",
    itinerary_break: "Runde {round}: Pause",
    interview_day_summary: "Interviewtag: {study}",
    itinerary_withdrawn_subject: "Interviewtag „{{study_name}}“: Ihr Zeitplan entfällt",
    itinerary_withdrawn_body: "Guten Tag {{participant_name}},\n\nSie stehen nicht mehr auf dem Zeitplan des Interviewtags „{{study_name}}“ am {{interview_time}}. Der Zeitplan, den Sie erhalten haben, entfällt daher, ebenso der zugehörige Kalendereintrag.\n\nFalls es sich um einen Irrtum handelt, antworten Sie bitte auf diese Nachricht.\n\nViele Grüße\n{{researcher_name}}\n",

    sample_message: "Nochmals vielen Dank für Ihre Unterstützung bei dieser Studie.",
    sample_location: "Raum 2.14, Institut für Psychologie",
};
