//! Confab's use cases: the one API that both the desktop app and the `confab` command call.
//! Every type that crosses to the window lives here and is exported to TypeScript.

mod confab;
mod data_dir;
mod demo;
mod error;
mod startup;
mod studies;

pub use confab::Confab;
pub use data_dir::{APP_IDENTIFIER, DATA_DIR_ENV, default_data_dir};
pub use error::{AppError, ErrorCode};
pub use startup::StartupState;
pub use studies::{NewStudy, StudySummary};
