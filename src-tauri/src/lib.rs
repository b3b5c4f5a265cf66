//! The desktop shell: a window over the service crate. Commands stay a few lines each; all
//! behaviour lives in `confab-service`.

pub mod bindings;
mod calendar_files;
mod commands;
mod database_files;
mod desktop;
mod events;
mod logging;
mod menu;
mod state;
mod team_changes;

use std::path::PathBuf;

use confab_service::{DATA_DIR_ENV, default_data_dir};
use tauri::{App, AppHandle, Manager, RunEvent, Runtime};

use calendar_files::CalendarFiles;
pub use commands::COMMAND_NAMES;
use events::WindowEvents;
use state::AppState;

pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let named_data_dir = data_dir_argument(args.iter().cloned());
    let usual_database =
        named_data_dir.is_none() && std::env::var_os(DATA_DIR_ENV).is_none_or(|dir| dir.is_empty());
    let data_dir = named_data_dir.unwrap_or_else(default_data_dir);
    let calendars = std::env::current_dir()
        .map(|cwd| calendar_files::in_arguments(&args, &cwd))
        .unwrap_or_default();
    let result = desktop::with_plugins(tauri::Builder::default(), usual_database)
        .plugin(tauri_plugin_dialog::init())
        // Only our own commands open anything; no script for links in the page.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        // Opened while the window starts. A database that cannot be opened is not a reason to
        // refuse to start: the window shows what is wrong and what to do about it.
        .manage(AppState::opening(data_dir))
        .manage(WindowEvents::default())
        .manage(team_changes::TeamListener::default())
        .manage(CalendarFiles::default())
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .setup(move |app| {
            started(app);
            calendar_files::open(app.handle(), calendars);
            team_changes::watch(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup_state,
            commands::database_choice,
            commands::check_team_database,
            commands::use_team_database,
            commands::use_this_computer,
            commands::reopen_database,
            commands::last_known_data,
            commands::studies_on_this_computer,
            commands::move_study_from_this_computer,
            commands::copy_study_to_this_computer,
            commands::list_studies,
            commands::create_study,
            commands::update_study,
            commands::archive_study,
            commands::load_demo_study,
            commands::study_settings,
            commands::update_study_settings,
            commands::study_overview,
            commands::study_history,
            commands::about,
            commands::open_logs_folder,
            commands::subscribe_app_events,
            commands::save_text_file,
            commands::list_interviewers,
            commands::add_interviewer,
            commands::update_interviewer,
            commands::remove_interviewer,
            commands::set_interview_staff,
            commands::import_calendar_file,
            commands::calendar_account,
            commands::connect_calendar_account,
            commands::remote_calendars,
            commands::remove_calendar_account,
            commands::set_interviewer_calendar,
            commands::study_calendar,
            commands::set_study_calendar,
            commands::study_calendar_file,
            commands::list_sessions,
            commands::create_session,
            commands::update_session,
            commands::delete_session,
            commands::set_session_visible,
            commands::set_session_exception,
            commands::open_slots,
            commands::busy_times,
            commands::search_participants,
            commands::get_participant,
            commands::create_participant,
            commands::update_participant,
            commands::remove_participant,
            commands::status_options,
            commands::set_status,
            commands::set_statuses,
            commands::participant_history,
            commands::preview_csv_import,
            commands::import_csv,
            commands::export_participants_csv,
            commands::invitation_readiness,
            commands::list_interviews,
            commands::check_booking,
            commands::book_manually,
            commands::cancel_interview,
            commands::reschedule_interview,
            commands::mark_no_show,
            commands::mark_completed,
            commands::pending_choices,
            commands::assign_choice,
            commands::invite_participants,
            commands::compose_reschedule_request,
            commands::list_outbox,
            commands::edit_outbox_message,
            commands::hold_outbox_message,
            commands::release_outbox_message,
            commands::delete_outbox_message,
            commands::sync_mail,
            commands::attention_items,
            commands::dismiss_attention_item,
            commands::check_counter_proposal,
            commands::accept_counter_proposal,
            commands::decline_counter_proposal,
            commands::book_reply_candidate,
            commands::mail_profile,
            commands::update_mail_profile,
            commands::save_mail_password,
            commands::forget_mail_password,
            commands::test_mail_connection,
            commands::sign_in_mail,
            commands::set_mail_sign_in_method,
            commands::find_mail_settings,
            commands::message_templates,
            commands::save_message_template,
            commands::reset_message_template,
            commands::preview_message_template,
            commands::message_languages,
            commands::day_schedule,
            commands::generate_day_schedule,
            commands::swap_day_assignments,
            commands::place_day_applicant,
            commands::publish_day_schedule,
            commands::export_day_schedule_csv,
        ])
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(on_run_event),
        Err(error) => {
            eprintln!("Confab could not start its window: {error}");
            std::process::exit(1);
        }
    }
}

/// Starts the log, and says in it which database this run opened.
fn started<R: Runtime>(app: &mut App<R>) {
    let logs = logging::start(app.handle());
    let state = app.state::<AppState>();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        data_dir = %state.data_dir().display(),
        "Confab started"
    );
    // Logged once the database is open, without holding up the window meanwhile.
    let handle = app.handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        if let Err(error) = handle.state::<AppState>().confab() {
            tracing::error!(%error, "Confab could not open its database");
        }
    });
    app.manage(logs);
}

fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: RunEvent) {
    // macOS hands files to a running app as an event instead of arguments.
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    if let RunEvent::Opened { urls } = event {
        let paths = urls
            .into_iter()
            .filter_map(|url| url.to_file_path().ok())
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("ics"))
            })
            .collect();
        calendar_files::open(app, paths);
    }
    #[cfg(not(any(target_os = "macos", target_os = "ios")))]
    let _ = (app, event);
}

/// `--data-dir DIR` (or `--data-dir=DIR`) opens another database than the usual one, as
/// `confab --data-dir` does.
fn data_dir_argument(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Option<PathBuf> {
        data_dir_argument(args.iter().map(|a| (*a).to_owned()))
    }

    #[test]
    fn the_data_dir_argument_is_read_in_both_spellings() {
        assert_eq!(
            parse(&["confab", "--data-dir", "/d"]),
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            parse(&["confab", "--data-dir=/e"]),
            Some(PathBuf::from("/e"))
        );
        assert_eq!(parse(&["confab"]), None);
        assert_eq!(parse(&["--data-dir"]), None);
    }
}
