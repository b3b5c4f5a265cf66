//! Settings → Database: where this computer keeps its data. A new choice is opened before it
//! is saved; the window then loads afresh on it.

use confab_command::confab_command;
use confab_service::{
    AppError, Confab, DatabaseChoiceView, LastKnown, StartupState, TeamDatabaseCheck,
    TeamDatabaseInput,
};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::events::WindowEvents;
use crate::state::AppState;
use crate::team_changes;

#[confab_command]
pub async fn database_choice(state: State<'_, AppState>) -> Result<DatabaseChoiceView, AppError> {
    confab_service::database_choice(state.data_dir()).await
}

/// What the window last knew of the team database, shown read-only when it cannot be reached.
#[confab_command]
pub fn last_known_data(state: State<'_, AppState>) -> Option<LastKnown> {
    confab_service::last_known(state.data_dir())
}

#[confab_command]
pub async fn check_team_database(input: TeamDatabaseInput) -> Result<TeamDatabaseCheck, AppError> {
    confab_service::check_team_database(&input).await
}

#[confab_command]
pub async fn use_team_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: TeamDatabaseInput,
) -> Result<StartupState, AppError> {
    let opened = confab_service::use_team_database(state.data_dir(), &input).await?;
    Ok(switched(&app, &state, Ok(opened)).await)
}

#[confab_command]
pub async fn use_this_computer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<StartupState, AppError> {
    confab_service::use_this_computer(state.data_dir())?;
    let opened = Confab::open_configured(state.data_dir()).await;
    Ok(switched(&app, &state, opened).await)
}

/// Tries again to open the data where it is set to be, after a start that failed (a team
/// database that could not be reached).
#[confab_command]
pub async fn reopen_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<StartupState, AppError> {
    let opened = Confab::open_configured(state.data_dir()).await;
    Ok(switched(&app, &state, opened).await)
}

/// The window reloads on the database now open: its events wait for the new page.
async fn switched<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    opened: Result<Confab, AppError>,
) -> StartupState {
    state.switch_to(opened).await;
    app.state::<WindowEvents>().detach();
    team_changes::watch(app.clone());
    state.startup()
}
