use crate::template::{MessageKind, Template};

const WHERE: &str =
    "Locatie: {{location}}\nOnline deelnemen: {{conferencing_url}}\nInbellen: {{dial_in}}";

const HOW_TO_CHOOSE: &str = "Om te kiezen klikt u op het tijdstip dat u het beste uitkomt. Uw e-mailprogramma opent dan een bericht aan mij waarin alles al is ingevuld; u hoeft alleen nog op Verzenden te klikken. Komt een tweede tijdstip u ook goed uit? Klik dan ook daarop en verstuur dat bericht eveneens: het bericht dat u als eerste verstuurt, geldt als uw eerste keuze. U kunt ook gewoon op deze e-mail antwoorden en het nummer van het gewenste tijdstip (bijvoorbeeld ‘2’) of de bijbehorende code noemen.";

pub(super) fn template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::Invitation => (
            "Uitnodiging voor een interview: {{study_name}}".to_owned(),
            format!(
                "Beste {{{{participant_name}}}},

Hartelijk dank voor uw deelname aan het onderzoek {{{{study_name}}}}. Graag nodig ik u uit voor een interview, op een tijdstip dat u goed uitkomt.

Deze uitnodiging is voor interview {{{{interview_round}}}}.

{{{{message}}}}

Dit zijn de tijdstippen die ik u kan aanbieden, in uw tijdzone ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Komt geen van deze tijdstippen u uit? Beantwoord dan gewoon deze e-mail, dan zoeken we samen een ander moment. Wilt u liever niet deelnemen, dan kunt u dat hier laten weten:

{{{{decline_link}}}}

Met vriendelijke groet,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Confirmation => (
            "Bevestigd: uw interview voor {{study_name}} op {{interview_time}}".to_owned(),
            format!(
                "Beste {{{{participant_name}}}},

Uw interview voor het onderzoek {{{{study_name}}}} is ingepland op {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Dit is interview {{{{interview_round}}}}.
U spreekt met {{{{interviewers}}}}.

{WHERE}

In de bijlage vindt u een agenda-uitnodiging, zodat u het interview in uw agenda kunt zetten.

{{{{message}}}}

Mocht u onverhoopt verhinderd zijn, dan kunt u hier annuleren:

{{{{cancel_link}}}}

Ik kijk uit naar ons gesprek.

Met vriendelijke groet,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Update => (
            "Nieuw tijdstip: uw interview voor {{study_name}} is verplaatst naar {{interview_time}}"
                .to_owned(),
            format!(
                "Beste {{{{participant_name}}}},

Uw interview voor het onderzoek {{{{study_name}}}} is verplaatst en vindt nu plaats op {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Dit is interview {{{{interview_round}}}}.
U spreekt met {{{{interviewers}}}}.

{WHERE}

De bijgevoegde agenda-uitnodiging vervangt de eerdere.

{{{{message}}}}

Komt het nieuwe tijdstip u niet uit, dan kunt u hier annuleren:

{{{{cancel_link}}}}

Met vriendelijke groet,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Cancellation => (
            "Geannuleerd: uw interview voor {{study_name}} op {{interview_time}}".to_owned(),
            "Beste {{participant_name}},

Helaas moet ik u laten weten dat uw interview voor het onderzoek {{study_name}} op {{interview_time}} ({{participant_time_zone}}) is geannuleerd. Met de bijgevoegde agendawijziging verdwijnt het interview uit uw agenda.

Dit was interview {{interview_round}}.

{{message}}

Heeft u nog vragen? Beantwoord dan gewoon deze e-mail.

Met vriendelijke groet,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::RescheduleRequest => (
            "Nieuw tijdstip nodig voor uw interview ({{study_name}})".to_owned(),
            format!(
                "Beste {{{{participant_name}}}},

Uw interview voor het onderzoek {{{{study_name}}}} op {{{{interview_time}}}} moet helaas naar een ander tijdstip worden verplaatst. Mijn excuses voor de wijziging.

Dit is interview {{{{interview_round}}}}.

{{{{message}}}}

Dit zijn de tijdstippen die ik u kan aanbieden, in uw tijdzone ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Komt geen van deze tijdstippen u uit? Beantwoord dan gewoon deze e-mail, dan zoeken we samen een ander moment. Kunt u helemaal niet meer komen, dan kunt u het interview hier annuleren:

{{{{cancel_link}}}}

Met vriendelijke groet,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Reminder => (
            "Herinnering: uw interview voor {{study_name}} op {{interview_time}}".to_owned(),
            format!(
                "Beste {{{{participant_name}}}},

Een korte herinnering aan uw interview voor het onderzoek {{{{study_name}}}} op {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Dit is interview {{{{interview_round}}}}.
U spreekt met {{{{interviewers}}}}.

{WHERE}

{{{{message}}}}

Kunt u toch niet komen? Annuleer dan hier, zodat iemand anders dit tijdstip kan krijgen:

{{{{cancel_link}}}}

Tot binnenkort en met vriendelijke groet,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::WaitlistOffer => (
            "Er is een plek vrijgekomen: interview voor {{study_name}}".to_owned(),
            "Beste {{participant_name}},

Goed nieuws: er is een plek vrijgekomen voor een interview in het onderzoek {{study_name}}. Wie het eerst reageert, krijgt de plek. Heeft u interesse, kies dan zo snel mogelijk een tijdstip.

{{message}}

De tijden in uw tijdzone ({{participant_time_zone}}):

{{choices}}

Om een plek te nemen, klikt u op het gewenste tijdstip en verstuurt u het bericht dat dan opent; u hoeft er niets bij te schrijven.

Wilt u niet meer deelnemen? Dan kunt u dat hier laten weten:

{{decline_link}}

Met vriendelijke groet,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::Itinerary => (
            "Uw programma voor de interviewdag van {{study_name}}".to_owned(),
            format!(
                "Beste {{{{participant_name}}}},

Hierbij uw programma voor de interviewdag op {{{{interview_time}}}}. Alle tijden staan in uw tijdzone ({{{{participant_time_zone}}}}).

{{{{itinerary}}}}

{WHERE}

{{{{message}}}}

Komt er iets tussen en kunt u niet komen? Laat het me dan hier weten:

{{{{cancel_link}}}}

Graag tot dan,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ResearcherNotice => (
            "{{study_name}}: nieuws over {{participant_name}}".to_owned(),
            "Hallo {{researcher_name}},

{{message}}

Deelnemer: {{participant_name}}
Onderzoek: {{study_name}}
Interview: {{interview_time}}

Open het onderzoek in Confab om de details te bekijken of actie te ondernemen."
                .to_owned(),
        ),
        MessageKind::ChoiceUnavailable => (
            "{{study_name}}: wilt u een ander tijdstip kiezen?".to_owned(),
            format!(
                "Beste {{{{participant_name}}}},

Dank u voor uw antwoord. Helaas kan het tijdstip dat u heeft gekozen niet worden geboekt, omdat {{{{message}}}}.

Deze tijdstippen zijn nog vrij, in uw tijdzone ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

De andere tijdstippen uit mijn eerdere e-mail zijn ook nog mogelijk, zolang ze vrij zijn. Komt geen daarvan u uit? Beantwoord dan gewoon deze e-mail, dan zoeken we samen een ander moment.

Met vriendelijke groet,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ChoicesReceived => (
            "Bedankt: uw keuze voor {{study_name}} is ontvangen".to_owned(),
            "Beste {{participant_name}},

Bedankt dat u een tijdstip heeft gekozen voor uw interview binnen het onderzoek {{study_name}}. Dit heb ik ontvangen, in uw tijdzone ({{participant_time_zone}}):

{{message}}

Er is nog niets geboekt: ik bevestig binnenkort een van deze tijdstippen, en daarna ontvangt u een agenda-uitnodiging. Komt een ander tijdstip uit mijn uitnodiging u ook uit? Dan kunt u daar nog steeds op klikken en ook dat bericht versturen.

Met vriendelijke groet,
{{researcher_name}}"
                .to_owned(),
        ),
    };
    Template { subject, body }
}
