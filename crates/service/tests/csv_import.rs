//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.
#![allow(clippy::unwrap_used)]

mod support;

use confab_service::EnrolmentStatus;
use std::collections::BTreeMap;
use std::path::Path;

use confab_service::{
    Actor, ColumnMapping, Confab, CsvLayout, ErrorCode, ImportField, ImportMode, ImportReport,
    NewParticipant, NewStudy, ParticipantQuery, ParticipantSummary, RowOutcome, Separator,
};
use confab_store::ConnectionTrait;

async fn setup() -> (tempfile::TempDir, Confab, i64) {
    let dir = tempfile::tempdir().unwrap();
    let confab = support::open_confab(dir.path()).await;
    let study = new_study(&confab, "Onboarding").await;
    (dir, confab, study)
}

async fn new_study(confab: &Confab, name: &str) -> i64 {
    confab
        .create_study(NewStudy {
            name: name.into(),
            description: String::new(),
            time_zone: "Europe/Berlin".into(),
            interview_minutes: 45,
        })
        .await
        .unwrap()
        .id
}

fn me() -> Actor {
    Actor::researcher()
}

async fn in_study(confab: &Confab, study: i64) -> Vec<ParticipantSummary> {
    confab
        .search_participants(ParticipantQuery {
            study_id: Some(study),
            ..Default::default()
        })
        .await
        .unwrap()
}

async fn everyone(confab: &Confab) -> Vec<ParticipantSummary> {
    confab
        .search_participants(ParticipantQuery::default())
        .await
        .unwrap()
}

async fn audit_count(confab: &Confab) -> usize {
    use sea_orm::EntityTrait;
    confab_store::entity::audit_entry::Entity::find()
        .all(confab.connection())
        .await
        .unwrap()
        .len()
}

async fn import(confab: &Confab, study: i64, csv: &str, mode: ImportMode) -> ImportReport {
    confab
        .import_csv(study, csv.as_bytes(), None, mode, &me())
        .await
        .unwrap()
}

fn error_of(report: &ImportReport, line: u64) -> String {
    let row = report.rows.iter().find(|r| r.line == line).unwrap();
    match &row.outcome {
        RowOutcome::Error { message } => message.clone(),
        other => panic!("line {line} is {other:?}"),
    }
}

const THREE_GOOD_ONE_BAD: &str = "\
Name,Email,Time zone,Cohort
Ada Lovelace,ada@example.org,Europe/London,A
Grace Hopper,grace@example.org,,B
Alan Turing,alan@example,Europe/London,A
Katherine Johnson,katherine@example.org,America/New_York,B
";

#[tokio::test]
async fn one_bad_line_imports_nothing_until_valid_rows_only_is_chosen() {
    let (_dir, confab, study) = setup().await;
    let audit_before = audit_count(&confab).await;

    let refused = import(&confab, study, THREE_GOOD_ONE_BAD, ImportMode::AllOrNothing).await;
    assert!(!refused.imported);
    assert_eq!(refused.totals.rows, 4);
    assert_eq!(refused.totals.errors, 1);
    assert_eq!(refused.totals.new_participants, 3);
    assert!(error_of(&refused, 4).contains(
        "\"alan@example\" is not a complete email address: the part after the @ needs a dot"
    ));
    assert!(
        refused
            .message
            .starts_with("Nothing was imported: line 4 has a problem."),
        "{}",
        refused.message
    );
    assert!(
        refused.message.contains("import only the 3 valid rows"),
        "{}",
        refused.message
    );
    // The database is as it was.
    assert!(everyone(&confab).await.is_empty());
    assert_eq!(audit_count(&confab).await, audit_before);

    let done = import(
        &confab,
        study,
        THREE_GOOD_ONE_BAD,
        ImportMode::ValidRowsOnly,
    )
    .await;
    assert!(done.imported);
    assert_eq!(done.totals.new_participants, 3);
    assert_eq!(done.totals.newly_enrolled, 3);
    assert!(error_of(&done, 4).contains("alan@example"));
    let names: Vec<String> = in_study(&confab, study)
        .await
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Grace Hopper", "Katherine Johnson"]);
    let ada = &in_study(&confab, study).await[0];
    assert_eq!(ada.time_zone.as_deref(), Some("Europe/London"));
    assert_eq!(ada.custom_fields["Cohort"], "A");
    assert_eq!(ada.status, Some(EnrolmentStatus::Added));
    // Each participant created and enrolled, and the import itself.
    assert_eq!(audit_count(&confab).await, audit_before + 3 * 2 + 1);
}

