import FullCalendar, {
  type DateSelectInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
  type EventResizeDoneInfo,
  type MountInfo,
} from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import allLocales from "@fullcalendar/react/locales-all";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { memo, useCallback } from "react";
import { browserLocale } from "./browserLocale";
import type { SessionEventProps } from "./calendarEvents";
import { calendarInput, wallOfCalendarDate } from "../../time/calendarClock";
import type { WallClock } from "../../time/zonedTime";
import { t } from "../../i18n";

export type VisibleRange = { start: WallClock; end: WallClock; view: string };

type Props = {
  events: EventInput[];
  /** The study's zone: the calendar draws its wall-clock times. */
  zone: string;
  onRangeChange: (range: VisibleRange) => void;
  onSelect: (start: WallClock, end: WallClock, allDay: boolean) => void;
  onOpen: (sessionId: number, date: string) => void;
  /** A session event was dragged or resized; call `revert` if the change is refused. */
  onMove: (sessionId: number, start: Date, end: Date | null, revert: () => void) => void;
};

const locale = browserLocale();
const plugins = [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const headerToolbar = {
  left: "prev,next today",
  center: "title",
  right: "timeGridDay,timeGridWeek,dayGridMonth,listWeek",
};
const button = (text: string, testId: string) => ({
  text,
  didMount: ({ el }: { el: HTMLElement }) => {
    el.dataset.testid = testId;
  },
});
const buttons = {
  today: button(t("calendar.today"), "calendar-today"),
  prev: { didMount: button("", "calendar-prev").didMount },
  next: { didMount: button("", "calendar-next").didMount },
  timeGridDay: button(t("calendar.day"), "calendar-view-day"),
  timeGridWeek: button(t("calendar.week"), "calendar-view-week"),
  dayGridMonth: button(t("calendar.month"), "calendar-view-month"),
  listWeek: button(t("calendar.list"), "calendar-view-list"),
};

/**
 * The availability calendar. It runs in FullCalendar's UTC mode on stand-in dates that carry the
 * study's wall-clock time (see time/calendarClock.ts): exact in the study's zone without a zone plugin.
 */
export const SessionsCalendar = memo(function SessionsCalendar({ events, zone, onRangeChange, onSelect, onOpen, onMove }: Props) {
  const now = useCallback(() => calendarInput(new Date(), zone), [zone]);

  const datesSet = useCallback(
    (arg: DatesSetInfo) =>
      onRangeChange({ start: wallOfCalendarDate(arg.start), end: wallOfCalendarDate(arg.end), view: arg.view.type }),
    [onRangeChange],
  );

  const select = useCallback(
    (arg: DateSelectInfo) => {
      arg.view.calendar.unselect();
      onSelect(wallOfCalendarDate(arg.start), wallOfCalendarDate(arg.end), arg.allDay);
    },
    [onSelect],
  );

  const eventClick = useCallback(
    (arg: EventClickInfo) => {
      const props = arg.event.extendedProps as Partial<SessionEventProps>;
      if (props.sessionId === undefined || !arg.event.start) return;
      onOpen(props.sessionId, wallOfCalendarDate(arg.event.start).slice(0, 10));
    },
    [onOpen],
  );

  const moved = useCallback(
    (arg: EventDropInfo | EventResizeDoneInfo) => {
      const props = arg.event.extendedProps as Partial<SessionEventProps>;
      if (props.sessionId === undefined || !arg.event.start) {
        arg.revert();
        return;
      }
      onMove(props.sessionId, arg.event.start, arg.event.end, arg.revert);
    },
    [onMove],
  );

  return (
    <div className="sessions-calendar calendar-palette" data-testid="sessions-calendar">
      <FullCalendar
        plugins={plugins}
        initialView="timeGridWeek"
        timeZone="UTC"
        now={now}
        locales={allLocales}
        locale={locale}
        headerToolbar={headerToolbar}
        buttons={buttons}
        height={640}
        scrollTime="08:00:00"
        slotDuration="00:30:00"
        allDaySlot={false}
        nowIndicator
        selectable
        selectMirror
        // One session lives within one day: a selection across midnight would be refused.
        selectAllow={sameDay}
        editable
        eventInteractive
        noEventsText={t("sessions.calendar.empty")}
        eventTimeFormat={{ hour: "numeric", minute: "2-digit" }}
        slotHeaderFormat={{ hour: "numeric", minute: "2-digit" }}
        class="confab-calendar"
        events={events}
        datesSet={datesSet}
        select={select}
        eventClick={eventClick}
        eventDrop={moved}
        eventResize={moved}
        eventClass={eventLayoutClass}
        eventDidMount={markForTests}
        eventContent={renderEvent}
        // Busy times are background events, which FullCalendar 7 draws through hooks of their own.
        backgroundEventDidMount={markForTests}
        backgroundEventContent={renderEvent}
      />
    </div>
  );
});

function sameDay(span: { start: Date; end: Date; allDay: boolean }): boolean {
  const lastMoment = new Date(span.end.getTime() - 1);
  if (span.allDay) return span.end.getTime() - span.start.getTime() <= 86_400_000;
  return lastMoment.toISOString().slice(0, 10) === span.start.toISOString().slice(0, 10);
}

/** Blocks in the time grid, one-line items elsewhere: hidden sessions are drawn differently in each. */
function eventLayoutClass(arg: EventDisplayInfo): string {
  return arg.view.type.startsWith("timeGrid") ? "event-block" : "event-line";
}

function markForTests(arg: MountInfo<EventDisplayInfo>) {
  const props = arg.event.extendedProps as Partial<SessionEventProps>;
  if (props.sessionId !== undefined) {
    arg.el.dataset.testid = "session-event";
    arg.el.dataset.sessionId = String(props.sessionId);
    // The title names hidden sessions and interview days in words for screen readers too.
    arg.el.setAttribute("aria-label", `${arg.event.title}${arg.timeText ? `, ${arg.timeText}` : ""}`);
  } else if (arg.event.display === "background") {
    arg.el.dataset.testid = "busy-event";
    arg.el.title = arg.event.title;
  }
}

/** Time above the title in the week and day views, where the block has room for both. */
function renderEvent(arg: EventDisplayInfo) {
  if (arg.event.display === "background") {
    return <span className="busy-event-label">{arg.event.title}</span>;
  }
  // The list and month views lay out time and title themselves.
  if (!arg.view.type.startsWith("timeGrid")) return true;
  return (
    <span className="session-event-body">
      {arg.timeText && <span className="session-event-time">{arg.timeText}</span>}
      <span className="session-event-title">{arg.event.title}</span>
    </span>
  );
}
