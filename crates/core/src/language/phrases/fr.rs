use super::{Counted, Phrases};

pub(super) const PHRASES: Phrases = Phrases {
    choice_label: "{number}. {time} (code : {code})",
    choice_subject: "Choix de créneau : {time}",
    choice_body: "Envoyez ce courriel tel quel pour choisir ce créneau.\n\nPour indiquer aussi un deuxième choix, écrivez ci-dessous, sur une nouvelle ligne, le numéro d'un autre créneau du même courriel (par exemple : 3).\n",
    decline_label: "Je ne souhaite pas participer",
    decline_subject: "Non merci",
    decline_body: "Envoyez ce courriel tel quel pour décliner l'invitation.\n",
    cancel_label: "Annuler mon entretien",
    cancel_subject: "Annulation de mon entretien",
    cancel_body: "Envoyez ce courriel tel quel pour annuler votre entretien. Vous pouvez ajouter un motif si vous le souhaitez.\n",

    round_of: "{round} sur {count}",
    calendar_summary: "Entretien : {study}",
    calendar_summary_round: "Entretien {round} : {study}",
    join_online: "Rejoindre en ligne : {url}",
    dial_in: "Par téléphone : {dial_in}",
    waitlist_deadline: "Merci de faire votre choix au plus tard le {deadline} : passé ce délai, la place sera proposée à la personne suivante sur la liste d'attente.",
    first_choice: "Premier choix : {time}",
    second_choice: "Deuxième choix : {time}",

    answer_subject: "Votre entretien pour {study}",
    answer_subject_fallback: "Votre courriel",
    unknown_code: "Le code figurant dans votre courriel ne correspond à aucun de ceux que nous avons envoyés ; rien n'a donc été modifié. Merci d'utiliser un lien du dernier courriel que nous vous avons envoyé, ou de simplement nous répondre pour nous dire ce que vous souhaitez.",
    other_address: "Ce lien a été envoyé à une autre adresse : il ne peut donc pas être utilisé depuis celle-ci, et rien n'a été modifié. Merci de répondre depuis l'adresse à laquelle notre courriel a été envoyé.",
    link_used: "Ce lien a déjà été utilisé ou a été remplacé par un courriel plus récent ; rien n'a donc été modifié. Merci d'utiliser les liens du dernier courriel que nous vous avons envoyé.",
    not_recorded: "Nous n'avons pas pu enregistrer votre réponse automatiquement ; l'équipe de recherche reviendra vers vous.",
    nothing_to_cancel: "Cet entretien n'est plus prévu : il n'y avait donc rien à annuler.",
    too_late_to_cancel: "Votre entretien a lieu dans moins de {notice} : il ne peut donc plus être annulé par lien. L'équipe de recherche a été prévenue et vous contactera.",
    nothing_to_move: "Cet entretien n'est plus prévu : il n'y avait donc rien à déplacer. L'équipe de recherche a été prévenue et reviendra vers vous.",
    unreadable_proposal: "Votre agenda a proposé un nouvel horaire, mais celui-ci n'a pas pu être lu. Merci de répondre en indiquant l'horaire qui vous conviendrait.",
    link_expired: "Merci pour votre courriel. Le lien que vous avez utilisé n'est plus valable (le créneau proposé est passé, ou cette étape de l'étude est close) ; rien n'a donc été modifié. Si vous souhaitez toujours participer ou modifier quelque chose, répondez simplement avec vos propres mots et l'équipe de recherche reviendra vers vous.",
    new_time_unavailable: "Malheureusement, le nouveau créneau que vous avez choisi ne peut pas être réservé, car {reason}, et aucun autre créneau n'est libre pour le moment. Votre entretien est maintenu tel qu'il était prévu ; je reviendrai vers vous.",

    // Each follows "…ne peut pas être réservé, car", where "il" is the chosen "créneau".
    waitlisted: "Malheureusement, les créneaux que vous avez choisis ont été pris avant l'arrivée de votre réponse, et aucun autre n'est libre pour le moment. Vous êtes sur la liste d'attente et je vous écrirai dès qu'une place se libérera.",

    reason_taken: "quelqu'un d'autre l'a pris peu avant l'arrivée de votre réponse",
    reason_day_full: "cette journée est entre-temps complète",
    reason_not_on_offer: "il n'est plus proposé",
    reason_too_soon: "il est désormais trop proche : les entretiens se réservent au moins {notice} à l'avance",
    reason_too_far: "il est trop éloigné : les entretiens se réservent au plus {days} à l'avance",
    reason_passed: "il est déjà passé",
    reason_other_interview: "vous avez déjà un autre entretien prévu à ce moment-là",

    // A number and its unit are joined by a no-break space, as French typesetting writes them.
    minutes: Counted {
        one: "1\u{a0}minute",
        other: "{count}\u{a0}minutes",
    },
    hours: Counted {
        one: "1\u{a0}heure",
        other: "{count}\u{a0}heures",
    },
    days: Counted {
        one: "1\u{a0}jour",
        other: "{count}\u{a0}jours",
    },

    itinerary_interview: "Tour {round} : entretien avec {interviewer}",
    itinerary_break: "Tour {round} : pause",
    interview_day_summary: "Journée d'entretiens : {study}",
    itinerary_withdrawn_subject: "Votre programme pour la journée d'entretiens {{study_name}} est annulé",
    itinerary_withdrawn_body: "Bonjour {{participant_name}},\n\nVous ne figurez plus au programme de la journée d'entretiens {{study_name}} du {{interview_time}} : le programme qui vous a été envoyé est donc annulé, de même que l'événement correspondant dans votre agenda.\n\nS'il s'agit d'une erreur, répondez simplement à ce courriel.\n\n{{researcher_name}}\n",

    sample_message: "Merci encore pour votre aide dans le cadre de cette étude.",
    sample_location: "Salle 2.14, bâtiment de psychologie",
};
