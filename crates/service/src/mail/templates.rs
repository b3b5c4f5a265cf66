//! A study's wording of each message, with a preview filled with sample values.

use confab_core::{BaseLanguage, Language, OutboxKind};
use confab_mail::template::{MessageKind, Rendered, Template, Values, render, validate_template};
use confab_store::entity::message_template;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::compose::{outbox_kind, template_for, template_key};
use crate::clock::now_ts;
use crate::participants::records::require_study;
use crate::{AppError, Confab};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageTemplate {
    /// The kind of the messages written from it.
    pub kind: OutboxKind,
    /// The base language's code (`en`, `de`, `fr`, `es`, `nl`, `it`, `pt`): a study keeps one
    /// wording of each kind per language.
    #[serde(default = "english")]
    pub language: String,
    pub subject: String,
    pub body: String,
    /// False while the study uses Confab's own wording.
    pub customised: bool,
}

fn english() -> String {
    BaseLanguage::English.code().to_owned()
}

/// A language a study's messages can be written in, for the template editor's choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageOption {
    /// A tag such as `de-AT`.
    pub tag: String,
    /// Its name in itself: "Deutsch (Österreich)".
    pub name: String,
    /// The base language's code, which the templates are kept under.
    pub base: String,
}

/// Every language Confab writes messages in, with the regions whose dates it knows.
pub fn language_options() -> Vec<LanguageOption> {
    Language::offered()
        .into_iter()
        .map(|(language, name)| LanguageOption {
            tag: language.to_string(),
            name: name.to_owned(),
            base: language.base().code().to_owned(),
        })
        .collect()
}

fn base_language(code: &str) -> Result<BaseLanguage, AppError> {
    BaseLanguage::ALL
        .into_iter()
        .find(|b| b.code() == code)
        .ok_or_else(|| {
            AppError::invalid(format!(
                "There are no templates in \"{code}\": use en, de, fr, es, nl, it or pt."
            ))
        })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplatePreview {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The template a kind of message is written from; some (answers, staff mail) have none a
/// study can change.
fn kind_of(kind: OutboxKind) -> Result<MessageKind, AppError> {
    MessageKind::ALL
        .into_iter()
        .find(|k| outbox_kind(*k) == kind)
        .ok_or_else(|| {
            AppError::invalid(format!(
                "Messages of the kind \"{kind}\" have no template a study can change."
            ))
        })
}

fn unusable(e: impl std::fmt::Display) -> AppError {
    AppError::invalid(format!("The template cannot be used: {e}."))
}

impl Confab {
    /// The study's wording of every kind in one language (a base code such as `de`).
    pub async fn message_templates(
        &self,
        study_id: i64,
        language: &str,
    ) -> Result<Vec<MessageTemplate>, AppError> {
        require_study(&self.db, study_id).await?;
        let base = base_language(language)?;
        let custom = confab_store::templates::for_study(&self.db, study_id).await?;
        let mut out = Vec::new();
        for kind in MessageKind::ALL {
            let key = template_key(kind);
            let t = template_for(&self.db, Some(study_id), kind, base).await?;
            out.push(MessageTemplate {
                customised: custom
                    .iter()
                    .any(|c| c.kind == key && c.language == base.code()),
                language: base.code().to_owned(),
                kind: outbox_kind(kind),
                subject: t.subject,
                body: t.body,
            });
        }
        Ok(out)
    }

    /// Saves a study's wording of one kind, after checking every placeholder.
    pub async fn save_message_template(
        &self,
        study_id: i64,
        template: MessageTemplate,
    ) -> Result<MessageTemplate, AppError> {
        require_study(&self.db, study_id).await?;
        kind_of(template.kind)?;
        let base = base_language(&template.language)?;
        let t = Template {
            subject: template.subject.clone(),
            body: template.body.clone(),
        };
        validate_template(&t).map_err(unusable)?;
        confab_store::templates::put(
            &self.db,
            message_template::Model {
                study_id,
                kind: template.kind.key().to_owned(),
                language: base.code().to_owned(),
                subject: t.subject,
                body: t.body,
                updated_at: now_ts(),
            },
        )
        .await?;
        Ok(MessageTemplate {
            customised: true,
            ..template
        })
    }

    /// Goes back to Confab's wording of one kind in one language.
    pub async fn reset_message_template(
        &self,
        study_id: i64,
        kind: OutboxKind,
        language: &str,
    ) -> Result<(), AppError> {
        kind_of(kind)?;
        let base = base_language(language)?;
        Ok(confab_store::templates::delete(&self.db, study_id, kind.key(), base.code()).await?)
    }

    /// The template filled with sample values, as a participant who reads `language` (a tag
    /// such as `de-AT`, whose dates the preview shows) would read it.
    pub fn preview_message_template(
        &self,
        subject: &str,
        body: &str,
        language: &str,
    ) -> Result<TemplatePreview, AppError> {
        let language = language
            .parse::<Language>()
            .map_err(|e| AppError::invalid(e.to_string()))?;
        let Rendered {
            subject,
            text,
            html,
        } = render(
            &Template {
                subject: subject.to_owned(),
                body: body.to_owned(),
            },
            &Values::sample(&language),
        )
        .map_err(unusable)?;
        Ok(TemplatePreview {
            subject,
            text,
            html,
        })
    }
}
