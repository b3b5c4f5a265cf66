//! What the answers applied in one write transaction read once between them: the
//! researcher's mail profile and the studies' templates. A booking by mail reads the profile
//! three times (the researcher's zone, the confirmation, the researcher's notice) and two
//! templates; a Sync applies hundreds of answers.
//!
//! Keeping them is safe only inside a transaction that holds the write lock: no one else can
//! change them until it commits, and nothing an answer does changes them. So they are kept
//! for the span of [`within`], which Sync's reading wraps around each answer with the store
//! of its transaction, and read as before everywhere else (a task spawned inside reads as
//! before too: task-local values do not pass to it).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use confab_mail::template::Template;

use crate::mail::profile::MailProfile;

tokio::task_local! {
    static KEPT: Arc<Kept>;
}

/// What one transaction has read of the profile and the templates.
#[derive(Default)]
pub(crate) struct Kept {
    profile: OnceLock<MailProfile>,
    /// By study (none: Confab's own wording), template key and language code.
    templates: Mutex<HashMap<TemplateKey, Template>>,
}

pub(crate) type TemplateKey = (Option<i64>, &'static str, &'static str);

/// Runs `work` with `kept` as what its transaction has read.
pub(crate) async fn within<F: Future>(kept: &Arc<Kept>, work: F) -> F::Output {
    KEPT.scope(Arc::clone(kept), work).await
}

pub(crate) fn profile() -> Option<MailProfile> {
    KEPT.try_with(|k| k.profile.get().cloned()).ok().flatten()
}

pub(crate) fn keep_profile(profile: &MailProfile) {
    let _ = KEPT.try_with(|k| {
        k.profile.get_or_init(|| profile.clone());
    });
}

pub(crate) fn template(key: &TemplateKey) -> Option<Template> {
    KEPT.try_with(|k| {
        k.templates
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(key)
            .cloned()
    })
    .ok()
    .flatten()
}

pub(crate) fn keep_template(key: TemplateKey, template: &Template) {
    let _ = KEPT.try_with(|k| {
        k.templates
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(key)
            .or_insert_with(|| template.clone());
    });
}
