//! Links and tokens: the mailto: links that carry a participant's choice, decline or cancel
//! back to the researcher, each with its own token.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use confab_core::Language;
use confab_core::language::phrases::fill;
use confab_mail::dates::choice_time;
use confab_mail::mailto::mailto_link;
use confab_mail::template::Link;
use confab_mail::token::{new_token, short_code, tagged_subject};
use confab_store::entity::{interview, token};
use confab_store::{ConnectionTrait, tokens};

use crate::AppError;
use crate::clock::now_ts;

/// A new set of links for one participant: each choice (or the decline, or the cancel) is a
/// mailto: to the researcher whose subject carries its own token.
pub(crate) struct LinkBatch {
    batch: String,
    enrolment_id: i64,
    researcher: String,
    /// The links' texts and the messages they open are in the participant's language.
    language: Language,
    rows: Vec<token::Model>,
}

impl LinkBatch {
    pub fn new(enrolment_id: i64, researcher_email: &str, language: Language) -> Self {
        Self {
            batch: uuid::Uuid::new_v4().to_string(),
            enrolment_id,
            researcher: researcher_email.to_owned(),
            language,
            rows: Vec::new(),
        }
    }

    fn link(
        &mut self,
        kind: &str,
        label: String,
        subject: String,
        body: &str,
        target: (Option<i64>, Option<i64>, Option<i64>),
    ) -> Link {
        let token = new_token();
        let href = mailto_link(&self.researcher, &tagged_subject(&subject, &token), body);
        self.rows.push(token::Model {
            short_code: short_code(&token),
            expires_at: None,
            token,
            enrolment_id: self.enrolment_id,
            kind: kind.to_owned(),
            batch: self.batch.clone(),
            session_id: target.0,
            starts_at: target.1,
            interview_id: target.2,
            created_at: now_ts(),
            used_at: None,
        });
        Link::new(label, href)
    }

    pub fn choice(
        &mut self,
        session_id: i64,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        zone: Tz,
        reschedules: Option<i64>,
    ) -> Link {
        let phrases = self.language.phrases();
        let time = choice_time(start, end, zone, &self.language);
        let number = self
            .rows
            .iter()
            .filter(|r| r.kind == tokens::CHOICE)
            .count()
            + 1;
        let mut link = self.link(
            tokens::CHOICE,
            String::new(),
            fill(phrases.choice_subject, &[("time", &time)]),
            phrases.choice_body,
            (Some(session_id), Some(start.timestamp()), reschedules),
        );
        // The number and the code let a participant answer in their own words.
        let code = self
            .rows
            .last()
            .map(|r| r.short_code.clone())
            .unwrap_or_default();
        link.label = fill(
            phrases.choice_label,
            &[
                ("number", &number.to_string()),
                ("time", &time),
                ("code", &code),
            ],
        );
        link
    }

    pub fn decline(&mut self) -> Link {
        let phrases = self.language.phrases();
        self.link(
            tokens::DECLINE,
            phrases.decline_label.into(),
            phrases.decline_subject.into(),
            phrases.decline_body,
            (None, None, None),
        )
    }

    /// A link that cancels `interview`; it stops acting when the interview ends.
    pub fn cancel(&mut self, interview: &interview::Model) -> Link {
        let phrases = self.language.phrases();
        let link = self.link(
            tokens::CANCEL,
            phrases.cancel_label.into(),
            phrases.cancel_subject.into(),
            phrases.cancel_body,
            (None, None, Some(interview.id)),
        );
        if let Some(row) = self.rows.last_mut() {
            row.expires_at = Some(interview.ends_at);
        }
        link
    }

    pub async fn save(self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        Ok(tokens::insert_all(db, self.rows).await?)
    }
}
