import { useEffect, useMemo, useRef, useState } from "react";
import type { AppError, DaySlot, SessionView } from "../../bindings/types";
import { buildDayGrid, conflictCells, hostOf } from "./dayGrid";
import { defaultDayForm, formOf, toDaySettings, type DayForm, type DayFormErrors } from "./dayForm";
import { DayGrid } from "./DayGrid";
import { DayPlanForm } from "./DayPlanForm";
import type { Person } from "./PairsEditor";
import { PrintableDay } from "./PrintableDay";
import { ProblemsList } from "./ProblemsList";
import { PublishDialog } from "./PublishDialog";
import { PublishReportNote, PublishState } from "./PublishState";
import { brokenRulesText, nextPlacement, placedText, placeStep, type PlaceStep, type PlaceTarget } from "./placement";
import { chooseCell } from "./swapSelection";
import type { DropTarget } from "./useCellDrag";
import { useDaySchedule } from "./useDaySchedule";

type Props = {
  session: SessionView;
  applicants: Person[];
  interviewers: Person[];
  zone: string;
  onError: (error: AppError) => void;
};

/** One interview day: its plan, its grid of rounds, and publishing it. */
export function DaySession({ session, applicants, interviewers, zone, onError }: Props) {
  const day = useDaySchedule(session.id, onError);
  const [form, setForm] = useState<DayForm>(defaultDayForm);
  const [formErrors, setFormErrors] = useState<DayFormErrors>({});
  const [held, setHeld] = useState<DaySlot | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [printing, setPrinting] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  // Once the researcher starts filling open seats, the next one stays suggested until none is left.
  const [filling, setFilling] = useState(false);
  const formFilled = useRef(false);

  // The form starts from the saved schedule's plan, once; later edits are the researcher's.
  useEffect(() => {
    if (day.view && !formFilled.current) {
      formFilled.current = true;
      setForm(formOf(day.view.settings));
    }
  }, [day.view]);

  const view = day.view;
  const grid = useMemo(() => (view ? buildDayGrid(view) : null), [view]);
  const conflicts = useMemo(() => (view ? conflictCells(view, view.conflicts) : new Map<string, string[]>()), [view]);
  const suggestion = useMemo(() => (view && grid ? nextPlacement(view, grid) : null), [view, grid]);
  const nameOf = (applicantId: number) => view?.itineraries.find((i) => i.applicantId === applicantId)?.name ?? "The applicant";

  async function generate() {
    const { settings, errors } = toDaySettings(form);
    setFormErrors(errors);
    if (!settings) return;
    setHeld(null);
    setFilling(false);
    if (await day.generate(settings)) setAnnouncement("The schedule was generated. It is a draft until you publish it.");
  }

  async function swap(a: DaySlot, b: DaySlot) {
    setHeld(null);
    setAnnouncement(`Swapping ${nameOf(a.applicantId)} and ${nameOf(b.applicantId)}…`);
    const report = await day.swap(a, b);
    if (!report) {
      setAnnouncement("");
      return;
    }
    const traded = `${nameOf(a.applicantId)} and ${nameOf(b.applicantId)} traded places in round ${a.round}.`;
    setAnnouncement(`${traded} ${brokenRulesText(report.conflicts.length, "swap")}`);
  }

  async function place(slot: DaySlot, interviewerId: number | null) {
    if (!grid) return;
    setHeld(null);
    const name = nameOf(slot.applicantId);
    const from = hostOf(grid, slot)?.name ?? null;
    const to = interviewerId === null ? null : (grid.rows.find((r) => r.interviewerId === interviewerId)?.name ?? "the interviewer");
    setAnnouncement(to === null ? `Taking ${name} out of round ${slot.round}…` : `Placing ${name} with ${to} in round ${slot.round}…`);
    const report = await day.place(slot, interviewerId);
    if (!report) {
      setAnnouncement("");
      return;
    }
    setFilling(true);
    setAnnouncement(placedText(name, slot.round, to, from, report.conflicts.length));
  }

  function follow(step: PlaceStep) {
    switch (step.kind) {
      case "place":
        void place(step.slot, step.interviewerId);
        return;
      case "select-first":
        setAnnouncement(
          `Select an applicant of round ${step.round} first (one sitting out, or one to move from another interviewer), then choose this open seat.`,
        );
        return;
      case "other-round":
        setAnnouncement(
          `${nameOf(step.slot.applicantId)} is in round ${step.slot.round}, the seat in round ${step.round}: an applicant moves only within their own round. Choose an applicant of round ${step.round} for it.`,
        );
        return;
      case "already-out":
        setHeld(null);
        setAnnouncement(`${nameOf(step.slot.applicantId)} already sits out round ${step.slot.round}.`);
        return;
    }
  }

  function choosePlace(target: PlaceTarget) {
    if (grid) follow(placeStep(held, target, grid));
  }

  function choose(slot: DaySlot) {
    const step = chooseCell(held, slot);
    if (step.kind === "swap") void swap(step.a, step.b);
    else if (step.kind === "cleared") {
      setHeld(null);
      setAnnouncement("Nothing selected.");
    } else {
      setHeld(step.slot);
      const name = nameOf(slot.applicantId);
      const out = grid !== null && hostOf(grid, slot) !== null ? `, “Sit ${name} out” to give them a break,` : "";
      setAnnouncement(
        `${name} in round ${slot.round} selected. Choose another applicant of round ${slot.round} to swap them, an Open cell to seat them there${out} or Escape to let go.`,
      );
    }
  }

  function drop(from: DaySlot, to: DropTarget) {
    if (to.kind !== "applicant") {
      if (grid) follow(placeStep(from, to, grid));
      return;
    }
    if (from.round !== to.slot.round) {
      setAnnouncement(`Drop onto an applicant in the same round: a swap trades two applicants’ places within round ${from.round}.`);
      return;
    }
    void swap(from, to.slot);
  }

  async function exportCsv() {
    setSavedTo(null);
    const path = await day.exportCsv(`${fileSafe(session.title || "interview-day")}-schedule.csv`);
    if (path) setSavedTo(path);
  }

  const publishBlocked =
    view === null
      ? "Generate the schedule first."
      : view.conflicts.length > 0
        ? "Mend the broken rules first: the schedule cannot be published while it has any."
        : day.busy !== null
          ? "Wait for the current change to finish."
          : view.publishedAt !== null && !view.unpublishedChanges
            ? "Everyone already has this schedule."
            : null;

  return (
    <div className="day-session">
      {day.loading ? (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading the day’s schedule…
        </p>
      ) : (
        <DayPlanForm
          form={form}
          errors={formErrors}
          applicants={applicants}
          interviewers={interviewers}
          hasSchedule={view !== null}
          generating={day.busy === "generating"}
          generateError={day.generateError}
          onDismissError={day.clearGenerateError}
          onChange={setForm}
          onGenerate={generate}
        />
      )}

      {!day.loading && view === null && (
        <div className="empty-state" data-testid="day-no-schedule">
          <p className="empty-state-title">No schedule for this day yet</p>
          <p className="empty-state-hint">
            {applicants.length === 0
              ? "Nobody is confirmed for this day yet. Once applicants are booked into it, set the rounds above and generate the schedule."
              : `${applicants.length} confirmed ${applicants.length === 1 ? "applicant" : "applicants"} and ${interviewers.length} ${interviewers.length === 1 ? "interviewer" : "interviewers"}. Set the rounds above and generate the schedule; nothing is sent until you publish it.`}
          </p>
        </div>
      )}

      {view !== null && grid !== null && (
        <section className="panel day-schedule" aria-labelledby="day-schedule-heading" data-testid="day-schedule">
          <div className="day-schedule-head">
            <div className="day-schedule-title">
              <h2 className="panel-title" id="day-schedule-heading">
                Schedule
              </h2>
              <PublishState view={view} zone={zone} />
            </div>
            <div className="day-actions">
              <button type="button" className="button button-secondary" onClick={exportCsv} disabled={day.busy !== null} data-testid="day-export">
                {day.busy === "exporting" ? "Exporting…" : "Export CSV"}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setPrinting(true)} data-testid="day-print">
                Print
              </button>
              <PublishDialog
                republish={view.publishedAt !== null}
                changed={view.unpublishedChanges}
                rosterChanged={view.rosterChanges.length > 0}
                disabledReason={publishBlocked}
                publishing={day.busy === "publishing"}
                onPublish={async () => {
                  const failed = await day.publish();
                  if (!failed) setAnnouncement("");
                  return failed;
                }}
              />
            </div>
          </div>
          {savedTo && (
            <p className="day-saved-to" role="status" data-testid="day-export-saved">
              Saved to {savedTo}
            </p>
          )}
          {day.publishReport && <PublishReportNote report={day.publishReport} onDismiss={day.dismissPublishReport} />}
          <p className="setting-hint">
            Drag an applicant onto another of the same round to swap them, onto an Open cell to seat them there, or onto
            Sitting out to give them a break. With the keyboard: Enter selects, the arrow keys move, and Enter on another
            applicant, an Open cell or “Sit … out” acts. Each change is saved at once, even one that breaks a rule, so another
            can mend it.
          </p>
          <p className={announcement ? "day-announcement" : "visually-hidden"} role="status" aria-live="polite" data-testid="day-announcement">
            {announcement}
          </p>
          {(day.busy === "swapping" || day.busy === "placing") && (
            <p className="loading-line" role="status">
              <span className="spinner" aria-hidden="true" /> {day.busy === "swapping" ? "Saving the swap…" : "Saving the change…"}
            </p>
          )}
          <ProblemsList
            conflicts={view.conflicts}
            unmet={view.unmet}
            rosterChanges={view.rosterChanges}
            suggestion={suggestion}
            filling={filling}
          />
          <DayGrid
            grid={grid}
            conflicts={conflicts}
            held={held}
            swapped={day.swapped}
            busy={day.busy !== null}
            zone={zone}
            dayZone={view.timeZone}
            onChoose={choose}
            onPlace={choosePlace}
            onDrop={drop}
            onClearSelection={() => {
              setHeld(null);
              setAnnouncement("Nothing selected.");
            }}
          />
        </section>
      )}
      {printing && view && <PrintableDay view={view} title={session.title || "Interview day"} onClose={() => setPrinting(false)} />}
    </div>
  );
}

function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "interview-day";
}
