import type { DayRoundView, DayScheduleView } from "../../bindings/types";
import { t } from "../../i18n";

/** One line of a printed itinerary or timetable. */
export type PrintLine = { time: string; what: string; who: string; isBlock: boolean };

// Printed sheets are for the day itself, so they use the day's own wall clock (the study's
// zone), which the back end already gives as local times.
const clockOf = (local: string) => local.slice(11, 16);
const timeOf = (span: DayRoundView) => `${clockOf(span.localStart)}–${clockOf(span.localEnd)}`;

function withBlocks(view: DayScheduleView, roundLine: (round: number) => { what: string; who: string }): PrintLine[] {
  const rounds = view.rounds.map((round, i) => ({ at: Date.parse(round.start), line: { time: timeOf(round), ...roundLine(i + 1), isBlock: false } }));
  const blocks = view.blocks.map((block) => ({ at: Date.parse(block.start), line: { time: timeOf(block), what: block.label, who: "", isBlock: true } }));
  return [...rounds, ...blocks].sort((a, b) => a.at - b.at).map((x) => x.line);
}

export function itineraryLines(view: DayScheduleView, applicantId: number): PrintLine[] {
  const itinerary = view.itineraries.find((i) => i.applicantId === applicantId);
  return withBlocks(view, (round) => {
    const seat = itinerary?.seats.find((s) => s.round === round);
    return { what: t("days.round", { round }), who: seat?.interviewerName ?? t("days.print.break") };
  });
}

export function timetableLines(view: DayScheduleView, interviewerId: number): PrintLine[] {
  const timetable = view.timetables.find((table) => table.interviewerId === interviewerId);
  return withBlocks(view, (round) => {
    // From the itineraries, so a hand-made double booking prints both names.
    const met = view.itineraries
      .filter((it) => it.seats.some((s) => s.round === round && s.interviewerId === interviewerId))
      .map((it) => it.name);
    const duty = timetable?.duties.find((d) => d.round === round);
    const who =
      met.length > 0
        ? met.reduce((first, second) => t("days.print.both", { first, second }))
        : duty?.unavailable
          ? t("days.print.unavailable")
          : t("days.print.free");
    return { what: t("days.round", { round }), who };
  });
}
