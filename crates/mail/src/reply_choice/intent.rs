//! Whether a participant's own words ask to cancel their interview or to stop taking part,
//! in the languages Confab writes: "I can't make it", "ich muss leider absagen", "je dois
//! annuler", "ya no deseo participar". Confab never acts on such words by itself (a sentence
//! can say the opposite of what its words suggest); it tells the researcher what it read.

/// What a message without a link seems to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyIntent {
    /// To cancel an interview (or not to come).
    Cancel,
    /// Not to take part in the study any more.
    Decline,
}

/// Phrases that say "I won't come" or "cancel", lowercase, without the accents that people
/// often leave out matched separately.
const CANCEL: &[&str] = &[
    // English
    "cancel",
    "can't make it",
    "cannot make it",
    "can't come",
    "cannot come",
    "won't be able to",
    "unable to attend",
    "not be able to attend",
    // German
    "absagen",
    "stornieren",
    "kann nicht kommen",
    "kann leider nicht",
    "schaffe es nicht",
    "muss leider absagen",
    "termin nicht wahrnehmen",
    // French
    "annuler",
    "je ne pourrai pas",
    "ne pourrai pas venir",
    "empêchement",
    "empechement",
    // Spanish
    "cancelar",
    "anular",
    "no podré",
    "no podre",
    "no puedo asistir",
    "no voy a poder",
    // Dutch
    "annuleren",
    "afzeggen",
    "kan niet komen",
    "verhinderd",
    // Italian
    "annullare",
    "disdire",
    "non potrò",
    "non potro",
    "non posso venire",
    // Portuguese
    "desmarcar",
    "não poderei",
    "nao poderei",
    "não posso ir",
    "nao posso ir",
    "não vou poder",
    "nao vou poder",
];

/// Phrases that say "I no longer want to take part".
const DECLINE: &[&str] = &[
    // English
    "not interested",
    "no longer wish",
    "no longer want",
    "don't want to take part",
    "do not want to take part",
    "don't want to participate",
    "do not want to participate",
    "withdraw",
    "unsubscribe",
    "remove me",
    // German
    "kein interesse",
    "nicht mehr teilnehmen",
    "nicht teilnehmen",
    "möchte nicht mehr",
    "abmelden",
    // French
    "pas intéressé",
    "pas interesse",
    "ne souhaite pas participer",
    "ne souhaite plus participer",
    "ne plus participer",
    "désinscri",
    "desinscri",
    // Spanish
    "no me interesa",
    "no deseo participar",
    "ya no deseo",
    "no quiero participar",
    "darme de baja",
    // Dutch
    "geen interesse",
    "niet deelnemen",
    "niet meer deelnemen",
    "wil niet meedoen",
    "afmelden",
    // Italian
    "non mi interessa",
    "non desidero partecipare",
    "non voglio partecipare",
    "ritirarmi",
    // Portuguese
    "não tenho interesse",
    "nao tenho interesse",
    "não desejo participar",
    "nao desejo participar",
    "não quero participar",
    "nao quero participar",
    "desistir",
];

/// What `words` (the participant's own text, quotes removed) seems to ask for. Leaving the
/// study weighs more than cancelling one interview when a message says both.
pub fn intent_of(words: &str) -> Option<ReplyIntent> {
    // A letter's answer is in its first lines; a signature or a forwarded text is not.
    let text = words
        .lines()
        .take(20)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'");
    let says = |phrases: &[&str]| phrases.iter().any(|p| contains_phrase(&text, p));
    if says(DECLINE) {
        Some(ReplyIntent::Decline)
    } else if says(CANCEL) {
        Some(ReplyIntent::Cancel)
    } else {
        None
    }
}

/// `phrase` in `text`, starting at a word's start ("cancel" in "cancelled", not in "precancel").
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancelling_in_every_language() {
        for words in [
            "Sorry, I can’t make it on Tuesday.",
            "Please cancel my interview",
            "Leider muss ich den Termin absagen.",
            "Ich kann leider nicht kommen.",
            "Bonjour, j'ai un empêchement et je dois annuler.",
            "Lo siento, no podré asistir.",
            "Ik ben helaas verhinderd.",
            "Purtroppo devo disdire l'appuntamento.",
            "Infelizmente não vou poder ir.",
        ] {
            assert_eq!(intent_of(words), Some(ReplyIntent::Cancel), "{words}");
        }
    }

    #[test]
    fn leaving_the_study_in_every_language() {
        for words in [
            "I'm not interested any more, please remove me.",
            "Ich möchte nicht mehr teilnehmen.",
            "Je ne souhaite plus participer, merci.",
            "Ya no deseo participar en el estudio.",
            "Ik wil niet meer deelnemen.",
            "Non desidero partecipare, grazie.",
            "Não quero participar, obrigado.",
        ] {
            assert_eq!(intent_of(words), Some(ReplyIntent::Decline), "{words}");
        }
    }

    #[test]
    fn answers_that_ask_for_neither_are_left_alone() {
        for words in [
            "Option 2 works for me",
            "Thursday at 2pm, thanks!",
            "Der zweite Termin passt mir gut.",
            "Parfait, à mardi !",
            "precancel",
            "",
        ] {
            assert_eq!(intent_of(words), None, "{words}");
        }
    }
}
