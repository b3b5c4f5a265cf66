//! The study that the booking benchmarks book into: interview days of large capacity, so
//! every booking finds a place, and participants made outside the timed part.

use chrono::{Duration as Days, Utc};
use confab_service::{
    Actor, Confab, NewParticipant, NewSession, NewStudy, SessionPattern, StudySettings,
};

pub const SESSIONS: usize = 40;
pub const CAPACITY: i32 = 1000;

pub struct Bench {
    pub confab: Confab,
    pub study: i64,
    pub sessions: Vec<(i64, chrono::DateTime<Utc>)>,
    next: usize,
    _dir: tempfile::TempDir,
}

/// A study with `SESSIONS` interview days of large capacity on `confab`, whose data lives in
/// `dir` (kept for as long as the bench runs).
pub async fn setup(confab: Confab, dir: tempfile::TempDir) -> Bench {
    let me = Actor::researcher();
    let study = confab
        .create_study(NewStudy {
            name: "Bench".into(),
            description: String::new(),
            time_zone: "UTC".into(),
            interview_minutes: 60,
        })
        .await
        .unwrap()
        .id;
    let s = confab.study_settings(study).await.unwrap();
    confab
        .update_study_settings(
            study,
            StudySettings {
                min_notice_minutes: 0,
                horizon_days: 365,
                ..s
            },
            &me,
        )
        .await
        .unwrap();
    let mut sessions = Vec::new();
    for d in 0..SESSIONS {
        // Interview days of large capacity, so every booking finds a place.
        let day = (Utc::now() + Days::days(2 + d as i64))
            .format("%Y-%m-%d")
            .to_string();
        let pattern = SessionPattern::Day {
            start: format!("{day}T09:00"),
            end: format!("{day}T17:00"),
        };
        let input = NewSession {
            study_id: study,
            title: String::new(),
            pattern,
            capacity: CAPACITY,
            visible: true,
            interviewer_ids: vec![],
        };
        let id = confab.create_session(input, &me).await.unwrap().id;
        sessions.push((
            id,
            confab
                .study_instant(study, &format!("{day}T09:00"))
                .await
                .unwrap(),
        ));
    }
    Bench {
        confab,
        study,
        sessions,
        next: 0,
        _dir: dir,
    }
}

impl Bench {
    /// `n` new participants of the study, each with the session and start to book them into.
    pub async fn participants(&mut self, n: u64) -> Vec<(i64, i64, chrono::DateTime<Utc>)> {
        let mut out = Vec::new();
        for _ in 0..n {
            let k = self.next;
            self.next += 1;
            let p = self
                .confab
                .create_participant(
                    NewParticipant {
                        name: format!("P{k}"),
                        email: format!("p{k}@example.org"),
                        time_zone: None,
                        phone: String::new(),
                        notes: String::new(),
                        custom_fields: Default::default(),
                        study_id: Some(self.study),
                        language: None,
                    },
                    &Actor::researcher(),
                )
                .await
                .unwrap();
            let (session, start) = self.sessions[k % SESSIONS];
            out.push((p.id, session, start));
        }
        out
    }
}
