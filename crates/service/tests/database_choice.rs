#![allow(clippy::unwrap_used)]

//! Settings → Database as a researcher uses it: they type in the lab's team database, check
//! it, use it (the password goes to the system keyring), and Confab opens it again at the next
//! start; a wrong password or a server that is down is said at once and saves nothing; "On this
//! computer" brings the local file back. A real PostgreSQL, a real Secret Service.

mod support;

use confab_service::{
    Confab, ErrorCode, NewStudy, TeamDatabaseInput, TeamDatabaseSettings, TeamTls,
    check_team_database, database_choice, use_team_database, use_this_computer,
};
use confab_store::test_server::{admin_url, fresh_database};
use support::in_keyring;

/// The fields a researcher types for the database at `url`, and its password.
fn typed(url: &str) -> (TeamDatabaseSettings, String) {
    let parsed = url::Url::parse(url).unwrap();
    (
        TeamDatabaseSettings {
            host: parsed.host_str().unwrap().to_owned(),
            port: parsed.port().unwrap(),
            database: parsed.path().trim_start_matches('/').to_owned(),
            user: parsed.username().to_owned(),
            tls: TeamTls::Off,
            ca_file: None,
        },
        parsed.password().unwrap().to_owned(),
    )
}

fn input(settings: &TeamDatabaseSettings, password: &str) -> TeamDatabaseInput {
    TeamDatabaseInput {
        settings: settings.clone(),
        password: password.to_owned(),
    }
}

fn study(name: &str) -> NewStudy {
    NewStudy {
        name: name.into(),
        description: String::new(),
        time_zone: "Europe/Berlin".into(),
        interview_minutes: 45,
    }
}

async fn study_names(confab: &Confab) -> Vec<String> {
    let studies = confab.list_studies().await.unwrap();
    studies.into_iter().map(|s| s.name).collect()
}

#[test]
fn a_researcher_moves_to_the_team_database_and_back_from_the_settings() {
    in_keyring(
        "a_researcher_moves_to_the_team_database_and_back_from_the_settings",
        async || {
            let url = fresh_database(&admin_url()).await;
            let (settings, password) = typed(&url);
            let laptop = tempfile::tempdir().unwrap();
            let here = laptop.path();

            // Before: the data on this computer, with a study of its own.
            let local = Confab::open_configured(here).await.unwrap();
            local
                .create_study(study("Pilot on my laptop"))
                .await
                .unwrap();
            local.close().await.unwrap();
            let before = database_choice(here).await.unwrap();
            assert_eq!(before.team, None);
            assert!(!before.password_saved);

            // A typo in the password: said at once, in the words of the sign-in, and nothing
            // is saved.
            let refused = check_team_database(&input(&settings, "not-it"))
                .await
                .unwrap_err();
            assert_eq!(
                refused.code,
                ErrorCode::DatabaseSignIn,
                "{}",
                refused.message
            );
            assert!(!refused.message.contains("not-it"), "{}", refused.message);
            let refused = use_team_database(here, &input(&settings, "not-it"))
                .await
                .unwrap_err();
            assert_eq!(refused.code, ErrorCode::DatabaseSignIn);
            assert_eq!(database_choice(here).await.unwrap().team, None);

            // Without a password and none saved: the field to fill in.
            let missing = check_team_database(&input(&settings, ""))
                .await
                .unwrap_err();
            assert_eq!(missing.fields[0].field, "password", "{}", missing.message);

            // The check looks and changes nothing: an empty database, set up on first use.
            let found = check_team_database(&input(&settings, &password))
                .await
                .unwrap();
            assert!(!found.set_up);
            assert!(
                found
                    .version
                    .split('.')
                    .next()
                    .unwrap()
                    .parse::<u32>()
                    .unwrap()
                    >= 13
            );
            assert_eq!(
                found.server,
                format!("{}:{}/{}", settings.host, settings.port, settings.database)
            );
            assert!(
                !check_team_database(&input(&settings, &password))
                    .await
                    .unwrap()
                    .set_up
            );

            // Used: set up, and the study made now lives there.
            let team = use_team_database(here, &input(&settings, &password))
                .await
                .unwrap();
            assert_eq!(team.team_database(), Some(found.server.as_str()));
            assert_eq!(study_names(&team).await, Vec::<String>::new());
            team.create_study(study("Lab diary study")).await.unwrap();
            team.close().await.unwrap();
            let saved = database_choice(here).await.unwrap();
            assert_eq!(saved.team.as_ref(), Some(&settings));
            assert!(saved.password_saved, "the password is in the keyring");
            let file =
                std::fs::read_to_string(here.join(confab_service::TEAM_DATABASE_FILE)).unwrap();
            assert!(
                !file.contains(&password),
                "the password stays out of the file: {file}"
            );

            // The next start opens the team database with the keyring's password.
            let reopened = Confab::open_configured(here).await.unwrap();
            assert_eq!(reopened.team_database(), Some(found.server.as_str()));
            assert_eq!(study_names(&reopened).await, ["Lab diary study"]);
            reopened.close().await.unwrap();
            let again = check_team_database(&input(&settings, "")).await.unwrap();
            assert!(again.set_up, "a colleague would now find it set up");

            // Back to this computer: its own study, untouched.
            use_this_computer(here).unwrap();
            let local = Confab::open_configured(here).await.unwrap();
            assert_eq!(local.team_database(), None);
            assert_eq!(study_names(&local).await, ["Pilot on my laptop"]);
            local.close().await.unwrap();
            let after = database_choice(here).await.unwrap();
            assert_eq!(after.team, None);

            // And to the team database again with one click: the password is still saved.
            let team = use_team_database(here, &input(&settings, ""))
                .await
                .unwrap();
            assert_eq!(study_names(&team).await, ["Lab diary study"]);
            team.close().await.unwrap();
        },
    );
}

