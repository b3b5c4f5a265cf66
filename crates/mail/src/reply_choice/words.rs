//! The words a reply names times with, in English, German, French, Spanish, Dutch, Italian and
//! Portuguese.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Words that introduce a number meant as an option, in the languages participants write.
pub(super) const NUMBER_WORDS: &[&str] = &[
    "option",
    "number",
    "no",
    "nr",
    "num",
    "choice",
    "slot",
    "time",
    "nummer",
    "möglichkeit",
    "termin",
    "numéro",
    "numero",
    "número",
    "opción",
    "opção",
    "opzione",
    "keuze",
    "optie",
];

/// Weekday names and abbreviations (Monday = 0) in English, German, French, Spanish, Dutch,
/// Italian and Portuguese.
const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("mon", 0),
    ("montag", 0),
    ("mo", 0),
    ("lundi", 0),
    ("lunes", 0),
    ("maandag", 0),
    ("ma", 0),
    ("lunedì", 0),
    ("lunedi", 0),
    ("segunda", 0),
    ("tuesday", 1),
    ("tue", 1),
    ("tues", 1),
    ("dienstag", 1),
    ("di", 1),
    ("mardi", 1),
    ("martes", 1),
    ("dinsdag", 1),
    ("martedì", 1),
    ("martedi", 1),
    ("terça", 1),
    ("terca", 1),
    ("wednesday", 2),
    ("wed", 2),
    ("mittwoch", 2),
    ("mi", 2),
    ("mercredi", 2),
    ("mer", 2),
    ("miércoles", 2),
    ("miercoles", 2),
    ("woensdag", 2),
    ("wo", 2),
    ("mercoledì", 2),
    ("mercoledi", 2),
    ("quarta", 2),
    ("thursday", 3),
    ("thu", 3),
    ("thur", 3),
    ("thurs", 3),
    ("donnerstag", 3),
    ("do", 3),
    ("jeudi", 3),
    ("jueves", 3),
    ("donderdag", 3),
    ("giovedì", 3),
    ("giovedi", 3),
    ("quinta", 3),
    ("friday", 4),
    ("fri", 4),
    ("freitag", 4),
    ("fr", 4),
    ("vendredi", 4),
    ("ven", 4),
    ("viernes", 4),
    ("vrijdag", 4),
    ("vr", 4),
    ("venerdì", 4),
    ("venerdi", 4),
    ("sexta", 4),
    ("saturday", 5),
    ("sat", 5),
    ("samstag", 5),
    ("sa", 5),
    ("samedi", 5),
    ("sam", 5),
    ("sábado", 5),
    ("sabado", 5),
    ("zaterdag", 5),
    ("za", 5),
    ("sabato", 5),
    ("sunday", 6),
    ("sun", 6),
    ("sonntag", 6),
    ("so", 6),
    ("dimanche", 6),
    ("dim", 6),
    ("domingo", 6),
    ("zondag", 6),
    ("zo", 6),
    ("domenica", 6),
];

/// Month names and abbreviations (January = 1).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("januari", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("februari", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("march", 3),
    ("mär", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("março", 3),
    ("marco", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("mei", 5),
    ("maggio", 5),
    ("maio", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

/// Words that join two mentions ("Tuesday or Thursday").
pub(super) const SEPARATORS: &[&str] = &[
    "or", "and", "oder", "und", "ou", "et", "o", "y", "of", "en", "e",
];

/// The weekday `word` names (Monday = 0).
pub(super) fn weekday(word: &str) -> Option<u32> {
    static BY_NAME: OnceLock<HashMap<&str, u32>> = OnceLock::new();
    BY_NAME.get_or_init(|| by_name(WEEKDAYS)).get(word).copied()
}

/// The month `word` names (January = 1).
pub(super) fn month(word: &str) -> Option<u32> {
    static BY_NAME: OnceLock<HashMap<&str, u32>> = OnceLock::new();
    BY_NAME.get_or_init(|| by_name(MONTHS)).get(word).copied()
}

/// Every word of a reply is looked up in these lists: by its name, rather than by reading the
/// list through for each. Should two languages ever share a word, the list's first entry keeps
/// it, as reading through did.
fn by_name(list: &'static [(&'static str, u32)]) -> HashMap<&'static str, u32> {
    let mut names = HashMap::with_capacity(list.len());
    for &(name, n) in list {
        names.entry(name).or_insert(n);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_weekday_and_month_name_is_found_as_its_list_gives_it() {
        for (list, find) in [
            (WEEKDAYS, weekday as fn(&str) -> Option<u32>),
            (MONTHS, month),
        ] {
            for &(name, _) in list {
                let first = list.iter().find(|(n, _)| *n == name).map(|&(_, v)| v);
                assert_eq!(find(name), first, "{name}");
            }
        }
        assert_eq!(weekday("tuesday"), Some(1));
        assert_eq!(month("december"), Some(12));
        assert_eq!(month("someday"), None);
    }
}
