use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "participants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// `name` in lower case, what lists are ordered by (see `participants::sort_key`).
    pub sort_name: String,
    pub email: String,
    pub time_zone: Option<String>,
    pub phone: String,
    pub notes: String,
    pub custom_fields: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// A bounce or an automatic reply seen for this address, for the researcher to check.
    pub mail_problem: String,
    /// The language their messages are written in (`de-AT`); the study's when empty.
    pub language: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