#[tokio::test]
async fn a_preview_reports_the_same_and_writes_nothing() {
    let (_dir, confab, study) = setup().await;
    let before = audit_count(&confab).await;
    let preview = confab
        .preview_csv_import(study, THREE_GOOD_ONE_BAD.as_bytes(), None)
        .await
        .unwrap();
    assert!(!preview.imported);
    assert_eq!(preview.totals.errors, 1);
    assert!(
        preview
            .message
            .starts_with("Line 4 has a problem. Fix it before importing"),
        "{}",
        preview.message
    );
    assert!(everyone(&confab).await.is_empty());
    assert_eq!(audit_count(&confab).await, before);
    let columns: Vec<String> = preview
        .columns
        .iter()
        .map(|c| format!("{}={}", c.header, c.field))
        .collect();
    assert_eq!(
        columns,
        [
            "Name=name",
            "Email=email",
            "Time zone=time zone",
            "Cohort=custom:Cohort"
        ]
    );
}

#[tokio::test]
async fn duplicates_in_the_file_and_people_already_known_are_not_duplicated() {
    let (_dir, confab, study) = setup().await;
    let other_study = new_study(&confab, "Diary").await;
    let known = confab
        .create_participant(
            NewParticipant {
                name: "Ada L.".into(),
                email: "ada@example.org".into(),
                phone: "123".into(),
                custom_fields: BTreeMap::from([("Cohort".into(), "Z".into())]),
                study_id: Some(other_study),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap();
    let enrolled = confab
        .create_participant(
            NewParticipant {
                name: "Grace".into(),
                email: "grace@example.org".into(),
                study_id: Some(study),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap();
    let csv = "\
name,email,phone,time zone,cohort,team
Ada Lovelace,ADA@example.org,999,Europe/London,A,Blue
Grace Hopper,grace@example.org,,,,
New Person,new@example.org,,,,
New Again,New@Example.org,,,,
";
    let report = import(&confab, study, csv, ImportMode::AllOrNothing).await;
    assert!(report.imported, "{}", report.message);
    assert_eq!(report.totals.new_participants, 1);
    assert_eq!(report.totals.existing_participants, 2);
    assert_eq!(report.totals.duplicates, 1);
    assert_eq!(report.totals.newly_enrolled, 2);
    assert_eq!(
        report.rows[0].outcome,
        RowOutcome::Existing {
            participant_id: known.id,
            newly_enrolled: true,
            filled_fields: vec!["time zone".into(), "team".into()],
        }
    );
    assert_eq!(
        report.rows[1].outcome,
        RowOutcome::Existing {
            participant_id: enrolled.id,
            newly_enrolled: false,
            filled_fields: vec![],
        }
    );
    assert_eq!(report.rows[2].outcome, RowOutcome::New);
    assert_eq!(
        report.rows[3].outcome,
        RowOutcome::Duplicate { first_line: 4 }
    );
    assert_eq!(report.rows[3].line, 5);

    assert_eq!(everyone(&confab).await.len(), 3);
    let ada = confab.get_participant(known.id).await.unwrap();
    // What was there is kept; what was empty is filled in.
    assert_eq!(ada.participant.name, "Ada L.");
    assert_eq!(ada.participant.phone, "123");
    // A header in another case fills the field of the same name.
    assert_eq!(
        ada.participant.custom_fields.keys().collect::<Vec<_>>(),
        ["Cohort", "team"]
    );
    assert_eq!(ada.participant.custom_fields["Cohort"], "Z");
    assert_eq!(ada.participant.custom_fields["team"], "Blue");
    assert_eq!(ada.participant.time_zone.as_deref(), Some("Europe/London"));
    assert_eq!(ada.enrolments.len(), 2);
    assert_eq!(in_study(&confab, study).await.len(), 3);
}

#[tokio::test]
async fn semicolons_a_bom_crlf_and_quoted_newlines_and_commas_are_read() {
    let (_dir, confab, study) = setup().await;
    let csv = "\u{feff}Name;E-Mail;Notes;Phone\r\n\
\"Lovelace, Ada\";ada@example.org;\"first line\r\nsecond; line, too\";+44 1\r\n\
\r\n\
Grace Hopper;grace@example.org;\"she said \"\"hi\"\"\";\r\n\
\"Bad; Row\";not-an-email;;\r\n";
    let report = import(&confab, study, csv, ImportMode::ValidRowsOnly).await;
    assert_eq!(report.totals.new_participants, 2, "{report:#?}");
    let lines: Vec<u64> = report.rows.iter().map(|r| r.line).collect();
    // The quoted line break makes Ada's row take lines 2 and 3; a blank line is skipped.
    assert_eq!(lines, [2, 5, 6]);
    assert!(error_of(&report, 6).contains("\"not-an-email\" is not an email address"));
    let people = in_study(&confab, study).await;
    assert_eq!(people[0].name, "Grace Hopper");
    assert_eq!(people[0].notes, "she said \"hi\"");
    assert_eq!(people[1].name, "Lovelace, Ada");
    assert_eq!(people[1].notes, "first line\r\nsecond; line, too");
    assert_eq!(people[1].phone, "+44 1");
}

#[tokio::test]
async fn files_that_are_not_a_participant_list_are_refused_with_what_to_do() {
    let (_dir, confab, study) = setup().await;
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"".to_vec(), "The file is empty."),
        (b"\xEF\xBB\xBF \r\n\r\n".to_vec(), "The file is empty."),
        (
            b"name,email\r\n".to_vec(),
            "a header line but no participants",
        ),
        (
            b"Name,Mail address,Cohort\nAda,ada@example.org,A\n".to_vec(),
            "The file has no email column. Its columns are \"Name\", \"Mail address\", \"Cohort\".",
        ),
        (
            b"Cohort,email\nA,ada@example.org\n".to_vec(),
            "The file has no name column. Its columns are \"Cohort\", \"email\".",
        ),
        (
            b"Name,First name,email\nAda Ng,Ada,ada@example.org\n".to_vec(),
            "a name column and first or last name columns too",
        ),
        (
            b"\xFF\xFEn\x00a\x00\x00\xD8,\x00".to_vec(),
            "starts as UTF-16LE text but has bytes that are not",
        ),
        (
            b"name,email,notes\nAda,ada@example.org,\"never closed\nGrace,grace@example.org,\n"
                .to_vec(),
            "Line 2 opens a quotation mark",
        ),
        (
            b"name,email,e-mail\nAda,a@example.org,b@example.org\n".to_vec(),
            "The columns \"email\" and \"e-mail\" would both go to email",
        ),
    ];
    for (bytes, expected) in cases {
        for result in [
            confab.preview_csv_import(study, &bytes, None).await,
            confab
                .import_csv(study, &bytes, None, ImportMode::ValidRowsOnly, &me())
                .await,
        ] {
            let err = result.unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidInput);
            assert!(
                err.message.contains(expected),
                "{expected}: {}",
                err.message
            );
        }
    }
    let unknown = confab
        .preview_csv_import(999, b"name,email\nAda,ada@example.org\n", None)
        .await
        .unwrap_err();
    assert_eq!(unknown.code, ErrorCode::NotFound);
    assert!(everyone(&confab).await.is_empty());
}

/// Files as spreadsheet programs and recruiting tools save them: first and last name in
/// columns of their own, in a Windows or Latin-1 encoding, or as Excel's "Unicode text"
/// (UTF-16 with a byte-order mark, tab-separated).
#[tokio::test]
async fn first_and_last_names_and_the_encodings_spreadsheets_save_in_are_read() {
    let (_dir, confab, study) = setup().await;
    let text = "First Name;Last Name;Email;Stadt\r\nJörg;Müller-Lüdenscheidt;joerg@example.org;Köln\r\nFrançoise;;francoise@example.org;Besançon\r\n";
    let (windows, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let report = confab
        .preview_csv_import(study, &windows, None)
        .await
        .unwrap();
    assert_eq!(report.encoding, "windows-1252");
    let names: Vec<&str> = report.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Jörg Müller-Lüdenscheidt", "Françoise"]);
    assert_eq!(report.totals.errors, 0, "{report:?}");

    let latin =
        "Vorname,Nachname,E-Mail\nÅsa,Öberg,asa@example.org\nÉmile,Zola,emile@example.org\n";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(latin);
    let report = confab
        .import_csv(study, &latin1, None, ImportMode::AllOrNothing, &me())
        .await
        .unwrap();
    assert!(report.imported, "{report:?}");

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "name\temail\r\nZoë Ørsted\tzoe@example.org\r\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let report = confab
        .import_csv(study, &utf16, None, ImportMode::AllOrNothing, &me())
        .await
        .unwrap();
    assert_eq!(report.encoding, "UTF-16LE");
    let people: Vec<String> = in_study(&confab, study)
        .await
        .into_iter()
        .map(|p| p.name)
        .collect();
    for name in ["Åsa Öberg", "Émile Zola", "Zoë Ørsted"] {
        assert!(people.iter().any(|p| p == name), "{name} in {people:?}");
    }
    let report = confab
        .preview_csv_import(
            study,
            b"\xEF\xBB\xBFname,email\nAda,ada@example.org\n",
            None,
        )
        .await
        .unwrap();
    assert_eq!(report.encoding, "UTF-8");
}

#[tokio::test]
async fn a_language_column_gives_each_participant_the_language_of_their_messages() {
    let (_dir, confab, study) = setup().await;
    let text = "Vorname;Nachname;E-Mail;Sprache\r\nJörg;Müller;joerg@example.org;Deutsch\r\nInês;Sá;ines@example.org;pt_BR\r\nAda;Ng;ada@example.org;\r\nKim;Ko;kim@example.org;Koreanisch\r\n";
    let report = confab
        .preview_csv_import(study, text.as_bytes(), None)
        .await
        .unwrap();
    // The unknown language is one broken row that says what to write; the others are fine.
    assert_eq!(report.totals.errors, 1, "{report:?}");
    let broken = report.rows.iter().find(|r| r.name == "Kim Ko").unwrap();
    assert!(format!("{broken:?}").contains("Koreanisch"), "{broken:?}");
    let report = confab
        .import_csv(
            study,
            text.as_bytes(),
            None,
            ImportMode::ValidRowsOnly,
            &me(),
        )
        .await
        .unwrap();
    assert!(report.imported, "{report:?}");
    let people = in_study(&confab, study).await;
    let language = |name: &str| {
        people
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .language
            .clone()
    };
    assert_eq!(language("Jörg Müller").as_deref(), Some("de"));
    assert_eq!(language("Inês Sá").as_deref(), Some("pt-BR"));
    assert_eq!(language("Ada Ng"), None);
    assert!(people.iter().all(|p| p.name != "Kim Ko"));
}

/// An Excel workbook as a spreadsheet library writes it, with first and last names, a phone
/// number stored as a number, a date, and a second sheet that is not read.
fn workbook(dir: &Path) -> Vec<u8> {
    let python = std::env::var("CONFAB_PYTHON").unwrap_or_else(|_| "python3".into());
    let path = dir.join("people.xlsx");
    let script = r#"
import sys, datetime
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = "Recruits"
ws.append(["First Name", "Last Name", "Email", "Phone", "Signed up"])
ws.append(["Jörg", "Müller", "joerg@example.org", 4930123456, datetime.date(2026, 11, 2)])
ws.append(["Ana", "da Silva", "ana@example.org", None, datetime.date(2026, 11, 3)])
ws.append([None, None, None, None, None])
ws.append(["Bad", "Row", "not-an-email", None, None])
other = wb.create_sheet("Notes")
other.append(["name", "email"])
other.append(["Not", "read@example.org"])
wb.save(sys.argv[1])
"#;
    let status = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(&path)
        .status()
        .unwrap_or_else(|e| panic!("Python ({python}) with openpyxl is needed: {e}. Run scripts/test.sh, which installs it."));
    assert!(status.success(), "openpyxl could not write the workbook");
    std::fs::read(path).unwrap()
}

#[tokio::test]
async fn an_excel_workbook_imports_from_its_first_sheet() {
    let (dir, confab, study) = setup().await;
    let bytes = workbook(dir.path());
    let report = confab
        .preview_csv_import(study, &bytes, None)
        .await
        .unwrap();
    assert_eq!(report.encoding, "xlsx");
    let rows: Vec<(u64, &str, &str)> = report
        .rows
        .iter()
        .map(|r| (r.line, r.name.as_str(), r.email.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "Jörg Müller", "joerg@example.org"),
            (3, "Ana da Silva", "ana@example.org"),
            (5, "Bad Row", "not-an-email"),
        ],
        "the first sheet, blank rows left out, each on its row number"
    );
    assert!(error_of(&report, 5).contains("not-an-email"));
    let done = confab
        .import_csv(study, &bytes, None, ImportMode::ValidRowsOnly, &me())
        .await
        .unwrap();
    assert!(done.imported);
    let people = in_study(&confab, study).await;
    let jorg = people.iter().find(|p| p.name == "Jörg Müller").unwrap();
    assert_eq!(jorg.phone, "4930123456");
    assert_eq!(
        jorg.custom_fields.get("Signed up").map(String::as_str),
        Some("2026-11-02")
    );
    // Not a workbook after all: a clear sentence, nothing written.
    let mut broken = bytes.clone();
    broken.truncate(200);
    let err = confab
        .preview_csv_import(study, &broken, None)
        .await
        .unwrap_err();
    assert!(
        err.message.contains("Excel workbook but could not be read"),
        "{}",
        err.message
    );
}

/// The preview says how the file was read, and the researcher can read it otherwise.
#[tokio::test]
async fn the_encoding_and_separator_found_can_be_changed_in_the_preview() {
    let (_dir, confab, study) = setup().await;
    // Mac Roman: "ü" is 0x9F, which windows-1252 reads as "Ÿ".
    let bytes = b"name;email\nJ\x9Frgen;j@example.org\n";
    let found = confab.preview_csv_import(study, bytes, None).await.unwrap();
    assert_eq!(found.separator, Separator::Semicolon);
    let chosen = ColumnMapping {
        encoding: Some("macintosh".into()),
        separator: Some(Separator::Semicolon),
        ..Default::default()
    };
    let report = confab
        .preview_csv_import(study, bytes, Some(&chosen))
        .await
        .unwrap();
    assert_eq!(report.encoding, "macintosh");
    assert_eq!(report.rows[0].name, "Jürgen");
    // Read with the wrong separator, the whole line is one cell: no email column.
    let comma = ColumnMapping {
        separator: Some(Separator::Comma),
        ..Default::default()
    };
    let err = confab
        .preview_csv_import(study, bytes, Some(&comma))
        .await
        .unwrap_err();
    assert!(err.message.contains("no email column"), "{}", err.message);
    let unknown = ColumnMapping {
        encoding: Some("klingon".into()),
        ..Default::default()
    };
    let err = confab
        .preview_csv_import(study, bytes, Some(&unknown))
        .await
        .unwrap_err();
    assert!(
        err.message
            .contains("does not know the encoding \"klingon\""),
        "{}",
        err.message
    );
    let utf8 = ColumnMapping {
        encoding: Some("utf-8".into()),
        ..Default::default()
    };
    let err = confab
        .preview_csv_import(study, bytes, Some(&utf8))
        .await
        .unwrap_err();
    assert!(err.message.contains("not UTF-8 text"), "{}", err.message);
}

#[tokio::test]
async fn a_line_with_too_many_or_too_few_cells_is_an_error_on_that_line() {
    let (_dir, confab, study) = setup().await;
    let csv = "name,email\nAda,ada@example.org\nLovelace, Ada,ada2@example.org\nGrace\n";
    let report = import(&confab, study, csv, ImportMode::AllOrNothing).await;
    assert!(!report.imported);
    assert!(error_of(&report, 3).contains("This line has 3 cells but the header has 2: put a cell that contains a comma in double quotes"));
    assert!(
        error_of(&report, 4)
            .contains("This line has 1 cells but the header has 2: add the missing cells")
    );
    assert!(
        report.message.contains("lines 3 and 4 have problems"),
        "{}",
        report.message
    );
    assert!(everyone(&confab).await.is_empty());

    let all_bad = import(
        &confab,
        study,
        "name,email\nGrace\n",
        ImportMode::ValidRowsOnly,
    )
    .await;
    assert!(!all_bad.imported);
    assert!(all_bad.message.starts_with("Nothing was imported"));
}

#[tokio::test]
async fn a_mapping_overrides_the_guesses() {
    let (_dir, confab, study) = setup().await;
    let csv = "Teilnehmer,Adresse,Status,Notes\nAda,ada@example.org,VIP,private\n";
    let mapping = ColumnMapping {
        columns: BTreeMap::from([
            ("teilnehmer".into(), ImportField::Name),
            ("ADRESSE".into(), ImportField::Email),
            ("Status".into(), ImportField::Custom("Tier".into())),
            ("Notes".into(), ImportField::Ignore),
        ]),
        ..Default::default()
    };
    let report = confab
        .import_csv(
            study,
            csv.as_bytes(),
            Some(&mapping),
            ImportMode::AllOrNothing,
            &me(),
        )
        .await
        .unwrap();
    assert!(report.imported, "{}", report.message);
    let ada = &in_study(&confab, study).await[0];
    assert_eq!(ada.name, "Ada");
    assert_eq!(
        ada.custom_fields,
        BTreeMap::from([("Tier".to_owned(), "VIP".to_owned())])
    );
    assert_eq!(ada.notes, "");

    let wrong = ColumnMapping {
        columns: BTreeMap::from([("Mail".into(), ImportField::Email)]),
        ..Default::default()
    };
    let err = confab
        .preview_csv_import(study, csv.as_bytes(), Some(&wrong))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("names a column \"Mail\" that the file does not have. Its columns are \"Teilnehmer\", \"Adresse\", \"Status\", \"Notes\""), "{}", err.message);

    assert_eq!(
        "custom: Tier".parse::<ImportField>().unwrap(),
        ImportField::Custom("Tier".into())
    );
    assert_eq!(
        "Time_Zone".parse::<ImportField>().unwrap(),
        ImportField::TimeZone
    );
    assert!(
        "birthday"
            .parse::<ImportField>()
            .unwrap_err()
            .message
            .contains("custom:<field name>")
    );
}

