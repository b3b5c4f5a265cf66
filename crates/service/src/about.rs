use serde::Serialize;
use ts_rs::TS;

/// What Help → About Confab shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutInfo {
    pub version: String,
    /// An SPDX license expression, such as `MIT`.
    pub license: String,
    pub data_dir: String,
    pub log_dir: String,
}
