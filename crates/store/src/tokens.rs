//! The codes in participants' mailto: links. Only a code's SHA-256 is stored, so a copy of
//! the database cannot act for a participant; a code is found by hashing what a reply
//! carries. Codes expire: a choice at its time, a cancel link at its interview's end, a
//! decline link [`DECLINE_LIFETIME_DAYS`] after it was made; and a study's codes all
//! expire when it is archived.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

use crate::entity::token::{self, Entity as Token};
use crate::first_row::first_row;

pub const CHOICE: &str = "choice";
pub const DECLINE: &str = "decline";
pub const CANCEL: &str = "cancel";

/// How long a decline link acts: long enough for a participant who answers late, short
/// enough that an old invitation cannot change a status months on.
pub const DECLINE_LIFETIME_DAYS: i64 = 90;

/// What is stored for `code`: its SHA-256, lower-case hex.
pub fn hash(code: &str) -> String {
    hex::encode(Sha256::digest(code.as_bytes()))
}

/// Whether the code no longer acts at `now`.
pub fn expired(row: &token::Model, now: i64) -> bool {
    row.expires_at.is_some_and(|at| at <= now)
}

/// When a new code stops acting: a choice at its time, a cancel link at the end of its
/// interview, a decline link after [`DECLINE_LIFETIME_DAYS`].
async fn expiry(db: &impl ConnectionTrait, row: &token::Model) -> Result<Option<i64>, DbErr> {
    Ok(match row.kind.as_str() {
        CHOICE => row.starts_at,
        CANCEL => match row.interview_id {
            Some(id) => crate::interviews::find(db, id).await?.map(|i| i.ends_at),
            None => None,
        },
        _ => Some(row.created_at + DECLINE_LIFETIME_DAYS * 86_400),
    })
}

/// Saves new codes. Each row carries the code itself in `token`; what is stored is its hash,
/// its short code and its expiry.
pub async fn insert_all(db: &impl ConnectionTrait, rows: Vec<token::Model>) -> Result<(), DbErr> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut models = Vec::with_capacity(rows.len());
    for r in rows {
        let expires_at = match r.expires_at {
            Some(at) => Some(at),
            None => expiry(db, &r).await?,
        };
        let short_code = if r.short_code.is_empty() {
            r.token
                .strip_prefix("CF-")
                .unwrap_or(&r.token)
                .chars()
                .take(4)
                .collect()
        } else {
            r.short_code.clone()
        };
        models.push((r, short_code, expires_at));
    }
    let models = models
        .into_iter()
        .map(|(r, short_code, expires_at)| token::ActiveModel {
            token: sea_orm::Set(hash(&r.token)),
            short_code: sea_orm::Set(short_code),
            expires_at: sea_orm::Set(expires_at),
            enrolment_id: sea_orm::Set(r.enrolment_id),
            kind: sea_orm::Set(r.kind),
            batch: sea_orm::Set(r.batch),
            session_id: sea_orm::Set(r.session_id),
            starts_at: sea_orm::Set(r.starts_at),
            interview_id: sea_orm::Set(r.interview_id),
            created_at: sea_orm::Set(r.created_at),
            used_at: sea_orm::Set(r.used_at),
        });
    Token::insert_many(models).exec(db).await.map(|_| ())
}

/// The rows of the codes `codes` (as a reply carries them), in no particular order; match
/// them back with [`hash`].
pub async fn find_all(
    db: &impl ConnectionTrait,
    codes: &[String],
) -> Result<Vec<token::Model>, DbErr> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    Token::find()
        .filter(token::Column::Token.is_in(codes.iter().map(|c| hash(c))))
        .all(db)
        .await
}

/// The rows of `codes` and, with them, every choice of the messages they came in, ordered
/// as those messages listed their choices (by start): a click on one time may come with a
/// second choice written below it, read against the times the message offered. One
/// statement, where the codes and then their messages' choices would take two.
pub async fn find_all_with_offers(
    db: &impl ConnectionTrait,
    codes: &[String],
) -> Result<Vec<token::Model>, DbErr> {
    use sea_orm::QueryOrder;
    use sea_orm::sea_query::{Condition, Query};
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let hashed: Vec<String> = codes.iter().map(|c| hash(c)).collect();
    let their_batches = Query::select()
        .column(token::Column::Batch)
        .from(Token)
        .and_where(token::Column::Token.is_in(hashed.clone()))
        .to_owned();
    Token::find()
        .filter(
            Condition::any()
                .add(token::Column::Token.is_in(hashed))
                .add(
                    Condition::all()
                        .add(token::Column::Kind.eq(CHOICE))
                        .add(token::Column::Batch.in_subquery(their_batches)),
                ),
        )
        .order_by_asc(token::Column::StartsAt)
        .order_by_asc(token::Column::SessionId)
        .all(db)
        .await
}

/// The choices among `rows` that `batch` offered, in the order [`batch_choices`] gives them.
pub fn offered_in(rows: &[token::Model], batch: &str) -> Vec<token::Model> {
    rows.iter()
        .filter(|r| r.batch == batch && r.kind == CHOICE)
        .cloned()
        .collect()
}

