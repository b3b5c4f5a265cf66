use super::{Counted, Phrases};

pub(super) const PHRASES: Phrases = Phrases {
    choice_label: "{number}. {time} (code: {code})",
    choice_subject: "Gekozen tijdstip: {time}",
    choice_body: "Verstuur dit bericht zoals het is om dit tijdstip te kiezen.\n\nWilt u ook een tweede keuze doorgeven? Zet dan hieronder op een nieuwe regel het nummer van een ander tijdstip uit hetzelfde bericht (bijvoorbeeld: 3).\n",
    decline_label: "Ik wil niet deelnemen",
    decline_subject: "Nee, dank u",
    decline_body: "Verstuur dit bericht zoals het is om de uitnodiging af te slaan.\n",
    cancel_label: "Mijn interview annuleren",
    cancel_subject: "Annulering van mijn interview",
    cancel_body: "Verstuur dit bericht zoals het is om uw interview te annuleren. U kunt er eventueel een reden bij zetten.\n",

    round_of: "{round} van {count}",
    calendar_summary: "Interview voor {study}",
    calendar_summary_round: "Interview {round} voor {study}",
    join_online: "Online deelnemen: {url}",
    dial_in: "Inbellen: {dial_in}",
    waitlist_deadline: "Maak uw keuze uiterlijk {deadline}; daarna wordt de plek aangeboden aan de volgende persoon op de wachtlijst.",
    first_choice: "Eerste keuze: {time}",
    second_choice: "Tweede keuze: {time}",

    answer_subject: "Uw interview voor {study}",
    answer_subject_fallback: "Uw bericht",
    unknown_code: "De code in uw bericht komt niet van ons, dus er is niets gewijzigd. Gebruik een link uit het laatste bericht dat wij u hebben gestuurd, of antwoord gewoon en laat ons weten wat u wilt.",
    other_address: "Deze link is naar een ander e-mailadres gestuurd en kan daarom niet vanaf dit adres worden gebruikt; er is niets gewijzigd. Wilt u antwoorden vanaf het adres waarnaar ons bericht is gestuurd?",
    link_used: "Deze link is al gebruikt of vervangen door een nieuwer bericht, dus er is niets gewijzigd. Gebruik de links in het laatste bericht dat wij u hebben gestuurd.",
    not_recorded: "We konden uw antwoord niet automatisch verwerken; de onderzoeker neemt contact met u op.",
    nothing_to_cancel: "Dat interview staat niet meer gepland, dus er viel niets te annuleren.",
    too_late_to_cancel: "Uw interview begint over minder dan {notice} en kan daarom niet meer via de link worden geannuleerd. De onderzoeker is op de hoogte gebracht en neemt contact met u op.",
    nothing_to_move: "Dat interview staat niet meer gepland, dus er viel niets te verplaatsen. De onderzoeker is op de hoogte gebracht en neemt contact met u op.",
    unreadable_proposal: "Uw agenda heeft een nieuw tijdstip voorgesteld, maar dat tijdstip kon niet worden gelezen. Wilt u antwoorden met het tijdstip van uw voorkeur?",
    link_expired: "Bedankt voor uw bericht. De link die u heeft gebruikt, is niet meer geldig (het aangeboden tijdstip is voorbij of dit deel van het onderzoek is afgesloten), dus er is niets gewijzigd. Wilt u toch nog deelnemen of iets wijzigen? Antwoord dan gewoon in uw eigen woorden; de onderzoeker neemt dan contact met u op.",
    new_time_unavailable: "Helaas kan het nieuwe tijdstip dat u heeft gekozen niet worden geboekt, omdat {reason}. Er is op dit moment ook geen ander tijdstip vrij. Uw interview blijft dus zoals het was; ik neem contact met u op.",

    waitlisted: "Helaas waren de tijden die u koos al bezet toen uw antwoord binnenkwam, en op dit moment is er geen andere tijd vrij. U staat op de wachtlijst; ik laat het u weten zodra er een plek vrijkomt.",

    reason_taken: "iemand anders het kort voor uw antwoord al had geboekt",
    reason_day_full: "die dag inmiddels vol is met andere interviews",
    reason_not_on_offer: "het niet meer wordt aangeboden",
    reason_too_soon: "het inmiddels te dichtbij ligt (interviews worden minstens {notice} van tevoren geboekt)",
    reason_too_far: "het te ver vooruit ligt (interviews worden hooguit {days} van tevoren geboekt)",
    reason_passed: "het al voorbij is",
    reason_other_interview: "u op dat tijdstip al een ander interview heeft staan",

    minutes: Counted {
        one: "1 minuut",
        other: "{count} minuten",
    },
    hours: Counted {
        one: "1 uur",
        other: "{count} uur",
    },
    days: Counted {
        one: "1 dag",
        other: "{count} dagen",
    },

    itinerary_interview: "Ronde {round}: gesprek met {interviewer}",
    itinerary_break: "Ronde {round}: pauze",
    interview_day_summary: "Interviewdag: {study}",
    itinerary_withdrawn_subject: "Uw programma voor de interviewdag van {{study_name}} is vervallen",
    itinerary_withdrawn_body: "Beste {{participant_name}},\n\nU staat niet meer ingepland op de interviewdag van {{study_name}} op {{interview_time}}. Het programma dat u heeft ontvangen, vervalt daarom, net als de bijbehorende afspraak in uw agenda.\n\nIs dit een vergissing? Beantwoord dan dit bericht.\n\nMet vriendelijke groet,\n{{researcher_name}}\n",

    sample_message: "Nogmaals hartelijk dank voor uw hulp bij dit onderzoek.",
    sample_location: "Lokaal 2.14, gebouw Psychologie",
};
