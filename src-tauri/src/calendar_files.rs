//! `.ics` files opened with Confab: named on the command line (a file manager's "Open with"),
//! handed over by a second launch, or, on macOS, sent as an "open" event. Each is kept under a
//! number, so that the window asks to import "file 1" and never names a path itself.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use confab_service::{AppEvent, CalendarFile};
use tauri::{AppHandle, Manager, Runtime};

use crate::events::WindowEvents;

#[derive(Default)]
pub struct CalendarFiles(Mutex<Vec<PathBuf>>);

impl CalendarFiles {
    fn add(&self, path: PathBuf) -> CalendarFile {
        let mut files = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        files.push(path.clone());
        CalendarFile {
            id: u32::try_from(files.len()).unwrap_or(u32::MAX),
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: path.display().to_string(),
        }
    }

    pub fn path(&self, id: u32) -> Option<PathBuf> {
        let files = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let index = usize::try_from(id).ok()?.checked_sub(1)?;
        files.get(index).cloned()
    }
}

/// Asks the window to import each file.
pub fn open<R: Runtime>(app: &AppHandle<R>, paths: Vec<PathBuf>) {
    for path in paths {
        tracing::info!(path = %path.display(), "calendar file opened");
        let file = app.state::<CalendarFiles>().add(path);
        app.state::<WindowEvents>()
            .send(AppEvent::CalendarFileOpened { file });
    }
}

/// File → Import busy times: the native Open dialog, then the same import dialog as a file
/// opened with Confab from the file manager.
pub fn choose<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_dialog::DialogExt;
    let app = app.clone();
    app.dialog()
        .file()
        .set_title("Import busy times from a calendar file")
        .add_filter("Calendar", &["ics"])
        .pick_files(move |chosen| {
            let paths = chosen
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect();
            open(&app, paths);
        });
}

/// The `.ics` files among a launch's arguments (the program's own name first), relative ones
/// taken from `cwd`, the folder that launch ran in.
pub fn in_arguments(args: &[String], cwd: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut args = args.iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            args.next();
            continue;
        }
        let path = Path::new(arg);
        let is_calendar = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("ics"));
        if is_calendar && !arg.starts_with("--") {
            found.push(cwd.join(path));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn calendar_files_are_found_among_the_arguments() {
        let cwd = Path::new("/home/ada/Downloads");
        assert_eq!(
            in_arguments(
                &args(&[
                    "confab-desktop",
                    "--data-dir",
                    "/d/x.ics",
                    "iris.ics",
                    "/tmp/Team.ICS",
                    "notes.txt",
                    "--data-dir=/e"
                ]),
                cwd
            ),
            [
                PathBuf::from("/home/ada/Downloads/iris.ics"),
                PathBuf::from("/tmp/Team.ICS")
            ]
        );
        assert!(in_arguments(&args(&["iris.ics"]), cwd).is_empty());
    }

    #[test]
    fn files_are_named_by_number_from_one() {
        let files = CalendarFiles::default();
        let first = files.add(PathBuf::from("/tmp/a.ics"));
        let second = files.add(PathBuf::from("/tmp/b.ics"));
        assert_eq!((first.id, first.name.as_str()), (1, "a.ics"));
        assert_eq!(files.path(second.id), Some(PathBuf::from("/tmp/b.ics")));
        assert_eq!(files.path(0), None);
        assert_eq!(files.path(3), None);
    }
}
