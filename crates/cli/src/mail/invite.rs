//! `confab invite`: invitations for a study's participants, queued in the outbox.

use clap::Args;
use confab_service::{Actor, AppError, Confab, ParticipantQuery};

use crate::output::{print_json, print_text};

#[derive(Args)]
pub struct InviteArgs {
    #[arg(long)]
    study: i64,
    /// A participant to invite (repeat for several)
    #[arg(long = "participant")]
    participants: Vec<i64>,
    /// Every participant of the study who can be invited now
    #[arg(long)]
    all: bool,
}

pub async fn invite(confab: &Confab, args: InviteArgs, json: bool) -> Result<(), AppError> {
    let ids = if args.all {
        confab
            .search_participants(ParticipantQuery {
                study_id: Some(args.study),
                ..Default::default()
            })
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect()
    } else {
        args.participants
    };
    if ids.is_empty() {
        return Err(AppError::invalid(
            "Name participants with --participant ID, or use --all.",
        ));
    }
    let report = confab
        .invite_participants(args.study, &ids, &Actor::researcher())
        .await?;
    if json {
        return print_json(&report);
    }
    let mut text = format!(
        "{} invitation(s) in the outbox; run `confab sync` to send them.\n",
        report.queued.len()
    );
    for s in &report.skipped {
        text.push_str(&format!(
            "  skipped participant {}: {}\n",
            s.participant_id, s.reason
        ));
    }
    print_text(&text)
}