#[test]
fn a_server_that_is_down_is_said_plainly_and_the_last_choice_stays() {
    in_keyring(
        "a_server_that_is_down_is_said_plainly_and_the_last_choice_stays",
        async || {
            let url = fresh_database(&admin_url()).await;
            let (settings, password) = typed(&url);
            let laptop = tempfile::tempdir().unwrap();
            let here = laptop.path();
            use_team_database(here, &input(&settings, &password))
                .await
                .unwrap()
                .close()
                .await
                .unwrap();

            // A port where no server listens.
            let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let mut down = settings.clone();
            down.port = closed.local_addr().unwrap().port();
            drop(closed);
            let refused = use_team_database(here, &input(&down, &password))
                .await
                .unwrap_err();
            assert_eq!(
                refused.code,
                ErrorCode::DatabaseUnreachable,
                "{}",
                refused.message
            );
            // In plain words first, the driver's after.
            assert!(
                refused.message.contains("the server refuses connections"),
                "{}",
                refused.message
            );
            assert_eq!(
                database_choice(here).await.unwrap().team,
                Some(settings.clone())
            );

            // A study with the team database saved but its password gone from the keyring (a
            // new login keyring): the start says where to enter it.
            let other = tempfile::tempdir().unwrap();
            std::fs::copy(
                here.join(confab_service::TEAM_DATABASE_FILE),
                other.path().join(confab_service::TEAM_DATABASE_FILE),
            )
            .unwrap();
            let mut renamed = settings.clone();
            renamed.user = "someone_else".into();
            std::fs::write(
                other.path().join(confab_service::TEAM_DATABASE_FILE),
                serde_json::to_string(&renamed).unwrap(),
            )
            .unwrap();
            let error = Confab::open_configured(other.path()).await.unwrap_err();
            assert_eq!(error.code, ErrorCode::DatabaseSignIn);
            assert!(
                error.message.contains("Settings → Database"),
                "{}",
                error.message
            );
        },
    );
}
