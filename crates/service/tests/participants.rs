//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.
#![allow(clippy::unwrap_used)]

mod support;

use confab_service::EnrolmentStatus;
use std::collections::BTreeMap;

use confab_service::{
    Actor, Confab, ErrorCode, NewParticipant, NewStudy, ParticipantQuery, ParticipantUpdate,
};
use confab_store::ConnectionTrait;

async fn setup() -> (tempfile::TempDir, Confab, i64) {
    let dir = tempfile::tempdir().unwrap();
    let confab = support::open_confab(dir.path()).await;
    let study = confab
        .create_study(NewStudy {
            name: "Onboarding".into(),
            description: String::new(),
            time_zone: "Europe/Berlin".into(),
            interview_minutes: 45,
        })
        .await
        .unwrap();
    (dir, confab, study.id)
}

fn person(name: &str, email: &str) -> NewParticipant {
    NewParticipant {
        name: name.into(),
        email: email.into(),
        ..Default::default()
    }
}

fn me() -> Actor {
    Actor::researcher()
}

/// Runs SQL on the test's database, for what no use case of this crate writes yet (sessions
/// and interviews).
async fn sql(confab: &Confab, statements: &str) {
    confab
        .connection()
        .execute_unprepared(statements)
        .await
        .unwrap();
}

async fn schedule(confab: &Confab, study_id: i64, participant_id: i64, starts_at: i64, uid: &str) {
    sql(
        confab,
        &format!(
            "INSERT INTO sessions (study_id, kind, starts_at, ends_at, capacity, created_at)
               VALUES ({study_id}, 'window', {starts_at}, {starts_at} + 3600, 1, 0);
             INSERT INTO interviews (study_id, enrolment_id, participant_id, session_id, starts_at,
               ends_at, state, calendar_uid, created_at, updated_at)
             VALUES ({study_id},
               (SELECT id FROM enrolments WHERE study_id = {study_id} AND participant_id = {participant_id}),
               {participant_id}, (SELECT max(id) FROM sessions), {starts_at}, {starts_at} + 2700, 'scheduled', '{uid}', 0, 0);"
        ),
    )
    .await;
}

async fn audit_actions(confab: &Confab, participant_id: i64) -> Vec<String> {
    let entries = confab_store::audit::for_participant(confab.connection(), participant_id, None)
        .await
        .unwrap();
    entries.into_iter().map(|e| e.action).collect()
}

