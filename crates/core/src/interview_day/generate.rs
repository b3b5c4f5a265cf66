use super::construct::construct;
use super::day::Day;
use super::improve::improve;
use super::input::DayInput;
use super::render::render;
use super::schedule::DaySchedule;
use super::weights::EdgeWeights;
use crate::FieldErrors;

/// Makes the day's schedule. The same input always gives the same schedule.
///
/// Refuses an input it cannot schedule at all, with every problem named (see
/// [`FieldErrors`]). Otherwise never breaks a hard rule, and lists in
/// [`DaySchedule::unmet`] every wish it could not fulfil.
pub fn generate(input: &DayInput) -> Result<DaySchedule, FieldErrors> {
    let day = Day::new(input)?;
    let weights = EdgeWeights::new(&day);
    let mut grid = construct(&day, &weights);
    improve(&day, &mut grid, &weights);
    Ok(render(&day, grid.seats()))
}
