//! How mail programs start the earlier message they quote in a reply, in the languages
//! Confab's participants write in: one table per kind of marker. Every entry is lower-case,
//! and compared with a line that is lower-cased, with full-width colons read as colons and
//! the space some languages put before a colon left out ("a écrit :" → "a écrit:").
//!
//! Examples of each, as the programs write them (X is the earlier message's sender):
//!
//! | language | Gmail, Apple Mail, Thunderbird | Outlook |
//! | --- | --- | --- |
//! | English | On Mon, 3 Jun 2026 at 10:00, X <x@y> wrote: | From: … Sent: … / -----Original Message----- |
//! | French | Le lun. 3 juin 2026 à 10:00, X a écrit : | De : … Envoyé : … / -----Message d'origine----- |
//! | German | Am 03.06.2026 um 10:00 schrieb X: | Von: … Gesendet: … / -----Ursprüngliche Nachricht----- |
//! | Spanish | El lun, 3 jun 2026 a las 10:00, X escribió: | De: … Enviado: … / -----Mensaje original----- |
//! | Italian | Il giorno lun 3 giu 2026 alle ore 10:00 X ha scritto: | Da: … Inviato: … / -----Messaggio originale----- |
//! | Dutch | Op ma 3 jun. 2026 om 10:00 schreef X: | Van: … Verzonden: … / -----Oorspronkelijk bericht----- |
//! | Portuguese | Em seg., 3 de jun. de 2026 às 10:00, X escreveu: | De: … Enviado: … / -----Mensagem original----- |
//! | Swedish | Den mån 3 juni 2026 kl 10:00 skrev X: | Från: … Skickat: … / -----Ursprungligt meddelande----- |
//! | Polish | W dniu 3.06.2026 o 10:00 X pisze: | Od: … Wysłano: … / -----Oryginalna wiadomość----- |
//! | Japanese | 2026年6月3日(月) 10:00 X <x@y>: | 差出人: … 送信日時: … / -----元のメッセージ----- |
//! | Chinese | X <x@y> 于2026年6月3日周一 10:00写道： | 发件人: … 发送时间: … / -----原始邮件----- |

/// The verbs of a line that introduces a quoted message ("… X wrote:"). Such a line ends
/// with a colon.
pub(super) const INTRODUCTION_VERBS: &[&str] = &[
    "wrote",      // English
    "a écrit",    // French
    "schrieb",    // German
    "escribió",   // Spanish
    "ha scritto", // Italian
    "scritto",    // Italian (Thunderbird: "X ha scritto:")
    "schreef",    // Dutch
    "escreveu",   // Portuguese
    "skrev",      // Swedish, Danish, Norwegian
    "pisze",      // Polish (Thunderbird, Gmail)
    "napisał",    // Polish
    "napisała",   // Polish
    "書きました", // Japanese (Thunderbird)
    "のメール",   // Japanese (Apple Mail: "…、X <x@y>のメール:")
    "写道",       // Chinese, simplified
    "寫道",       // Chinese, traditional
    "kirjoitti",  // Finnish
    "napsal",     // Czech
    "написал",    // Russian
];

/// The words an introduction starts with, where the verb alone could be ordinary prose:
/// such a line is an introduction when it starts with one of these, or holds a digit (of
/// its date) or an address.
pub(super) const INTRODUCTION_STARTS: &[&str] = &[
    "on ",     // English
    "le ",     // French
    "am ",     // German
    "el ",     // Spanish
    "il ",     // Italian
    "op ",     // Dutch
    "em ",     // Portuguese
    "den ",    // Swedish
    "w dniu ", // Polish
];

/// Gmail's Japanese introduction names no verb: it is the date, the sender and a colon
/// ("2026年6月3日(月) 10:00 X <x@y>:"). A line that starts with a date written so and ends
/// with a colon introduces a quote.
pub(super) const DATE_LED_INTRODUCTIONS: &[&str] = &["年"];

/// The words in the separator line above a quoted or forwarded message
/// ("-----Original Message-----").
pub(super) const SEPARATOR_WORDS: &[&str] = &[
    "original message",           // English
    "forwarded message",          // English (Gmail)
    "message d'origine",          // French
    "message transféré",          // French (Gmail)
    "ursprüngliche nachricht",    // German
    "weitergeleitete nachricht",  // German (Gmail)
    "mensaje original",           // Spanish
    "mensaje reenviado",          // Spanish (Gmail)
    "messaggio originale",        // Italian
    "messaggio inoltrato",        // Italian (Gmail)
    "oorspronkelijk bericht",     // Dutch
    "doorgestuurd bericht",       // Dutch (Gmail)
    "mensagem original",          // Portuguese
    "mensagem encaminhada",       // Portuguese (Gmail)
    "ursprungligt meddelande",    // Swedish
    "vidarebefordrat meddelande", // Swedish (Gmail)
    "oryginalna wiadomość",       // Polish
    "wiadomość oryginalna",       // Polish
    "przekazana wiadomość",       // Polish (Gmail)
    "元のメッセージ",             // Japanese
    "転送されたメッセージ",       // Japanese (Gmail)
    "原始邮件",                   // Chinese, simplified
    "邮件原件",                   // Chinese, simplified (older Outlook)
    "转发的邮件",                 // Chinese, simplified (Gmail)
    "原始郵件",                   // Chinese, traditional
];

/// The first line of Outlook's header block over a quoted message: the sender's label.
pub(super) const FROM_LABELS: &[&str] = &[
    "from:",   // English
    "de:",     // French ("De :"), Spanish, Portuguese
    "von:",    // German
    "da:",     // Italian
    "van:",    // Dutch
    "från:",   // Swedish
    "od:",     // Polish
    "差出人:", // Japanese
    "发件人:", // Chinese, simplified
    "寄件者:", // Chinese, traditional
    "fra:",    // Danish, Norwegian
];

/// The label of the sending time, one of the next lines of the header block.
pub(super) const SENT_LABELS: &[&str] = &[
    "sent:",       // English
    "date:",       // English (Thunderbird, Apple Mail)
    "envoyé:",     // French ("Envoyé :")
    "gesendet:",   // German
    "datum:",      // German, Dutch, Swedish
    "enviado:",    // Spanish, Portuguese
    "enviada em:", // Portuguese (Outlook on the web)
    "fecha:",      // Spanish
    "inviato:",    // Italian
    "data:",       // Italian, Polish, Portuguese
    "verzonden:",  // Dutch
    "skickat:",    // Swedish
    "wysłano:",    // Polish
    "wysłane:",    // Polish
    "送信日時:",   // Japanese
    "日付:",       // Japanese
    "发送时间:",   // Chinese, simplified
    "日期:",       // Chinese
    "時間:",       // Chinese, traditional
    "寄件日期:",   // Chinese, traditional
    "sendt:",      // Danish, Norwegian
];

/// Where mail programs start the quoted message in HTML, lower-cased: an element, or the
/// value of the id or class that marks it.
pub(super) const HTML_QUOTE_MARKERS: &[&str] = &[
    "<blockquote",                             // Apple Mail, Thunderbird, Gmail
    "gmail_quote",                             // Gmail
    "divrplyfwdmsg",                           // Outlook, Outlook on the web
    "appendonsend",                            // Outlook
    "moz-cite-prefix",                         // Thunderbird
    "mail-editor-reference-message-container", // Outlook for Mac
    "yahoo_quoted",                            // Yahoo
    "protonmail_quote",                        // Proton Mail
    "zmail_extra",                             // Zoho
];
