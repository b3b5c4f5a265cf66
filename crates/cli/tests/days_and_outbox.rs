#![allow(clippy::unwrap_used)]

//! The mail profile, invitations, the outbox and interview days from the command line, on a
//! real database file (nothing is sent: that is Sync's, tested against real servers).

mod support;

use support::{confab, json, stderr};

fn id(v: &serde_json::Value) -> String {
    v["id"].as_i64().unwrap().to_string()
}

#[test]
fn invitations_wait_in_the_outbox_where_they_can_be_held_edited_and_released() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let study = id(&json(
        d,
        &["studies", "create", "--name", "Diary", "--time-zone", "UTC"],
    ));
    json(
        d,
        &[
            "settings",
            "set",
            "--study",
            &study,
            "--min-notice-minutes",
            "0",
        ],
    );
    let day = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    json(
        d,
        &[
            "sessions",
            "add",
            "--study",
            &study,
            "--kind",
            "window",
            "--start",
            &format!("{day}T09:00"),
            "--end",
            &format!("{day}T11:00"),
        ],
    );
    let ada = id(&json(
        d,
        &[
            "participants",
            "add",
            "--name",
            "Ada",
            "--email",
            "ada@example.org",
            "--study",
            &study,
        ],
    ));
    // No address of the researcher yet: the invitation says what to set first.
    let refused = confab(d, &["invite", "--study", &study, "--participant", &ada]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("email address"),
        "{}",
        stderr(&refused)
    );

    let profile = json(
        d,
        &[
            "mail",
            "set",
            "--name",
            "Dr Sam Rivera",
            "--email",
            "sam@example.org",
            "--time-zone",
            "Europe/Berlin",
        ],
    );
    assert_eq!(profile["researcherEmail"], "sam@example.org");
    let invited = json(d, &["invite", "--study", &study, "--participant", &ada]);
    assert_eq!(
        invited["queued"][0].as_i64().map(|i| i.to_string()),
        Some(ada.clone()),
        "{invited}"
    );

    let outbox = json(d, &["outbox", "list"]);
    let message = &outbox.as_array().unwrap()[0];
    assert_eq!(
        (message["kind"].as_str(), message["state"].as_str()),
        (Some("invitation"), Some("queued"))
    );
    let message_id = id(message);
    let held = json(d, &["outbox", "hold", &message_id]);
    assert_eq!(held["state"], "held");
    let edited = json(
        d,
        &[
            "outbox",
            "edit",
            &message_id,
            "--subject",
            "Pick a time, Ada",
        ],
    );
    assert_eq!(edited["subject"], "Pick a time, Ada");
    let released = json(d, &["outbox", "release", &message_id]);
    assert_eq!(released["state"], "queued");
}

