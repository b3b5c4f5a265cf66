//! A study's own wording of its messages, one per kind and base language (`en`, `de`); a kind
//! without a row in a language uses Confab's default in that language.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, sea_query::OnConflict,
};

use crate::entity::message_template::{self, Entity as Template};
use crate::first_row::first_row;

pub async fn for_study(
    db: &impl ConnectionTrait,
    study_id: i64,
) -> Result<Vec<message_template::Model>, DbErr> {
    Template::find()
        .filter(message_template::Column::StudyId.eq(study_id))
        .all(db)
        .await
}

pub async fn find(
    db: &impl ConnectionTrait,
    study_id: i64,
    kind: &str,
    language: &str,
) -> Result<Option<message_template::Model>, DbErr> {
    first_row(
        db,
        Template::find_by_id((study_id, kind.to_owned(), language.to_owned())),
    )
    .await
}

pub async fn put(db: &impl ConnectionTrait, row: message_template::Model) -> Result<(), DbErr> {
    let model = message_template::ActiveModel {
        study_id: Set(row.study_id),
        kind: Set(row.kind),
        language: Set(row.language),
        subject: Set(row.subject),
        body: Set(row.body),
        updated_at: Set(row.updated_at),
    };
    Template::insert(model)
        .on_conflict(
            OnConflict::columns([
                message_template::Column::StudyId,
                message_template::Column::Kind,
                message_template::Column::Language,
            ])
            .update_columns([
                message_template::Column::Subject,
                message_template::Column::Body,
                message_template::Column::UpdatedAt,
            ])
            .to_owned(),
        )
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn delete(
    db: &impl ConnectionTrait,
    study_id: i64,
    kind: &str,
    language: &str,
) -> Result<(), DbErr> {
    Template::delete_by_id((study_id, kind.to_owned(), language.to_owned()))
        .exec(db)
        .await
        .map(|_| ())
}
