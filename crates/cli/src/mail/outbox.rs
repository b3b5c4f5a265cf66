//! The outbox on the command line: listing, holding, releasing, editing or deleting the
//! messages waiting to go out, and writing a reschedule request into it.

use clap::Subcommand;
use confab_service::{AppError, Confab, OutboxEdit, OutboxFilter};

use super::print::print_message;
use super::text_or_stdin;
use crate::output::{print_json, print_text};

#[derive(Subcommand)]
pub enum OutboxCommand {
    /// Messages waiting to go out (or --sent, --all)
    List {
        #[arg(long)]
        sent: bool,
        #[arg(long)]
        all: bool,
    },
    Show {
        id: i64,
    },
    /// Keep a message back from Sync
    Hold {
        id: i64,
    },
    /// Let Sync send a held or failed message
    Release {
        id: i64,
    },
    /// Rewrite a message's subject and text before it goes out
    Edit {
        id: i64,
        #[arg(long)]
        subject: String,
        /// The new text, or `-` to read it from standard input; left out, the text stays
        #[arg(long)]
        text: Option<String>,
    },
    Delete {
        id: i64,
    },
}

pub async fn outbox(confab: &Confab, command: OutboxCommand, json: bool) -> Result<(), AppError> {
    let one = |m| {
        if json {
            print_json(&m)
        } else {
            print_message(&m)
        }
    };
    match command {
        OutboxCommand::List { sent, all } => {
            let filter = if all {
                OutboxFilter::All
            } else if sent {
                OutboxFilter::Sent
            } else {
                OutboxFilter::Waiting
            };
            let list = confab.list_outbox(filter).await?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                return print_text("The outbox is empty.\n");
            }
            let mut text = String::new();
            for m in &list {
                text.push_str(&format!(
                    "{:>5}  {:<8}  {:<18}  {}  — {}\n",
                    m.id,
                    m.state,
                    m.kind,
                    m.recipients.join(", "),
                    m.subject
                ));
            }
            print_text(&text)
        }
        OutboxCommand::Show { id } => one(confab.outbox_message(id).await?),
        OutboxCommand::Hold { id } => one(confab.hold_outbox_message(id).await?),
        OutboxCommand::Release { id } => one(confab.release_outbox_message(id).await?),
        OutboxCommand::Edit { id, subject, text } => {
            let text = match text.as_deref() {
                None => confab.outbox_message(id).await?.text,
                Some("-") => text_or_stdin(None)?,
                Some(_) => text_or_stdin(text)?,
            };
            one(confab
                .edit_outbox_message(id, OutboxEdit { subject, text })
                .await?)
        }
        OutboxCommand::Delete { id } => {
            confab.delete_outbox_message(id).await?;
            print_text("Deleted.\n")
        }
    }
}

pub async fn request_reschedule(
    confab: &Confab,
    interview: i64,
    message: &str,
    json: bool,
) -> Result<(), AppError> {
    let m = confab
        .compose_reschedule_request(interview, message)
        .await?;
    if json {
        return print_json(&m);
    }
    print_message(&m)
}
