use super::{Counted, Phrases};

pub(super) const PHRASES: Phrases = Phrases {
    choice_label: "{number}. {time} (código {code})",
    choice_subject: "Horario elegido para la entrevista: {time}",
    choice_body: "Envíe este mensaje tal como está para elegir este horario.\n\nSi quiere indicar también una segunda opción, escriba debajo, en una línea nueva, el número de otro horario del mismo mensaje (por ejemplo: 3).\n",
    decline_label: "No deseo participar",
    decline_subject: "No, gracias",
    decline_body: "Envíe este mensaje tal como está para rechazar la invitación.\n",
    cancel_label: "Cancelar mi entrevista",
    cancel_subject: "Cancelación de mi entrevista",
    cancel_body: "Envíe este mensaje tal como está para cancelar su entrevista. Si lo desea, puede añadir el motivo.\n",

    round_of: "{round} de {count}",
    calendar_summary: "Entrevista: {study}",
    calendar_summary_round: "Entrevista {round}: {study}",
    join_online: "Acceso en línea: {url}",
    dial_in: "Acceso telefónico: {dial_in}",
    waitlist_deadline: "Le ruego que elija antes del {deadline}; después, la plaza se ofrecerá a la siguiente persona de la lista de espera.",
    first_choice: "Primera opción: {time}",
    second_choice: "Segunda opción: {time}",

    answer_subject: "Su entrevista para {study}",
    answer_subject_fallback: "Su mensaje",
    unknown_code: "El código de su mensaje no corresponde a ninguno de los que le hemos enviado, por lo que no se ha modificado nada. Utilice un enlace del último mensaje que le enviamos o, simplemente, responda a este mensaje para indicarnos qué desea.",
    other_address: "Este enlace se envió a otra dirección, por lo que no puede usarse desde esta y no se ha modificado nada. Responda, por favor, desde la dirección a la que se envió nuestro mensaje.",
    link_used: "Este enlace ya se ha utilizado o ha sido sustituido por un mensaje más reciente, por lo que no se ha modificado nada. Utilice los enlaces del último mensaje que le enviamos.",
    not_recorded: "No hemos podido registrar su respuesta automáticamente; la persona responsable del estudio se pondrá en contacto con usted.",
    nothing_to_cancel: "Esa entrevista ya no está programada, así que no había nada que cancelar.",
    too_late_to_cancel: "Faltan menos de {notice} para su entrevista, por lo que ya no puede cancelarse mediante el enlace. La persona responsable del estudio ya está avisada y se pondrá en contacto con usted.",
    nothing_to_move: "Esa entrevista ya no está programada, así que no había nada que cambiar. La persona responsable del estudio ya está avisada y le responderá en breve.",
    unreadable_proposal: "Su calendario propuso un nuevo horario, pero no hemos podido leerlo. Responda a este mensaje indicando el horario que prefiera.",
    link_expired: "Gracias por su mensaje. El enlace que ha utilizado ya no es válido (el horario que ofrecía ya ha pasado o esta parte del estudio ha finalizado), por lo que no se ha modificado nada. Si aún desea participar o cambiar algo, responda simplemente con sus propias palabras y la persona responsable del estudio se pondrá en contacto con usted.",
    new_time_unavailable: "Lo siento: no es posible reservar el nuevo horario que ha elegido porque {reason}, y en este momento no queda ningún otro horario disponible. Su entrevista se mantiene como estaba; me pondré en contacto con usted.",

    waitlisted: "Lo siento: los horarios que eligió ya estaban ocupados cuando llegó su respuesta y, por ahora, no queda ningún otro libre. Está en la lista de espera y le escribiré en cuanto se libere una plaza.",

    reason_taken: "otra persona lo reservó poco antes de que llegara su respuesta",
    reason_day_full: "ese día ya está completo con otras entrevistas",
    reason_not_on_offer: "ya no está disponible",
    reason_too_soon: "ahora queda demasiado cerca: las entrevistas se reservan con al menos {notice} de antelación",
    reason_too_far: "queda demasiado lejos: las entrevistas se reservan con un máximo de {days} de antelación",
    reason_passed: "ya ha pasado",
    reason_other_interview: "ya tiene otra entrevista reservada a esa hora",

    minutes: Counted {
        one: "1 minuto",
        other: "{count} minutos",
    },
    hours: Counted {
        one: "1 hora",
        other: "{count} horas",
    },
    days: Counted {
        one: "1 día",
        other: "{count} días",
    },

    itinerary_interview: "Ronda {round}: entrevista con {interviewer}",
    itinerary_break: "Ronda {round}: descanso",
    interview_day_summary: "Jornada de entrevistas: {study}",
    itinerary_withdrawn_subject: "Cancelado: su programa para la jornada de entrevistas de {{study_name}}",
    itinerary_withdrawn_body: "Hola, {{participant_name}}:\n\nYa no figura en el programa de la jornada de entrevistas de {{study_name}} prevista para el {{interview_time}}, por lo que el programa que le enviamos queda cancelado, al igual que su evento de calendario.\n\nSi se trata de un error, responda a este mensaje.\n\n{{researcher_name}}\n",

    sample_message: "Gracias de nuevo por su ayuda con este estudio.",
    sample_location: "Sala 2.14, Facultad de Psicología",
};
