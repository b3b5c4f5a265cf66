//! Dates and times as a participant reads them: in their time zone, written the way their
//! language and region write them (CLDR patterns through ICU4X, never hand-made tables).

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use chrono_tz::Tz;
use confab_core::Language;
use icu::calendar::{Date, Gregorian};
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{MDE, MDET, YMDE, YMDET};
use icu::datetime::input::{DateTime as IcuDateTime, Time};
use icu::datetime::{NoCalendarFormatter, fieldsets::T};
use icu::locale::Locale;

fn locale(language: &Language) -> Locale {
    language
        .to_string()
        .parse()
        .unwrap_or(icu::locale::locale!("en"))
}

fn icu_time(t: &NaiveDateTime) -> Time {
    Time::try_new(t.hour() as u8, t.minute() as u8, 0, 0).unwrap_or(Time::start_of_day())
}

fn icu_date_time(t: &NaiveDateTime) -> Option<IcuDateTime<Gregorian>> {
    let date = Date::try_new_gregorian(t.year(), t.month() as u8, t.day() as u8).ok()?;
    Some(IcuDateTime {
        date,
        time: icu_time(t),
    })
}

/// Formatters of one kind, each built once per language on this thread.
type Kept<F> = RefCell<HashMap<Language, Option<F>>>;

// Building a formatter looks up its locale's patterns and names, which costs more than the
// writing; a Sync writes hundreds of dates in a few languages, so each thread keeps what it
// built. The data is compiled in, so a kept formatter never goes stale.
thread_local! {
    static LONG: Kept<FixedCalendarDateTimeFormatter<Gregorian, YMDET>> = RefCell::default();
    static SHORT: Kept<FixedCalendarDateTimeFormatter<Gregorian, MDET>> = RefCell::default();
    static NEAR: Kept<FixedCalendarDateTimeFormatter<Gregorian, MDET>> = RefCell::default();
    static CLOCK: Kept<NoCalendarFormatter<T>> = RefCell::default();
}

/// What `write` makes with the formatter `kept` holds for `language`, built by `build` the
/// first time; `None` where ICU4X could not build one.
fn with_formatter<F>(
    kept: &'static LocalKey<Kept<F>>,
    language: &Language,
    build: impl FnOnce(Locale) -> Option<F>,
    write: impl FnOnce(&F) -> String,
) -> Option<String> {
    kept.with(|kept| {
        let mut kept = kept.borrow_mut();
        kept.entry(language.clone())
            .or_insert_with(|| build(locale(language)))
            .as_ref()
            .map(write)
    })
}

/// `t` written with an ICU4X field set of date and time in `language`, or by a fixed pattern
/// where ICU4X has no data for it. A macro, since each field set is its own formatter type.
macro_rules! written {
    ($kept:expr, $t:expr, $language:expr, $fieldset:expr, $fallback:literal) => {
        icu_date_time($t)
            .and_then(|dt| {
                with_formatter(
                    &$kept,
                    $language,
                    |locale| {
                        FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(
                            locale.into(),
                            $fieldset,
                        )
                        .ok()
                    },
                    |f| f.format(&dt).to_string(),
                )
            })
            .unwrap_or_else(|| $t.format($fallback).to_string())
    };
}

/// `Tuesday, 1 December 2026 at 10:00`, `Dienstag, 1. Dezember 2026 um 10:00`.
fn long(t: &NaiveDateTime, language: &Language) -> String {
    written!(
        LONG,
        t,
        language,
        YMDE::long().with_time_hm(),
        "%Y-%m-%d %H:%M"
    )
}

/// `Tue 1 Dec, 10:00`, `Di., 1. Dez., 10:00`.
fn short(t: &NaiveDateTime, language: &Language) -> String {
    written!(
        SHORT,
        t,
        language,
        MDE::medium().with_time_hm(),
        "%m-%d %H:%M"
    )
}

/// `Tuesday 1 December at 10:00`: a day near enough that its year goes without saying.
fn near(t: &NaiveDateTime, language: &Language) -> String {
    written!(NEAR, t, language, MDE::long().with_time_hm(), "%m-%d %H:%M")
}

/// `10:00`, `10:00 AM`, `10 h 00`.
pub fn clock(t: &NaiveDateTime, language: &Language) -> String {
    with_formatter(
        &CLOCK,
        language,
        |locale| NoCalendarFormatter::try_new(locale.into(), T::hm()).ok(),
        |f| f.format(&icu_time(t)).to_string(),
    )
    .unwrap_or_else(|| t.format("%H:%M").to_string())
}

/// An interview's time in full: `Tuesday, 1 December 2026 at 10:00–11:00`; the templates
/// name the zone beside it.
pub fn interview_time(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Tz,
    language: &Language,
) -> String {
    let (s, e) = (
        start.with_timezone(&zone).naive_local(),
        end.with_timezone(&zone).naive_local(),
    );
    let end_text = if s.date() == e.date() {
        clock(&e, language)
    } else {
        long(&e, language)
    };
    format!("{}–{end_text}", long(&s, language))
}

