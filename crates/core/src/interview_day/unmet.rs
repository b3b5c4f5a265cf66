//! What a schedule does not give that the researcher asked for, each said in words with its
//! reason, so that nothing is dropped silently.

use super::day::Day;
use super::grid::{Hosts, Seats};
use super::wording::{and_list, few_names, ordinal, rounds_phrase, runs};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    pub kind: UnmetKind,
    /// The same, in words for the researcher.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnmetKind {
    /// Nobody can meet a different interviewer in every round.
    MoreRoundsThanInterviewers { rounds: u32, interviewers: u32 },
    /// Conflicts of interest leave this applicant fewer interviewers than rounds.
    FewOptions {
        applicant: i64,
        can_meet: u32,
        interviewers: u32,
    },
    /// A must-meet pair who do not meet.
    MustMeet { applicant: i64, interviewer: i64 },
    /// In `round` this applicant has a break while someone else has had two breaks fewer.
    UnevenBreaks { applicant: i64, round: u32 },
    /// This applicant has breaks in these rounds, each next to another break, more often
    /// than their number of breaks and meetings requires.
    ConsecutiveBreaks { applicant: i64, rounds: Vec<u32> },
    /// These applicants have at least two breaks more than meetings, so some of their breaks
    /// are back to back in any order of their day.
    UnavoidableConsecutiveBreaks { applicants: Vec<i64> },
}

pub(crate) fn explain(day: &Day, seats: &Seats) -> Vec<Unmet> {
    let mut unmet = Vec::new();
    let (rounds, interviewers) = (day.round_count(), day.interviewer_count());
    if rounds > interviewers {
        unmet.push(Unmet {
            kind: UnmetKind::MoreRoundsThanInterviewers {
                rounds: rounds as u32,
                interviewers: interviewers as u32,
            },
            message: format!(
                "The day has {rounds} rounds but only {interviewers} interviewers, so nobody can meet a different interviewer in every round: each applicant has at least {} breaks.",
                rounds - interviewers
            ),
        });
    }
    for a in 0..day.applicant_count() {
        let can_meet = (0..interviewers).filter(|&i| day.allowed(a, i)).count();
        if can_meet < rounds.min(interviewers) {
            unmet.push(Unmet {
                kind: UnmetKind::FewOptions {
                    applicant: day.applicants[a].id,
                    can_meet: can_meet as u32,
                    interviewers: interviewers as u32,
                },
                message: format!(
                    "{} can meet only {can_meet} of {interviewers} interviewers because of conflicts of interest, so has at least {} breaks in {rounds} rounds.",
                    day.applicant_name(a),
                    rounds - can_meet
                ),
            });
        }
    }
    let hosts = Hosts::new(seats, interviewers);
    for &(a, i) in &day.must_pairs {
        if !(0..rounds).any(|r| seats.get(a, r) == Some(i)) {
            unmet.push(must_meet(day, seats, &hosts, a, i));
        }
    }
    let mut crowded = Vec::new();
    for a in 0..day.applicant_count() {
        unmet.extend(uneven(day, seats, a));
        match consecutive(day, seats, a) {
            BackToBack::None => {}
            BackToBack::Unavoidable => crowded.push(a),
            BackToBack::Avoidable(explained) => unmet.push(explained),
        }
    }
    if !crowded.is_empty() {
        unmet.push(unavoidable(day, &crowded));
    }
    unmet
}

fn must_meet(day: &Day, seats: &Seats, hosts: &Hosts, a: usize, i: usize) -> Unmet {
    let (who, whom) = (day.applicant_name(a), day.interviewer_name(i));
    let mut reasons = Vec::new();
    let closed: Vec<usize> = (0..day.round_count())
        .filter(|&r| !day.open(i, r))
        .collect();
    if closed.len() == day.round_count() {
        reasons.push(format!("{whom} is unavailable in every round"));
    } else if !closed.is_empty() {
        reasons.push(format!(
            "{whom} is unavailable in {}",
            rounds_phrase(&closed)
        ));
    }
    let mut applicant_busy = (Vec::new(), Vec::new());
    let mut interviewer_busy = (Vec::new(), Vec::new());
    let mut both_busy = Vec::new();
    for r in day.open_rounds(i) {
        let other_interviewer = seats.get(a, r).filter(|&j| day.must(a, j));
        let other_applicant = hosts.get(i, r).filter(|&b| day.must(b, i));
        if let Some(j) = other_interviewer {
            applicant_busy.0.push(r);
            push_unique(&mut applicant_busy.1, day.interviewer_name(j));
        } else if let Some(b) = other_applicant {
            interviewer_busy.0.push(r);
            push_unique(&mut interviewer_busy.1, day.applicant_name(b));
        } else {
            both_busy.push(r);
        }
    }
    if !applicant_busy.0.is_empty() {
        reasons.push(format!(
            "in {} {who} has other must-meet meetings ({})",
            rounds_phrase(&applicant_busy.0),
            and_list(&applicant_busy.1)
        ));
    }
    if !interviewer_busy.0.is_empty() {
        reasons.push(format!(
            "in {} {whom} meets other must-meet applicants ({})",
            rounds_phrase(&interviewer_busy.0),
            and_list(&interviewer_busy.1)
        ));
    }
    if !both_busy.is_empty() {
        reasons.push(format!(
            "in {} moving them together would cost other meetings or must-meet pairs",
            rounds_phrase(&both_busy)
        ));
    }
    Unmet {
        kind: UnmetKind::MustMeet {
            applicant: day.applicants[a].id,
            interviewer: day.interviewers[i].id,
        },
        message: format!(
            "Must-meet pair {who} – {whom} could not be placed: {}.",
            and_list(&reasons)
        ),
    }
}

