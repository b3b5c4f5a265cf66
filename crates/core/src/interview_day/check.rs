//! The hard rules, checked on any schedule, for instance after the researcher moved meetings by
//! hand. Each broken rule is said in words.

use std::collections::{BTreeMap, BTreeSet};

use super::input::{DayInput, Interviewer};
use super::schedule::{DaySchedule, Seat, Times};
use super::wording::{and_list, rounds_phrase};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The same, in words for the researcher.
    pub message: String,
}

/// Rounds are counted from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictKind {
    MeetsTwice {
        applicant: i64,
        interviewer: i64,
        rounds: Vec<u32>,
    },
    DoubleBooked {
        interviewer: i64,
        round: u32,
        applicants: Vec<i64>,
    },
    ConflictOfInterest {
        applicant: i64,
        interviewer: i64,
        round: u32,
    },
    Unavailable {
        applicant: i64,
        interviewer: i64,
        round: u32,
    },
    UnknownInterviewer {
        applicant: i64,
        interviewer: i64,
        round: u32,
    },
    /// The schedule's applicants or rounds are not the day's.
    NotThisDay,
}

/// Every hard rule `schedule` breaks for the day described by `input`: nobody meets the same
/// interviewer twice, no interviewer is in two places at once, no conflict of interest, no
/// meeting while the interviewer is unavailable. Round times are the schedule's own.
pub fn check(schedule: &DaySchedule, input: &DayInput) -> Vec<Conflict> {
    let names = Names::new(input);
    let mut conflicts = shape(schedule, input, &names);
    let conflicted: BTreeSet<(i64, i64)> = input
        .conflicts
        .iter()
        .map(|p| (p.applicant, p.interviewer))
        .collect();
    let interviewers: BTreeMap<i64, &Interviewer> =
        input.interviewers.iter().map(|p| (p.id, p)).collect();
    let mut hosts: BTreeMap<(usize, i64), Vec<i64>> = BTreeMap::new();
    for itinerary in &schedule.itineraries {
        let a = itinerary.applicant;
        let mut rounds_with: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
        for (r, seat) in itinerary.seats.iter().enumerate() {
            let Seat::Meets(i) = *seat else { continue };
            rounds_with.entry(i).or_default().push(r);
            hosts.entry((r, i)).or_default().push(a);
            let round = r as u32 + 1;
            let Some(person) = interviewers.get(&i) else {
                conflicts.push(Conflict {
                    kind: ConflictKind::UnknownInterviewer {
                        applicant: a,
                        interviewer: i,
                        round,
                    },
                    message: format!(
                        "{} is with interviewer id {i} in round {round}, who is not one of the day's interviewers.",
                        names.applicant(a)
                    ),
                });
                continue;
            };
            if conflicted.contains(&(a, i)) {
                conflicts.push(Conflict {
                    kind: ConflictKind::ConflictOfInterest {
                        applicant: a,
                        interviewer: i,
                        round,
                    },
                    message: format!(
                        "{} meets {} in round {round}, but they have a conflict of interest.",
                        names.applicant(a),
                        person.name
                    ),
                });
            }
            let during = schedule.rounds.get(r);
            let away = person.unavailable_rounds.contains(&round)
                || during.is_some_and(|t| {
                    person
                        .unavailable
                        .iter()
                        .any(|s| s.start < t.end && t.start < s.end)
                });
            if away {
                conflicts.push(Conflict {
                    kind: ConflictKind::Unavailable {
                        applicant: a,
                        interviewer: i,
                        round,
                    },
                    message: format!(
                        "{} is unavailable in round {round}{}, but is with {} then.",
                        person.name,
                        during.map(clock).unwrap_or_default(),
                        names.applicant(a)
                    ),
                });
            }
        }
        for (i, rounds) in rounds_with.into_iter().filter(|(_, r)| r.len() > 1) {
            conflicts.push(Conflict {
                kind: ConflictKind::MeetsTwice {
                    applicant: a,
                    interviewer: i,
                    rounds: rounds.iter().map(|&r| r as u32 + 1).collect(),
                },
                message: format!(
                    "{} meets {} more than once, in {}; each applicant meets each interviewer at most once.",
                    names.applicant(a),
                    names.interviewer(i),
                    rounds_phrase(&rounds)
                ),
            });
        }
    }
    for ((r, i), applicants) in hosts.into_iter().filter(|(_, a)| a.len() > 1) {
        let round = r as u32 + 1;
        let who: Vec<String> = applicants.iter().map(|&a| names.applicant(a)).collect();
        conflicts.push(Conflict {
            kind: ConflictKind::DoubleBooked {
                interviewer: i,
                round,
                applicants,
            },
            message: format!(
                "{} is booked with {} at the same time, in round {round}.",
                names.interviewer(i),
                and_list(&who)
            ),
        });
    }
    conflicts
}

/// The schedule must have one itinerary per applicant of the day, each with one seat a round.
fn shape(schedule: &DaySchedule, input: &DayInput, names: &Names) -> Vec<Conflict> {
    let mut problems = Vec::new();
    let rounds = input.rounds as usize;
    if schedule.rounds.len() != rounds {
        problems.push(format!(
            "The schedule has {} rounds but the day has {rounds}.",
            schedule.rounds.len()
        ));
    }
    for applicant in &input.applicants {
        match schedule
            .itineraries
            .iter()
            .filter(|it| it.applicant == applicant.id)
            .count()
        {
            0 => problems.push(format!("{} has no itinerary.", applicant.name)),
            1 => {}
            _ => problems.push(format!("{} has more than one itinerary.", applicant.name)),
        }
    }
    for itinerary in &schedule.itineraries {
        if !input.applicants.iter().any(|a| a.id == itinerary.applicant) {
            problems.push(format!(
                "The schedule has an itinerary for applicant id {}, who is not one of the day's applicants.",
                itinerary.applicant
            ));
        }
        if itinerary.seats.len() != rounds {
            problems.push(format!(
                "{}'s itinerary has {} rounds but the day has {rounds}.",
                names.applicant(itinerary.applicant),
                itinerary.seats.len()
            ));
        }
    }
    problems
        .into_iter()
        .map(|message| Conflict {
            kind: ConflictKind::NotThisDay,
            message,
        })
        .collect()
}

fn clock(t: &Times) -> String {
    format!(
        " ({}–{})",
        t.local_start.format("%H:%M"),
        t.local_end.format("%H:%M")
    )
}

struct Names<'a>(&'a DayInput);

impl<'a> Names<'a> {
    fn new(input: &'a DayInput) -> Self {
        Self(input)
    }

    fn applicant(&self, id: i64) -> String {
        self.0
            .applicants
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| format!("Applicant id {id}"), |a| a.name.clone())
    }

    fn interviewer(&self, id: i64) -> String {
        self.0
            .interviewers
            .iter()
            .find(|i| i.id == id)
            .map_or_else(|| format!("interviewer id {id}"), |i| i.name.clone())
    }
}
