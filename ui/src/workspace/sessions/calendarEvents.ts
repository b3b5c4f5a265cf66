import type { EventInput } from "@fullcalendar/react";
import type { BusyTimeView, SessionPattern, SessionView } from "../../bindings/types";
import { calendarInput, wallOfCalendarDate } from "../../time/calendarClock";
import { addDays, datePart, isoWeekday, timePart } from "../../time/zonedTime";
import { t, tPlural } from "../../i18n";

/** What the calendar keeps on each session event, to find the session again on a click or drop. */
export type SessionEventProps = {
  sessionId: number;
  /** "exception": one date of a weekly session opened at other hours; not draggable. */
  role: "session" | "exception";
};

export function capacityLabel(session: Pick<SessionView, "capacity" | "pattern">): string {
  const n = session.capacity;
  if (session.pattern.kind === "day") return tPlural("sessions.capacity.places", n);
  return tPlural("sessions.capacity.perSlot", n);
}

export function kindLabel(kind: SessionPattern["kind"]): string {
  return kind === "window" ? t("sessions.kind.window") : kind === "weekly" ? t("sessions.kind.weekly") : t("sessions.kind.day");
}

/** The event title: says hidden and interview day in words, not only by colour. */
export function sessionEventTitle(session: SessionView): string {
  const prefix = [session.visible ? "" : t("sessions.event.hidden"), session.pattern.kind === "day" ? t("sessions.kind.day") : ""]
    .filter(Boolean)
    .join(" · ");
  return `${prefix ? `${prefix} · ` : ""}${session.title} · ${capacityLabel(session)}`;
}

// CSS properties, so the kinds follow the light or dark palette of sessions.css.
const kindColours: Record<SessionPattern["kind"], string> = {
  window: "var(--session-window)",
  weekly: "var(--session-weekly)",
  day: "var(--session-day)",
};

function coloursFor(session: SessionView) {
  return { color: kindColours[session.pattern.kind], contrastColor: "#ffffff" };
}

function classesFor(session: SessionView, ...more: string[]): string {
  return ["session-event", `session-${session.pattern.kind}`, ...(session.visible ? [] : ["session-hidden"]), ...more].join(" ");
}

/**
 * The calendar events of one session, in `zone`'s wall-clock time. A weekly session becomes
 * recurring events cut around its exception dates (FullCalendar's simple recurrence has no
 * exclusion dates), plus one event for each date given other hours.
 */
export function sessionEvents(session: SessionView, zone: string): EventInput[] {
  const props: SessionEventProps = { sessionId: session.id, role: "session" };
  const title = sessionEventTitle(session);
  const pattern = session.pattern;
  if (pattern.kind !== "weekly") {
    return [
      {
        id: `session-${session.id}`,
        title,
        start: calendarInput(pattern.start, zone),
        end: calendarInput(pattern.end, zone),
        className: classesFor(session),
        ...coloursFor(session),
        extendedProps: props,
      },
    ];
  }

  const exceptions = session.exceptions
    .filter(
      (e) =>
        isoWeekday(e.date) === pattern.weekday &&
        e.date >= pattern.validFrom &&
        (pattern.validUntil === null || e.date <= pattern.validUntil),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  // endRecur is exclusive; validUntil is the last date on which the session is open.
  const end = pattern.validUntil ? addDays(pattern.validUntil, 1) : undefined;
  const events: EventInput[] = [];
  let from = pattern.validFrom;
  const segment = (until: string | undefined) => {
    if (until !== undefined && until <= from) return;
    events.push({
      id: `session-${session.id}-from-${from}`,
      // One group: dragging one week's occurrence moves them all, as the change will.
      groupId: `session-${session.id}`,
      title,
      daysOfWeek: [pattern.weekday % 7],
      startTime: pattern.startTime,
      endTime: pattern.endTime,
      startRecur: from,
      ...(until ? { endRecur: until } : {}),
      className: classesFor(session, "session-recurring"),
      ...coloursFor(session),
      extendedProps: props,
    });
  };
  for (const exception of exceptions) {
    segment(exception.date);
    from = addDays(exception.date, 1);
    if (exception.startTime && exception.endTime) {
      events.push({
        id: `session-${session.id}-on-${exception.date}`,
        title: t("sessions.event.otherHours", { title }),
        start: `${exception.date}T${exception.startTime}:00`,
        end: `${exception.date}T${exception.endTime}:00`,
        editable: false,
        className: classesFor(session, "session-other-hours"),
        ...coloursFor(session),
        extendedProps: { sessionId: session.id, role: "exception" } satisfies SessionEventProps,
      });
    }
  }
  segment(end);
  return events;
}

/** Interviewers' busy times as background events, labelled with whose they are. */
export function busyEvents(busy: BusyTimeView[], zone: string): EventInput[] {
  return busy.map((b, index) => ({
    id: `busy-${b.interviewerId}-${index}`,
    title: t("sessions.event.busy", { name: b.interviewerName }),
    start: calendarInput(b.start, zone),
    end: calendarInput(b.end, zone),
    display: "background",
    className: "busy-event",
  }));
}

/**
 * The session's pattern after its event was dragged or resized to [start, end) on the calendar
 * (stand-in Dates of the study's wall clock). A weekly session takes the weekday and hours of
 * the occurrence where it was dropped; its validity dates stay.
 */
export function patternAfterMove(session: SessionView, start: Date, end: Date | null): SessionPattern {
  const pattern = session.pattern;
  const newStart = wallOfCalendarDate(start);
  const newEnd = wallOfCalendarDate(end ?? new Date(start.getTime() + durationMs(session)));
  if (pattern.kind === "weekly") {
    return {
      ...pattern,
      weekday: isoWeekday(datePart(newStart)),
      startTime: timePart(newStart),
      // An end on the next day has no weekly meaning; the back end refuses it with the reason.
      endTime: datePart(newEnd) === datePart(newStart) ? timePart(newEnd) : "00:00",
    };
  }
  return { kind: pattern.kind, start: newStart, end: newEnd };
}

function durationMs(session: SessionView): number {
  const p = session.pattern;
  if (p.kind === "weekly") {
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    return (minutes(p.endTime) - minutes(p.startTime)) * 60_000;
  }
  return new Date(p.end).getTime() - new Date(p.start).getTime();
}

/** The change that moves a session to `pattern`, keeping everything else. */
export function changeWithPattern(session: SessionView, pattern: SessionPattern) {
  return {
    title: session.title,
    pattern,
    capacity: session.capacity,
    interviewerIds: session.interviewerIds,
  };
}
