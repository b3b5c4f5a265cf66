//! Filing sent messages: finding the Sent folder, appending a copy, and checking whether a
//! copy is already there (some providers file one by themselves).

use std::collections::HashSet;

use async_imap::types::{Name, NameAttribute};
use futures::TryStreamExt;

use super::ImapSession;
use super::error::{ImapError, ImapErrorKind};

/// A flag set on a message when it is appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    Seen,
    Answered,
    Flagged,
    Draft,
}

impl Flag {
    fn as_imap(self) -> &'static str {
        match self {
            Flag::Seen => "\\Seen",
            Flag::Answered => "\\Answered",
            Flag::Flagged => "\\Flagged",
            Flag::Draft => "\\Draft",
        }
    }
}

/// Names that mail programs give the Sent folder on servers without SPECIAL-USE, in the
/// order they are tried.
const SENT_NAMES: &[&str] = &[
    "Sent",
    "Sent Items",
    "Sent Messages",
    "[Gmail]/Sent Mail",
    "Sent Mail",
];

impl ImapSession {
    /// The folder where sent mail is filed: the one marked `\Sent` (RFC 6154), else the
    /// first folder with a usual name. `None` if there is neither.
    pub async fn sent_folder(&mut self) -> Result<Option<String>, ImapError> {
        let names: Vec<Name> = self
            .run("list the folders", async |session| {
                session.list(Some(""), Some("*")).await?.try_collect().await
            })
            .await?;
        let listed: Vec<Listed> = names.iter().map(Listed::from).collect();
        Ok(pick_sent(&listed).map(str::to_owned))
    }

    /// How many messages `folder` holds; fails with [`ImapErrorKind::Folder`] when it
    /// cannot be opened.
    pub async fn message_count(&mut self, folder: &str) -> Result<u32, ImapError> {
        let mailbox = self
            .run(&format!("open the folder {folder}"), async |session| {
                session.examine(folder).await
            })
            .await?;
        Ok(mailbox.exists)
    }

    /// Stores `message` in `folder` with `flags` (a sent copy gets [`Flag::Seen`]).
    pub async fn append(
        &mut self,
        folder: &str,
        message: &[u8],
        flags: &[Flag],
    ) -> Result<(), ImapError> {
        let flags = (!flags.is_empty()).then(|| {
            let names: Vec<_> = flags.iter().map(|flag| flag.as_imap()).collect();
            format!("({})", names.join(" "))
        });
        let appended = self
            .run(&format!("save the message in {folder}"), async |session| {
                session
                    .append(folder, flags.as_deref(), None, message)
                    .await
            })
            .await;
        match appended {
            // A refused APPEND comes back without the server's reason; a missing folder is
            // the usual one and worth telling apart.
            Err(err) if err.kind == ImapErrorKind::Server => {
                match self.message_count(folder).await {
                    Err(missing) if missing.kind == ImapErrorKind::Folder => Err(ImapError::new(
                        ImapErrorKind::Folder,
                        format!(
                            "Could not save the message: the folder {folder} does not exist on \
                             the IMAP server {}.",
                            self.server
                        ),
                    )),
                    _ => Err(err),
                }
            }
            other => other,
        }
    }

    /// Whether `folder` holds a message with this Message-ID (with or without the angle
    /// brackets).
    pub async fn contains_message_id(
        &mut self,
        folder: &str,
        message_id: &str,
    ) -> Result<bool, ImapError> {
        Ok(!self.message_ids_in(folder, &[message_id]).await?.is_empty())
    }

