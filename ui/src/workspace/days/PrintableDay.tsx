import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import type { DayScheduleView } from "../../bindings/types";
import { formatDay } from "../../time/format";
import { itineraryLines, timetableLines, type PrintLine } from "./printableDay";
import { t, tRich } from "../../i18n";

type Props = {
  view: DayScheduleView;
  title: string;
  onClose: () => void;
};

/**
 * The printable schedule: one page per applicant and per interviewer. It sits over the window
 * while open, and the print stylesheet prints it alone, without the app around it.
 */
export function PrintableDay({ view, title, onClose }: Props) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const date = view.rounds[0] ? formatDay(view.rounds[0].start, view.timeZone) : "";
  const draft = view.publishedAt === null || view.unpublishedChanges;

  useEffect(() => {
    document.body.classList.add("printing-day");
    closeRef.current?.focus();
    // After the pages have painted, so the print dialog shows them rather than a blank sheet.
    const timer = window.setTimeout(() => window.print(), 300);
    return () => {
      window.clearTimeout(timer);
      document.body.classList.remove("printing-day");
    };
  }, []);

  return createPortal(
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a modal dialog closes on Escape; the rule allows that on <dialog>, not on role="dialog"
    <div
      className="print-day"
      data-testid="day-printable"
      role="dialog"
      aria-modal="true"
      aria-label={t("days.print.label")}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <div className="print-toolbar">
        <span>
          {tRich("days.print.toolbar", {
            title: <strong>{t("days.print.label")}</strong>,
            itineraries: view.itineraries.length,
            timetables: view.timetables.length,
          })}
        </span>
        <span className="print-toolbar-actions">
          <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="day-print-again">
            {t("days.print.again")}
          </button>
          <button type="button" className="button button-secondary" ref={closeRef} onClick={onClose} data-testid="day-print-close">
            {t("common.close")}
          </button>
        </span>
      </div>
      <div className="print-pages">
        {view.itineraries.map((it) => (
          <PrintPage
            key={`a-${it.applicantId}`}
            kind={t("days.print.itinerary")}
            name={it.name}
            title={title}
            date={date}
            zone={view.timeZone}
            draft={draft}
            whoHeading={t("days.print.interviewer")}
            lines={itineraryLines(view, it.applicantId)}
          />
        ))}
        {view.timetables.map((timetable) => (
          <PrintPage
            key={`i-${timetable.interviewerId}`}
            kind={t("days.print.timetable")}
            name={timetable.name}
            title={title}
            date={date}
            zone={view.timeZone}
            draft={draft}
            whoHeading={t("days.print.applicant")}
            lines={timetableLines(view, timetable.interviewerId)}
          />
        ))}
      </div>
    </div>,
    document.body,
  );
}

type PageProps = {
  kind: string;
  name: string;
  title: string;
  date: string;
  zone: string;
  draft: boolean;
  whoHeading: string;
  lines: PrintLine[];
};

function PrintPage({ kind, name, title, date, zone, draft, whoHeading, lines }: PageProps) {
  return (
    <article className="print-page" data-testid="print-page">
      <header className="print-page-head">
        <p className="print-kind">
          {kind}
          {draft && <span className="print-draft"> · {t("days.print.draft")}</span>}
        </p>
        <h2 className="print-name">{name}</h2>
        <p className="print-meta">
          {t("days.print.meta", { title, date, zone })}
        </p>
      </header>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t("days.print.time")}</th>
            <th scope="col">{t("days.print.round")}</th>
            <th scope="col">{whoHeading}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.time}-${line.what}`} className={line.isBlock ? "print-block" : undefined}>
              <td>{line.time}</td>
              <td>{line.what}</td>
              <td>{line.who}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
