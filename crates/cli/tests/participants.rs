#![allow(clippy::unwrap_used)]

mod support;

use support::{confab, json, stderr, stdout};

use std::path::Path;

use serde_json::Value;

fn study(data_dir: &Path) -> String {
    let created = json(
        data_dir,
        &[
            "studies",
            "create",
            "--name",
            "Onboarding",
            "--time-zone",
            "Europe/Berlin",
        ],
    );
    created["id"].to_string()
}

#[test]
fn add_list_show_edit_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let study = study(dir.path());
    let ada = json(
        dir.path(),
        &[
            "participants",
            "add",
            "--name",
            "Ada Lovelace",
            "--email",
            "Ada@Example.org",
            "--time-zone",
            "Europe/London",
            "--field",
            "Cohort=B",
            "--field",
            "Team=Blue",
            "--study",
            &study,
        ],
    );
    assert_eq!(ada["email"], "ada@example.org");
    assert_eq!(ada["status"], "added");
    assert_eq!(ada["customFields"]["Cohort"], "B");
    let id = ada["id"].to_string();
    json(
        dir.path(),
        &[
            "participants",
            "add",
            "--name",
            "Grace",
            "--email",
            "grace@example.org",
        ],
    );

    let all = json(dir.path(), &["participants", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let found = json(dir.path(), &["participants", "list", "--search", "blue"]);
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["name"], "Ada Lovelace");
    let enrolled = json(
        dir.path(),
        &[
            "participants",
            "list",
            "--study",
            &study,
            "--status",
            "added",
        ],
    );
    assert_eq!(enrolled.as_array().unwrap().len(), 1);
    let text = confab(dir.path(), &["participants", "list", "--study", &study]);
    assert!(stdout(&text).contains("Ada Lovelace <ada@example.org>  Europe/London  [added]"));

    let edited = json(
        dir.path(),
        &[
            "participants",
            "edit",
            &id,
            "--phone",
            "+44 1",
            "--field",
            "Team=",
        ],
    );
    assert_eq!(edited["phone"], "+44 1");
    assert!(edited["customFields"].get("Team").is_none());
    let shown = json(dir.path(), &["participants", "show", &id]);
    assert_eq!(shown["enrolments"][0]["studyName"], "Onboarding");
    let text = stdout(&confab(dir.path(), &["participants", "show", &id]));
    assert!(text.contains("Cohort: B"), "{text}");

    let nothing = confab(dir.path(), &["participants", "edit", &id]);
    assert_eq!(nothing.status.code(), Some(2));
    assert!(stderr(&nothing).contains("Nothing to change"));

    json(dir.path(), &["participants", "remove", &id]);
    let gone = confab(dir.path(), &["participants", "show", &id, "--json"]);
    assert_eq!(gone.status.code(), Some(2));
    let error: Value = serde_json::from_str(&stderr(&gone)).unwrap();
    assert_eq!(error["code"], "not_found");
}

