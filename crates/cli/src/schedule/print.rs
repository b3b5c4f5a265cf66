//! How an interview is shown on one line of the scheduling commands' text output.

use confab_service::InterviewView;

pub(super) fn line(i: &InterviewView) -> String {
    format!(
        "{:>5}  {}  {} <{}>  session {}  {}{}{}",
        i.id,
        i.start.to_rfc3339(),
        i.participant_name,
        i.participant_email,
        i.session_id,
        i.state,
        if i.rounds > 1 {
            format!("  interview {} of {}", i.round, i.rounds)
        } else {
            String::new()
        },
        if i.rule_overrides.is_empty() {
            String::new()
        } else {
            let keys: Vec<&str> = i.rule_overrides.iter().map(|k| k.key()).collect();
            format!("  (past: {})", keys.join(","))
        }
    )
}
