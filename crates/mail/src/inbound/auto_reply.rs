use mail_parser::Message;

use super::{headers::other_header, origin};

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
    "abwesend",
    "absence du bureau",
    "absent du bureau",
    "fuera de la oficina",
    "fuori sede",
    "fuori ufficio",
    "afwezig",
    "buiten kantoor",
    "ausente",
    "ausência",
    "fora do escritório",
];

/// RFC 3834's Auto-Submitted (any value but "no"), the X-Autoreply family that vacation
/// programs add, a Precedence of auto_reply, bulk or junk, or an out-of-office subject.
pub(super) fn is_auto_reply(message: &Message<'_>, subject: Option<&str>) -> bool {
    if origin::auto_submitted(message) || origin::auto_reply_header(message) {
        return true;
    }
    if other_header(message, "Precedence").is_some_and(|v| {
        let value = v.trim().to_ascii_lowercase();
        matches!(value.as_str(), "auto_reply" | "bulk" | "junk")
    }) {
        return true;
    }
    subject.is_some_and(|s| {
        let s = super::reply_prefix::without_reply_prefixes(s).to_lowercase();
        SUBJECT_STARTS.iter().any(|start| s.starts_with(start))
    })
}