/// `Tue 1 Dec, 10:00–11:00`: a choice in a list, where the zone is said once above it.
pub fn choice_time(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Tz,
    language: &Language,
) -> String {
    let (s, e) = (
        start.with_timezone(&zone).naive_local(),
        end.with_timezone(&zone).naive_local(),
    );
    if s.date() == e.date() {
        format!("{}–{}", short(&s, language), clock(&e, language))
    } else {
        format!("{} – {}", short(&s, language), short(&e, language))
    }
}

/// A moment in the next days, such as a deadline: `Thursday 3 December at 18:00`.
pub fn moment(at: DateTime<Utc>, zone: Tz, language: &Language) -> String {
    near(&at.with_timezone(&zone).naive_local(), language)
}

/// A start and an end time on one day: `10:00–10:30`.
pub fn clock_span(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Tz,
    language: &Language,
) -> String {
    format!(
        "{}–{}",
        clock(&start.with_timezone(&zone).naive_local(), language),
        clock(&end.with_timezone(&zone).naive_local(), language)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn lang(tag: &str) -> Language {
        tag.parse().unwrap()
    }

    #[test]
    fn each_language_writes_dates_its_own_way() {
        let start = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        let berlin = chrono_tz::Europe::Berlin;
        for (tag, full, choice) in [
            (
                "en-GB",
                "Tuesday, 1 December 2026 at 10:00–11:00",
                "Tue 1 Dec, 10:00–11:00",
            ),
            (
                "en-US",
                "Tuesday, December 1, 2026 at 10:00\u{202f}AM–11:00\u{202f}AM",
                "Tue, Dec 1, 10:00\u{202f}AM–11:00\u{202f}AM",
            ),
            (
                "de-DE",
                "Dienstag, 1. Dezember 2026 um 10:00–11:00",
                "Di., 1. Dez., 10:00–11:00",
            ),
            (
                "fr",
                "mardi 1 décembre 2026 à 10:00–11:00",
                "mar. 1 déc., 10:00–11:00",
            ),
            (
                "es",
                "martes, 1 de diciembre de 2026 a las 10:00–11:00",
                "mar, 1 dic, 10:00–11:00",
            ),
            (
                "nl",
                "dinsdag 1 december 2026 om 10:00–11:00",
                "di 1 dec, 10:00–11:00",
            ),
            (
                "it",
                "martedì 1 dicembre 2026 alle ore 10:00–11:00",
                "mar 1 dic, 10:00–11:00",
            ),
            (
                "pt-BR",
                "terça-feira, 1 de dezembro de 2026 às 10:00–11:00",
                "ter., 1 de dez., 10:00–11:00",
            ),
        ] {
            assert_eq!(
                interview_time(start, end, berlin, &lang(tag)),
                full,
                "{tag}"
            );
            assert_eq!(choice_time(start, end, berlin, &lang(tag)), choice, "{tag}");
        }
    }

    #[test]
    fn times_read_in_the_readers_zone() {
        let start = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 12, 2, 1, 0, 0).unwrap();
        let en = lang("en-GB");
        assert_eq!(
            choice_time(start, start, chrono_tz::America::New_York, &en),
            "Tue 1 Dec, 04:00–04:00"
        );
        // An interview past midnight names its end day too.
        assert_eq!(
            interview_time(start, end, chrono_tz::Europe::Berlin, &en),
            "Tuesday, 1 December 2026 at 10:00–Wednesday, 2 December 2026 at 02:00"
        );
        assert_eq!(
            moment(start, chrono_tz::Europe::Lisbon, &lang("pt")),
            "terça-feira, 1 de dezembro às 09:00"
        );
    }

    /// Each kind of date keeps its own formatters: a list's short times, a deadline and an
    /// interview's full time written one after another on one thread, in both orders, in
    /// two languages, each come out as their kind writes them.
    #[test]
    fn kept_formatters_stay_with_their_kind_and_language() {
        let start = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        let berlin = chrono_tz::Europe::Berlin;
        let expected = [
            (
                "en-GB",
                "Tue 1 Dec, 10:00–11:00",
                "Tuesday 1 December at 10:00",
                "Tuesday, 1 December 2026 at 10:00–11:00",
            ),
            (
                "de-DE",
                "Di., 1. Dez., 10:00–11:00",
                "Dienstag, 1. Dezember um 10:00",
                "Dienstag, 1. Dezember 2026 um 10:00–11:00",
            ),
        ];
        for round in 0..2 {
            for (tag, choice, deadline, full) in expected {
                let language = lang(tag);
                let written = |which: usize| match which {
                    0 => choice_time(start, end, berlin, &language),
                    1 => moment(start, berlin, &language),
                    _ => interview_time(start, end, berlin, &language),
                };
                let order: [usize; 3] = if round == 0 { [0, 1, 2] } else { [2, 1, 0] };
                for which in order {
                    let want = [choice, deadline, full][which];
                    assert_eq!(written(which), want, "{tag}, round {round}");
                }
            }
        }
    }
}
