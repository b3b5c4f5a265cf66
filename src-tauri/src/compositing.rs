//! Whether WebKitGTK composites the window with OpenGL (Linux).
//!
//! WebKitGTK draws a page in layers and composites them with OpenGL. On a machine with no GPU
//! the user may draw with (a virtual machine, a remote desktop, a university's thin client),
//! that OpenGL is Mesa's software renderer: every frame is drawn by WebKit, then drawn again by
//! the CPU standing in for a GPU, and the first frame waits while LLVM compiles the drawing
//! programs. There WebKit's painting without compositing shows the first screen sooner and holds
//! less memory, and Confab's pages (lists, forms, a calendar) use nothing that needs layers.
//! Where a GPU is there, WebKit's default stays. Whoever sets `WEBKIT_DISABLE_COMPOSITING_MODE`
//! themselves keeps their choice, whichever it is.

use std::path::Path;
use std::sync::OnceLock;

/// The variable WebKitGTK reads, in the app's process, before it makes its first web view.
pub const WEBKIT_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// How the window is drawn, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compositing {
    /// A GPU render node is there: WebKit composites as it would anywhere.
    WebKitDefault,
    /// `WEBKIT_DISABLE_COMPOSITING_MODE` was already set when Confab started.
    AsTheUserSet,
    /// No GPU to draw with: WebKit paints without compositing.
    OffWithoutGpu,
}

impl Compositing {
    /// What this machine calls for, from the environment and `/dev/dri`.
    pub fn for_this_machine() -> Self {
        let user_set = std::env::var_os(WEBKIT_VARIABLE).is_some();
        // Mesa's own switch to its software renderer, whatever GPU is there.
        let software_forced = std::env::var_os("LIBGL_ALWAYS_SOFTWARE")
            .is_some_and(|value| !value.is_empty() && value != "0" && value != "false");
        Self::choose(
            user_set,
            software_forced,
            openable_render_node(Path::new("/dev/dri")),
        )
    }

    fn choose(user_set: bool, software_forced: bool, render_node: bool) -> Self {
        if user_set {
            Self::AsTheUserSet
        } else if software_forced || !render_node {
            Self::OffWithoutGpu
        } else {
            Self::WebKitDefault
        }
    }

    /// The value to give `WEBKIT_DISABLE_COMPOSITING_MODE` before the window is made, if any.
    pub fn variable_value(self) -> Option<&'static str> {
        match self {
            Self::OffWithoutGpu => Some("1"),
            Self::WebKitDefault | Self::AsTheUserSet => None,
        }
    }
}

static CHOSEN: OnceLock<Compositing> = OnceLock::new();

/// Decides how this machine draws the window and tells WebKit. `main` calls it first, while the
/// process has its one thread: WebKit reads its variable when the first web view is made.
pub fn set_up() {
    let chosen = Compositing::for_this_machine();
    if let Some(value) = chosen.variable_value() {
        // SAFETY: the environment is changed before any other thread exists (nothing has run
        // before this in `main`, and none of the libraries linked starts a thread on loading),
        // so nothing reads it at the same time.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(WEBKIT_VARIABLE, value)
        };
    }
    let _ = CHOSEN.set(chosen);
}

/// What `set_up` chose, for the log.
pub fn chosen() -> Option<Compositing> {
    CHOSEN.get().copied()
}

/// Whether `dri` holds a DRM render node (`renderD128`, …) this user may open for drawing: a
/// GPU, or a virtual one, that Mesa and WebKit draw with. A node that is there but closed to the
/// user (not in the `render` group) leaves only the software renderer, as no node does.
fn openable_render_node(dri: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry.file_name().to_string_lossy().starts_with("renderD")
            && std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(entry.path())
                .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_render_node_or_with_software_forced_compositing_is_off() {
        assert_eq!(
            Compositing::choose(false, false, false),
            Compositing::OffWithoutGpu
        );
        assert_eq!(
            Compositing::choose(false, true, true),
            Compositing::OffWithoutGpu
        );
        assert_eq!(Compositing::OffWithoutGpu.variable_value(), Some("1"));
    }

    #[test]
    fn with_a_render_node_webkit_keeps_its_default() {
        assert_eq!(
            Compositing::choose(false, false, true),
            Compositing::WebKitDefault
        );
        assert_eq!(Compositing::WebKitDefault.variable_value(), None);
    }

    #[test]
    fn a_choice_the_user_made_is_left_alone() {
        for (software, node) in [(false, false), (true, true), (false, true)] {
            let chosen = Compositing::choose(true, software, node);
            assert_eq!(chosen, Compositing::AsTheUserSet);
            assert_eq!(chosen.variable_value(), None);
        }
    }

    #[test]
    fn a_render_node_counts_only_if_it_can_be_opened() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!openable_render_node(dri.path()));
        assert!(!openable_render_node(&dri.path().join("missing")));
        // A card node alone is for display, not for drawing.
        std::fs::write(dri.path().join("card0"), b"").unwrap();
        assert!(!openable_render_node(dri.path()));
        std::fs::write(dri.path().join("renderD128"), b"").unwrap();
        assert!(openable_render_node(dri.path()));
    }
}