#[test]
fn bad_input_and_conflicts_exit_with_2_and_say_what_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let study = study(dir.path());
    let bad = confab(
        dir.path(),
        &[
            "participants",
            "add",
            "--name",
            "Ada",
            "--email",
            "Ada <ada@example.org>",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("without a name"), "{}", stderr(&bad));
    assert!(stdout(&bad).is_empty());

    let field = confab(
        dir.path(),
        &[
            "participants",
            "add",
            "--name",
            "Ada",
            "--email",
            "ada@example.org",
            "--field",
            "Cohort",
        ],
    );
    assert_eq!(field.status.code(), Some(2));
    assert!(stderr(&field).contains("--field needs KEY=VALUE"));

    let ada = json(
        dir.path(),
        &[
            "participants",
            "add",
            "--name",
            "Ada",
            "--email",
            "ada@example.org",
        ],
    );
    let id = ada["id"].to_string();
    let twice = confab(
        dir.path(),
        &[
            "participants",
            "add",
            "--name",
            "Ada",
            "--email",
            "ADA@example.org",
            "--json",
        ],
    );
    assert_eq!(twice.status.code(), Some(2));
    let error: Value = serde_json::from_str(&stderr(&twice)).unwrap();
    assert_eq!(error["code"], "conflict");

    json(
        dir.path(),
        &["participants", "enrol", "--study", &study, &id],
    );
    let again = confab(
        dir.path(),
        &["participants", "enroll", "--study", &study, &id],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already enrolled"));
}

#[test]
fn import_refuses_a_file_with_a_bad_line_until_valid_rows_only() {
    let dir = tempfile::tempdir().unwrap();
    let study = study(dir.path());
    let file = dir.path().join("people.csv");
    std::fs::write(
        &file,
        "Full Name;E-Mail;Gruppe\nAda;ada@example.org;A\nGrace;grace@example.org;B\nAlan;alan@example;A\nKatherine;katherine@example.org;B\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();

    let dry = confab(
        dir.path(),
        &[
            "participants",
            "import",
            "--study",
            &study,
            file,
            "--dry-run",
        ],
    );
    assert_eq!(dry.status.code(), Some(2));
    assert!(
        stdout(&dry)
            .contains("line    4  error      \"alan@example\" is not a complete email address"),
        "{}",
        stdout(&dry)
    );
    assert!(stdout(&dry).contains("--valid-rows-only"));

    let refused = confab(
        dir.path(),
        &["participants", "import", "--study", &study, file, "--json"],
    );
    assert_eq!(refused.status.code(), Some(2));
    let report: Value = serde_json::from_str(&stdout(&refused)).unwrap();
    assert_eq!(report["imported"], false);
    assert_eq!(report["rows"][2]["line"], 4);
    assert_eq!(report["rows"][2]["outcome"]["kind"], "error");
    assert_eq!(report["totals"]["errors"], 1);
    let error: Value = serde_json::from_str(&stderr(&refused)).unwrap();
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("Nothing was imported")
    );
    assert_eq!(
        json(dir.path(), &["participants", "list"]),
        serde_json::json!([])
    );

    let report = json(
        dir.path(),
        &[
            "participants",
            "import",
            "--study",
            &study,
            file,
            "--valid-rows-only",
            "--map",
            "Gruppe=custom:Group",
        ],
    );
    assert_eq!(report["imported"], true);
    assert_eq!(report["totals"]["newParticipants"], 3);
    assert_eq!(
        report["columns"][2]["field"],
        serde_json::json!({"kind": "custom", "key": "Group"})
    );
    let listed = json(dir.path(), &["participants", "list", "--study", &study]);
    assert_eq!(listed.as_array().unwrap().len(), 3);
    assert_eq!(listed[0]["customFields"]["Group"], "A");

    let missing = confab(
        dir.path(),
        &[
            "participants",
            "import",
            "--study",
            &study,
            "/nonexistent.csv",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("Could not read the file /nonexistent.csv"));
    let bad_map = confab(
        dir.path(),
        &[
            "participants",
            "import",
            "--study",
            &study,
            file,
            "--map",
            "Gruppe=birthday",
        ],
    );
    assert_eq!(bad_map.status.code(), Some(2));
    assert!(stderr(&bad_map).contains("\"birthday\" is not a field to import into"));
}

#[test]
fn export_to_stdout_or_a_file_reads_back_through_import() {
    let dir = tempfile::tempdir().unwrap();
    let study = study(dir.path());
    json(
        dir.path(),
        &[
            "participants",
            "add",
            "--name",
            "=1+1",
            "--email",
            "ada@example.org",
            "--phone",
            "+44 1",
            "--field",
            "Cohort=A",
            "--study",
            &study,
        ],
    );
    let out = confab(dir.path(), &["participants", "export", "--study", &study]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "name,email,time zone,language,phone,status,next interview,interviewers,Cohort\r\n'=1+1,ada@example.org,,,'+44 1,Added,,,A\r\n"
    );
    let as_json = json(dir.path(), &["participants", "export", "--study", &study]);
    assert_eq!(as_json["csv"], stdout(&out));

    let file = dir.path().join("export.csv");
    let written = json(
        dir.path(),
        &[
            "participants",
            "export",
            "--study",
            &study,
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(written["output"], file.to_str().unwrap());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout(&out));

    // For Excel: a byte-order mark and semicolons; a file in Mac Roman read as the researcher says.
    let excel = confab(
        dir.path(),
        &["participants", "export", "--study", &study, "--for-excel"],
    );
    assert!(excel.status.success(), "{}", stderr(&excel));
    assert!(
        stdout(&excel).starts_with(
            "\u{FEFF}name;email;time zone;language;phone;status;next interview;interviewers;Cohort\r\n"
        ),
        "{}",
        stdout(&excel)
    );
    let mac = dir.path().join("mac.csv");
    std::fs::write(&mac, b"name;email\nJ\x9Frgen;j@example.org\n").unwrap();
    let read = json(
        dir.path(),
        &[
            "participants",
            "import",
            "--study",
            &study,
            mac.to_str().unwrap(),
            "--encoding",
            "macintosh",
            "--separator",
            "semicolon",
            "--dry-run",
        ],
    );
    assert_eq!(read["encoding"], "macintosh");
    assert_eq!(read["rows"][0]["name"], "Jürgen");

    let other = tempfile::tempdir().unwrap();
    let other_study = study_named(other.path(), "Copy");
    let report = json(
        other.path(),
        &[
            "participants",
            "import",
            "--study",
            &other_study,
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(report["totals"]["newParticipants"], 1);
    let copied = json(other.path(), &["participants", "list"]);
    assert_eq!(copied[0]["name"], "=1+1");
    assert_eq!(copied[0]["phone"], "+44 1");
    assert_eq!(copied[0]["customFields"]["Cohort"], "A");
}

fn study_named(data_dir: &Path, name: &str) -> String {
    json(
        data_dir,
        &["studies", "create", "--name", name, "--time-zone", "UTC"],
    )["id"]
        .to_string()
}
