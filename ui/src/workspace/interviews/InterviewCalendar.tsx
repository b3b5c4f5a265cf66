import FullCalendar from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useMemo, useState, type ComponentProps } from "react";
import type { InterviewView } from "../../bindings/types";
import { instantFromCalendar, legendOrder, stateStyles, toCalendarEvent } from "./calendarEvents";
import { MoveDialog, type Move } from "./MoveDialog";
import { calendarInput } from "../../time/calendarClock";
import { t } from "../../i18n";

type Props = {
  interviews: InterviewView[];
  /** The study's zone: the calendar shows its clock. */
  zone: string;
  onMoved: (interview: InterviewView) => void;
};

type DropInfo = Parameters<NonNullable<ComponentProps<typeof FullCalendar>["eventDrop"]>>[0];

/** The study's interviews on a calendar, coloured by state; scheduled ones can be dragged to a new time. */
export function InterviewCalendar({ interviews, zone, onMoved }: Props) {
  const [move, setMove] = useState<Move | null>(null);
  const [dropError, setDropError] = useState<string | null>(null);
  const events = useMemo(() => interviews.map((i) => toCalendarEvent(i, zone)), [interviews, zone]);
  const byId = useMemo(() => new Map(interviews.map((i) => [String(i.id), i])), [interviews]);
  // Opens on the week of the next scheduled interview, where the researcher's work is; Today is a click away.
  const [initialDate] = useState(() => {
    const now = Date.now();
    const next = interviews
      .filter((i) => i.state === "scheduled" && new Date(i.end).getTime() > now)
      .sort((a, b) => a.start.localeCompare(b.start))[0];
    return calendarInput(next ? next.start : new Date(), zone);
  });

  function dropped(info: DropInfo) {
    const interview = byId.get(info.event.id);
    const shown = info.event.start;
    const start = shown ? instantFromCalendar(shown, zone) : null;
    if (!interview || !start) {
      info.revert();
      setDropError(t("interviews.calendar.skipped", { zone }));
      return;
    }
    setDropError(null);
    setMove({ interview, start: start.toISOString(), revert: info.revert });
  }

  return (
    <div className="interview-calendar calendar-palette" data-testid="interview-calendar">
      <div className="calendar-bar">
        <ul className="calendar-legend" aria-label={t("interviews.calendar.legend")}>
          {legendOrder.map((state) => (
            <li key={state}>
              <span className="legend-swatch" style={{ background: stateStyles[state].color }} aria-hidden="true" />
              {stateStyles[state].label}
            </li>
          ))}
        </ul>
        <p className="calendar-zone" data-testid="calendar-zone">
          {t("interviews.calendar.zone", { zone })}
        </p>
      </div>
      {dropError && (
        <p className="field-error" role="alert">
          {dropError}
        </p>
      )}
      <FullCalendar
        plugins={[classicTheme, timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
        // A UTC calendar fed the study's wall clock shows the study's times on any computer.
        timeZone="UTC"
        now={() => calendarInput(new Date(), zone)}
        initialView="timeGridWeek"
        initialDate={initialDate}
        headerToolbar={{ start: "prev,next today", center: "title", end: "timeGridWeek,dayGridMonth,listMonth" }}
        buttons={{
          today: { text: t("calendar.today") },
          week: { text: t("calendar.week") },
          month: { text: t("calendar.month") },
          list: { text: t("calendar.list") },
        }}
        events={events}
        eventDurationEditable={false}
        eventDrop={dropped}
        allDaySlot={false}
        nowIndicator
        scrollTime="08:00:00"
        height={620}
        noEventsText={t("interviews.calendar.empty")}
      />
      {move && (
        <MoveDialog
          move={move}
          zone={zone}
          onCancel={() => {
            move.revert();
            setMove(null);
          }}
          onDone={(moved) => {
            setMove(null);
            onMoved(moved);
          }}
        />
      )}
    </div>
  );
}
