use super::{Counted, Phrases};

pub(super) const PHRASES: Phrases = Phrases {
    choice_label: "{number}. {time} (codice {code})",
    choice_subject: "Scelta dell'orario: {time}",
    choice_body: "Invii questo messaggio così com'è per scegliere questo orario.\n\nSe vuole indicare anche una seconda scelta, scriva qui sotto, su una nuova riga, il numero di un altro orario della stessa e-mail (per esempio: 3).\n",
    decline_label: "Non desidero partecipare",
    decline_subject: "No, grazie",
    decline_body: "Invii questo messaggio così com'è per declinare l'invito.\n",
    cancel_label: "Annulla la mia intervista",
    cancel_subject: "Annullamento della mia intervista",
    cancel_body: "Invii questo messaggio così com'è per annullare la Sua intervista. Se vuole, può aggiungere un motivo.\n",

    round_of: "{round} di {count}",
    calendar_summary: "Intervista: {study}",
    calendar_summary_round: "Intervista {round}: {study}",
    join_online: "Collegamento online: {url}",
    dial_in: "Accesso telefonico: {dial_in}",
    waitlist_deadline: "La prego di scegliere entro {deadline}: dopo tale termine, il posto verrà offerto alla persona successiva in lista d'attesa.",
    first_choice: "Prima scelta: {time}",
    second_choice: "Seconda scelta: {time}",

    answer_subject: "La Sua intervista per {study}",
    answer_subject_fallback: "Il Suo messaggio",
    unknown_code: "Il codice contenuto nel Suo messaggio non corrisponde a nessuno di quelli che abbiamo inviato, quindi non è stato modificato nulla. La preghiamo di usare un link dell'ultima e-mail che Le abbiamo inviato, oppure di rispondere semplicemente indicandoci che cosa desidera.",
    other_address: "Questo link è stato inviato a un altro indirizzo: non può quindi essere usato da questo e non è stato modificato nulla. La preghiamo di rispondere dall'indirizzo a cui è stata inviata la nostra e-mail.",
    link_used: "Questo link è già stato usato o è stato sostituito da un messaggio più recente, quindi non è stato modificato nulla. La preghiamo di usare i link dell'ultima e-mail che Le abbiamo inviato.",
    not_recorded: "Non è stato possibile registrare automaticamente la Sua risposta; il gruppo di ricerca La ricontatterà.",
    nothing_to_cancel: "Quell'intervista non è più in programma, quindi non c'era nulla da annullare.",
    too_late_to_cancel: "Mancano meno di {notice} alla Sua intervista, quindi non è più possibile annullarla tramite link. Il gruppo di ricerca è stato informato e La contatterà.",
    nothing_to_move: "Quell'intervista non è più in programma, quindi non c'era nulla da spostare. Il gruppo di ricerca è stato informato e La ricontatterà.",
    unreadable_proposal: "Il Suo calendario ha proposto un nuovo orario, ma non è stato possibile leggerlo. La preghiamo di rispondere indicando l'orario che preferisce.",
    link_expired: "Grazie per il Suo messaggio. Il link che ha usato non è più valido (l'orario proposto è passato, oppure questa fase dello studio si è conclusa), quindi non è stato modificato nulla. Se desidera ancora partecipare o modificare qualcosa, risponda semplicemente con parole Sue e il gruppo di ricerca La ricontatterà.",
    new_time_unavailable: "Purtroppo il nuovo orario che ha scelto non può essere prenotato, perché {reason}, e al momento non ci sono altri orari disponibili. La Sua intervista resta invariata; mi farò sentire io al più presto.",

    // Each follows "…non può essere prenotato, perché", about the chosen "orario".
    waitlisted: "Purtroppo gli orari che ha scelto erano già stati presi quando è arrivata la Sua risposta, e al momento non ci sono altri orari liberi. È in lista d'attesa: Le scriverò non appena si libererà un posto.",

    reason_taken: "qualcun altro lo ha preso poco prima che arrivasse la Sua risposta",
    reason_day_full: "nel frattempo quel giorno si è riempito di altre interviste",
    reason_not_on_offer: "non è più disponibile",
    reason_too_soon: "ormai è troppo vicino: le interviste si prenotano con almeno {notice} di anticipo",
    reason_too_far: "è troppo lontano nel tempo: le interviste si prenotano con al massimo {days} di anticipo",
    reason_passed: "è già passato",
    reason_other_interview: "a quell'ora ha già un'altra intervista prenotata",

    minutes: Counted {
        one: "1 minuto",
        other: "{count} minuti",
    },
    hours: Counted {
        one: "1 ora",
        other: "{count} ore",
    },
    days: Counted {
        one: "1 giorno",
        other: "{count} giorni",
    },

    itinerary_interview: "Turno {round}: colloquio con {interviewer}",
    itinerary_break: "Turno {round}: pausa",
    interview_day_summary: "Giornata di colloqui: {study}",
    itinerary_withdrawn_subject: "Il Suo programma per la giornata di colloqui {{study_name}} è stato annullato",
    itinerary_withdrawn_body: "Gentile {{participant_name}},\n\nLei non figura più nel programma della giornata di colloqui {{study_name}} prevista per {{interview_time}}; il programma che Le era stato inviato è quindi annullato, così come il relativo evento nel calendario.\n\nSe si tratta di un errore, risponda a questa e-mail.\n\n{{researcher_name}}\n",

    sample_message: "Grazie ancora per il Suo contributo a questo studio.",
    sample_location: "Stanza 2.14, Edificio di Psicologia",
};
