use super::{Counted, Phrases};

pub(super) const PHRASES: Phrases = Phrases {
    choice_label: "{number}. {time} (código {code})",
    choice_subject: "Horário escolhido para a entrevista: {time}",
    choice_body: "Envie esta mensagem tal como está para escolher este horário.\n\nSe quiser indicar também uma segunda opção, escreva na linha seguinte o número de outro horário da mesma mensagem (por exemplo: 3).\n",
    decline_label: "Não desejo participar",
    decline_subject: "Recusa do convite",
    decline_body: "Envie esta mensagem tal como está para recusar o convite.\n",
    cancel_label: "Cancelar a minha entrevista",
    cancel_subject: "Cancelamento da minha entrevista",
    cancel_body: "Envie esta mensagem tal como está para cancelar a sua entrevista. Se quiser, pode indicar o motivo.\n",

    round_of: "{round} de {count}",
    calendar_summary: "Entrevista: {study}",
    calendar_summary_round: "Entrevista {round}: {study}",
    join_online: "Acesso online: {url}",
    dial_in: "Acesso por telefone: {dial_in}",
    waitlist_deadline: "Por favor, escolha até {deadline}; depois disso, a vaga será oferecida à pessoa seguinte da lista de espera.",
    first_choice: "Primeira opção: {time}",
    second_choice: "Segunda opção: {time}",

    answer_subject: "A sua entrevista para {study}",
    answer_subject_fallback: "A sua mensagem",
    unknown_code: "O código da sua mensagem não corresponde a nenhum dos que lhe foram enviados, por isso nada foi alterado. Utilize um link da última mensagem que lhe foi enviada ou, simplesmente, responda a esta mensagem para nos dizer o que deseja.",
    other_address: "Este link foi enviado para outro endereço, por isso não pode ser usado a partir deste e nada foi alterado. Responda a partir do endereço para o qual a nossa mensagem foi enviada.",
    link_used: "Este link já foi utilizado ou foi substituído por uma mensagem mais recente, por isso nada foi alterado. Utilize os links da última mensagem que lhe foi enviada.",
    not_recorded: "Não foi possível processar a sua resposta automaticamente; a pessoa responsável pelo estudo dará uma resposta em breve.",
    nothing_to_cancel: "Essa entrevista deixou de estar marcada, por isso não havia nada para cancelar.",
    too_late_to_cancel: "Faltam menos de {notice} para a sua entrevista, por isso o cancelamento através do link já não é possível. A pessoa responsável pelo estudo foi informada e dará uma resposta em breve.",
    nothing_to_move: "Essa entrevista deixou de estar marcada, por isso não havia nada para remarcar. A pessoa responsável pelo estudo foi informada e dará uma resposta em breve.",
    unreadable_proposal: "O seu calendário propôs um novo horário, mas não foi possível ler esse horário. Responda a esta mensagem com o horário que prefere.",
    link_expired: "Agradeço a sua mensagem. O link que utilizou já não é válido (o horário que oferecia já passou ou esta fase do estudo foi encerrada), por isso nada foi alterado. Se ainda quiser participar ou alterar alguma coisa, basta responder a esta mensagem e explicar o que deseja; a pessoa responsável pelo estudo dará uma resposta em breve.",
    new_time_unavailable: "Lamento, mas não é possível marcar o novo horário que escolheu porque {reason}, e neste momento não há nenhum outro horário disponível. A sua entrevista continua marcada como antes; darei notícias em breve.",

    waitlisted: "Lamento: os horários que escolheu já estavam ocupados quando a sua resposta chegou e, de momento, não há outro horário livre. Ficou na lista de espera e voltarei a escrever assim que surgir uma vaga.",

    reason_taken: "foi reservado por outra pessoa pouco antes de a sua resposta chegar",
    reason_day_full: "esse dia já está totalmente ocupado com outras entrevistas",
    reason_not_on_offer: "deixou de estar disponível",
    reason_too_soon: "já está muito próximo: as entrevistas são marcadas com pelo menos {notice} de antecedência",
    reason_too_far: "está muito distante: as entrevistas são marcadas com, no máximo, {days} de antecedência",
    reason_passed: "já passou",
    reason_other_interview: "já tem outra entrevista marcada para esse horário",

    minutes: Counted {
        one: "1 minuto",
        other: "{count} minutos",
    },
    hours: Counted {
        one: "1 hora",
        other: "{count} horas",
    },
    days: Counted {
        one: "1 dia",
        other: "{count} dias",
    },

    itinerary_interview: "Etapa {round}: entrevista com {interviewer}",
    itinerary_break: "Etapa {round}: pausa",
    interview_day_summary: "Dia de entrevistas: {study}",
    itinerary_withdrawn_subject: "Cancelado: o seu programa para o dia de entrevistas de {{study_name}}",
    itinerary_withdrawn_body: "Olá, {{participant_name}},\n\nO seu nome deixou de constar do programa do dia de entrevistas de {{study_name}}, marcado para {{interview_time}}, por isso o programa que lhe foi enviado foi cancelado, tal como o evento correspondente no calendário.\n\nCaso se trate de um engano, responda a esta mensagem.\n\n{{researcher_name}}\n",

    sample_message: "Agradeço mais uma vez a sua ajuda neste estudo.",
    sample_location: "Sala 2.14, Edifício de Psicologia",
};