async fn count(confab: &Confab) -> usize {
    confab
        .search_participants(ParticipantQuery::default())
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_created_participant_is_enrolled_shown_and_audited() {
    let (_dir, confab, study) = setup().await;
    let created = confab
        .create_participant(
            NewParticipant {
                name: " Ada Lovelace ".into(),
                email: "Ada@Example.ORG".into(),
                time_zone: Some("Europe/London".into()),
                phone: "+44 20 7946 0000".into(),
                notes: "Prefers mornings".into(),
                custom_fields: BTreeMap::from([(" Cohort ".into(), "B".into())]),
                study_id: Some(study),
                language: None,
            },
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(created.name, "Ada Lovelace");
    assert_eq!(created.email, "ada@example.org");
    assert_eq!(created.status, Some(EnrolmentStatus::Added));
    assert_eq!(created.custom_fields["Cohort"], "B");

    let detail = confab.get_participant(created.id).await.unwrap();
    assert_eq!(
        detail.participant.time_zone.as_deref(),
        Some("Europe/London")
    );
    assert_eq!(detail.enrolments.len(), 1);
    assert_eq!(detail.enrolments[0].study_name, "Onboarding");
    assert_eq!(detail.enrolments[0].status, EnrolmentStatus::Added);
    let json = serde_json::to_value(&detail).unwrap();
    assert_eq!(json["email"], "ada@example.org");
    assert_eq!(json["customFields"]["Cohort"], "B");
    assert_eq!(json["enrolments"][0]["studyId"], study);

    assert_eq!(
        audit_actions(&confab, created.id).await,
        ["participant created", "enrolled"]
    );
}

#[tokio::test]
async fn bad_input_is_refused_with_what_to_fix_and_nothing_is_stored() {
    let (_dir, confab, _study) = setup().await;
    let cases: Vec<(NewParticipant, &str)> = vec![
        (
            person("", "a@example.org"),
            "Fill in the participant's name.",
        ),
        (person("Ada", ""), "Fill in the email address."),
        (person("Ada", "Ada <ada@example.org>"), "without a name"),
        (
            person("Ada", "ada@example.org bob@example.org"),
            "remove the spaces",
        ),
        (
            person("Ada", "ada@example.org\r\nBcc: x@y.org"),
            "line breaks",
        ),
        (person("Ada", "ada@localhost"), "needs a dot"),
        (person("Ada", "ada.example.org"), "needs an @"),
        (
            NewParticipant {
                time_zone: Some("CET".into()),
                ..person("Ada", "ada@example.org")
            },
            "not a full time zone",
        ),
        (
            NewParticipant {
                custom_fields: BTreeMap::from([("  ".into(), "x".into())]),
                ..person("Ada", "ada@example.org")
            },
            "Give every custom field a name",
        ),
    ];
    for (input, expected) in cases {
        let err = confab
            .create_participant(input.clone(), &me())
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{input:?}");
        assert!(err.message.contains(expected), "{input:?}: {}", err.message);
    }
    assert_eq!(count(&confab).await, 0);
}

#[tokio::test]
async fn every_refusal_of_a_form_names_its_fields() {
    let (_dir, confab, study) = setup().await;
    let err = confab
        .create_participant(
            NewParticipant {
                language: Some("Klingon".into()),
                time_zone: Some("Mars/Base".into()),
                ..person("", "ada.example.org")
            },
            &me(),
        )
        .await
        .unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["name", "email", "timeZone", "language"], "{err:?}");
    assert!(err.fields[3].message.contains("Klingon"));
    // The message for a person still says everything, in one place.
    assert!(err.message.contains("Klingon") && err.message.contains("@"));

    confab
        .create_participant(person("Ada", "ada@example.org"), &me())
        .await
        .unwrap();
    let taken = confab
        .create_participant(person("Ada Again", "ADA@example.org"), &me())
        .await
        .unwrap_err();
    assert_eq!(taken.code, ErrorCode::Conflict);
    assert_eq!(taken.fields.len(), 1);
    assert_eq!(taken.fields[0].field, "email");

    let settings = confab.study_settings(study).await.unwrap();
    let refused = confab
        .update_study_settings(
            study,
            confab_service::StudySettings {
                language: "tlh".into(),
                ..settings.clone()
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.fields[0].field, "language");
    let refused = confab
        .update_study_settings(
            study,
            confab_service::StudySettings {
                interviews_per_participant: 12,
                ..settings
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.fields[0].field, "interviewsPerParticipant");
    // Errors about no field carry none.
    let missing = confab.get_participant(9_999).await.unwrap_err();
    assert!(missing.fields.is_empty());
    let json = serde_json::to_value(&missing).unwrap();
    assert!(json.get("fields").is_none(), "{json}");
}

#[tokio::test]
async fn an_email_already_used_in_any_case_is_a_conflict() {
    let (_dir, confab, _study) = setup().await;
    confab
        .create_participant(person("Ada", "ada@example.org"), &me())
        .await
        .unwrap();
    let err = confab
        .create_participant(person("Ada again", "ADA@example.org"), &me())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(
        err.message
            .contains("already has the email address ada@example.org")
    );
    assert_eq!(count(&confab).await, 1);
}

#[tokio::test]
async fn creating_into_an_unknown_study_stores_nothing() {
    let (_dir, confab, _study) = setup().await;
    let err = confab
        .create_participant(
            NewParticipant {
                study_id: Some(999),
                ..person("Ada", "ada@example.org")
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(count(&confab).await, 0);
}

#[tokio::test]
async fn an_update_changes_only_what_is_given_and_is_audited_per_field() {
    let (_dir, confab, _study) = setup().await;
    let ada = confab
        .create_participant(
            NewParticipant {
                phone: "123".into(),
                custom_fields: BTreeMap::from([
                    ("Cohort".into(), "A".into()),
                    ("Age".into(), "36".into()),
                ]),
                ..person("Ada", "ada@example.org")
            },
            &me(),
        )
        .await
        .unwrap();
    let updated = confab
        .update_participant(
            ada.id,
            ParticipantUpdate {
                email: Some("Ada.Lovelace@Example.org".into()),
                time_zone: Some("Europe/London".into()),
                phone: Some(String::new()),
                custom_fields: BTreeMap::from([
                    ("Cohort".into(), "B".into()),
                    ("Age".into(), " ".into()),
                ]),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(updated.name, "Ada");
    assert_eq!(updated.email, "ada.lovelace@example.org");
    assert_eq!(updated.time_zone.as_deref(), Some("Europe/London"));
    assert_eq!(updated.phone, "");
    assert_eq!(
        updated.custom_fields,
        BTreeMap::from([("Cohort".to_owned(), "B".to_owned())])
    );
    assert_eq!(
        audit_actions(&confab, ada.id).await,
        [
            "participant created",
            "participant changed: email",
            "participant changed: time zone",
            "participant changed: phone",
            "participant changed: field Age",
            "participant changed: field Cohort",
        ]
    );
    // Nothing changed, nothing written.
    confab
        .update_participant(ada.id, ParticipantUpdate::default(), &me())
        .await
        .unwrap();
    assert_eq!(audit_actions(&confab, ada.id).await.len(), 6);
}

#[tokio::test]
async fn an_update_is_refused_for_bad_input_a_taken_email_or_an_unknown_id() {
    let (_dir, confab, _study) = setup().await;
    let ada = confab
        .create_participant(person("Ada", "ada@example.org"), &me())
        .await
        .unwrap();
    confab
        .create_participant(person("Bob", "bob@example.org"), &me())
        .await
        .unwrap();
    let taken = confab
        .update_participant(
            ada.id,
            ParticipantUpdate {
                email: Some("BOB@example.org".into()),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(taken.code, ErrorCode::Conflict);
    assert!(taken.message.contains("Bob"), "{}", taken.message);

    let bad = confab
        .update_participant(
            ada.id,
            ParticipantUpdate {
                name: Some(" ".into()),
                email: Some("not an address".into()),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidInput);
    assert!(bad.message.contains("Fill in the participant's name."));
    assert!(bad.message.contains("remove the spaces"));

    let missing = confab
        .update_participant(404, ParticipantUpdate::default(), &me())
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    assert_eq!(
        confab
            .get_participant(ada.id)
            .await
            .unwrap()
            .participant
            .email,
        "ada@example.org"
    );
}

#[tokio::test]
async fn removing_is_refused_while_an_interview_is_scheduled() {
    let (_dir, confab, study) = setup().await;
    let ada = confab
        .create_participant(
            NewParticipant {
                study_id: Some(study),
                ..person("Ada", "ada@example.org")
            },
            &me(),
        )
        .await
        .unwrap();
    // 2030-03-08 09:00 in Berlin.
    schedule(&confab, study, ada.id, 1_899_187_200, "uid-1").await;
    let err = confab.remove_participant(ada.id, &me()).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(
        err.message.contains("2030-03-08 09:00 (Europe/Berlin)"),
        "{}",
        err.message
    );
    assert!(err.message.contains("Cancel that interview first"));
    assert!(confab.get_participant(ada.id).await.is_ok());

    sql(&confab, "UPDATE interviews SET state = 'canceled'").await;
    confab.remove_participant(ada.id, &me()).await.unwrap();
    let gone = confab.get_participant(ada.id).await.unwrap_err();
    assert_eq!(gone.code, ErrorCode::NotFound);
    assert_eq!(
        confab
            .remove_participant(ada.id, &me())
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    // The removal is kept in the study's log, naming who it was.
    let log = confab_store::audit::for_study(confab.connection(), study)
        .await
        .unwrap();
    let removal = log
        .iter()
        .find(|e| e.action == "participant removed")
        .unwrap();
    assert!(removal.from_value.contains("Ada <ada@example.org>"));
}

#[tokio::test]
async fn enrolling_twice_is_a_conflict_and_unknown_ids_are_not_found() {
    let (_dir, confab, study) = setup().await;
    let ada = confab
        .create_participant(person("Ada", "ada@example.org"), &me())
        .await
        .unwrap();
    let enrolled = confab.enrol(study, ada.id, &me()).await.unwrap();
    assert_eq!(enrolled.status, Some(EnrolmentStatus::Added));
    let again = confab.enrol(study, ada.id, &me()).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);
    assert!(
        again
            .message
            .contains("already enrolled in \"Onboarding\" (status: Added)")
    );
    assert_eq!(
        confab.enrol(999, ada.id, &me()).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        confab.enrol(study, 999, &me()).await.unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn search_matches_name_email_notes_and_field_values_in_any_case() {
    let (_dir, confab, study) = setup().await;
    let mut ids = BTreeMap::new();
    for (name, email, notes, cohort, enrol) in [
        ("Zoë Quinn", "zoe@example.org", "", "Night owls", true),
        (
            "ada Lovelace",
            "ada@example.org",
            "met at the Café",
            "",
            true,
        ),
        ("Bob", "bob@sample.net", "", "", false),
    ] {
        let p = confab
            .create_participant(
                NewParticipant {
                    notes: notes.into(),
                    custom_fields: BTreeMap::from([("Cohort".into(), cohort.into())]),
                    study_id: enrol.then_some(study),
                    ..person(name, email)
                },
                &me(),
            )
            .await
            .unwrap();
        ids.insert(name, p.id);
    }
    let names = |list: Vec<confab_service::ParticipantSummary>| {
        list.into_iter().map(|p| p.name).collect::<Vec<_>>()
    };
    let search = |study_id: Option<i64>, text: &str| ParticipantQuery {
        study_id,
        text: Some(text.into()),
        ..Default::default()
    };
    // Sorted by name in any case.
    assert_eq!(
        names(
            confab
                .search_participants(ParticipantQuery::default())
                .await
                .unwrap()
        ),
        ["ada Lovelace", "Bob", "Zoë Quinn"]
    );
    assert_eq!(
        names(
            confab
                .search_participants(search(None, "LOVE"))
                .await
                .unwrap()
        ),
        ["ada Lovelace"]
    );
    assert_eq!(
        names(
            confab
                .search_participants(search(None, "SAMPLE.net"))
                .await
                .unwrap()
        ),
        ["Bob"]
    );
    assert_eq!(
        names(
            confab
                .search_participants(search(None, "café"))
                .await
                .unwrap()
        ),
        ["ada Lovelace"]
    );
    assert_eq!(
        names(
            confab
                .search_participants(search(None, "ZOË"))
                .await
                .unwrap()
        ),
        ["Zoë Quinn"]
    );
    assert_eq!(
        names(
            confab
                .search_participants(search(None, "night OWL"))
                .await
                .unwrap()
        ),
        ["Zoë Quinn"]
    );
    // A field's name is not its value.
    assert!(
        confab
            .search_participants(search(None, "cohort"))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        names(
            confab
                .search_participants(search(Some(study), "example"))
                .await
                .unwrap()
        ),
        ["ada Lovelace", "Zoë Quinn"]
    );

    let page = ParticipantQuery {
        limit: Some(1),
        offset: Some(1),
        ..Default::default()
    };
    assert_eq!(
        names(confab.search_participants(page).await.unwrap()),
        ["Bob"]
    );

    // Status and next interview, for the study asked about.
    schedule(&confab, study, ids["Zoë Quinn"], 1_899_187_200, "uid-z").await;
    sql(
        &confab,
        &format!(
            "UPDATE enrolments SET status = 'interview_scheduled' WHERE participant_id = {}",
            ids["Zoë Quinn"]
        ),
    )
    .await;
    let scheduled = confab
        .search_participants(ParticipantQuery {
            study_id: Some(study),
            status: Some("Interview Scheduled".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(scheduled.len(), 1);
    assert_eq!(
        scheduled[0].status,
        Some(EnrolmentStatus::InterviewScheduled)
    );
    assert_eq!(
        scheduled[0].next_interview_at.as_deref(),
        Some("2030-03-08T08:00:00Z")
    );
    let in_study = confab
        .search_participants(ParticipantQuery {
            study_id: Some(study),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(in_study[0].status, Some(EnrolmentStatus::Added));
    assert_eq!(in_study[0].next_interview_at, None);
}

#[tokio::test]
async fn search_refuses_an_unknown_status_a_status_without_study_and_an_unknown_study() {
    let (_dir, confab, study) = setup().await;
    let unknown = confab
        .search_participants(ParticipantQuery {
            study_id: Some(study),
            status: Some("happy".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(unknown.code, ErrorCode::InvalidInput);
    assert!(unknown.message.contains("\"happy\" is not a status"));
    let no_study = confab
        .search_participants(ParticipantQuery {
            status: Some("invited".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(no_study.code, ErrorCode::InvalidInput);
    assert!(no_study.message.contains("choose the study"));
    let missing = confab
        .search_participants(ParticipantQuery {
            study_id: Some(999),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
}

/// A study's list comes by name in any case and in any script, then id; a page of it, as the
/// window asks for the first screenful, is the same stretch of that list, also after renames.
/// The names are drawn from a seeded generator; the seed is printed.
#[tokio::test]
async fn a_page_of_a_study_is_the_same_stretch_of_its_whole_list() {
    let (_dir, confab, study) = setup().await;
    let seed = support::model_seed();
    println!("seed {seed} (CONFAB_MODEL_SEED={seed} replays it)");
    let mut state = seed;
    let mut next = move |bound: usize| {
        // xorshift64*, enough to pick names.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33).unwrap() % bound
    };
    let starts = [
        "ada",
        "Ada",
        "ADA",
        "Élodie",
        "émile",
        "Zoë",
        "zed",
        "Ärger",
        "ärmel",
        "Straße",
        "STRASSE",
        "İpek",
        "ıdil",
        "Σοφία",
        "σίμος",
        "Борис",
        "юлия",
        "李雷",
        "Øystein",
        "bob",
        "Bob",
    ];
    let mut ids = Vec::new();
    for n in 0..40 {
        let name = format!("{} {}", starts[next(starts.len())], next(3));
        let p = confab
            .create_participant(
                NewParticipant {
                    study_id: (n % 5 != 0).then_some(study),
                    ..person(&name, &format!("p{n}@example.org"))
                },
                &me(),
            )
            .await
            .unwrap();
        ids.push(p.id);
    }
    for _ in 0..8 {
        let id = ids[next(ids.len())];
        let name = format!("{} {}", starts[next(starts.len())], next(3));
        confab
            .update_participant(
                id,
                ParticipantUpdate {
                    name: Some(name),
                    ..Default::default()
                },
                &me(),
            )
            .await
            .unwrap();
    }

    let in_study = |limit: Option<u64>, offset: Option<u64>| ParticipantQuery {
        study_id: Some(study),
        limit,
        offset,
        ..Default::default()
    };
    let whole = confab
        .search_participants(in_study(None, None))
        .await
        .unwrap();
    assert_eq!(whole.len(), 32, "seed {seed}");
    let mut expected: Vec<(String, i64)> = whole
        .iter()
        .map(|p| (p.name.to_lowercase(), p.id))
        .collect();
    expected.sort();
    let order: Vec<(String, i64)> = whole
        .iter()
        .map(|p| (p.name.to_lowercase(), p.id))
        .collect();
    assert_eq!(order, expected, "seed {seed}");

    let size = 1 + next(7) as u64;
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = confab
            .search_participants(in_study(Some(size), Some(offset)))
            .await
            .unwrap();
        if page.is_empty() {
            break;
        }
        offset += page.len() as u64;
        paged.extend(page);
    }
    assert_eq!(paged, whole, "pages of {size}, seed {seed}");
}
