#![allow(clippy::unwrap_used)]

//! `confab studies move-to-team` and `copy-to-this-computer`: a study made in this computer's
//! file goes whole into the team database and leaves the file; a copy comes back; moving it
//! twice is refused with a conflict (exit code 2) and nothing changes. A real PostgreSQL.

mod support;

use std::path::Path;

use serde_json::Value;

fn run(dir: &Path, team: Option<&str>, args: &[&str]) -> (i32, Value, String) {
    let mut cmd = support::command(dir, args);
    cmd.env_remove("CONFAB_DATABASE_URL");
    if let Some(url) = team {
        cmd.arg("--database").arg(url);
    }
    let out = cmd.arg("--json").output().unwrap();
    let stdout = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_study_moves_into_the_team_database_and_a_copy_comes_back() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let admin = confab_store::test_server::admin_url();
    let url = runtime.block_on(confab_store::test_server::fresh_database(&admin));
    let laptop = tempfile::tempdir().unwrap();
    let here = laptop.path();

    let (code, made, err) = run(
        here,
        None,
        &[
            "studies",
            "create",
            "--name",
            "Sleep diary",
            "--time-zone",
            "UTC",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let id = made["id"].as_i64().unwrap().to_string();
    let (code, _, err) = run(
        here,
        None,
        &[
            "participants",
            "add",
            "--name",
            "Ada Park",
            "--email",
            "ada@example.org",
            "--study",
            &id,
        ],
    );
    assert_eq!(code, 0, "{err}");

    // Without a team database there is nowhere to move it.
    let (code, _, err) = run(here, None, &["studies", "move-to-team", "--study", &id]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("Settings → Database"), "{err}");

    let (code, moved, err) = run(
        here,
        Some(&url),
        &["studies", "move-to-team", "--study", &id],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(moved["name"], "Sleep diary");
    assert_eq!(moved["participants"], 1);
    assert_eq!(moved["removed"], true);
    let (_, on_file, _) = run(here, None, &["studies", "list"]);
    assert!(names(&on_file).is_empty(), "{on_file}");
    let (_, on_team, _) = run(here, Some(&url), &["studies", "list"]);
    assert_eq!(names(&on_team), ["Sleep diary"]);

    let team_id = moved["studyId"].as_i64().unwrap().to_string();
    let (code, copied, err) = run(
        here,
        Some(&url),
        &["studies", "copy-to-this-computer", "--study", &team_id],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(copied["removed"], false);
    let (_, here_now, _) = run(here, Some(&url), &["studies", "on-this-computer"]);
    assert_eq!(names(&here_now), ["Sleep diary"]);

    // The copy cannot go back in: it is there already.
    let copy_id = copied["studyId"].as_i64().unwrap().to_string();
    let (code, _, err) = run(
        here,
        Some(&url),
        &["studies", "move-to-team", "--study", &copy_id],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("there before"), "{err}");
    let (_, on_team, _) = run(here, Some(&url), &["studies", "list"]);
    assert_eq!(names(&on_team), ["Sleep diary"]);
}
