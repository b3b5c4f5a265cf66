//! `confab days`: an interview day's schedule of rounds, from making it to sending every
//! applicant their itinerary.

use std::path::PathBuf;

use clap::Subcommand;
use confab_service::{AppError, Confab, DayPair, DayScheduleView, DaySettings, DaySlot};

use crate::output::{print_json, print_text};

#[derive(Subcommand)]
pub enum DaysCommand {
    /// Make the schedule for the session's confirmed applicants, replacing the current one;
    /// nothing is sent until `publish`
    Generate {
        #[arg(long)]
        session: i64,
        #[arg(long)]
        rounds: u32,
        #[arg(long)]
        round_minutes: u32,
        #[arg(long, default_value_t = 0)]
        passing_minutes: u32,
        /// When the first round may start, HH:MM [default: when the session starts]
        #[arg(long)]
        start: Option<String>,
        /// A conflict of interest, APPLICANT:INTERVIEWER (participant id, interviewer id):
        /// they never meet. Repeat for more
        #[arg(long = "conflict", value_name = "APPLICANT:INTERVIEWER")]
        conflicts: Vec<String>,
        /// A pair that should meet, APPLICANT:INTERVIEWER. Repeat for more
        #[arg(long = "must-meet", value_name = "APPLICANT:INTERVIEWER")]
        must_meet: Vec<String>,
    },
    /// Show the rounds, every itinerary and timetable, and what could not be arranged
    Show {
        #[arg(long)]
        session: i64,
    },
    /// Exchange two assignments, each written APPLICANT:ROUND (participant id, round from 1)
    Swap {
        #[arg(long)]
        session: i64,
        #[arg(long)]
        a: String,
        #[arg(long)]
        b: String,
    },
    /// Seat an applicant with an interviewer in one round, written APPLICANT:ROUND, as when a
    /// gap left by a cancellation is filled; `--interviewer none` gives them a break
    Place {
        #[arg(long)]
        session: i64,
        #[arg(long)]
        a: String,
        /// The interviewer's id, or `none`
        #[arg(long)]
        interviewer: String,
    },
    /// Write the schedule as CSV, one row per applicant per round
    Export {
        #[arg(long)]
        session: i64,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Queue every applicant's itinerary and every interviewer's timetable; after a change,
    /// queues updates to the same calendar events
    Publish {
        #[arg(long)]
        session: i64,
    },
}

fn pairs(texts: &[String]) -> Result<Vec<DayPair>, AppError> {
    texts
        .iter()
        .map(|text| {
            text.split_once(':')
                .and_then(|(a, i)| {
                    Some(DayPair {
                        applicant_id: a.trim().parse().ok()?,
                        interviewer_id: i.trim().parse().ok()?,
                    })
                })
                .ok_or_else(|| {
                    AppError::invalid(format!(
                            "\"{text}\" is not a pair; write the participant id and the interviewer id as 12:3."
                        ),
                    )
                })
        })
        .collect()
}

fn slot(text: &str) -> Result<DaySlot, AppError> {
    let parsed = text.split_once(':').and_then(|(a, r)| {
        Some(DaySlot {
            applicant_id: a.trim().parse().ok()?,
            round: r.trim().parse().ok()?,
        })
    });
    parsed
        .ok_or_else(|| AppError::invalid(format!("\"{text}\" is not APPLICANT:ROUND, e.g. 12:3.")))
}

fn schedule_text(view: &DayScheduleView) -> String {
    let mut text = format!("Session {} ({})\n", view.session_id, view.time_zone);
    let time = |s: &str| s.get(11..).unwrap_or(s).to_owned();
    for r in &view.rounds {
        text += &format!(
            "  Round {}: {}–{}\n",
            r.label,
            time(&r.local_start),
            time(&r.local_end)
        );
    }
    for b in &view.blocks {
        text += &format!(
            "  {}: {}–{}\n",
            b.label,
            time(&b.local_start),
            time(&b.local_end)
        );
    }
    text += "Itineraries:\n";
    for it in &view.itineraries {
        let seats: Vec<String> = it
            .seats
            .iter()
            .map(|s| s.interviewer_name.clone().unwrap_or_else(|| "break".into()))
            .collect();
        text += &format!(
            "  {} ({}): {}\n",
            it.name,
            it.applicant_id,
            seats.join(" | ")
        );
    }
    text += "Timetables:\n";
    for t in &view.timetables {
        let duties: Vec<String> = t
            .duties
            .iter()
            .map(|d| match (&d.applicant_name, d.unavailable) {
                (Some(name), _) => name.clone(),
                (None, true) => "unavailable".into(),
                (None, false) => "free".into(),
            })
            .collect();
        text += &format!(
            "  {} ({}): {}\n",
            t.name,
            t.interviewer_id,
            duties.join(" | ")
        );
    }
    for u in &view.unmet {
        text += &format!("Not met: {u}\n");
    }
    for c in &view.conflicts {
        text += &format!("Conflict: {}\n", c.message);
    }
    text += &match (&view.published_at, view.unpublished_changes) {
        (None, _) => "Not published yet.\n".to_owned(),
        (Some(at), true) => format!("Published {at}; changed since.\n"),
        (Some(at), false) => format!("Published {at}.\n"),
    };
    text
}

pub async fn run(confab: &Confab, command: DaysCommand, json: bool) -> Result<(), AppError> {
    match command {
        DaysCommand::Generate {
            session,
            rounds,
            round_minutes,
            passing_minutes,
            start,
            conflicts,
            must_meet,
        } => {
            let settings = DaySettings {
                rounds,
                round_minutes,
                passing_minutes,
                start,
                fixed_blocks: Vec::new(),
                conflicts: pairs(&conflicts)?,
                must_meet: pairs(&must_meet)?,
            };
            let view = confab.generate_day_schedule(session, settings).await?;
            if json {
                return print_json(&view);
            }
            print_text(&schedule_text(&view))
        }
        DaysCommand::Show { session } => {
            let view = confab.day_schedule(session).await?;
            if json {
                return print_json(&view);
            }
            print_text(&schedule_text(&view))
        }
        DaysCommand::Swap { session, a, b } => {
            let report = confab
                .swap_day_assignments(session, slot(&a)?, slot(&b)?)
                .await?;
            if json {
                return print_json(&report);
            }
            print_text(&schedule_text(&report.schedule))
        }
        DaysCommand::Place {
            session,
            a,
            interviewer,
        } => {
            let interviewer = match interviewer.trim() {
                "none" => None,
                id => Some(id.parse::<i64>().map_err(|_| {
                    AppError::invalid(format!(
                        "\"{id}\" is not an interviewer id; give a number, or none for a break."
                    ))
                })?),
            };
            let report = confab
                .place_day_applicant(session, slot(&a)?, interviewer)
                .await?;
            if json {
                return print_json(&report);
            }
            print_text(&schedule_text(&report.schedule))
        }
        DaysCommand::Export { session, output } => {
            let csv = confab.export_day_schedule_csv(session).await?;
            match output {
                Some(path) => std::fs::write(&path, csv).map_err(|e| {
                    AppError::invalid(format!("Cannot write {}: {e}", path.display()))
                }),
                None => print_text(&csv),
            }
        }
        DaysCommand::Publish { session } => {
            let report = confab.publish_day_schedule(session).await?;
            if json {
                return print_json(&report);
            }
            let mut text = format!(
                "{} itinerary(ies) and {} timetable(s) in the outbox (calendar sequence {}); run `confab sync` to send them.\n",
                report.itineraries, report.timetables, report.sequence
            );
            for s in &report.skipped {
                text += &format!("Skipped: {s}\n");
            }
            print_text(&text)
        }
    }
}
