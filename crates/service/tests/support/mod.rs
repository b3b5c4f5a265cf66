#![allow(clippy::unwrap_used, dead_code)]

pub mod mail;
pub mod pg_proxy;
pub mod smtp_proxy;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use confab_service::{
    Actor, Confab, NewParticipant, NewSession, NewStudy, SessionPattern, StudySettings,
};
use confab_store::ConnectionTrait;

pub struct Fixture {
    pub confab: Confab,
    pub study_id: i64,
    pub session_id: i64,
    /// The session's first start (tomorrow 09:00 in New York) and its 60-minute slots.
    pub first: DateTime<Utc>,
    /// The team database's URL, when the tests run on one.
    pub team_url: Option<String>,
    _dir: tempfile::TempDir,
}

/// Runs the async `body` as the test `test` inside a private D-Bus session with its own
/// unlocked keyring (see `confab_mail::test_keyring`).
pub fn in_keyring(test: &str, body: impl AsyncFnOnce()) {
    confab_mail::test_keyring::in_private_keyring(test, || {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(body());
    });
}

/// This checkout's service crate folder. Cargo names the running test's package folder at run
/// time; that is preferred to the folder the test was compiled in, which is another checkout's
/// when two share one build folder (and may be gone).
pub fn crate_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

pub fn me() -> Actor {
    Actor::researcher()
}

/// Where the tests keep their data: the local file (the default), or, when
/// `CONFAB_TEST_DATABASE_URL` names a PostgreSQL server (`bash scripts/postgres.sh start DIR`
/// writes one), a fresh team database of the test's own on that server.
pub async fn open_confab(dir: &std::path::Path) -> Confab {
    open_new(dir).await.0
}

/// The same as `open_confab`, with the team database's URL if there is one, to open the same
/// data again as another window or process would.
pub async fn open_new(dir: &std::path::Path) -> (Confab, Option<String>) {
    match team_server() {
        Some(admin) => {
            let url = fresh_team_database(&admin).await;
            (Confab::open_team(dir, &url).await.unwrap(), Some(url))
        }
        None => (Confab::open(dir).await.unwrap(), None),
    }
}

/// Opens again the data that `open_new` opened.
pub async fn open_again(dir: &std::path::Path, team_url: Option<&str>) -> Confab {
    match team_url {
        Some(url) => Confab::open_team(dir, url).await.unwrap(),
        None => Confab::open(dir).await.unwrap(),
    }
}

/// The server the tests run on, if not on the local file.
pub fn team_server() -> Option<String> {
    confab_store::test_server::named_server()
}

/// Creates an empty database on the server and says its URL.
pub async fn fresh_team_database(admin_url: &str) -> String {
    confab_store::test_server::fresh_database(admin_url).await
}

impl Fixture {
    /// A study in New York with 60-minute interviews and a window tomorrow 09:00–12:00 (three
    /// slots) of the given capacity.
    pub async fn new(capacity: i32, self_scheduling: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (confab, team_url) = open_new(dir.path()).await;
        Self::build(confab, team_url, dir, capacity, self_scheduling).await
    }

    /// The same study, set up on a Confab the test opened itself (a team database a
    /// researcher signed in to), with a slot for one and self-scheduling on.
    pub async fn on(confab: Confab) -> Self {
        Self::build(confab, None, tempfile::tempdir().unwrap(), 1, true).await
    }

    async fn build(
        confab: Confab,
        team_url: Option<String>,
        dir: tempfile::TempDir,
        capacity: i32,
        self_scheduling: bool,
    ) -> Self {
        let study = confab
            .create_study(NewStudy {
                name: "Checkout usability".into(),
                description: String::new(),
                time_zone: "America/New_York".into(),
                interview_minutes: 60,
            })
            .await
            .unwrap();
        let mut settings = confab.study_settings(study.id).await.unwrap();
        settings = StudySettings {
            min_notice_minutes: 0,
            horizon_days: 30,
            self_scheduling,
            ..settings
        };
        confab
            .update_study_settings(study.id, settings, &me())
            .await
            .unwrap();
        let tz: Tz = "America/New_York".parse().unwrap();
        let tomorrow = (Utc::now().with_timezone(&tz) + Duration::days(1)).date_naive();
        let local = |h: u32| {
            tomorrow
                .and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap())
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let session = confab
            .create_session(
                NewSession {
                    study_id: study.id,
                    title: "Tomorrow morning".into(),
                    pattern: SessionPattern::Window {
                        start: local(9),
                        end: local(12),
                    },
                    capacity,
                    visible: true,
                    interviewer_ids: vec![],
                },
                &me(),
            )
            .await
            .unwrap();
        let first = confab_core::time_zone::parse_instant(&local(9), tz).unwrap();
        Self {
            confab,
            study_id: study.id,
            session_id: session.id,
            first,
            team_url,
            _dir: dir,
        }
    }

