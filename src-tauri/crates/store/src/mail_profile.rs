//! The researcher's name, address, time zone and mail account: one row.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set, sea_query::OnConflict};

use crate::entity::mail_profile::{self, Entity as MailProfile};

pub async fn get(db: &impl ConnectionTrait) -> Result<Option<mail_profile::Model>, DbErr> {
    MailProfile::find_by_id(1).one(db).await
}

pub async fn put(db: &impl ConnectionTrait, row: mail_profile::Model) -> Result<(), DbErr> {
    let model = mail_profile::ActiveModel {
        id: Set(1),
        researcher_name: Set(row.researcher_name),
        researcher_email: Set(row.researcher_email),
        time_zone: Set(row.time_zone),
        account: Set(row.account),
        sync_automatically: Set(row.sync_automatically),
        updated_at: Set(row.updated_at),
    };
    MailProfile::insert(model)
        .on_conflict(
            OnConflict::column(mail_profile::Column::Id)
                .update_columns([
                    mail_profile::Column::ResearcherName,
                    mail_profile::Column::ResearcherEmail,
                    mail_profile::Column::TimeZone,
                    mail_profile::Column::Account,
                    mail_profile::Column::SyncAutomatically,
                    mail_profile::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(db)
        .await
        .map(|_| ())
}
