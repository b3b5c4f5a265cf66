//! Confab's domain: the words of the design as types, and the rules that hold between them.
//! Nothing here touches a database, the network or a window, so every rule can be tested alone.
#![forbid(unsafe_code)]

pub mod actor_kind;
pub mod attention;
pub mod availability;
mod closed_set;
pub mod field_error;
pub mod interview_day;
pub mod interview_state;
pub mod language;
pub mod outbox;
pub mod participant;
pub mod status;
pub mod study;
pub mod study_settings;
pub mod time_zone;

pub use actor_kind::ActorKind;
pub use attention::AttentionKind;
pub use field_error::{FieldError, FieldErrors};
pub use interview_state::InterviewState;
pub use language::{BaseLanguage, Language};
pub use outbox::{OutboxKind, OutboxState};
pub use participant::{ParticipantDraft, ValidParticipant};
pub use status::{EnrolmentStatus, StatusEvent};
pub use study::{StudyDraft, ValidStudy};
