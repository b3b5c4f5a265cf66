use crate::template::{MessageKind, Template};

const WHERE: &str = "Luogo: {{location}}\nCollegamento online: {{conferencing_url}}\nAccesso telefonico: {{dial_in}}";

const HOW_TO_CHOOSE: &str = "Per scegliere, clicchi sull'orario che Le è più comodo: il Suo programma di posta aprirà un messaggio indirizzato a me, già compilato, e basterà premere Invia. Se Le andasse bene anche un secondo orario, clicchi anche su quello e invii pure quel messaggio: il primo messaggio che invia vale come prima scelta. In alternativa, può semplicemente rispondere a questa e-mail indicando il numero dell'orario che preferisce (per esempio «2») oppure il relativo codice.";

pub(super) fn template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::Invitation => (
            "Invito a un'intervista: {{study_name}}".to_owned(),
            format!(
                "Gentile {{{{participant_name}}}},

La ringrazio per la Sua partecipazione allo studio {{{{study_name}}}}. Vorrei invitarLa a un'intervista, in un momento per Lei comodo.

Questo invito riguarda l'intervista {{{{interview_round}}}}.

{{{{message}}}}

Ecco gli orari che posso proporLe, indicati nel Suo fuso orario ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Se nessuno di questi orari Le va bene, risponda semplicemente a questa e-mail e ne troveremo un altro. Se preferisce non partecipare, può comunicarmelo qui:

{{{{decline_link}}}}

Cordiali saluti,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Confirmation => (
            "Intervista confermata: {{study_name}}, {{interview_time}}".to_owned(),
            format!(
                "Gentile {{{{participant_name}}}},

la Sua intervista per lo studio {{{{study_name}}}} è confermata per {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Si tratta dell'intervista {{{{interview_round}}}}.
Incontrerà {{{{interviewers}}}}.

{WHERE}

In allegato trova l'invito per il calendario, con cui può aggiungere l'intervista alla Sua agenda.

{{{{message}}}}

Se non potesse più partecipare, può annullare qui:

{{{{cancel_link}}}}

Cordiali saluti e a presto,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Update => (
            "Nuovo orario per la Sua intervista ({{study_name}}): {{interview_time}}".to_owned(),
            format!(
                "Gentile {{{{participant_name}}}},

la Sua intervista per lo studio {{{{study_name}}}} è stata spostata a {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Si tratta dell'intervista {{{{interview_round}}}}.
Incontrerà {{{{interviewers}}}}.

{WHERE}

L'invito per il calendario in allegato sostituisce quello precedente.

{{{{message}}}}

Se il nuovo orario non Le va bene, può annullare qui:

{{{{cancel_link}}}}

Cordiali saluti,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Cancellation => (
            "Intervista annullata: {{study_name}}, {{interview_time}}".to_owned(),
            "Gentile {{participant_name}},

mi dispiace comunicarLe che la Sua intervista per lo studio {{study_name}}, prevista per {{interview_time}} ({{participant_time_zone}}), è stata annullata. L'aggiornamento del calendario in allegato la rimuove dalla Sua agenda.

Si trattava dell'intervista {{interview_round}}.

{{message}}

Per qualsiasi domanda, può semplicemente rispondere a questa e-mail.

Cordiali saluti,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::RescheduleRequest => (
            "{{study_name}}: scelga un nuovo orario per la Sua intervista".to_owned(),
            format!(
                "Gentile {{{{participant_name}}}},

la Sua intervista per lo studio {{{{study_name}}}}, prevista per {{{{interview_time}}}}, deve essere spostata a un altro orario. Mi scuso per il cambiamento.

Si tratta dell'intervista {{{{interview_round}}}}.

{{{{message}}}}

Ecco gli orari che posso proporLe, indicati nel Suo fuso orario ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Se nessuno di questi orari Le va bene, risponda semplicemente a questa e-mail e ne troveremo un altro. Se invece non potesse più partecipare, può annullare l'intervista qui:

{{{{cancel_link}}}}

Cordiali saluti,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Reminder => (
            "Promemoria: la Sua intervista per {{study_name}}, {{interview_time}}".to_owned(),
            format!(
                "Gentile {{{{participant_name}}}},

Le ricordo la Sua intervista per lo studio {{{{study_name}}}}, prevista per {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Si tratta dell'intervista {{{{interview_round}}}}.
Incontrerà {{{{interviewers}}}}.

{WHERE}

{{{{message}}}}

Se non potesse più partecipare, La prego di annullare qui, così che qualcun altro possa usufruire di quell'orario:

{{{{cancel_link}}}}

A presto,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::WaitlistOffer => (
            "Si è liberato un posto: intervista per {{study_name}}".to_owned(),
            "Gentile {{participant_name}},

ho una buona notizia: si è liberato un posto per un'intervista nell'ambito dello studio {{study_name}}. I posti vengono assegnati a chi risponde per primo; se desidera partecipare, Le consiglio quindi di scegliere presto.

{{message}}

Orari indicati nel Suo fuso orario ({{participant_time_zone}}):

{{choices}}

Per prenotare un posto, clicchi sull'orario che preferisce e invii il messaggio che si apre; non serve scrivere nulla.

Se non desidera più partecipare, può comunicarmelo qui:

{{decline_link}}

Cordiali saluti,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::Itinerary => (
            "{{study_name}}: il Suo programma per la giornata di colloqui".to_owned(),
            format!(
                "Gentile {{{{participant_name}}}},

ecco il Suo programma per la giornata di colloqui prevista per {{{{interview_time}}}}. Gli orari sono indicati nel Suo fuso orario ({{{{participant_time_zone}}}}).

{{{{itinerary}}}}

{WHERE}

{{{{message}}}}

Se dovesse avere un imprevisto e non potesse partecipare, me lo faccia sapere qui:

{{{{cancel_link}}}}

A presto,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ResearcherNotice => (
            "{{study_name}}: novità su {{participant_name}}".to_owned(),
            "Gentile {{researcher_name}},

{{message}}

Partecipante: {{participant_name}}
Studio: {{study_name}}
Intervista: {{interview_time}}

Apra lo studio in Confab per vedere i dettagli o per intervenire."
                .to_owned(),
        ),
        MessageKind::ChoiceUnavailable => (
            "{{study_name}}: La prego di scegliere un altro orario".to_owned(),
            format!(
                "Gentile {{{{participant_name}}}},

La ringrazio per la risposta. Purtroppo l'orario che ha scelto non può essere prenotato, perché {{{{message}}}}.

Ecco gli orari ancora disponibili, indicati nel Suo fuso orario ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Anche gli altri orari della mia e-mail precedente restano validi, purché siano ancora liberi. Se nessuno Le va bene, risponda semplicemente a questa e-mail e ne troveremo un altro.

Cordiali saluti,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ChoicesReceived => (
            "Grazie: ho ricevuto la Sua scelta per {{study_name}}".to_owned(),
            "Gentile {{participant_name}},

grazie per aver scelto un orario per la Sua intervista nell'ambito dello studio {{study_name}}. Ecco che cosa ho ricevuto, nel Suo fuso orario ({{participant_time_zone}}):

{{message}}

Non è ancora stato prenotato nulla: a breve Le confermerò uno di questi orari e riceverà poi un invito per il calendario. Se Le andasse bene anche un altro orario del mio invito, può ancora cliccarci sopra e inviare anche quel messaggio.

Cordiali saluti,
{{researcher_name}}"
                .to_owned(),
        ),
    };
    Template { subject, body }
}
