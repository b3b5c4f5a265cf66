//! Which offered times a participant named in their own words: "2", "option 3", the short
//! code printed beside a time ("7K2M"), or a day and time ("Thursday the 10th works for me",
//! "Do 10.12. um 14 Uhr", "le 10 décembre à 14h").
//!
//! Each mention is read on its own (a line, or a part between "or", "and", commas): a mention
//! that fits exactly one offered time picks it; one that fits several is ambiguous and goes to
//! the researcher with its candidates. Numbers on their own count only in short answers or
//! after a word such as "option" or "number", so that "I have 2 children" books nothing.

mod intent;
mod words;

use chrono::{Datelike, NaiveDateTime, Timelike};

pub use intent::{ReplyIntent, intent_of};
use words::{NUMBER_WORDS, SEPARATORS, month, weekday};

/// One time as the message that offered it showed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedTime {
    /// 1-based, as printed beside the time.
    pub number: usize,
    /// The short code printed beside the time, upper case.
    pub code: String,
    /// The start in the reader's own time zone, as the message showed it.
    pub start: NaiveDateTime,
}

/// What the words name: picks in the order written, and mentions that fit several times.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplyChoices {
    /// Indexes into the offered times, each once, first choice first.
    pub picks: Vec<usize>,
    /// For each ambiguous mention, the indexes it could mean.
    pub ambiguous: Vec<Vec<usize>>,
}

impl ReplyChoices {
    /// Nothing unclear and at least one time named.
    pub fn is_clear(&self) -> bool {
        !self.picks.is_empty() && self.ambiguous.is_empty()
    }
}

/// Short answers are read whole: a bare "2" is option 2.
const SHORT_ANSWER_WORDS: usize = 6;

/// The offered times `words` names. `words` is the participant's own text, quotes removed.
pub fn read_choices(words: &str, offered: &[OfferedTime]) -> ReplyChoices {
    let mut result = ReplyChoices::default();
    if offered.is_empty() {
        return result;
    }
    // Long messages are letters, not answers; their first lines carry the answer if any.
    let text: String = words.lines().take(20).collect::<Vec<_>>().join("\n");
    let total_words = text.split_whitespace().count();
    for mention in mentions(&text) {
        let candidates = mention_candidates(&mention, offered, total_words);
        match candidates.len() {
            0 => {}
            1 => {
                if !result.picks.contains(&candidates[0]) {
                    result.picks.push(candidates[0]);
                }
            }
            _ => result.ambiguous.push(candidates),
        }
    }
    result
}

