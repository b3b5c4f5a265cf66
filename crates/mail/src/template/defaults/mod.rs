//! The messages as Confab writes them until a study changes them, one file per language.
//!
//! How a participant answers: each time offered is a link that opens a message to the
//! researcher, ready to send, whose subject carries that choice's code. A second choice is
//! given by clicking a second time and sending that message too; the first one sent is the
//! first choice. A single reply that carries two codes means the same, in the order written.

mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pt;

use confab_core::BaseLanguage;

use super::{MessageKind, Template};

pub(super) fn default_template(kind: MessageKind, language: BaseLanguage) -> Template {
    match language {
        BaseLanguage::English => en::template(kind),
        BaseLanguage::German => de::template(kind),
        BaseLanguage::French => fr::template(kind),
        BaseLanguage::Spanish => es::template(kind),
        BaseLanguage::Dutch => nl::template(kind),
        BaseLanguage::Italian => it::template(kind),
        BaseLanguage::Portuguese => pt::template(kind),
    }
}
