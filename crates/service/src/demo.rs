//! The demo study: a study with real-looking data to explore every screen before using Confab
//! for real. It is made through the same use cases a researcher's clicks go through, so it
//! obeys every rule (booked past one only where a real study would have been, in the past).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use confab_store::studies;

use crate::{
    Actor, AppError, Confab, InterviewView, NewParticipant, NewSession, NewStudy, SessionPattern,
    StudySettings, StudySummary,
};

pub const DEMO_STUDY_NAME: &str = "Demo: Onboarding interviews";
const ZONE: Tz = chrono_tz::Europe::Berlin;

/// Name, address and own time zone (none: the study's).
const PEOPLE: &[(&str, &str, Option<&str>)] = &[
    ("Ada Lindqvist", "ada.lindqvist@example.org", None),
    ("Ben Okafor", "ben.okafor@example.org", None),
    (
        "Chloé Martin",
        "chloe.martin@example.org",
        Some("Europe/Paris"),
    ),
    ("Dev Patel", "dev.patel@example.org", Some("Asia/Kolkata")),
    ("Elena Rossi", "elena.rossi@example.org", None),
    ("Farah Haddad", "farah.haddad@example.org", None),
    ("Gus Novak", "gus.novak@example.org", None),
    ("Hana Sato", "hana.sato@example.org", Some("Asia/Tokyo")),
    ("Ivan Petrov", "ivan.petrov@example.org", None),
    ("Jules Bernard", "jules.bernard@example.org", None),
    ("Kim Lee", "kim.lee@example.org", Some("America/New_York")),
    ("Lena Vogel", "lena.vogel@example.org", None),
    (
        "Malik Johnson",
        "malik.johnson@example.org",
        Some("America/Chicago"),
    ),
    ("Nora Berg", "nora.berg@example.org", None),
    ("Omar Farouk", "omar.farouk@example.org", None),
    ("Priya Nair", "priya.nair@example.org", None),
    (
        "Quinn Walsh",
        "quinn.walsh@example.org",
        Some("Europe/Dublin"),
    ),
    ("Rosa Díaz", "rosa.diaz@example.org", None),
];

impl Confab {
    /// Creates the demo study, or returns it if it is already there, so that loading the demo
    /// twice never leaves two.
    pub async fn load_demo_study(&self) -> Result<StudySummary, AppError> {
        if let Some(existing) = studies::find_by_name(&self.db, DEMO_STUDY_NAME).await? {
            return Ok(existing.into());
        }
        let study = self
            .create_study(NewStudy {
                name: DEMO_STUDY_NAME.into(),
                description: "A sample study to explore Confab: one-to-one interviews about how new users find their way around.".into(),
                time_zone: ZONE.name().into(),
                interview_minutes: 45,
            })
            .await?;
        self.fill_demo(&study).await?;
        Ok(study)
    }

