//! The languages participants read their messages in.
//!
//! A participant's language is a tag such as `de`, `de-AT` or `pt-BR`: the base language
//! chooses the wording (templates, link texts, automatic answers), the whole tag the way dates
//! and times are written (the order of day and month, a 12- or 24-hour clock).

pub mod phrases;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use phrases::Phrases;

/// A language Confab writes messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseLanguage {
    English,
    German,
    French,
    Spanish,
    Dutch,
    Italian,
    Portuguese,
}

impl BaseLanguage {
    pub const ALL: [BaseLanguage; 7] = [
        BaseLanguage::English,
        BaseLanguage::German,
        BaseLanguage::French,
        BaseLanguage::Spanish,
        BaseLanguage::Dutch,
        BaseLanguage::Italian,
        BaseLanguage::Portuguese,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::German => "de",
            Self::French => "fr",
            Self::Spanish => "es",
            Self::Dutch => "nl",
            Self::Italian => "it",
            Self::Portuguese => "pt",
        }
    }

    /// The language's name in itself, as a participant would look for it in a list.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::German => "Deutsch",
            Self::French => "Français",
            Self::Spanish => "Español",
            Self::Dutch => "Nederlands",
            Self::Italian => "Italiano",
            Self::Portuguese => "Português",
        }
    }

    /// Every fixed sentence of the participant's messages in this language.
    pub fn phrases(self) -> &'static Phrases {
        phrases::of(self)
    }

    /// The names a spreadsheet or a form may give the language: its code, its English name,
    /// its own name and the names the other shipped languages give it.
    fn names(self) -> &'static [&'static str] {
        match self {
            Self::English => &[
                "en", "eng", "english", "englisch", "anglais", "inglés", "ingles", "engels",
                "inglese", "inglês", "ingles",
            ],
            Self::German => &[
                "de", "deu", "ger", "german", "deutsch", "allemand", "alemán", "aleman", "duits",
                "tedesco", "alemão", "alemao",
            ],
            Self::French => &[
                "fr",
                "fra",
                "fre",
                "french",
                "français",
                "francais",
                "französisch",
                "franzosisch",
                "francés",
                "frances",
                "frans",
                "francese",
                "francês",
            ],
            Self::Spanish => &[
                "es",
                "spa",
                "spanish",
                "español",
                "espanol",
                "castellano",
                "spanisch",
                "espagnol",
                "spaans",
                "spagnolo",
                "espanhol",
            ],
            Self::Dutch => &[
                "nl",
                "nld",
                "dut",
                "dutch",
                "nederlands",
                "vlaams",
                "flemish",
                "niederländisch",
                "niederlandisch",
                "néerlandais",
                "neerlandais",
                "neerlandés",
                "neerlandes",
                "olandese",
                "holandês",
                "holandes",
            ],
            Self::Italian => &[
                "it",
                "ita",
                "italian",
                "italiano",
                "italienisch",
                "italien",
                "italiaans",
            ],
            Self::Portuguese => &[
                "pt",
                "por",
                "portuguese",
                "português",
                "portugues",
                "portugiesisch",
                "portugais",
                "portugués",
                "portugees",
                "portoghese",
            ],
        }
    }
}

/// A participant's or a study's language: a base language and, optionally, the region whose
/// conventions its dates follow.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language {
    base: BaseLanguage,
    /// Two capital letters (`AT`) or three digits (`419`), as BCP 47 writes a region.
    region: Option<String>,
}

impl Language {
    /// What a study uses until the researcher chooses: English as written in Britain, which
    /// is how Confab wrote every message before messages had a language.
    pub fn study_default() -> Self {
        Self {
            base: BaseLanguage::English,
            region: Some("GB".into()),
        }
    }

    pub fn new(base: BaseLanguage) -> Self {
        Self { base, region: None }
    }