fn push_unique<'a>(list: &mut Vec<&'a str>, name: &'a str) {
    if !list.contains(&name) {
        list.push(name);
    }
}

/// The first round in which applicant `a` has a break while someone has had two fewer.
fn uneven(day: &Day, seats: &Seats, a: usize) -> Option<Unmet> {
    let mut so_far = vec![0usize; day.applicant_count()];
    for r in 0..day.round_count() {
        for (x, count) in so_far.iter_mut().enumerate() {
            if seats.is_break(x, r) {
                *count += 1;
            }
        }
        let mine = so_far[a];
        if !seats.is_break(a, r) || mine < 2 {
            continue;
        }
        let fewest = so_far.iter().copied().min().unwrap_or(0);
        if fewest + 2 > mine {
            continue;
        }
        let behind: Vec<usize> = (0..so_far.len()).filter(|&x| so_far[x] == fewest).collect();
        let names: Vec<&str> = behind.iter().map(|&x| day.applicant_name(x)).collect();
        let others = few_names(&names);
        let had = match fewest {
            0 => "none".to_owned(),
            1 => "only one".to_owned(),
            n => format!("only {n}"),
        };
        let has = if behind.len() == 1 { "has" } else { "have" };
        return Some(Unmet {
            kind: UnmetKind::UnevenBreaks {
                applicant: day.applicants[a].id,
                round: r as u32 + 1,
            },
            message: format!(
                "{} has a {} break in round {} while {others} {has} had {had}.",
                day.applicant_name(a),
                ordinal(mine),
                r + 1
            ),
        });
    }
    None
}

enum BackToBack {
    None,
    /// As few as the applicant's breaks and meetings allow.
    Unavoidable,
    Avoidable(Unmet),
}

/// `a`'s breaks that follow a break. With `b` breaks and `m = rounds - b` meetings, the breaks
/// fall into at most `m + 1` stretches, so at least `b - m - 1` follow another break.
fn consecutive(day: &Day, seats: &Seats, a: usize) -> BackToBack {
    let breaks: Vec<usize> = (0..day.round_count())
        .filter(|&r| seats.is_break(a, r))
        .collect();
    let long: Vec<(usize, usize)> = runs(&breaks)
        .into_iter()
        .filter(|(first, last)| last > first)
        .collect();
    let following: usize = long.iter().map(|(first, last)| last - first).sum();
    let meetings = day.round_count() - breaks.len();
    if following == 0 {
        return BackToBack::None;
    }
    if following <= breaks.len().saturating_sub(meetings + 1) {
        return BackToBack::Unavoidable;
    }
    let rounds: Vec<usize> = long.iter().flat_map(|&(f, l)| f..=l).collect();
    BackToBack::Avoidable(Unmet {
        kind: UnmetKind::ConsecutiveBreaks {
            applicant: day.applicants[a].id,
            rounds: rounds.iter().map(|&r| r as u32 + 1).collect(),
        },
        message: format!(
            "{} has breaks back to back in {}.",
            day.applicant_name(a),
            rounds_phrase(&rounds)
        ),
    })
}

fn unavoidable(day: &Day, crowded: &[usize]) -> Unmet {
    let names: Vec<&str> = crowded.iter().map(|&a| day.applicant_name(a)).collect();
    let who = few_names(&names);
    let (have, each) = if crowded.len() == 1 {
        ("has", "they have")
    } else {
        ("have", "each has")
    };
    Unmet {
        kind: UnmetKind::UnavoidableConsecutiveBreaks {
            applicants: crowded.iter().map(|&a| day.applicants[a].id).collect(),
        },
        message: format!(
            "{who} {have} breaks back to back that no order of the day avoids: {each} at least two breaks more than meetings."
        ),
    }
}