#[tokio::test]
async fn an_export_reads_back_the_same_through_the_import() {
    let (dir, confab, study) = setup().await;
    for p in [
        NewParticipant {
            name: "Lovelace, Ada".into(),
            email: "ada@example.org".into(),
            time_zone: Some("Europe/London".into()),
            phone: "+44 20 7946 0000".into(),
            custom_fields: BTreeMap::from([
                ("Cohort".into(), "A".into()),
                ("Phone".into(), "work: 1".into()),
            ]),
            study_id: Some(study),
            ..Default::default()
        },
        NewParticipant {
            name: "=HYPERLINK(\"http://evil.example\",\"click\")".into(),
            email: "grace@example.org".into(),
            custom_fields: BTreeMap::from([
                ("Quote".into(), "line one\nline \"two\"".into()),
                ("Score".into(), "-1".into()),
                ("Handle".into(), "@grace".into()),
            ]),
            study_id: Some(study),
            ..Default::default()
        },
    ] {
        confab.create_participant(p, &me()).await.unwrap();
    }
    let exported = confab.export_participants_csv(study).await.unwrap();
    let mut lines = exported.lines();
    assert_eq!(
        lines.next().unwrap(),
        "name,email,time zone,language,phone,status,next interview,interviewers,Cohort,Handle,custom:Phone,Quote,Score"
    );
    // Sorted by name: "=HYPERLINK" sorts before "Lovelace".
    assert!(lines.next().unwrap().starts_with("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",grace@example.org,,,,Added,,,,'@grace,,"));
    assert!(!exported.lines().any(|l| l.starts_with('=')
        || l.contains(",=")
        || l.contains(",+")
        || l.contains(",-")
        || l.contains(",@")));
    assert!(exported.contains(",'+44 20 7946 0000,"));
    assert!(exported.contains(",'-1\r\n"));

    let other_dir = tempfile::tempdir().unwrap();
    let other = support::open_confab(other_dir.path()).await;
    let other_study = new_study(&other, "Copy").await;
    let report = other
        .import_csv(
            other_study,
            exported.as_bytes(),
            None,
            ImportMode::AllOrNothing,
            &me(),
        )
        .await
        .unwrap();
    assert!(report.imported, "{report:#?}");
    let strip = |list: Vec<ParticipantSummary>| {
        list.into_iter()
            .map(|p| (p.name, p.email, p.time_zone, p.phone, p.custom_fields))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip(in_study(&other, other_study).await),
        strip(in_study(&confab, study).await)
    );

    // Laid out for Excel in a German locale: a byte-order mark, semicolons; read back the same.
    let excel = confab
        .export_participants_csv_as(
            study,
            CsvLayout {
                byte_order_mark: true,
                separator: Separator::Semicolon,
            },
        )
        .await
        .unwrap();
    assert!(
        excel
            .as_bytes()
            .starts_with(b"\xEF\xBB\xBFname;email;time zone;language;phone;")
    );
    let third_dir = tempfile::tempdir().unwrap();
    let third = support::open_confab(third_dir.path()).await;
    let third_study = new_study(&third, "Excel copy").await;
    let report = third
        .import_csv(
            third_study,
            excel.as_bytes(),
            None,
            ImportMode::AllOrNothing,
            &me(),
        )
        .await
        .unwrap();
    assert_eq!(report.separator, Separator::Semicolon);
    assert_eq!(
        strip(in_study(&third, third_study).await),
        strip(in_study(&confab, study).await)
    );
    drop(dir);
}

#[tokio::test]
async fn the_export_shows_status_and_next_interview_in_the_study_time_zone() {
    let (_dir, confab, study) = setup().await;
    let ada = confab
        .create_participant(
            NewParticipant {
                name: "Ada".into(),
                email: "ada@example.org".into(),
                study_id: Some(study),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap();
    confab
        .create_participant(
            NewParticipant {
                name: "Not enrolled".into(),
                email: "no@example.org".into(),
                ..Default::default()
            },
            &me(),
        )
        .await
        .unwrap();
    // 2030-03-08 08:00 UTC is 09:00 in Berlin.
    confab
        .connection()
        .execute_unprepared(&format!(
            "UPDATE enrolments SET status = 'interview_scheduled';
             INSERT INTO sessions (study_id, kind, starts_at, ends_at, capacity, created_at)
               VALUES ({study}, 'window', 1899187200, 1899190800, 1, 0);
             INSERT INTO interviews (study_id, enrolment_id, participant_id, session_id, starts_at,
               ends_at, state, calendar_uid, created_at, updated_at)
             VALUES ({study}, (SELECT id FROM enrolments), {}, (SELECT max(id) FROM sessions), 1899187200,
               1899189900, 'scheduled', 'uid-1', 0, 0);",
            ada.id
        ))
        .await
        .unwrap();
    let exported = confab.export_participants_csv(study).await.unwrap();
    assert_eq!(
        exported,
        "name,email,time zone,language,phone,status,next interview,interviewers\r\nAda,ada@example.org,,,,Interview Scheduled,2030-03-08 09:00,\r\n"
    );
    let err = confab.export_participants_csv(999).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}
