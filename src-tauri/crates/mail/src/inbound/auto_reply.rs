use mail_parser::Message;

use super::headers::other_header;

/// Subjects that out-of-office answers start with, in the languages participants most often
/// write in, lower-cased.
const SUBJECT_STARTS: &[&str] = &[
    "out of office",
    "out-of-office",
    "automatic reply",
    "auto-reply",
    "auto reply",
    "autoreply",
    "abwesenheitsnotiz",
    "automatische antwort",
    "réponse automatique",
    "respuesta automática",
    "risposta automatica",
    "automatisch antwoord",
    "resposta automática",
    "autosvar",
];

/// RFC 3834's Auto-Submitted (any value but "no"), the X-Autoreply family that vacation
/// programs add, a Precedence of auto_reply, bulk or junk, or an out-of-office subject.
pub(super) fn is_auto_reply(message: &Message<'_>, subject: Option<&str>) -> bool {
    if other_header(message, "Auto-Submitted").is_some_and(|v| {
        let value = v.split(';').next().unwrap_or("").trim();
        !value.is_empty() && !value.eq_ignore_ascii_case("no")
    }) {
        return true;
    }
    if ["X-Autoreply", "X-Autorespond", "X-Auto-Reply"]
        .iter()
        .any(|name| other_header(message, name).is_some())
    {
        return true;
    }
    if other_header(message, "Precedence").is_some_and(|v| {
        let value = v.trim().to_ascii_lowercase();
        matches!(value.as_str(), "auto_reply" | "bulk" | "junk")
    }) {
        return true;
    }
    subject.is_some_and(|s| {
        let s = s.trim().to_lowercase();
        SUBJECT_STARTS.iter().any(|start| s.starts_with(start))
    })
}
