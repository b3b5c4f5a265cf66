//! The refusal of a settings form that another researcher changed meanwhile, naming the
//! settings and who changed them.

use confab_store::audit;
use confab_store::entity::study;

use crate::{AppError, ErrorCode};

/// The refusal of a settings form whose `fields` another researcher changed meanwhile. Who:
/// the last to change one of the settings (by their audit names, `changed`) that differ from
/// what the form loaded.
pub(super) async fn settings_changed_meanwhile(
    db: &impl confab_store::ConnectionTrait,
    row: &study::Model,
    fields: &[String],
    changed: &[&str],
) -> Result<AppError, AppError> {
    let history = audit::for_study(db, row.id).await?;
    let by = history
        .iter()
        .rev()
        .find(|e| {
            e.action
                .strip_prefix("setting changed: ")
                .is_some_and(|setting| changed.contains(&setting))
        })
        .filter(|e| !e.actor.is_empty())
        .map(|e| format!(" by {}", e.actor))
        .unwrap_or_default();
    let names: Vec<&str> = fields.iter().map(|f| setting_label(f)).collect();
    let message = format!(
        "{} of \"{}\" {} changed{by} while you were editing, so nothing was saved. Your values are still in the form: save again to keep them, or discard your changes to see what is saved now.",
        capitalized(&match names.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }),
        row.name,
        if names.len() == 1 { "was" } else { "were" }
    );
    Ok(AppError {
        fields: fields
            .iter()
            .map(|field| crate::error::FieldProblem {
                field: field.clone(),
                message: format!("Changed{by} while you were editing."),
            })
            .collect(),
        ..AppError::new(ErrorCode::ChangedMeanwhile, message)
    })
}

/// A setting as the form labels it, for a message, from its field name.
fn setting_label(field: &str) -> &str {
    match field {
        "kind" => "the kind of study",
        "bufferBeforeMinutes" => "the buffer before",
        "bufferAfterMinutes" => "the buffer after",
        "minNoticeMinutes" => "the minimum notice",
        "horizonDays" => "the booking horizon",
        "maxPerDay" => "the cap per day",
        "maxPerWeek" => "the cap per week",
        "changeCutoffHours" => "the change cut-off",
        "location" => "the location",
        "conferencingUrl" => "the conferencing link",
        "dialIn" => "the dial-in",
        "selfScheduling" => "self-scheduling",
        "reminderHours" => "the reminder",
        "waitlistOfferHours" => "the waitlist offer",
        "interviewsPerParticipant" => "interviews per participant",
        "language" => "the language",
        "staffing" => "the interviewers on each interview",
        other => other,
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
