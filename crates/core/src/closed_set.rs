//! A closed set of values that the database stores and the window receives as the same key.
//! `closed_set!` writes each key once: the enum's variants carry it to serde (and so to the
//! TypeScript union ts-rs derives), to `key()` for the database, and to `parse()` back.

/// Declares an enum whose variants are stored and sent as the given keys. The crate using it
/// needs `serde` and `ts-rs` among its dependencies, as Confab's crates that cross IPC have.
#[macro_export]
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $key:literal),+ $(,)?
        }
    ) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        $(#[$meta])*
        pub enum $name {
            $($(#[$variant_meta])* #[serde(rename = $key)] $variant),+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key the database stores and the window receives.
            pub const fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            /// The value a stored key names; `None` for a key this version does not know.
            pub fn parse(key: &str) -> Option<Self> {
                match key {
                    $($key => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        /// The key, as the command line prints it.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}
