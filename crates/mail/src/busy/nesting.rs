//! Components nest three deep in real calendars (VCALENDAR > VTIMEZONE > STANDARD). A file
//! that nests deeper is refused before it is parsed, so that no file can exhaust the stack of
//! the recursive parser.

const MAX_DEPTH: usize = 16;

pub(super) fn check(ics: &str) -> Result<(), String> {
    let mut depth: usize = 0;
    for line in ics.lines() {
        let Some(name) = line.get(..6) else {
            continue;
        };
        if name.eq_ignore_ascii_case("BEGIN:") {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(format!(
                    "The calendar file nests components more than {MAX_DEPTH} levels deep, which no calendar program does. Export the calendar again as iCalendar (.ics)."
                ));
            }
        } else if line
            .get(..4)
            .is_some_and(|n| n.eq_ignore_ascii_case("END:"))
        {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}
