// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// Rust's allocations through mimalloc rather than the system's malloc: reading a Sync's
// answers spends a tenth of its instructions fewer (docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    #[cfg(target_os = "linux")]
    confab_desktop::compositing::set_up();
    confab_desktop::run();
}
