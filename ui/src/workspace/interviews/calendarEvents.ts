import type { InterviewView } from "../../bindings/types";
import { calendarInput, wallOfCalendarDate } from "../../time/calendarClock";
import { instantOf } from "../../time/zonedTime";
import { roundLabel } from "./roundLabel";
import { staffLine } from "../staff/staffWords";
import { t } from "../../i18n";

export type InterviewState = "scheduled" | "completed" | "canceled" | "no_show";

/** Each state's colour (CSS variables of interviews.css, so dark mode changes them) and its name in the legend. */
export const stateStyles: Record<InterviewState, { label: string; color: string }> = {
  scheduled: { label: t("interviews.state.scheduled"), color: "var(--interview-scheduled)" },
  completed: { label: t("interviews.state.completed"), color: "var(--interview-completed)" },
  canceled: { label: t("interviews.state.canceled"), color: "var(--interview-canceled)" },
  no_show: { label: t("interviews.state.noShow"), color: "var(--interview-no-show)" },
};

export const legendOrder: InterviewState[] = ["scheduled", "completed", "canceled", "no_show"];

export function interviewState(interview: InterviewView): InterviewState {
  return interview.state in stateStyles ? (interview.state as InterviewState) : "scheduled";
}

export type CalendarEvent = {
  id: string;
  title: string;
  start: string;
  end: string;
  color: string;
  contrastColor: string;
  className: string;
  editable: boolean;
  extendedProps: { interviewId: number; state: InterviewState };
};

/**
 * An interview as an event of a calendar that runs in UTC but is fed the study's wall clock:
 * FullCalendar then shows the study's times whatever the computer's zone, with no zone plugin.
 * Only scheduled interviews can be dragged; the others are history.
 */
export function toCalendarEvent(interview: InterviewView, zone: string): CalendarEvent {
  const state = interviewState(interview);
  const style = stateStyles[state];
  return {
    id: String(interview.id),
    title: [interview.participantName || interview.participantEmail, roundLabel(interview), staffLine(interview.interviewers)]
      .filter((part) => part !== "")
      .join(" · "),
    start: calendarInput(interview.start, zone),
    end: calendarInput(interview.end, zone),
    color: style.color,
    contrastColor: "#ffffff",
    className: `interview-event interview-event-${state.replace("_", "-")}`,
    editable: state === "scheduled",
    extendedProps: { interviewId: interview.id, state },
  };
}

/**
 * The real instant of a time the calendar shows (a study wall clock dressed as UTC), or null
 * when that wall-clock time does not exist in the study's zone (clocks going forward).
 */
export function instantFromCalendar(shown: Date, zone: string): Date | null {
  return instantOf(wallOfCalendarDate(shown), zone);
}
