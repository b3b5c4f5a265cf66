use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if super::begun_whole_on_team_database(manager) {
            return manager
                .get_connection()
                .execute_unprepared(super::POSTGRES_BASELINE)
                .await
                .map(|_| ());
        }
        manager
            .create_table(
                Table::create()
                    .table(Studies::Table)
                    .col(big_integer(Studies::Id).primary_key().auto_increment())
                    .col(string(Studies::Name))
                    .col(text(Studies::Description).default(""))
                    .col(string(Studies::TimeZone))
                    .col(integer(Studies::InterviewMinutes))
                    .col(timestamp_with_time_zone(Studies::CreatedAt))
                    .col(timestamp_with_time_zone(Studies::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Studies::ArchivedAt))
                    .to_owned(),
            )
            .await?;
        // Two studies with one name would be told apart by nothing in a menu or an email.
        manager
            .create_index(
                Index::create()
                    .name("studies_name_unique")
                    .table(Studies::Table)
                    .col(Studies::Name)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Studies::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Studies {
    Table,
    Id,
    Name,
    Description,
    TimeZone,
    InterviewMinutes,
    CreatedAt,
    UpdatedAt,
    ArchivedAt,
}