    /// Which of these Message-IDs `folder` holds (returned without angle brackets), in one
    /// search however many are asked about. The server's search is a substring match, so
    /// every hit is checked against the exact header.
    pub async fn message_ids_in(
        &mut self,
        folder: &str,
        message_ids: &[&str],
    ) -> Result<HashSet<String>, ImapError> {
        let wanted: Vec<&str> = message_ids
            .iter()
            .map(|id| bare_message_id(id))
            .collect::<Result<_, _>>()?;
        if wanted.is_empty() {
            return Ok(HashSet::new());
        }
        // OR takes two keys: a OR b OR c … nests as OR a OR b c.
        let keys: Vec<String> = wanted
            .iter()
            .map(|id| format!("HEADER Message-ID {}", quoted(&format!("<{id}>"))))
            .collect();
        let query = format!("{}{}", "OR ".repeat(keys.len() - 1), keys.join(" "));
        self.run(&format!("open the folder {folder}"), async |session| {
            session.examine(folder).await
        })
        .await?;
        let mut hits: Vec<u32> = self
            .run(&format!("search {folder}"), async |session| {
                session.uid_search(&query).await
            })
            .await?
            .into_iter()
            .collect();
        if hits.is_empty() {
            return Ok(HashSet::new());
        }
        hits.sort_unstable();
        let set = super::fetch::uid_set(&hits);
        let headers: Vec<_> = self
            .run(
                &format!("read message headers in {folder}"),
                async |session| {
                    session
                        .uid_fetch(&set, "(UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
                        .await?
                        .try_collect::<Vec<_>>()
                        .await
                },
            )
            .await?;
        Ok(headers
            .iter()
            .filter_map(|fetch| fetch.header().and_then(message_id_of))
            .filter(|found| wanted.contains(found))
            .map(str::to_owned)
            .collect())
    }
}

/// A folder as LIST describes it, reduced to what choosing the Sent folder needs.
struct Listed {
    name: String,
    delimiter: Option<String>,
    marked_sent: bool,
    selectable: bool,
}

impl From<&Name> for Listed {
    fn from(name: &Name) -> Self {
        Listed {
            name: name.name().to_owned(),
            delimiter: name.delimiter().map(str::to_owned),
            marked_sent: name.attributes().contains(&NameAttribute::Sent),
            selectable: !name.attributes().contains(&NameAttribute::NoSelect),
        }
    }
}

impl Listed {
    /// Whether the folder is called `wanted`, at the top or right under INBOX (servers
    /// such as Courier keep every folder there).
    fn is_called(&self, wanted: &str) -> bool {
        let under_inbox = self.delimiter.as_deref().and_then(|delimiter| {
            self.name
                .strip_prefix("INBOX")
                .and_then(|rest| rest.strip_prefix(delimiter))
        });
        self.name.eq_ignore_ascii_case(wanted)
            || under_inbox.is_some_and(|rest| rest.eq_ignore_ascii_case(wanted))
    }
}

fn pick_sent(folders: &[Listed]) -> Option<&str> {
    let selectable = || folders.iter().filter(|folder| folder.selectable);
    selectable()
        .find(|folder| folder.marked_sent)
        .or_else(|| {
            SENT_NAMES
                .iter()
                .find_map(|wanted| selectable().find(|folder| folder.is_called(wanted)))
        })
        .map(|folder| folder.name.as_str())
}

/// The Message-ID without angle brackets or surrounding space.
pub(super) fn bare_message_id(message_id: &str) -> Result<&str, ImapError> {
    let id = message_id.trim();
    let id = id.strip_prefix('<').unwrap_or(id);
    let id = id.strip_suffix('>').unwrap_or(id);
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_graphic()) || id.contains(['<', '>']) {
        return Err(ImapError::new(
            ImapErrorKind::InvalidInput,
            format!("\"{message_id}\" is not a Message-ID such as <abc@example.org>."),
        ));
    }
    Ok(id)
}

/// An IMAP quoted string. Only used for printable ASCII (checked by `bare_message_id`).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The Message-ID in a header block, without brackets, unfolding continuation lines.
fn message_id_of(header: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(header).ok()?;
    let mut lines = text
        .split("\r\n")
        .flat_map(|line| line.split('\n'))
        .peekable();
    while let Some(line) = lines.next() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if !name.trim().eq_ignore_ascii_case("message-id") {
            continue;
        }
        let mut value = value.trim();
        if value.is_empty() {
            // Folded onto the next line.
            value = lines
                .peek()
                .filter(|next| next.starts_with([' ', '\t']))
                .map_or("", |next| next.trim());
        }
        let value = value.strip_prefix('<').unwrap_or(value);
        return Some(value.split('>').next().unwrap_or(value).trim());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str, marked_sent: bool) -> Listed {
        Listed {
            name: name.into(),
            delimiter: Some(".".into()),
            marked_sent,
            selectable: true,
        }
    }

    #[test]
    fn the_marked_folder_wins_over_usual_names() {
        let folders = [folder("Sent", false), folder("Gesendet", true)];
        assert_eq!(pick_sent(&folders), Some("Gesendet"));
    }

    #[test]
    fn usual_names_are_tried_in_order_also_under_inbox() {
        let folders = [folder("INBOX", false), folder("INBOX.Sent Items", false)];
        assert_eq!(pick_sent(&folders), Some("INBOX.Sent Items"));
        let folders = [folder("[Gmail]/Sent Mail", false), folder("sent", false)];
        assert_eq!(pick_sent(&folders), Some("sent"));
        let mut unselectable = folder("Sent", true);
        unselectable.selectable = false;
        assert_eq!(pick_sent(&[unselectable, folder("Drafts", false)]), None);
    }

    #[test]
    fn message_ids_are_taken_with_or_without_brackets() {
        assert_eq!(
            bare_message_id(" <abc@x.example> ").unwrap(),
            "abc@x.example"
        );
        assert_eq!(bare_message_id("abc@x.example").unwrap(), "abc@x.example");
        for bad in ["", "<>", "a b@x", "a\r\nb@x", "<a<b@x>"] {
            assert_eq!(
                bare_message_id(bad).unwrap_err().kind,
                ImapErrorKind::InvalidInput,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn quoting_escapes_quotes_and_backslashes() {
        assert_eq!(quoted(r#"<"a\b"@x>"#), r#""<\"a\\b\"@x>""#);
    }

    #[test]
    fn the_message_id_header_is_read_exactly() {
        assert_eq!(
            message_id_of(b"Message-ID: <abc@x.example>\r\n\r\n"),
            Some("abc@x.example")
        );
        assert_eq!(
            message_id_of(b"message-id:\r\n <folded@x.example>\r\n\r\n"),
            Some("folded@x.example")
        );
        assert_eq!(message_id_of(b"Subject: hi\r\n\r\n"), None);
    }
}
