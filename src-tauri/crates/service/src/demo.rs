use confab_store::studies;

use crate::{AppError, Confab, NewStudy, StudySummary};

pub const DEMO_STUDY_NAME: &str = "Demo: Onboarding interviews";

impl Confab {
    /// Creates the demo study, or returns it if it is already there, so that loading the demo
    /// twice never leaves two.
    pub async fn load_demo_study(&self) -> Result<StudySummary, AppError> {
        if let Some(existing) = studies::find_by_name(&self.db, DEMO_STUDY_NAME).await? {
            return Ok(existing.into());
        }
        self.create_study(NewStudy {
            name: DEMO_STUDY_NAME.into(),
            description: "A sample study to explore Confab: one-to-one interviews about how new users find their way around.".into(),
            time_zone: "Europe/Berlin".into(),
            interview_minutes: 45,
        })
        .await
    }
}
