//! A calendar answer from someone on the interview's staff (an interviewer accepting or
//! declining their invitation): it changes nothing about the participant's interview. A
//! decline goes to the researcher, who chooses who runs it instead.

use confab_core::AttentionKind;
use confab_mail::calendar::{ItipMessage, PartStat};
use confab_store::DatabaseTransaction;
use confab_store::entity::{interview, participant, study};
use confab_store::interviews;

use super::{Applied, Flag, flag};
use crate::AppError;
use crate::clock::from_ts;
use crate::mail::compose::researcher_zone;
use crate::mail::staff::staff_now;
use confab_core::Language;
use confab_mail::dates::interview_time;

/// What became of an answer from `from`, when they are on the interview; `None` when they are
/// not, so that it is treated as a stranger's.
pub(super) async fn staff_answer(
    txn: &DatabaseTransaction,
    row: &interview::Model,
    person: &participant::Model,
    study: &study::Model,
    from: &str,
    message: &ItipMessage,
) -> Result<Option<Applied>, AppError> {
    let staff = staff_now(txn, row.id).await?;
    let Some(member) = staff.iter().find(|p| p.email.to_lowercase() == from) else {
        return Ok(None);
    };
    // Only an answer for themselves counts: an attendee line naming someone else is not theirs.
    let answering = message.attendee.as_ref().map(|a| a.email.to_lowercase());
    if answering.as_deref().is_some_and(|a| a != from) {
        return Ok(None);
    }
    if i64::from(message.sequence) < i64::from(row.sequence) {
        return Ok(Some(
            Applied::done(
                "calendar_reply",
                format!(
                    "{} answered an older version of the invitation; ignored",
                    member.name
                ),
            )
            .about(Some(person.id), Some(row.id)),
        ));
    }
    let partstat = message
        .attendee_from(from)
        .map(|a| a.partstat.clone())
        .unwrap_or(PartStat::NeedsAction);
    let when = interview_time(
        from_ts(row.starts_at),
        from_ts(row.ends_at),
        researcher_zone(txn, study).await?,
        &Language::study_default(),
    );
    if partstat == PartStat::Declined && row.state == interviews::SCHEDULED {
        let summary = format!(
            "{} declined the interview with {} on {when}; choose who runs it instead",
            member.name, person.name
        );
        flag(
            txn,
            Flag {
                kind: AttentionKind::StaffDeclined,
                summary: summary.clone(),
                study_id: Some(study.id),
                participant_id: Some(person.id),
                interview_id: Some(row.id),
                proposed: None,
            },
        )
        .await?;
        return Ok(Some(
            Applied::done("calendar_reply", summary)
                .about(Some(person.id), Some(row.id))
                .attention(),
        ));
    }
    Ok(Some(
        Applied::done(
            "calendar_reply",
            format!(
                "{} answered the invitation to the interview with {} ({partstat:?}); nothing to do",
                member.name, person.name
            ),
        )
        .about(Some(person.id), Some(row.id)),
    ))
}
