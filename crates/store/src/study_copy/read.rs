//! Reading a study whole from its database, every row of it, for writing it into another.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::StudyRows;
use super::calendars::{calendar_copies, colleagues_calendars};
use crate::entity::{
    attention_item, audit_entry, busy_time, choice, day_schedule, enrolment, inbound_message,
    interview, interviewer, message_template, outbox_message, participant, session,
    session_exception, session_interviewer, study, token, waitlist_offer,
};
use crate::first_row::first_row;
use crate::statement;

/// Reads study `id` whole; `None` when there is no such study.
pub async fn read_study(db: &impl ConnectionTrait, id: i64) -> Result<Option<StudyRows>, DbErr> {
    let Some(mut study) = first_row(db, study::Entity::find_by_id(id)).await? else {
        return Ok(None);
    };
    let mut interviewers = interviewer::Entity::find()
        .filter(interviewer::Column::StudyId.eq(id))
        .order_by_asc(interviewer::Column::Id)
        .all(db)
        .await?;
    // A calendar chosen from a colleague's account goes nowhere with the study: where it is
    // written, the calendars are the researcher's who moved or copied it, chosen from their own.
    let (theirs, study_calendar_theirs) = colleagues_calendars(db, id).await?;
    for person in &mut interviewers {
        if theirs.contains(&person.id) {
            person.calendar_href = None;
            person.busy_read_at = None;
        }
    }
    if study_calendar_theirs {
        study.calendar_href = None;
    }
    let interviewer_ids: Vec<i64> = interviewers.iter().map(|i| i.id).collect();
    let sessions = session::Entity::find()
        .filter(session::Column::StudyId.eq(id))
        .order_by_asc(session::Column::Id)
        .all(db)
        .await?;
    let session_ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let enrolments = enrolment::Entity::find()
        .filter(enrolment::Column::StudyId.eq(id))
        .order_by_asc(enrolment::Column::Id)
        .all(db)
        .await?;
    let enrolment_ids: Vec<i64> = enrolments.iter().map(|e| e.id).collect();
    let participant_ids: Vec<i64> = enrolments.iter().map(|e| e.participant_id).collect();
    let interviews = interview::Entity::find()
        .filter(interview::Column::StudyId.eq(id))
        .order_by_asc(interview::Column::Id)
        .all(db)
        .await?;
    let interview_ids: Vec<i64> = interviews.iter().map(|i| i.id).collect();
    Ok(Some(StudyRows {
        busy_times: busy_time::Entity::find()
            .filter(busy_time::Column::InterviewerId.is_in(interviewer_ids))
            .order_by_asc(busy_time::Column::Id)
            .all(db)
            .await?,
        exceptions: session_exception::Entity::find()
            .filter(session_exception::Column::SessionId.is_in(session_ids.clone()))
            .order_by_asc(session_exception::Column::Id)
            .all(db)
            .await?,
        session_interviewers: session_interviewer::Entity::find()
            .filter(session_interviewer::Column::SessionId.is_in(session_ids.clone()))
            .all(db)
            .await?,
        day_schedules: day_schedule::Entity::find()
            .filter(day_schedule::Column::SessionId.is_in(session_ids))
            .all(db)
            .await?,
        participants: participant::Entity::find()
            .filter(participant::Column::Id.is_in(participant_ids.clone()))
            .order_by_asc(participant::Column::Id)
            .all(db)
            .await?,
        choices: choice::Entity::find()
            .filter(choice::Column::EnrolmentId.is_in(enrolment_ids.clone()))
            .order_by_asc(choice::Column::Id)
            .all(db)
            .await?,
        interview_interviewers: interview_links(db, id).await?,
        calendar_copies: if study_calendar_theirs {
            Vec::new()
        } else {
            calendar_copies(db, id).await?
        },
        tokens: token::Entity::find()
            .filter(token::Column::EnrolmentId.is_in(enrolment_ids))
            .all(db)
            .await?,
        waitlist_offers: waitlist_offer::Entity::find()
            .filter(waitlist_offer::Column::StudyId.eq(id))
            .order_by_asc(waitlist_offer::Column::Id)
            .all(db)
            .await?,
        templates: message_template::Entity::find()
            .filter(message_template::Column::StudyId.eq(id))
            .all(db)
            .await?,
        outbox: outbox_message::Entity::find()
            .filter(outbox_message::Column::StudyId.eq(id))
            .order_by_asc(outbox_message::Column::Id)
            .all(db)
            .await?,
        inbound: inbound_message::Entity::find()
            .filter(inbound_message::Column::InterviewId.is_in(interview_ids))
            .order_by_asc(inbound_message::Column::Id)
            .all(db)
            .await?,
        attention: attention_item::Entity::find()
            .filter(attention_item::Column::StudyId.eq(id))
            .order_by_asc(attention_item::Column::Id)
            .all(db)
            .await?,
        audit: audit_entry::Entity::find()
            .filter(audit_entry::Column::StudyId.eq(id))
            .order_by_asc(audit_entry::Column::Id)
            .all(db)
            .await?,
        study,
        interviewers,
        sessions,
        enrolments,
        interviews,
    }))
}

async fn interview_links(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<(i64, i64, String)>, DbErr> {
    let rows = db
        .query_all_raw(statement(
            db,
            "SELECT l.interview_id, l.interviewer_id, l.role FROM interview_interviewers AS l \
             JOIN interviews AS i ON i.id = l.interview_id WHERE i.study_id = ? \
             ORDER BY l.interview_id, l.interviewer_id",
            [study_id.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get_by_index(0)?,
                r.try_get_by_index(1)?,
                r.try_get_by_index(2)?,
            ))
        })
        .collect()
}
