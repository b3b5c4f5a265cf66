// The commands the window may call. build.rs reads this list to make one permission per
// command, and the bindings test checks that the TypeScript wrappers name exactly these.
pub const COMMAND_NAMES: &[&str] = &[
    "startup_state",
    "list_studies",
    "create_study",
    "load_demo_study",
    "about",
    "open_logs_folder",
    "subscribe_app_events",
    "list_interviewers",
    "import_calendar_file",
];
