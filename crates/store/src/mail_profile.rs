//! The researcher's name, address, time zone and mail account: one row (on a team database,
//! one per researcher, each desktop seeing its own through the view `mail_profile`).

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};

use crate::entity::mail_profile::{self, Entity as MailProfile};
use crate::first_row::first_row;

pub async fn get(db: &impl ConnectionTrait) -> Result<Option<mail_profile::Model>, DbErr> {
    first_row(db, MailProfile::find_by_id(1)).await
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
    // An update first, then an insert: a team database's view takes both, but not an upsert.
    if first_row(db, MailProfile::find_by_id(1)).await?.is_some() {
        model.update(db).await.map(|_| ())
    } else {
        MailProfile::insert(model).exec(db).await.map(|_| ())
    }
}