/// The parts of a text that each name at most one time.
fn mentions(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // Commas stay inside a mention: "10 December, 14:00" is one time.
    for part in text.split(['\n', ';']) {
        let mut current: Vec<String> = Vec::new();
        for word in words_of(part) {
            if SEPARATORS.contains(&word.as_str()) {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            } else {
                current.push(word);
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// Lower-case words, with times (`14:30`, `14.30`, `2pm`) and dates (`10.12.`) kept whole.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '!' | '?' | '"' | '“' | '”'))
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, ',' | '-' | '–' | '\'' | '´'))
                .trim_end_matches(['.', ':'])
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[derive(Debug, Default)]
struct DateParts {
    weekday: Option<u32>,
    day: Option<u32>,
    month: Option<u32>,
    hour: Option<u32>,
    minute: Option<u32>,
}

impl DateParts {
    fn any(&self) -> bool {
        self.weekday.is_some() || self.day.is_some() || self.hour.is_some()
    }

    fn fits(&self, start: &NaiveDateTime) -> bool {
        self.weekday
            .is_none_or(|w| start.weekday().num_days_from_monday() == w)
            && self.day.is_none_or(|d| start.day() == d)
            && self.month.is_none_or(|m| start.month() == m)
            && self.hour.is_none_or(|h| start.hour() == h)
            && self.minute.is_none_or(|m| start.minute() == m)
    }
}

fn mention_candidates(
    mention: &[String],
    offered: &[OfferedTime],
    total_words: usize,
) -> Vec<usize> {
    // A code printed beside a time names it outright.
    for word in mention {
        let upper = word.to_uppercase();
        if upper.len() == 4
            && upper.chars().any(|c| c.is_ascii_alphabetic())
            && let Some(i) = offered.iter().position(|o| o.code == upper)
        {
            return vec![i];
        }
    }
    let mut date = DateParts::default();
    let mut numbers = Vec::new();
    for (i, word) in mention.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| mention[j].as_str());
        let after = mention.get(i + 1).map(String::as_str);
        if let Some(w) = weekday(word) {
            // Two-letter abbreviations ("do", "so", "ma") are words too; count them only
            // beside a date or time.
            if word.chars().count() > 2 || after.is_some_and(looks_like_day_or_time) {
                date.weekday = Some(w);
            }
            continue;
        }
        if let Some(m) = month(word) {
            if word.chars().count() > 3
                || before.is_some_and(|b| b.chars().all(|c| c.is_ascii_digit()))
                || after.is_some_and(|a| a.chars().all(|c| c.is_ascii_digit()))
            {
                date.month = Some(m);
                if let Some(d) = before.and_then(day_number) {
                    date.day = Some(d);
                }
                if let Some(d) = after.and_then(day_number) {
                    date.day = date.day.or(Some(d));
                }
            }
            continue;
        }
        if let Some((h, m)) = clock_time(word, after) {
            date.hour = Some(h);
            date.minute = m;
            continue;
        }
        if let Some((d, m)) = numeric_date(word) {
            date.day = Some(d);
            date.month = Some(m);
            continue;
        }
        if let Some(d) = ordinal_day(word) {
            date.day = Some(d);
            continue;
        }
        if let Ok(n) = word.trim_start_matches('#').parse::<usize>() {
            let introduced = word.starts_with('#')
                || before.is_some_and(|b| NUMBER_WORDS.contains(&b.trim_end_matches('.')));
            let next_is_clock =
                after.is_some_and(|a| matches!(a, "am" | "pm" | "uhr" | "h" | "o'clock"));
            if next_is_clock {
                continue;
            }
            if introduced || total_words <= SHORT_ANSWER_WORDS {
                numbers.push(n);
            }
        }
    }
    if date.any() {
        return offered
            .iter()
            .enumerate()
            .filter(|(_, o)| date.fits(&o.start))
            .map(|(i, _)| i)
            .collect();
    }
    let mut out = Vec::new();
    for n in numbers {
        if let Some(i) = offered.iter().position(|o| o.number == n)
            && !out.contains(&i)
        {
            out.push(i);
        }
    }
    // Two numbers in one mention ("2 3") are two picks, read as written.
    if out.len() > 1 {
        return out.into_iter().take(1).collect();
    }
    out
}

fn looks_like_day_or_time(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// `10th`, `1st`, `2nd`, `3rd`, `10.` are days of the month.
fn ordinal_day(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    if digits.is_empty() || !matches!(rest, "st" | "nd" | "rd" | "th" | "e" | "er" | "º" | "°") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A day number beside a month name: `10`, `10th`.
fn day_number(word: &str) -> Option<u32> {
    ordinal_day(word).or_else(|| word.parse().ok().filter(|d| (1..=31).contains(d)))
}

/// `10.12` (day and month, as most of Europe writes it) or `10/12`.
fn numeric_date(word: &str) -> Option<(u32, u32)> {
    let (d, m) = word.split_once('.')?;
    let d: u32 = d.parse().ok()?;
    let m: u32 = m.trim_end_matches('.').parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d, m))
}

