//! The words mail programs put before a subject when someone replies or forwards, in the
//! languages Confab's participants write: "Re:", "AW:", "Réf. :", "SV:", "RES:", "R:", "I:"…

/// Each a reply or forward mark of English, German, French, Spanish, Dutch, Italian or
/// Portuguese mail programs (and the Nordic ones that Outlook users abroad send), lowercase.
const PREFIXES: &[&str] = &[
    "re", "fwd", "fw", // English, and everyone's
    "aw", "antw", "wg", "wtr", // German
    "réf", "ref", "tr", // French
    "rv", "resp", // Spanish
    "antwoord", "doorst", // Dutch
    "r", "rif", "i", // Italian
    "res", "enc", // Portuguese
    "sv", "vs", "vb", "vl", // Swedish, Danish, Norwegian, Finnish
];

/// The subject without the reply and forward marks at its start, however many and in
/// whatever language: `"AW: Re[2]: Réf. : Interview"` becomes `"Interview"`.
pub fn without_reply_prefixes(subject: &str) -> &str {
    let mut rest = subject.trim_start();
    while let Some(after) = one_prefix(rest) {
        rest = after.trim_start();
    }
    rest
}

/// The text after one mark at the start of `text`, if it starts with one.
fn one_prefix(text: &str) -> Option<&str> {
    let word_end = text
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    let word = text[..word_end].to_lowercase();
    if !PREFIXES.contains(&word.as_str()) {
        return None;
    }
    let mut rest = &text[word_end..];
    // A count ("Re[2]:", "Re(3):") or an abbreviation's dot ("Réf.:").
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(inner) = rest.strip_prefix(open) {
            let end = inner.find(close)?;
            if !inner[..end].chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            rest = &inner[end + close.len_utf8()..];
        }
    }
    rest = rest.strip_prefix('.').unwrap_or(rest);
    // French puts a (no-break) space before the colon.
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_every_language_are_taken_off() {
        for (subject, bare) in [
            ("Re: Interview choice", "Interview choice"),
            ("RE: RE: Interview", "Interview"),
            ("AW: Terminwahl: Di., 1. Dez.", "Terminwahl: Di., 1. Dez."),
            ("Aw: WG: Termin", "Termin"),
            ("Réf. : Choix de l'horaire", "Choix de l'horaire"),
            ("RE : TR : Entretien", "Entretien"),
            ("RV: Entrevista", "Entrevista"),
            ("Antw: Keuze", "Keuze"),
            ("R: I: Colloquio", "Colloquio"),
            ("RES: Enc: Entrevista", "Entrevista"),
            ("SV: Intervju", "Intervju"),
            ("Re[2]: Re(3): Interview", "Interview"),
            ("re:Interview", "Interview"),
            ("Fwd:\u{a0}Interview", "Interview"),
        ] {
            assert_eq!(without_reply_prefixes(subject), bare, "{subject}");
        }
    }

    #[test]
    fn words_that_only_look_like_marks_stay() {
        for subject in [
            "Interview choice",
            "Ref 1234 for the study",
            "Rescheduling: please",
            "Re-booking",
            "I am late",
            "Res: [x]: y",
            "Re[two]: Interview",
            "",
        ] {
            let expected = if subject == "Res: [x]: y" {
                "[x]: y"
            } else {
                subject
            };
            assert_eq!(without_reply_prefixes(subject), expected, "{subject}");
        }
    }
}
