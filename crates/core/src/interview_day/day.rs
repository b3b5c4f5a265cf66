//! The input checked and turned into dense tables indexed by position, which is what the
//! generator, the score and the explanations work on.

use std::collections::BTreeMap;

use super::input::{DayInput, Pair};
use super::schedule::{BlockTime, Times};
use super::timing::lay_out;
use crate::FieldErrors;

/// More rounds than this is not one day, and would only make the search slow.
pub const MAX_ROUNDS: u32 = 100;

pub(crate) struct Day {
    pub rounds: Vec<Times>,
    pub blocks: Vec<BlockTime>,
    pub applicants: Vec<Person>,
    pub interviewers: Vec<Person>,
    /// `[i * rounds + r]`: interviewer `i` can interview in round `r`.
    open: Vec<bool>,
    /// `[a * interviewers + i]`: no conflict of interest between `a` and `i`.
    allowed: Vec<bool>,
    /// `[a * interviewers + i]`: `a` and `i` should meet.
    must: Vec<bool>,
    /// Every must-meet pair once, in applicant then interviewer order.
    pub must_pairs: Vec<(usize, usize)>,
    applicant_index: BTreeMap<i64, usize>,
    interviewer_index: BTreeMap<i64, usize>,
}

pub(crate) struct Person {
    pub id: i64,
    pub name: String,
}

impl Day {
    pub fn new(input: &DayInput) -> Result<Day, FieldErrors> {
        let mut errors = FieldErrors::default();
        check_counts(input, &mut errors);
        let applicant_index = index_ids(
            input.applicants.iter().map(|a| (a.id, a.name.as_str())),
            "applicants",
            "Applicant",
            &mut errors,
        );
        let interviewer_index = index_ids(
            input.interviewers.iter().map(|i| (i.id, i.name.as_str())),
            "interviewers",
            "Interviewer",
            &mut errors,
        );
        let timing = lay_out(input, &mut errors);
        let rounds = input.rounds as usize;
        let (a_count, i_count) = (input.applicants.len(), input.interviewers.len());

        let mut open = vec![true; i_count * rounds];
        for (i, person) in input.interviewers.iter().enumerate() {
            for &n in &person.unavailable_rounds {
                if n == 0 || n > input.rounds {
                    errors.push(
                        "interviewers",
                        format!(
                            "{} is marked unavailable in round {n}, but the day's rounds are 1 to {}.",
                            person.name, input.rounds
                        ),
                    );
                } else {
                    open[i * rounds + n as usize - 1] = false;
                }
            }
            for span in &person.unavailable {
                if span.end < span.start {
                    errors.push(
                        "interviewers",
                        format!(
                            "{} has an unavailable time that ends before it starts.",
                            person.name
                        ),
                    );
                }
            }
            if let Some(timing) = &timing {
                for (r, round) in timing.rounds.iter().enumerate() {
                    if person
                        .unavailable
                        .iter()
                        .any(|s| s.start < round.end && round.start < s.end)
                    {
                        open[i * rounds + r] = false;
                    }
                }
            }
        }

        let lookup = PairLookup {
            applicants: &applicant_index,
            interviewers: &interviewer_index,
        };
        let mut allowed = vec![true; a_count * i_count];
        for pair in &input.conflicts {
            if let Some((a, i)) =
                lookup.find(pair, "conflicts", "A conflict of interest", &mut errors)
            {
                allowed[a * i_count + i] = false;
            }
        }
        let mut must = vec![false; a_count * i_count];
        for pair in &input.must_meet {
            if let Some((a, i)) = lookup.find(pair, "mustMeet", "A must-meet pair", &mut errors) {
                if !allowed[a * i_count + i] {
                    errors.push(
                        "mustMeet",
                        format!(
                            "{} – {} is both a must-meet pair and a conflict of interest; remove one of them.",
                            input.applicants[a].name, input.interviewers[i].name
                        ),
                    );
                }
                must[a * i_count + i] = true;
            }
        }

        let timing = match timing {
            Some(timing) if errors.is_empty() => timing,
            _ => return Err(errors),
        };
        let must_pairs = (0..a_count)
            .flat_map(|a| (0..i_count).map(move |i| (a, i)))
            .filter(|&(a, i)| must[a * i_count + i])
            .collect();
        Ok(Day {
            rounds: timing.rounds,
            blocks: timing.blocks,
            applicants: people(input.applicants.iter().map(|a| (a.id, &a.name))),
            interviewers: people(input.interviewers.iter().map(|i| (i.id, &i.name))),
            open,
            allowed,
            must,
            must_pairs,
            applicant_index,
            interviewer_index,
        })
    }

