//! Lists of rounds and names as a person writes them.

/// `[0, 1, 2, 3]` → "rounds 1–4"; `[2]` → "round 3"; `[0, 2, 4, 5]` → "rounds 1, 3 and 5–6".
/// Takes rounds counted from 0, in increasing order.
pub(crate) fn rounds_phrase(rounds: &[usize]) -> String {
    let runs = runs(rounds);
    let word = if rounds.len() == 1 { "round" } else { "rounds" };
    let parts: Vec<String> = runs
        .iter()
        .map(|&(first, last)| {
            if first == last {
                (first + 1).to_string()
            } else {
                format!("{}–{}", first + 1, last + 1)
            }
        })
        .collect();
    format!("{word} {}", and_list(&parts))
}

/// Stretches of consecutive numbers, as (first, last).
pub(crate) fn runs(numbers: &[usize]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => runs.push((n, n)),
        }
    }
    runs
}

/// "A", "A and B", "A, B and C".
pub(crate) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let head: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

/// Up to three names in full, more as "A, B and 5 others".
pub(crate) fn few_names(names: &[&str]) -> String {
    match names {
        [first, second, _, _, ..] => format!("{first}, {second} and {} others", names.len() - 2),
        _ => and_list(names),
    }
}

/// "first", "second", …, "ninth", then "10th", "11th"….
pub(crate) fn ordinal(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    match WORDS.get(n.wrapping_sub(1)) {
        Some(word) => (*word).to_owned(),
        None => format!("{n}{suffix}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_are_counted_from_one_and_runs_are_joined() {
        assert_eq!(rounds_phrase(&[2]), "round 3");
        assert_eq!(rounds_phrase(&[0, 1, 2, 3]), "rounds 1–4");
        assert_eq!(rounds_phrase(&[0, 2, 4, 5]), "rounds 1, 3 and 5–6");
        assert_eq!(rounds_phrase(&[4, 5]), "rounds 5–6");
    }

    #[test]
    fn names_are_listed_with_and() {
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(few_names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(few_names(&["A", "B", "C", "D"]), "A, B and 2 others");
        assert_eq!(ordinal(2), "second");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
    }
}