/// One row by its stored hash (as [`token::Model::token`] holds it).
pub async fn find_by_hash(
    db: &impl ConnectionTrait,
    hashed: &str,
) -> Result<Option<token::Model>, DbErr> {
    first_row(db, Token::find_by_id(hashed.to_owned())).await
}

/// Every code of a study stops acting at `now`: the study was archived.
pub async fn expire_for_study(
    db: &impl ConnectionTrait,
    study_id: i64,
    now: i64,
) -> Result<u64, DbErr> {
    use sea_orm::sea_query::{Condition, Expr, ExprTrait, Query};
    let enrolments = Query::select()
        .column(crate::entity::enrolment::Column::Id)
        .from(crate::entity::enrolment::Entity)
        .and_where(Expr::col(crate::entity::enrolment::Column::StudyId).eq(study_id))
        .to_owned();
    Token::update_many()
        .col_expr(token::Column::ExpiresAt, now.into())
        .filter(token::Column::EnrolmentId.in_subquery(enrolments))
        .filter(
            Condition::any()
                .add(token::Column::ExpiresAt.is_null())
                .add(token::Column::ExpiresAt.gt(now)),
        )
        .exec(db)
        .await
        .map(|r| r.rows_affected)
}

/// An interview moved: its cancel links act until its new end.
pub async fn move_interview_end(
    db: &impl ConnectionTrait,
    interview_id: i64,
    ends_at: i64,
) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::ExpiresAt, ends_at.into())
        .filter(token::Column::InterviewId.eq(interview_id))
        .filter(token::Column::Kind.eq(CANCEL))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Marks every token of a batch used: one answer to a message settles all its links.
pub async fn use_batch(db: &impl ConnectionTrait, batch: &str, now: i64) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::Batch.eq(batch))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Retires the unused links of earlier messages to one participant of one kind, so only the
/// newest invitation's links act.
pub async fn retire_for_enrolment(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
    kind: &str,
    now: i64,
) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::EnrolmentId.eq(enrolment_id))
        .filter(token::Column::Kind.eq(kind))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Retires, once a participant is booked, their unused offers of times and the other links
/// of the message they booked from (`used_batch`, such as its decline link), in one statement.
pub async fn retire_for_booking(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
    used_batch: Option<&str>,
    now: i64,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Condition;
    let offers = Condition::all()
        .add(token::Column::EnrolmentId.eq(enrolment_id))
        .add(token::Column::Kind.eq(CHOICE));
    let which = match used_batch {
        Some(batch) => Condition::any()
            .add(offers)
            .add(token::Column::Batch.eq(batch)),
        None => offers,
    };
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(which)
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Retires every unused link about one interview (its cancel link, the times of a reschedule
/// request) once the interview is no longer scheduled.
pub async fn retire_for_interview(
    db: &impl ConnectionTrait,
    interview_id: i64,
    now: i64,
) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::InterviewId.eq(interview_id))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// The times of the newest message that still offers this participant choices (in any of
/// their studies), in the order the message listed them; empty when none is live.
pub async fn newest_live_offer(
    db: &impl ConnectionTrait,
    participant_id: i64,
) -> Result<Vec<token::Model>, DbErr> {
    use sea_orm::QueryOrder;
    let enrolments = crate::enrolments::for_participant(db, participant_id).await?;
    let ids: Vec<i64> = enrolments.iter().map(|e| e.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let newest = first_row(
        db,
        Token::find()
            .filter(token::Column::EnrolmentId.is_in(ids))
            .filter(token::Column::Kind.eq(CHOICE))
            .filter(token::Column::UsedAt.is_null())
            .order_by_desc(token::Column::CreatedAt),
    )
    .await?;
    match newest {
        Some(row) => batch_choices(db, &row.batch).await,
        None => Ok(Vec::new()),
    }
}

/// The choice tokens of one message, in the order it listed them (by start).
pub async fn batch_choices(
    db: &impl ConnectionTrait,
    batch: &str,
) -> Result<Vec<token::Model>, DbErr> {
    use sea_orm::QueryOrder;
    Token::find()
        .filter(token::Column::Batch.eq(batch))
        .filter(token::Column::Kind.eq(CHOICE))
        .order_by_asc(token::Column::StartsAt)
        .order_by_asc(token::Column::SessionId)
        .all(db)
        .await
}

/// Retires one participant's unused links to one start time: an offer of that time ran out.
pub async fn retire_for_time(
    db: &impl ConnectionTrait,
    enrolment_id: i64,
    starts_at: i64,
    now: i64,
) -> Result<(), DbErr> {
    Token::update_many()
        .col_expr(token::Column::UsedAt, now.into())
        .filter(token::Column::EnrolmentId.eq(enrolment_id))
        .filter(token::Column::Kind.eq(CHOICE))
        .filter(token::Column::StartsAt.eq(starts_at))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    /// Codes stored by earlier versions are looked up by the same text: SHA-256 in lower-case
    /// hex (FIPS 180-2's example for "abc").
    #[test]
    fn a_code_is_stored_as_its_sha256_in_lower_case_hex() {
        assert_eq!(
            super::hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
