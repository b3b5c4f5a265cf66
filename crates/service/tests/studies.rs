#![allow(clippy::unwrap_used)]

mod support;

use confab_service::{Confab, ErrorCode, NewStudy};

fn new_study(name: &str) -> NewStudy {
    NewStudy {
        name: name.into(),
        description: "Why people abandon their carts".into(),
        time_zone: "America/New_York".into(),
        interview_minutes: 30,
    }
}

#[tokio::test]
async fn a_created_study_is_listed_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (confab, team_url) = support::open_new(dir.path()).await;
    let created = confab
        .create_study(new_study("Checkout usability"))
        .await
        .unwrap();
    assert_eq!(created.time_zone, "America/New_York");
    confab.close().await.unwrap();

    let reopened = support::open_again(dir.path(), team_url.as_deref()).await;
    let listed = reopened.list_studies().await.unwrap();
    assert_eq!(listed, vec![created]);
}

#[tokio::test]
async fn studies_are_listed_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let confab = support::open_confab(dir.path()).await;
    confab.create_study(new_study("First")).await.unwrap();
    confab.create_study(new_study("Second")).await.unwrap();
    let names: Vec<String> = confab
        .list_studies()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Second", "First"]);
}

#[tokio::test]
async fn a_second_study_with_the_same_name_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let confab = support::open_confab(dir.path()).await;
    confab.create_study(new_study("Diary study")).await.unwrap();
    let err = confab
        .create_study(new_study(" Diary study "))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("\"Diary study\" already exists"));
    assert_eq!(confab.list_studies().await.unwrap().len(), 1);
}

#[tokio::test]
async fn invalid_input_is_refused_with_every_problem_named() {
    let dir = tempfile::tempdir().unwrap();
    let confab = support::open_confab(dir.path()).await;
    let mut input = new_study("");
    input.time_zone = "EST".into();
    let err = confab.create_study(input).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("Give the study a name."));
    assert!(err.message.contains("\"EST\" is not a full time zone name"));
    assert!(confab.list_studies().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_demo_study_is_loaded_once() {
    let dir = tempfile::tempdir().unwrap();
    let confab = support::open_confab(dir.path()).await;
    let first = confab.load_demo_study().await.unwrap();
    let second = confab.load_demo_study().await.unwrap();
    assert_eq!(first, second);
    assert_eq!(confab.list_studies().await.unwrap().len(), 1);
    assert!(first.name.starts_with("Demo"));

    // Every screen has something to show: sessions, participants in several statuses, and
    // interviews in every tab.
    assert_eq!(confab.list_sessions(first.id).await.unwrap().len(), 2);
    let overview = confab.study_overview(first.id).await.unwrap();
    assert!(overview.participants >= 15, "{overview:?}");
    let count = |key: &str| {
        overview
            .counts
            .iter()
            .find(|c| c.status.key() == key)
            .unwrap()
            .count
    };
    assert!(count("interview_scheduled") >= 4, "{overview:?}");
    for key in [
        "completed",
        "no_show",
        "canceled_interview",
        "invited",
        "declined",
        "added",
    ] {
        assert!(count(key) >= 1, "{key}: {overview:?}");
    }
    for list in [
        confab_service::InterviewList::Upcoming,
        confab_service::InterviewList::Completed,
        confab_service::InterviewList::Canceled,
        confab_service::InterviewList::NoShow,
    ] {
        let shown = confab.list_interviews(first.id, list).await.unwrap();
        assert!(!shown.is_empty(), "{list:?}");
    }
}

#[tokio::test]
async fn a_corrupt_database_becomes_an_error_code_the_window_can_switch_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(confab_store::DATABASE_FILE),
        b"not sqlite at all, sorry",
    )
    .unwrap();
    let err = Confab::open(dir.path()).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::DatabaseCorrupt);
    assert!(err.message.contains("Restore a backup"));
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "database_corrupt");
}

/// Two researchers have the same study's settings open. What each changed is kept; a setting
/// both changed, to different values, is refused for the one who saves second, naming it, and
/// nothing of that save is written; saving again from what is stored now goes through.
#[tokio::test]
async fn two_researchers_editing_one_study_keep_each_others_changes() {
    use confab_service::Actor;

    let dir = tempfile::tempdir().unwrap();
    let confab = support::open_confab(dir.path()).await;
    let study = confab.create_study(new_study("Shared")).await.unwrap();
    let me = Actor::researcher();

    // Both open the form.
    let loaded_a = confab.study_settings(study.id).await.unwrap();
    let loaded_b = loaded_a.clone();
    let details_a = NewStudy::from_summary(&study);

    // B sets the location and saves.
    let mut edit_b = loaded_b.clone();
    edit_b.location = "Room 2.14".into();
    confab
        .save_study_settings(study.id, Some(loaded_b), edit_b, &me)
        .await
        .unwrap();

    // A, from the older form, changes the buffer only: B's location stays.
    let mut edit_a = loaded_a.clone();
    edit_a.buffer_after_minutes = 25;
    let saved = confab
        .save_study_settings(study.id, Some(loaded_a.clone()), edit_a.clone(), &me)
        .await
        .unwrap();
    assert_eq!(saved.location, "Room 2.14");
    assert_eq!(saved.buffer_after_minutes, 25);

    // A, still from that form, sets a location of their own: refused, naming it.
    edit_a.location = "Lab B".into();
    edit_a.horizon_days = 30;
    let err = confab
        .save_study_settings(study.id, Some(loaded_a), edit_a.clone(), &me)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ChangedMeanwhile, "{err:?}");
    assert!(
        err.message
            .starts_with("The location of \"Shared\" was changed"),
        "{}",
        err.message
    );
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["location"]);
    let stored = confab.study_settings(study.id).await.unwrap();
    assert_eq!(stored.location, "Room 2.14");
    assert_ne!(
        stored.horizon_days, 30,
        "nothing of the refused save is written"
    );

    // Saving again from what is stored now keeps A's values.
    let saved = confab
        .save_study_settings(study.id, Some(stored), edit_a, &me)
        .await
        .unwrap();
    assert_eq!((saved.location.as_str(), saved.horizon_days), ("Lab B", 30));

    // The details alike: B renames the study, A changes its length from the older form.
    confab
        .save_study_details(
            study.id,
            Some(details_a.clone()),
            NewStudy {
                name: "Shared, wave 2".into(),
                ..details_a.clone()
            },
            &me,
        )
        .await
        .unwrap();
    let saved = confab
        .save_study_details(
            study.id,
            Some(details_a.clone()),
            NewStudy {
                interview_minutes: 50,
                ..details_a.clone()
            },
            &me,
        )
        .await
        .unwrap();
    assert_eq!(
        (saved.name.as_str(), saved.interview_minutes),
        ("Shared, wave 2", 50)
    );
    let err = confab
        .save_study_details(
            study.id,
            Some(details_a.clone()),
            NewStudy {
                name: "Shared, wave 3".into(),
                ..details_a
            },
            &me,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ChangedMeanwhile, "{err:?}");
    assert!(err.message.contains("its name"), "{}", err.message);
}
