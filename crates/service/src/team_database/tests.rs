//! Tests of the database choice: the team database's URL, the fields it needs, and the
//! choice file.

use super::*;

fn lab() -> TeamDatabaseSettings {
    TeamDatabaseSettings {
        host: "db.lab.example.edu".into(),
        port: 5433,
        database: "diary study".into(),
        user: "ana@lab".into(),
        tls: TeamTls::Verified,
        ca_file: None,
    }
}

#[test]
fn every_part_of_the_url_is_escaped_and_reads_back_the_same() {
    let url = url(&lab(), &Secret::new("p@ss/w:rd?#")).unwrap();
    let parsed: confab_store::sqlx::postgres::PgConnectOptions = url.parse().unwrap();
    assert_eq!(parsed.get_host(), "db.lab.example.edu");
    assert_eq!(parsed.get_port(), 5433);
    assert_eq!(parsed.get_username(), "ana@lab");
    assert_eq!(parsed.get_database(), Some("diary study"));
    assert!(url.contains("sslmode=verify-full"), "{url}");
    assert_eq!(
        confab_store::team_label(&url),
        "db.lab.example.edu:5433/diary study"
    );
}

#[test]
fn a_host_with_a_port_or_a_missing_field_names_the_field_to_fix() {
    let mut with_port = lab();
    with_port.host = "db.lab.example.edu:5432".into();
    let error = url(&with_port, &Secret::new("x")).unwrap_err();
    assert_eq!(error.fields[0].field, "host");
    let mut no_user = lab();
    no_user.user = "  ".into();
    assert_eq!(
        url(&no_user, &Secret::new("x")).unwrap_err().fields[0].field,
        "user"
    );
    let mut no_ca = lab();
    no_ca.ca_file = Some("/nowhere/lab-ca.pem".into());
    let error = url(&no_ca, &Secret::new("x")).unwrap_err();
    assert_eq!(error.fields[0].field, "caFile");
    assert!(
        error.message.contains("/nowhere/lab-ca.pem"),
        "{}",
        error.message
    );
}

#[test]
fn the_choice_is_saved_whole_and_a_damaged_file_says_how_to_recover() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(saved(dir.path()).unwrap(), None);
    write_choice(dir.path(), Some(&lab())).unwrap();
    assert_eq!(saved(dir.path()).unwrap(), Some(lab()));
    assert!(!dir.path().join("team-database.json.partial").exists());
    write_choice(dir.path(), None).unwrap();
    assert_eq!(saved(dir.path()).unwrap(), None);

    std::fs::write(dir.path().join(TEAM_DATABASE_FILE), "{\"host\": ").unwrap();
    let error = saved(dir.path()).unwrap_err();
    assert!(error.message.contains("delete it"), "{}", error.message);
}
