//! The window's menu: File (import busy times, back up, restore, quit) and Help (About
//! Confab).

use confab_service::AppEvent;
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Manager, Runtime};

use crate::events::WindowEvents;
use crate::{calendar_files, database_files};

const IMPORT_CALENDAR: &str = "import-calendar";
const BACK_UP: &str = "back-up";
const RESTORE: &str = "restore";
const QUIT: &str = "quit";
const ABOUT: &str = "about";

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    // Linux has no predefined Quit item, so Confab brings its own everywhere.
    let quit = MenuItemBuilder::with_id(QUIT, "Quit Confab")
        .accelerator("CmdOrCtrl+Q")
        .build(app)?;
    let about = MenuItemBuilder::with_id(ABOUT, "About Confab").build(app)?;
    let import_calendar =
        MenuItemBuilder::with_id(IMPORT_CALENDAR, "Import busy times from a calendar file…")
            .accelerator("CmdOrCtrl+O")
            .build(app)?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&import_calendar)
        .separator()
        .text(BACK_UP, "Back up database…")
        .text(RESTORE, "Restore database…")
        .separator()
        .item(&quit)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help").item(&about).build()?;
    let menu = MenuBuilder::new(app);
    // On macOS the first menu is the application's own, and without an Edit menu the
    // copy and paste shortcuts do nothing in the window.
    #[cfg(target_os = "macos")]
    let menu = menu
        .item(
            &SubmenuBuilder::new(app, "Confab")
                .item(&about)
                .separator()
                .hide()
                .hide_others()
                .show_all()
                .build()?,
        )
        .item(&file)
        .item(
            &SubmenuBuilder::new(app, "Edit")
                .undo()
                .redo()
                .separator()
                .cut()
                .copy()
                .paste()
                .select_all()
                .build()?,
        );
    #[cfg(not(target_os = "macos"))]
    let menu = menu.item(&file);
    menu.item(&help).build()
}

pub fn handle<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        IMPORT_CALENDAR => calendar_files::choose(app),
        BACK_UP => database_files::back_up(app),
        RESTORE => database_files::restore(app),
        QUIT => app.exit(0),
        ABOUT => app.state::<WindowEvents>().send(AppEvent::ShowAbout),
        _ => {}
    }
}