/// `14:30`, `14h30`, `14h`, `2pm`, `2:30pm`, and `14 uhr` / `2 pm` (with the next word).
fn clock_time(word: &str, next: Option<&str>) -> Option<(u32, Option<u32>)> {
    let (body, pm) = if let Some(b) = word.strip_suffix("pm") {
        (b, Some(true))
    } else if let Some(b) = word.strip_suffix("am") {
        (b, Some(false))
    } else {
        (word, None)
    };
    let pm = pm.or(match next {
        Some("pm") => Some(true),
        Some("am") => Some(false),
        _ => None,
    });
    let spoken_hour = matches!(next, Some("uhr" | "h" | "o'clock"));
    let (h, m) = if let Some((h, m)) = body.split_once(':') {
        (h, Some(m))
    } else if let Some((h, m)) = body.split_once('h') {
        (h, (!m.is_empty()).then_some(m))
    } else if let Some((h, m)) = body
        .split_once('.')
        .filter(|(_, m)| m.len() == 2 && (spoken_hour || pm.is_some()))
    {
        // `14.30 Uhr`; a bare `10.12` is a date.
        (h, Some(m))
    } else if pm.is_some() || spoken_hour {
        (body, None)
    } else {
        return None;
    };
    let mut hour: u32 = h.parse().ok()?;
    let minute: Option<u32> = match m {
        Some(m) => Some(m.parse().ok()?),
        None => None,
    };
    if hour > 23 || minute.is_some_and(|m| m > 59) {
        return None;
    }
    match pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    Some((hour, minute.or(Some(0))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn offers() -> Vec<OfferedTime> {
        // Tue 8 Dec 09:00, Tue 8 Dec 14:00, Thu 10 Dec 14:00, Fri 11 Dec 10:30
        let at = |d: u32, h: u32, m: u32| {
            NaiveDate::from_ymd_opt(2026, 12, d)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        [at(8, 9, 0), at(8, 14, 0), at(10, 14, 0), at(11, 10, 30)]
            .into_iter()
            .enumerate()
            .map(|(i, start)| OfferedTime {
                number: i + 1,
                code: ["7K2M", "Q9XD", "B4TR", "ZP3W"][i].into(),
                start,
            })
            .collect()
    }

    fn read(words: &str) -> ReplyChoices {
        read_choices(words, &offers())
    }

    #[test]
    fn a_number_or_a_code_names_one_time() {
        assert_eq!(read("2").picks, vec![1]);
        assert_eq!(read("Option 3 please").picks, vec![2]);
        assert_eq!(read("I'd like #4, thanks").picks, vec![3]);
        assert_eq!(read("b4tr").picks, vec![2]);
        assert_eq!(read("Code Q9XD works for me").picks, vec![1]);
    }

    #[test]
    fn a_day_and_time_in_own_words_names_one_time() {
        assert_eq!(read("Thursday the 10th works for me").picks, vec![2]);
        assert_eq!(read("Friday works best").picks, vec![3]);
        assert_eq!(read("Tuesday at 2pm would be great").picks, vec![1]);
        assert_eq!(read("10 December, 14:00").picks, vec![2]);
        assert_eq!(read("Am Donnerstag um 14 Uhr kann ich").picks, vec![2]);
        assert_eq!(
            read("Le vendredi 11 décembre à 10h30, merci").picks,
            vec![3]
        );
        assert_eq!(read("El jueves 10 me va bien").picks, vec![2]);
    }

    #[test]
    fn first_and_second_choice_in_the_order_written() {
        assert_eq!(read("3 or 1").picks, vec![2, 0]);
        assert_eq!(read("Thursday, or else Friday").picks, vec![2, 3]);
    }

    #[test]
    fn a_mention_that_fits_several_times_is_ambiguous() {
        let r = read("Tuesday works for me");
        assert!(r.picks.is_empty());
        assert_eq!(r.ambiguous, vec![vec![0, 1]]);
        assert!(!r.is_clear());
        let r = read("Any time at 14:00");
        assert_eq!(r.ambiguous, vec![vec![1, 2]]);
    }

    #[test]
    fn numbers_in_a_letter_and_times_not_offered_book_nothing() {
        assert!(read("Hello, I have 2 children and can only come in the mornings when they are at school, is that possible?").picks.is_empty());
        assert!(read("Monday would suit me").picks.is_empty());
        assert!(read("7").picks.is_empty());
        assert!(read("Thanks, see you then!").picks.is_empty());
        assert!(read("").picks.is_empty());
    }
}
