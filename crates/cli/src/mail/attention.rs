//! `confab attention`: the items Sync could not settle alone, and accepting, declining or
//! dismissing them.

use clap::Subcommand;
use confab_service::{Actor, AppError, Confab, RuleBreak};

use crate::output::{print_json, print_text};

#[derive(Subcommand)]
pub enum AttentionCommand {
    /// Items Sync could not settle alone
    List {
        #[arg(long)]
        study: Option<i64>,
    },
    /// Accept a counter-proposal: the interview moves and an update goes out
    Accept {
        id: i64,
        /// Book past this rule (repeat for several), after `confab book --check` showed it
        #[arg(long = "accept")]
        accepted: Vec<RuleBreak>,
    },
    /// Decline a counter-proposal: the interview stays and the participant is told
    Decline {
        id: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Take an item off the list
    Dismiss {
        id: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub async fn attention(
    confab: &Confab,
    command: AttentionCommand,
    json: bool,
) -> Result<(), AppError> {
    match command {
        AttentionCommand::List { study } => {
            let items = confab.attention_items(study).await?;
            if json {
                return print_json(&items);
            }
            if items.is_empty() {
                return print_text("Nothing needs your attention.\n");
            }
            let mut text = String::new();
            for i in &items {
                text.push_str(&format!("{:>5}  {:<18}  {}\n", i.id, i.kind, i.summary));
            }
            print_text(&text)
        }
        AttentionCommand::Accept { id, accepted } => {
            let moved = confab
                .accept_counter_proposal(id, &accepted, &Actor::researcher())
                .await?;
            if json {
                return print_json(&moved);
            }
            print_text(&format!(
                "Interview {} moved to {}; the update is in the outbox.\n",
                moved.id,
                moved.start.to_rfc3339()
            ))
        }
        AttentionCommand::Decline { id, note } => {
            confab.decline_counter_proposal(id, &note).await?;
            print_text("Declined; the answer is in the outbox.\n")
        }
        AttentionCommand::Dismiss { id, note } => {
            confab.dismiss_attention_item(id, &note).await?;
            print_text("Done.\n")
        }
    }
}
