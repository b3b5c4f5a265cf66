use crate::template::{MessageKind, Template};

const WHERE: &str =
    "Ort: {{location}}\nOnline teilnehmen: {{conferencing_url}}\nTelefonische Einwahl: {{dial_in}}";

const HOW_TO_CHOOSE: &str = "Klicken Sie zur Auswahl einfach auf den Termin, der Ihnen am besten passt. Ihr E-Mail-Programm öffnet dann eine fertig ausgefüllte Nachricht an mich, die Sie nur noch absenden müssen. Wenn Ihnen auch ein zweiter Termin passen würde, klicken Sie diesen ebenfalls an und senden Sie auch diese Nachricht ab: Die Nachricht, die Sie zuerst absenden, gilt als Ihre erste Wahl. Sie können auch einfach auf diese E-Mail antworten und die Nummer des gewünschten Termins (zum Beispiel „2“) oder seinen Code nennen.";

pub(super) fn template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::Invitation => (
            "Einladung zum Interview: {{study_name}}".to_owned(),
            format!(
                "Guten Tag {{{{participant_name}}}},

vielen Dank, dass Sie an der Studie „{{{{study_name}}}}“ teilnehmen. Ich möchte Sie gern zu einem Interview einladen – zu einem Termin, der Ihnen passt.

Diese Einladung gilt für Interview {{{{interview_round}}}}.

{{{{message}}}}

Folgende Termine kann ich Ihnen anbieten (in Ihrer Zeitzone, {{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Falls keiner dieser Termine für Sie passt, antworten Sie einfach auf diese E-Mail, dann finden wir einen anderen. Wenn Sie lieber nicht teilnehmen möchten, können Sie mir das hier mitteilen:

{{{{decline_link}}}}

Viele Grüße
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Confirmation => (
            "{{study_name}}: Ihr Interview am {{interview_time}} ist bestätigt".to_owned(),
            format!(
                "Guten Tag {{{{participant_name}}}},

Ihr Interviewtermin für die Studie „{{{{study_name}}}}“ steht fest: am {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Dies ist Interview {{{{interview_round}}}}.
Sie sprechen mit {{{{interviewers}}}}.

{WHERE}

Im Anhang finden Sie eine Kalendereinladung, mit der Sie den Termin in Ihren Kalender übernehmen können.

{{{{message}}}}

Sollten Sie verhindert sein, können Sie den Termin hier absagen:

{{{{cancel_link}}}}

Ich freue mich auf unser Gespräch.

Viele Grüße
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Update => (
            "{{study_name}}: Ihr Interview findet jetzt am {{interview_time}} statt".to_owned(),
            format!(
                "Guten Tag {{{{participant_name}}}},

Ihr Interview für die Studie „{{{{study_name}}}}“ wurde verschoben und findet jetzt am {{{{interview_time}}}} ({{{{participant_time_zone}}}}) statt.

Dies ist Interview {{{{interview_round}}}}.
Sie sprechen mit {{{{interviewers}}}}.

{WHERE}

Die beigefügte Kalendereinladung ersetzt die bisherige.

{{{{message}}}}

Falls Ihnen der neue Termin nicht passt, können Sie ihn hier absagen:

{{{{cancel_link}}}}

Viele Grüße
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Cancellation => (
            "{{study_name}}: Ihr Interview am {{interview_time}} wurde abgesagt".to_owned(),
            "Guten Tag {{participant_name}},

leider muss ich Ihnen mitteilen, dass Ihr Interview für die Studie „{{study_name}}“ am {{interview_time}} ({{participant_time_zone}}) abgesagt wurde. Mit der beigefügten Kalenderaktualisierung wird der Termin aus Ihrem Kalender entfernt.

Dies war Interview {{interview_round}}.

{{message}}

Wenn Sie Fragen haben, antworten Sie einfach auf diese E-Mail.

Viele Grüße
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::RescheduleRequest => (
            "{{study_name}}: Bitte wählen Sie einen neuen Interviewtermin".to_owned(),
            format!(
                "Guten Tag {{{{participant_name}}}},

Ihr Interview für die Studie „{{{{study_name}}}}“ am {{{{interview_time}}}} muss leider auf einen anderen Termin verlegt werden. Bitte entschuldigen Sie die Änderung.

Dies ist Interview {{{{interview_round}}}}.

{{{{message}}}}

Folgende Termine kann ich Ihnen anbieten (in Ihrer Zeitzone, {{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Falls keiner dieser Termine für Sie passt, antworten Sie einfach auf diese E-Mail, dann finden wir einen anderen. Sollten Sie gar nicht mehr teilnehmen können, sagen Sie das Interview bitte hier ab:

{{{{cancel_link}}}}

Viele Grüße
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Reminder => (
            "Erinnerung: Ihr Interview am {{interview_time}} ({{study_name}})".to_owned(),
            format!(
                "Guten Tag {{{{participant_name}}}},

eine kurze Erinnerung an Ihr Interview für die Studie „{{{{study_name}}}}“ am {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Dies ist Interview {{{{interview_round}}}}.
Sie sprechen mit {{{{interviewers}}}}.

{WHERE}

{{{{message}}}}

Falls Sie nicht kommen können, sagen Sie den Termin bitte hier ab, damit jemand anderes ihn nutzen kann:

{{{{cancel_link}}}}

Bis bald und viele Grüße
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::WaitlistOffer => (
            "{{study_name}}: Ein Interviewplatz ist frei geworden".to_owned(),
            "Guten Tag {{participant_name}},

gute Nachrichten: Für die Studie „{{study_name}}“ ist ein Interviewplatz frei geworden. Die Plätze werden in der Reihenfolge der Antworten vergeben. Wenn Sie Interesse haben, wählen Sie also bitte bald einen Termin.

{{message}}

Die Termine in Ihrer Zeitzone ({{participant_time_zone}}):

{{choices}}

Um einen Platz zu übernehmen, klicken Sie auf den gewünschten Termin und senden Sie die Nachricht ab, die sich dann öffnet; Sie müssen nichts dazuschreiben.

Wenn Sie nicht mehr teilnehmen möchten, können Sie mir das hier mitteilen:

{{decline_link}}

Viele Grüße
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::Itinerary => (
            "Ihr Zeitplan für den Interviewtag: {{study_name}}".to_owned(),
            format!(
                "Guten Tag {{{{participant_name}}}},

hier ist Ihr Zeitplan für den Interviewtag am {{{{interview_time}}}}. Alle Uhrzeiten sind in Ihrer Zeitzone ({{{{participant_time_zone}}}}) angegeben.

{{{{itinerary}}}}

{WHERE}

{{{{message}}}}

Falls etwas dazwischenkommt und Sie nicht teilnehmen können, geben Sie mir bitte hier Bescheid:

{{{{cancel_link}}}}

Bis zum Interviewtag und viele Grüße
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ResearcherNotice => (
            "{{study_name}}: Neuigkeiten zu {{participant_name}}".to_owned(),
            "Hallo {{researcher_name}},

{{message}}

Teilnehmende Person: {{participant_name}}
Studie: {{study_name}}
Interview: {{interview_time}}

Öffnen Sie die Studie in Confab, um die Details zu sehen oder etwas zu unternehmen."
                .to_owned(),
        ),
        MessageKind::ChoiceUnavailable => (
            "{{study_name}}: Bitte wählen Sie einen anderen Termin".to_owned(),
            format!(
                "Guten Tag {{{{participant_name}}}},

vielen Dank für Ihre Antwort. Leider kann der Termin, den Sie gewählt haben, nicht gebucht werden, weil {{{{message}}}}.

Diese Termine sind noch frei (in Ihrer Zeitzone, {{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Auch die übrigen Termine aus meiner vorherigen E-Mail können Sie weiterhin wählen, sofern sie noch frei sind. Falls keiner davon für Sie passt, antworten Sie einfach auf diese E-Mail, dann finden wir einen anderen.

Viele Grüße
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ChoicesReceived => (
            "{{study_name}}: Ihre Terminwahl ist eingegangen".to_owned(),
            "Guten Tag {{participant_name}},

vielen Dank, dass Sie einen Termin für Ihr Interview im Rahmen der Studie „{{study_name}}“ gewählt haben. Folgendes habe ich erhalten (in Ihrer Zeitzone, {{participant_time_zone}}):

{{message}}

Gebucht ist noch nichts: Ich bestätige Ihnen in Kürze einen dieser Termine, und Sie erhalten dann eine Kalendereinladung. Falls Ihnen ein weiterer Termin aus meiner Einladung ebenfalls passt, können Sie ihn immer noch anklicken und die zugehörige Nachricht ebenfalls absenden.

Viele Grüße
{{researcher_name}}"
                .to_owned(),
        ),
    };
    Template { subject, body }
}