#[test]
fn an_interview_day_is_generated_with_a_conflict_swapped_exported_and_published() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let study = id(&json(
        d,
        &[
            "studies",
            "create",
            "--name",
            "Residency",
            "--time-zone",
            "Europe/Berlin",
        ],
    ));
    json(
        d,
        &[
            "settings",
            "set",
            "--study",
            &study,
            "--min-notice-minutes",
            "0",
            "--self-scheduling",
            "off",
        ],
    );
    let refused = confab(
        d,
        &["settings", "set", "--study", &study, "--kind", "panel"],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused)
            .contains("\"panel\" is not a kind of study; use one_to_one or interview_days."),
        "{}",
        stderr(&refused)
    );
    let days = json(
        d,
        &[
            "settings",
            "set",
            "--study",
            &study,
            "--kind",
            "interview_days",
        ],
    );
    assert_eq!(days["kind"], "interview_days");
    let day = (chrono::Utc::now() + chrono::Duration::days(5))
        .format("%Y-%m-%d")
        .to_string();
    let session = id(&json(
        d,
        &[
            "sessions",
            "add",
            "--study",
            &study,
            "--kind",
            "day",
            "--start",
            &format!("{day}T09:00"),
            "--end",
            &format!("{day}T17:00"),
            "--capacity",
            "4",
        ],
    ));
    let mut interviewers = Vec::new();
    for name in ["Iris", "Jon"] {
        let email = format!("{}@uni.example.org", name.to_lowercase());
        interviewers.push(id(&json(
            d,
            &[
                "interviewers",
                "add",
                "--study",
                &study,
                "--name",
                name,
                "--email",
                &email,
            ],
        )));
    }
    let mut applicants = Vec::new();
    for name in ["Ada", "Bea"] {
        let email = format!("{}@example.org", name.to_lowercase());
        let p = id(&json(
            d,
            &[
                "participants",
                "add",
                "--name",
                name,
                "--email",
                &email,
                "--study",
                &study,
            ],
        ));
        json(
            d,
            &[
                "book",
                "--study",
                &study,
                "--participant",
                &p,
                "--session",
                &session,
                "--start",
                &format!("{day}T09:00"),
            ],
        );
        applicants.push(p);
    }
    let conflict = format!("{}:{}", applicants[0], interviewers[0]);
    let made = json(
        d,
        &[
            "days",
            "generate",
            "--session",
            &session,
            "--rounds",
            "2",
            "--round-minutes",
            "30",
            "--conflict",
            &conflict,
        ],
    );
    let ada = made["itineraries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|it| it["applicantId"].as_i64().unwrap().to_string() == applicants[0])
        .unwrap();
    let met: Vec<String> = ada["seats"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["interviewerId"].as_i64().map(|i| i.to_string()))
        .collect();
    assert!(!met.contains(&interviewers[0]), "{met:?}");
    assert_eq!(
        made["settings"]["conflicts"][0]["interviewerId"]
            .as_i64()
            .unwrap()
            .to_string(),
        interviewers[0]
    );

    let bad = confab(
        d,
        &[
            "days",
            "generate",
            "--session",
            &session,
            "--rounds",
            "2",
            "--round-minutes",
            "30",
            "--conflict",
            "Ada-Iris",
        ],
    );
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("12:3"), "{}", stderr(&bad));

    // Ada's two rounds trade places; swapping her onto Iris breaks the conflict and says so.
    let a = format!("{}:1", applicants[0]);
    let b = format!("{}:1", applicants[1]);
    let swapped = json(
        d,
        &["days", "swap", "--session", &session, "--a", &a, "--b", &b],
    );
    assert!(
        swapped["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["message"].as_str().unwrap().contains("must not meet")
                || c["message"].as_str().unwrap().contains("conflict")),
        "{swapped}"
    );
    let back = json(
        d,
        &["days", "swap", "--session", &session, "--a", &a, "--b", &b],
    );
    assert!(back["conflicts"].as_array().unwrap().is_empty(), "{back}");
    // Bea sits out round 1, leaving an open seat, and is placed back into it.
    let seats = |view: &serde_json::Value, who: &str| -> Vec<Option<i64>> {
        view["schedule"]["itineraries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|it| it["applicantId"].as_i64().unwrap().to_string() == who)
            .unwrap()["seats"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["interviewerId"].as_i64())
            .collect()
    };
    let hers = seats(&back, &applicants[1])[0].unwrap().to_string();
    let sat_out = json(
        d,
        &[
            "days",
            "place",
            "--session",
            &session,
            "--a",
            &b,
            "--interviewer",
            "none",
        ],
    );
    assert_eq!(seats(&sat_out, &applicants[1])[0], None, "{sat_out}");
    let bad = confab(
        d,
        &[
            "days",
            "place",
            "--session",
            &session,
            "--a",
            &b,
            "--interviewer",
            "Jon",
        ],
    );
    assert!(
        stderr(&bad).contains("not an interviewer id"),
        "{}",
        stderr(&bad)
    );
    let back_in = json(
        d,
        &[
            "days",
            "place",
            "--session",
            &session,
            "--a",
            &b,
            "--interviewer",
            &hers,
        ],
    );
    assert_eq!(
        seats(&back_in, &applicants[1]),
        seats(&back, &applicants[1])
    );
    assert!(
        back_in["conflicts"].as_array().unwrap().is_empty(),
        "{back_in}"
    );

    let csv = confab(d, &["days", "export", "--session", &session]);
    assert!(csv.status.success());
    assert_eq!(
        String::from_utf8(csv.stdout).unwrap().lines().count(),
        1 + 2 * 2
    );

    json(
        d,
        &[
            "mail",
            "set",
            "--name",
            "Dr Sam Rivera",
            "--email",
            "sam@example.org",
        ],
    );
    let published = json(d, &["days", "publish", "--session", &session]);
    assert_eq!(
        (
            published["itineraries"].as_u64(),
            published["timetables"].as_u64()
        ),
        (Some(2), Some(2))
    );
    let again = json(d, &["days", "publish", "--session", &session]);
    assert_eq!(again["withdrawn"], 4, "{again}");
}