    pub fn base(&self) -> BaseLanguage {
        self.base
    }

    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    pub fn phrases(&self) -> &'static Phrases {
        self.base.phrases()
    }

    /// The languages a study or a participant can be given in a list, each with its name in
    /// itself (for example `de-AT`, "Deutsch (Österreich)").
    pub fn offered() -> Vec<(Language, &'static str)> {
        [
            ("en-GB", "English (United Kingdom)"),
            ("en-US", "English (United States)"),
            ("en-IE", "English (Ireland)"),
            ("en-CA", "English (Canada)"),
            ("en-AU", "English (Australia)"),
            ("de-DE", "Deutsch (Deutschland)"),
            ("de-AT", "Deutsch (Österreich)"),
            ("de-CH", "Deutsch (Schweiz)"),
            ("fr-FR", "Français (France)"),
            ("fr-BE", "Français (Belgique)"),
            ("fr-CH", "Français (Suisse)"),
            ("fr-CA", "Français (Canada)"),
            ("es-ES", "Español (España)"),
            ("es-MX", "Español (México)"),
            ("es-AR", "Español (Argentina)"),
            ("nl-NL", "Nederlands (Nederland)"),
            ("nl-BE", "Nederlands (België)"),
            ("it-IT", "Italiano (Italia)"),
            ("it-CH", "Italiano (Svizzera)"),
            ("pt-PT", "Português (Portugal)"),
            ("pt-BR", "Português (Brasil)"),
        ]
        .into_iter()
        .filter_map(|(tag, name)| tag.parse().ok().map(|l| (l, name)))
        .collect()
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.region {
            Some(region) => write!(f, "{}-{region}", self.base.code()),
            None => f.write_str(self.base.code()),
        }
    }
}

/// Why a language was not understood, worded for the researcher.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a language Confab writes messages in. Use one of English, Deutsch, Français, Español, Nederlands, Italiano or Português, or a code such as en, de-AT or pt-BR."
)]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// Reads a code (`de`, `de-AT`, `de_at`, `pt-BR`) or a language's name in any of the
    /// shipped languages (`German`, `Deutsch`, `allemand`), as spreadsheets write them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownLanguage(text.trim().to_owned());
        let cleaned = text.trim().to_lowercase().replace('_', "-");
        if cleaned.is_empty() {
            return Err(unknown());
        }
        let mut parts = cleaned.split('-');
        let first = parts.next().unwrap_or_default();
        let base = BaseLanguage::ALL
            .into_iter()
            .find(|b| b.names().contains(&first))
            .ok_or_else(unknown)?;
        // A script subtag (`zh-Hant`) never applies to these languages; a region may follow.
        let region = match parts.next() {
            None => None,
            Some(r) if r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()) => {
                Some(r.to_ascii_uppercase())
            }
            Some(r) if r.len() == 3 && r.chars().all(|c| c.is_ascii_digit()) => Some(r.to_owned()),
            Some(_) => return Err(unknown()),
        };
        if parts.next().is_some() {
            return Err(unknown());
        }
        Ok(Self { base, region })
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_as_spreadsheets_write_them() {
        for (text, tag) in [
            ("de", "de"),
            ("de-AT", "de-AT"),
            ("de_at", "de-AT"),
            (" PT-br ", "pt-BR"),
            ("es-419", "es-419"),
            ("German", "de"),
            ("Deutsch", "de"),
            ("allemand", "de"),
            ("Français", "fr"),
            ("francais", "fr"),
            ("Nederlands", "nl"),
            ("Português", "pt"),
            ("italiano", "it"),
            ("English", "en"),
        ] {
            assert_eq!(text.parse::<Language>().unwrap().to_string(), tag, "{text}");
        }
    }

    #[test]
    fn other_languages_are_refused_with_what_to_write() {
        for text in ["", "Klingon", "zh", "de-DE-x", "de-Latn", "ja-JP"] {
            let err = text.parse::<Language>().unwrap_err().to_string();
            assert!(err.contains("de-AT"), "{err}");
        }
    }

    #[test]
    fn every_offered_language_reads_back() {
        let offered = Language::offered();
        assert_eq!(offered.len(), 21);
        for base in BaseLanguage::ALL {
            assert!(offered.iter().any(|(l, _)| l.base() == base), "{base:?}");
        }
        for (language, _) in offered {
            assert_eq!(language.to_string().parse::<Language>().unwrap(), language);
        }
    }
}
