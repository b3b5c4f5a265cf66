//! A received message, whatever its bytes: read without a panic, with at most a handful of
//! codes taken from it.
#![no_main]

use confab_mail::inbound::{InboundKind, interpret};
use confab_mail::token::MAX_TOKENS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inbound = interpret(data);
    if let InboundKind::Tokens(tokens) = &inbound.kind {
        assert!(!tokens.is_empty() && tokens.len() <= MAX_TOKENS);
    }
});
