//! A message that changes nothing: the sender is answered politely, when it is safe to, and
//! the researcher is told.

use confab_core::AttentionKind;
use confab_core::OutboxKind;
use confab_mail::inbound::Inbound;
use confab_store::entity::participant;
use confab_store::{DatabaseTransaction, participants};

use super::{Applied, Flag, flag};
use crate::clock::now_ts;
use crate::mail::compose::{queue_answer, reader_language};
use crate::{AppError, Confab};
use confab_core::Language;
use confab_core::language::Phrases;
use confab_mail::inbound::without_reply_prefixes;
use confab_mail::token::without_tokens;

impl Confab {
    /// A link past its time (a choice whose time has come, a cancel link after the
    /// interview, an old decline link, any link of an archived study): answered politely,
    /// nothing changed.
    pub(super) async fn refuse_expired(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        about: (Option<i64>, Option<i64>),
        person: &participant::Model,
    ) -> Result<Applied, AppError> {
        self.refuse(
            txn,
            inbound,
            Some(about),
            AttentionKind::TokenExpired,
            &|p| p.link_expired.into(),
            format!(
                "{} used a link that has expired; nothing was changed",
                person.name
            ),
        )
        .await
    }

    /// Answers the sender and puts the message on the researcher's list; nothing is applied.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn refuse(
        &self,
        txn: &DatabaseTransaction,
        inbound: &Inbound,
        about: Option<(Option<i64>, Option<i64>)>,
        kind: AttentionKind,
        answer: &(dyn Fn(&Phrases) -> String + Sync),
        summary: String,
    ) -> Result<Applied, AppError> {
        let (study_id, participant_id) = about.unwrap_or((None, None));
        // Lists and programs are never answered: that is how mail loops and backscatter start.
        // Nor is an address that is no participant's (its mail may be forged), nor one that
        // had an automatic answer in the last day.
        let answered = match inbound.from.as_deref() {
            Some(to) if inbound.origin.may_be_answered() => {
                match participants::find_by_email(txn, to).await? {
                    Some(person)
                        if !confab_store::outbox::sent_to_since(
                            txn,
                            OutboxKind::Answer.key(),
                            to,
                            now_ts() - 86_400,
                        )
                        .await? =>
                    {
                        Some(person)
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let (Some(to), Some(person)) = (inbound.from.as_ref(), answered) {
            // The answer is in the participant's language: theirs, else the study's.
            let study = match study_id {
                Some(id) => confab_store::studies::find(txn, id).await?,
                None => None,
            };
            let language = match &study {
                Some(study) => reader_language(&person, study),
                None => person
                    .language
                    .as_deref()
                    .and_then(|l| l.parse().ok())
                    .unwrap_or_else(Language::study_default),
            };
            let phrases = language.phrases();
            let subject = inbound
                .subject
                .as_deref()
                .map(|s| format!("Re: {}", without_tokens(without_reply_prefixes(s))))
                .unwrap_or_else(|| phrases.answer_subject_fallback.into());
            queue_answer(
                txn,
                study_id,
                participant_id,
                to,
                &subject,
                &answer(phrases),
                inbound.message_id.clone(),
            )
            .await?;
        }
        flag(
            txn,
            Flag {
                kind,
                summary: summary.clone(),
                study_id,
                participant_id,
                interview_id: None,
                proposed: None,
            },
        )
        .await?;
        Ok(Applied::done(kind.key(), summary)
            .about(participant_id, None)
            .attention())
    }
}
