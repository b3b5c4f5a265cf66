//! When each round runs. Lengths are real time: a 45-minute round lasts 45 minutes even when
//! the clocks change during it, so around a daylight-saving change the wall-clock times jump
//! with the clocks while the instants stay evenly spaced.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::input::{DayInput, FixedBlock};
use super::schedule::{BlockTime, Times};
use crate::FieldErrors;
use crate::time_zone::resolve_local;

pub(crate) struct Timing {
    pub rounds: Vec<Times>,
    pub blocks: Vec<BlockTime>,
}

/// Places the rounds one after another from the start, each `passing_minutes` after the end
/// of the one before; a round that would overlap a fixed block starts when that block ends.
pub(crate) fn lay_out(input: &DayInput, errors: &mut FieldErrors) -> Option<Timing> {
    let start = resolve_local(input.time_zone, input.start)
        .map_err(|message| errors.push("start", message))
        .ok();
    let blocks: Vec<BlockTime> = input
        .fixed_blocks
        .iter()
        .filter_map(|block| resolve_block(block, input.time_zone, errors))
        .collect();
    let start = start?;
    if blocks.len() != input.fixed_blocks.len() || input.round_minutes == 0 {
        return None;
    }
    let length = minutes(input.round_minutes);
    let passing = minutes(input.passing_minutes);
    let mut cursor = start;
    let mut rounds = Vec::with_capacity(input.rounds as usize);
    for _ in 0..input.rounds {
        while let Some(block_end) = blocks
            .iter()
            .filter(|b| b.times.start < cursor + length && cursor < b.times.end)
            .map(|b| b.times.end)
            .max()
        {
            cursor = block_end;
        }
        rounds.push(times(cursor, cursor + length, input.time_zone));
        cursor = cursor + length + passing;
    }
    let mut blocks = blocks;
    blocks.sort_by_key(|b| b.times.start);
    Some(Timing { rounds, blocks })
}

fn resolve_block(block: &FixedBlock, tz: Tz, errors: &mut FieldErrors) -> Option<BlockTime> {
    if block.minutes == 0 {
        errors.push(
            "fixedBlocks",
            format!("Give \"{}\" a length of at least one minute.", block.label),
        );
        return None;
    }
    match resolve_local(tz, block.start) {
        Ok(start) => Some(BlockTime {
            label: block.label.clone(),
            times: times(start, start + minutes(block.minutes), tz),
        }),
        Err(message) => {
            errors.push("fixedBlocks", format!("{}: {message}", block.label));
            None
        }
    }
}

fn minutes(count: u32) -> TimeDelta {
    TimeDelta::minutes(i64::from(count))
}

pub(crate) fn times(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> Times {
    Times {
        start,
        end,
        local_start: start.with_timezone(&tz).naive_local(),
        local_end: end.with_timezone(&tz).naive_local(),
    }
}