    pub fn round_count(&self) -> usize {
        self.rounds.len()
    }

    pub fn applicant_count(&self) -> usize {
        self.applicants.len()
    }

    pub fn interviewer_count(&self) -> usize {
        self.interviewers.len()
    }

    pub fn open(&self, i: usize, r: usize) -> bool {
        self.open[i * self.round_count() + r]
    }

    pub fn allowed(&self, a: usize, i: usize) -> bool {
        self.allowed[a * self.interviewer_count() + i]
    }

    pub fn must(&self, a: usize, i: usize) -> bool {
        self.must[a * self.interviewer_count() + i]
    }

    /// Rounds in which `i` can interview.
    pub fn open_rounds(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.round_count()).filter(move |&r| self.open(i, r))
    }

    pub fn applicant_at(&self, id: i64) -> Option<usize> {
        self.applicant_index.get(&id).copied()
    }

    pub fn interviewer_at(&self, id: i64) -> Option<usize> {
        self.interviewer_index.get(&id).copied()
    }

    pub fn applicant_name(&self, a: usize) -> &str {
        &self.applicants[a].name
    }

    pub fn interviewer_name(&self, i: usize) -> &str {
        &self.interviewers[i].name
    }
}

fn check_counts(input: &DayInput, errors: &mut FieldErrors) {
    if input.rounds == 0 {
        errors.push("rounds", "Choose at least one round.");
    } else if input.rounds > MAX_ROUNDS {
        errors.push(
            "rounds",
            format!(
                "A day has at most {MAX_ROUNDS} rounds; you chose {}.",
                input.rounds
            ),
        );
    }
    if input.round_minutes == 0 {
        errors.push("roundMinutes", "A round lasts at least one minute.");
    }
    if input.applicants.is_empty() {
        errors.push(
            "applicants",
            "The session has no confirmed applicants yet, so there is nobody to schedule.",
        );
    }
    if input.interviewers.is_empty() {
        errors.push("interviewers", "Add at least one interviewer or room.");
    }
}

fn index_ids<'a>(
    people: impl Iterator<Item = (i64, &'a str)>,
    field: &'static str,
    kind: &str,
    errors: &mut FieldErrors,
) -> BTreeMap<i64, usize> {
    let mut index = BTreeMap::new();
    let mut names: Vec<&str> = Vec::new();
    for (position, (id, name)) in people.enumerate() {
        names.push(name);
        if let Some(&first) = index.get(&id) {
            errors.push(
                field,
                format!(
                    "{kind} id {id} is given twice ({} and {name}); each needs its own id.",
                    names[first]
                ),
            );
        } else {
            index.insert(id, position);
        }
    }
    index
}

struct PairLookup<'a> {
    applicants: &'a BTreeMap<i64, usize>,
    interviewers: &'a BTreeMap<i64, usize>,
}

impl PairLookup<'_> {
    fn find(
        &self,
        pair: &Pair,
        field: &'static str,
        what: &str,
        errors: &mut FieldErrors,
    ) -> Option<(usize, usize)> {
        let a = self.applicants.get(&pair.applicant).copied();
        let i = self.interviewers.get(&pair.interviewer).copied();
        if a.is_none() {
            errors.push(
                field,
                format!(
                    "{what} names applicant id {}, who is not among the session's applicants.",
                    pair.applicant
                ),
            );
        }
        if i.is_none() {
            errors.push(
                field,
                format!(
                    "{what} names interviewer id {}, who is not among the day's interviewers.",
                    pair.interviewer
                ),
            );
        }
        Some((a?, i?))
    }
}

fn people<'a>(list: impl Iterator<Item = (i64, &'a String)>) -> Vec<Person> {
    list.map(|(id, name)| Person {
        id,
        name: name.clone(),
    })
    .collect()
}