    async fn fill_demo(&self, study: &StudySummary) -> Result<(), AppError> {
        let me = Actor::researcher();
        let settings = self.study_settings(study.id).await?;
        self.update_study_settings(
            study.id,
            StudySettings {
                min_notice_minutes: 120,
                horizon_days: 42,
                max_per_day: Some(6),
                change_cutoff_hours: 12,
                location: "Video call".into(),
                conferencing_url: "https://meet.example.org/onboarding-study".into(),
                reminder_hours: Some(24),
                ..settings
            },
            &me,
        )
        .await?;
        let sam = self
            .add_interviewer(study.id, "Dr Sam Rivera", "sam.rivera@example.org", &me)
            .await?;
        let today = Utc::now().with_timezone(&ZONE).date_naive();
        // Tuesday and Thursday afternoons, from three weeks ago for six weeks ahead: the past
        // weeks hold the finished interviews.
        let mut sessions = Vec::new();
        for (weekday, title) in [(2, "Tuesday afternoons"), (4, "Thursday afternoons")] {
            let session = self
                .create_session(
                    NewSession {
                        study_id: study.id,
                        title: title.into(),
                        pattern: SessionPattern::Weekly {
                            weekday,
                            start_time: "13:00".into(),
                            end_time: "17:30".into(),
                            valid_from: (today - Duration::days(21)).to_string(),
                            valid_until: Some((today + Duration::days(42)).to_string()),
                        },
                        capacity: 1,
                        visible: true,
                        interviewer_ids: vec![sam.id],
                    },
                    &me,
                )
                .await?;
            sessions.push(session.id);
        }
        let mut people = Vec::new();
        for (name, email, zone) in PEOPLE {
            let person = self
                .create_participant(
                    NewParticipant {
                        name: (*name).into(),
                        email: (*email).into(),
                        time_zone: zone.map(str::to_owned),
                        study_id: Some(study.id),
                        ..Default::default()
                    },
                    &me,
                )
                .await?;
            people.push(person.id);
        }

        // Finished interviews last week and the week before; one did not come.
        let past = [
            (previous(today, Weekday::Tue, 2), 13, 0),
            (previous(today, Weekday::Thu, 2), 13, 45),
            (previous(today, Weekday::Tue, 1), 14, 30),
            (previous(today, Weekday::Thu, 1), 13, 0),
        ];
        let mut finished = Vec::new();
        for (n, (date, hour, minute)) in past.into_iter().enumerate() {
            let session = sessions[usize::from(date.weekday() == Weekday::Thu)];
            let start = local(date, hour, minute);
            finished.push(
                self.demo_booking(study.id, people[n], session, start)
                    .await?,
            );
        }
        self.complete_ended_interviews().await?;
        self.mark_no_show(finished[3].id, &me).await?;

        // Upcoming interviews at the first open times, and one canceled.
        let slots = self.open_slots(study.id, None, None, None).await?;
        let mut upcoming = Vec::new();
        for (n, slot) in slots.iter().step_by(2).take(6).enumerate() {
            let booked = self
                .book_manually(
                    study.id,
                    people[4 + n],
                    slot.session_id,
                    slot.start,
                    &[],
                    &me,
                )
                .await?;
            upcoming.push(booked);
        }
        if let Some(dropped) = upcoming.last() {
            self.cancel_interview(dropped.id, "Moved abroad for the summer", &me)
                .await?;
        }

        // Where the others stand: some invited, one declined, the rest just added.
        for id in &people[10..14] {
            self.set_status(study.id, *id, "invited", "invited by phone", &me)
                .await?;
        }
        self.set_status(study.id, people[14], "declined", "no time this term", &me)
            .await?;
        Ok(())
    }

    /// A booking in the past, as it was made then: past the rules that only say it is past.
    async fn demo_booking(
        &self,
        study_id: i64,
        participant_id: i64,
        session_id: i64,
        start: DateTime<Utc>,
    ) -> Result<InterviewView, AppError> {
        let accepted: Vec<crate::RuleBreak> = self
            .check_booking(study_id, session_id, start, None)
            .await?
            .into_iter()
            .map(|b| b.rule)
            .collect();
        self.book_manually(
            study_id,
            participant_id,
            session_id,
            start,
            &accepted,
            &Actor::researcher(),
        )
        .await
    }
}

/// The `weekday` `weeks` weeks before this week's one.
fn previous(today: NaiveDate, weekday: Weekday, weeks: i64) -> NaiveDate {
    let back = i64::from(today.weekday().num_days_from_monday())
        - i64::from(weekday.num_days_from_monday());
    today - Duration::days(back + 7 * weeks)
}

fn local(date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let naive = date.and_hms_opt(hour, minute, 0).unwrap_or_default();
    // Afternoons are never in a daylight-saving gap in Berlin; the first reading is the one.
    naive
        .and_local_timezone(ZONE)
        .earliest()
        .map_or_else(|| naive.and_utc(), |t| t.with_timezone(&Utc))
}
