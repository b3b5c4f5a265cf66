//! The schedule as a spreadsheet: one row per applicant per round, breaks included, so it
//! can be sorted by person, round or interviewer.

use confab_core::interview_day::Seat;

use super::use_cases::load;
use super::view::local;
use crate::{AppError, Confab, ErrorCode};

const HEADER: [&str; 9] = [
    "applicant_id",
    "applicant",
    "email",
    "round",
    "start",
    "end",
    "interviewer_id",
    "interviewer",
    "time_zone",
];

impl Confab {
    pub async fn export_day_schedule_csv(&self, session_id: i64) -> Result<String, AppError> {
        let loaded = load(&self.db, session_id).await?;
        let failed = |e: csv::Error| AppError::new(ErrorCode::Internal, e.to_string());
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(HEADER).map_err(failed)?;
        for itinerary in &loaded.schedule.itineraries {
            let (name, email) = loaded
                .day
                .applicant(itinerary.applicant)
                .map(|p| (p.participant.name.clone(), p.participant.email.clone()))
                .unwrap_or_default();
            for (r, seat) in itinerary.seats.iter().enumerate() {
                let times = &loaded.schedule.rounds[r];
                let (id, with) = match seat {
                    Seat::Meets(i) => (
                        i.to_string(),
                        loaded
                            .day
                            .interviewer(*i)
                            .map(|x| x.name.clone())
                            .unwrap_or_default(),
                    ),
                    Seat::Break => (String::new(), "break".to_owned()),
                };
                out.write_record([
                    itinerary.applicant.to_string(),
                    name.clone(),
                    email.clone(),
                    (r + 1).to_string(),
                    local(times.local_start),
                    local(times.local_end),
                    id,
                    with,
                    loaded.day.zone.name().to_owned(),
                ])
                .map_err(failed)?;
            }
        }
        let bytes = out
            .into_inner()
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        String::from_utf8(bytes).map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))
    }
}