    /// An interviewer of the study, listed on its session; returns their id.
    pub async fn interviewer_on_session(&self, name: &str, email: &str) -> i64 {
        let who = self
            .confab
            .add_interviewer(self.study_id, name, email, &me())
            .await
            .unwrap();
        let db = self.confab.connection();
        db.execute_raw(confab_store::statement(
            db,
            "INSERT INTO session_interviewers (session_id, interviewer_id) VALUES (?, ?)",
            [self.session_id.into(), who.id.into()],
        ))
        .await
        .unwrap();
        who.id
    }

    /// The same data opened again, as another window or process would.
    pub async fn another_window(&self) -> Confab {
        open_again(self._dir.path(), self.team_url.as_deref()).await
    }

    /// A connection of its own to the test's database (the file, or the team database), for
    /// tests that read or change rows no use case shows. Statements with `?` placeholders go
    /// through `confab_store::statement`, which numbers them for PostgreSQL.
    pub async fn database(&self) -> sea_orm::DatabaseConnection {
        let url = match &self.team_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}",
                self._dir.path().join(confab_store::DATABASE_FILE).display()
            ),
        };
        sea_orm::Database::connect(url).await.unwrap()
    }

    /// For tests that read the database file directly.
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    pub fn slot(&self, n: i64) -> DateTime<Utc> {
        self.first + Duration::hours(n)
    }

    pub async fn participant(&self, name: &str) -> i64 {
        self.confab
            .create_participant(
                NewParticipant {
                    name: name.into(),
                    email: format!("{}@example.org", name.to_lowercase()),
                    time_zone: None,
                    phone: String::new(),
                    notes: String::new(),
                    custom_fields: Default::default(),
                    language: None,
                    study_id: Some(self.study_id),
                },
                &me(),
            )
            .await
            .unwrap()
            .id
    }

    /// The participant's status key, as the database keeps it.
    pub async fn status(&self, participant_id: i64) -> String {
        let found = self
            .confab
            .search_participants(confab_service::ParticipantQuery {
                study_id: Some(self.study_id),
                ..Default::default()
            })
            .await
            .unwrap();
        found
            .into_iter()
            .find(|p| p.id == participant_id)
            .unwrap()
            .status
            .unwrap()
            .key()
            .to_owned()
    }
}

/// Whether a message's text reads as a careful person would write it: no placeholder left,
/// no blank where a value belongs, and no sentence that points at a link that is not there.
pub fn reads_right(text: &str) -> Result<(), String> {
    if text.contains("{{") || text.contains("}}") {
        return Err("a placeholder is left in".into());
    }
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        for blank in [" ,", " .", "()", "( ", " )", ": .", "on .", "at ."] {
            if body.contains(blank) {
                return Err(format!("a value is missing in line {}: {line:?}", i + 1));
            }
        }
        // Two spaces between words ("on  needs") is a blank where a value belongs; after a
        // time they line up a schedule.
        let chars: Vec<char> = body.chars().collect();
        if chars
            .windows(4)
            .any(|w| w[0].is_alphabetic() && w[1] == ' ' && w[2] == ' ' && w[3].is_alphabetic())
        {
            return Err(format!("a value is missing in line {}: {line:?}", i + 1));
        }
        if body.ends_with(':') {
            // What follows a colon is a list (indented) or lines of its own; never the next
            // paragraph or the closing.
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            let followed = next.is_some_and(|n| {
                n.starts_with("  ")
                    || n.contains(": ")
                    || n.starts_with("Round")
                    || n.starts_with("First")
                    || n.starts_with("Second")
            });
            if !followed {
                return Err(format!(
                    "line {} announces something that does not follow: {line:?}",
                    i + 1
                ));
            }
        }
    }
    Ok(())
}

/// The seed of a model-based test: `CONFAB_MODEL_SEED` when set (to replay a printed run),
/// otherwise the clock.
pub fn model_seed() -> u64 {
    std::env::var("CONFAB_MODEL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos();
            u64::try_from(nanos % u128::from(u64::MAX)).unwrap()
        })
}
