use crate::template::{MessageKind, Template};

const WHERE: &str =
    "Lieu : {{location}}\nRejoindre en ligne : {{conferencing_url}}\nPar téléphone : {{dial_in}}";

const HOW_TO_CHOOSE: &str = "Pour choisir, cliquez sur le créneau qui vous convient le mieux : votre logiciel de messagerie ouvre un courriel à mon intention, déjà rempli ; il vous suffit de cliquer sur Envoyer. Si un deuxième créneau vous convient aussi, cliquez également dessus et envoyez ce courriel-là aussi : le premier courriel que vous envoyez compte comme votre premier choix. Vous pouvez aussi simplement répondre à ce courriel en indiquant le numéro du créneau souhaité (par exemple « 2 ») ou son code.";

pub(super) fn template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::Invitation => (
            "Invitation à un entretien : {{study_name}}".to_owned(),
            format!(
                "Bonjour {{{{participant_name}}}},

Merci de participer à l'étude {{{{study_name}}}}. J'aimerais vous proposer un entretien, à un moment qui vous convient.

Cette invitation concerne l'entretien {{{{interview_round}}}}.

{{{{message}}}}

Voici les créneaux que je peux vous proposer, indiqués dans votre fuseau horaire ({{{{participant_time_zone}}}}) :

{{{{choices}}}}

{HOW_TO_CHOOSE}

Si aucun de ces créneaux ne vous convient, répondez simplement à ce courriel et nous en trouverons un autre. Si vous préférez ne pas participer, vous pouvez me l'indiquer ici :

{{{{decline_link}}}}

Bien cordialement,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Confirmation => (
            "Entretien confirmé : {{study_name}}, le {{interview_time}}".to_owned(),
            format!(
                "Bonjour {{{{participant_name}}}},

Votre entretien pour l'étude {{{{study_name}}}} est confirmé : il aura lieu le {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Il s'agit de l'entretien {{{{interview_round}}}}.
Vous rencontrerez {{{{interviewers}}}}.

{WHERE}

Vous trouverez en pièce jointe une invitation de calendrier pour ajouter l'entretien à votre agenda.

{{{{message}}}}

Si vous n'êtes plus disponible, vous pouvez annuler ici :

{{{{cancel_link}}}}

Au plaisir d'échanger avec vous,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Update => (
            "Nouvel horaire : votre entretien pour {{study_name}} aura lieu le {{interview_time}}"
                .to_owned(),
            format!(
                "Bonjour {{{{participant_name}}}},

Votre entretien pour l'étude {{{{study_name}}}} a été déplacé. Il aura désormais lieu le {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Il s'agit de l'entretien {{{{interview_round}}}}.
Vous rencontrerez {{{{interviewers}}}}.

{WHERE}

L'invitation de calendrier ci-jointe remplace la précédente.

{{{{message}}}}

Si ce nouvel horaire ne vous convient pas, vous pouvez annuler ici :

{{{{cancel_link}}}}

Bien cordialement,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Cancellation => (
            "Entretien annulé : {{study_name}}, le {{interview_time}}".to_owned(),
            "Bonjour {{participant_name}},

J'ai le regret de vous informer que votre entretien pour l'étude {{study_name}}, prévu le {{interview_time}} ({{participant_time_zone}}), est annulé. La mise à jour de calendrier ci-jointe le retire de votre agenda.

Il s'agissait de l'entretien {{interview_round}}.

{{message}}

Pour toute question, répondez simplement à ce courriel.

Bien cordialement,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::RescheduleRequest => (
            "Votre entretien pour {{study_name}} : merci de choisir un nouvel horaire".to_owned(),
            format!(
                "Bonjour {{{{participant_name}}}},

Votre entretien pour l'étude {{{{study_name}}}}, prévu le {{{{interview_time}}}}, doit être déplacé. Veuillez m'excuser pour ce changement.

Il s'agit de l'entretien {{{{interview_round}}}}.

{{{{message}}}}

Voici les créneaux que je peux vous proposer, indiqués dans votre fuseau horaire ({{{{participant_time_zone}}}}) :

{{{{choices}}}}

{HOW_TO_CHOOSE}

Si aucun de ces créneaux ne vous convient, répondez simplement à ce courriel et nous en trouverons un autre. Si vous ne pouvez plus venir du tout, vous pouvez annuler l'entretien ici :

{{{{cancel_link}}}}

Bien cordialement,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Reminder => (
            "Rappel : votre entretien pour {{study_name}}, le {{interview_time}}".to_owned(),
            format!(
                "Bonjour {{{{participant_name}}}},

Petit rappel : votre entretien pour l'étude {{{{study_name}}}} aura lieu le {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Il s'agit de l'entretien {{{{interview_round}}}}.
Vous rencontrerez {{{{interviewers}}}}.

{WHERE}

{{{{message}}}}

Si vous ne pouvez plus venir, merci d'annuler ici afin que quelqu'un d'autre puisse profiter de ce créneau :

{{{{cancel_link}}}}

À bientôt,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::WaitlistOffer => (
            "Une place s'est libérée : entretien pour {{study_name}}".to_owned(),
            "Bonjour {{participant_name}},

Bonne nouvelle : une place d'entretien s'est libérée pour l'étude {{study_name}}. Les places reviennent aux premières personnes qui répondent ; si vous souhaitez en profiter, je vous invite donc à choisir rapidement.

{{message}}

Créneaux indiqués dans votre fuseau horaire ({{participant_time_zone}}) :

{{choices}}

Pour réserver une place, cliquez sur le créneau souhaité et envoyez le courriel qui s'ouvre ; inutile d'écrire quoi que ce soit.

Si vous ne souhaitez plus participer, vous pouvez me l'indiquer ici :

{{decline_link}}

Bien cordialement,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::Itinerary => (
            "Votre programme pour la journée d'entretiens : {{study_name}}".to_owned(),
            format!(
                "Bonjour {{{{participant_name}}}},

Voici votre programme pour la journée d'entretiens du {{{{interview_time}}}}. Les horaires sont indiqués dans votre fuseau horaire ({{{{participant_time_zone}}}}).

{{{{itinerary}}}}

{WHERE}

{{{{message}}}}

En cas d'empêchement, merci de me prévenir ici :

{{{{cancel_link}}}}

À très bientôt,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ResearcherNotice => (
            "{{study_name}} : du nouveau concernant {{participant_name}}".to_owned(),
            "Bonjour {{researcher_name}},

{{message}}

Participant : {{participant_name}}
Étude : {{study_name}}
Entretien : {{interview_time}}

Ouvrez l'étude dans Confab pour voir les détails ou y donner suite."
                .to_owned(),
        ),
        MessageKind::ChoiceUnavailable => (
            "{{study_name}} : merci de choisir un autre créneau".to_owned(),
            format!(
                "Bonjour {{{{participant_name}}}},

Merci pour votre réponse. Malheureusement, le créneau que vous avez choisi ne peut pas être réservé, car {{{{message}}}}.

Voici les créneaux encore disponibles, indiqués dans votre fuseau horaire ({{{{participant_time_zone}}}}) :

{{{{choices}}}}

{HOW_TO_CHOOSE}

Les autres créneaux de mon courriel précédent restent valables, tant qu'ils sont libres. Si aucun ne vous convient, répondez simplement à ce courriel et nous en trouverons un autre.

Bien cordialement,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ChoicesReceived => (
            "Merci : j'ai bien reçu votre choix pour {{study_name}}".to_owned(),
            "Bonjour {{participant_name}},

Merci d'avoir choisi un créneau pour votre entretien dans le cadre de l'étude {{study_name}}. Voici ce que j'ai reçu, dans votre fuseau horaire ({{participant_time_zone}}) :

{{message}}

Rien n'est encore réservé : je vous confirmerai prochainement l'un de ces créneaux, et vous recevrez alors une invitation de calendrier. Si un autre créneau de mon invitation vous convient également, vous pouvez encore cliquer dessus et envoyer le courriel correspondant.

Bien cordialement,
{{researcher_name}}"
                .to_owned(),
        ),
    };
    Template { subject, body }
}
