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
import { t, tPlural } from "../../i18n";

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
  const nameOf = (applicantId: number) =>
    view?.itineraries.find((i) => i.applicantId === applicantId)?.name ?? t("days.someApplicant");

  async function generate() {
    const { settings, errors } = toDaySettings(form);
    setFormErrors(errors);
    if (!settings) return;
    setHeld(null);
    setFilling(false);
    if (await day.generate(settings)) setAnnouncement(t("days.announce.generated"));
  }

  async function swap(a: DaySlot, b: DaySlot) {
    setHeld(null);
    setAnnouncement(t("days.announce.swapping", { a: nameOf(a.applicantId), b: nameOf(b.applicantId) }));
    const report = await day.swap(a, b);
    if (!report) {
      setAnnouncement("");
      return;
    }
    const traded = t("days.announce.traded", { a: nameOf(a.applicantId), b: nameOf(b.applicantId), round: a.round });
    setAnnouncement(`${traded} ${brokenRulesText(report.conflicts.length, "swap")}`);
  }

  async function place(slot: DaySlot, interviewerId: number | null) {
    if (!grid) return;
    setHeld(null);
    const name = nameOf(slot.applicantId);
    const from = hostOf(grid, slot)?.name ?? null;
    const to =
      interviewerId === null
        ? null
        : (grid.rows.find((r) => r.interviewerId === interviewerId)?.name ?? t("days.someInterviewer"));
    setAnnouncement(
      to === null
        ? t("days.announce.takingOut", { name, round: slot.round })
        : t("days.announce.placing", { name, interviewer: to, round: slot.round }),
    );
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
        setAnnouncement(t("days.announce.selectFirst", { round: step.round }));
        return;
      case "other-round":
        setAnnouncement(
          t("days.announce.otherRound", { name: nameOf(step.slot.applicantId), from: step.slot.round, round: step.round }),
        );
        return;
      case "already-out":
        setHeld(null);
        setAnnouncement(t("days.announce.alreadyOut", { name: nameOf(step.slot.applicantId), round: step.slot.round }));
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
      setAnnouncement(t("days.announce.nothingSelected"));
    } else {
      setHeld(step.slot);
      const name = nameOf(slot.applicantId);
      const seated = grid !== null && hostOf(grid, slot) !== null;
      setAnnouncement(
        seated
          ? t("days.announce.selectedSeated", { name, round: slot.round })
          : t("days.announce.selected", { name, round: slot.round }),
      );
    }
  }

  function drop(from: DaySlot, to: DropTarget) {
    if (to.kind !== "applicant") {
      if (grid) follow(placeStep(from, to, grid));
      return;
    }
    if (from.round !== to.slot.round) {
      setAnnouncement(t("days.announce.sameRound", { round: from.round }));
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
      ? t("days.publish.blocked.generate")
      : view.conflicts.length > 0
        ? t("days.publish.blocked.broken")
        : day.busy !== null
          ? t("days.publish.blocked.busy")
          : view.publishedAt !== null && !view.unpublishedChanges
            ? t("days.publish.blocked.published")
            : null;

  return (
    <div className="day-session">
      {day.loading ? (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("days.loadingSchedule")}
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
          <p className="empty-state-title">{t("days.noSchedule.title")}</p>
          <p className="empty-state-hint">
            {applicants.length === 0
              ? t("days.noSchedule.nobody")
              : t("days.noSchedule.people", {
                  applicants: tPlural("days.noSchedule.applicants", applicants.length),
                  interviewers: tPlural("days.noSchedule.interviewers", interviewers.length),
                })}
          </p>
        </div>
      )}

      {view !== null && grid !== null && (
        <section className="panel day-schedule" aria-labelledby="day-schedule-heading" data-testid="day-schedule">
          <div className="day-schedule-head">
            <div className="day-schedule-title">
              <h2 className="panel-title" id="day-schedule-heading">
                {t("days.schedule.title")}
              </h2>
              <PublishState view={view} zone={zone} />
            </div>
            <div className="day-actions">
              <button type="button" className="button button-secondary" onClick={exportCsv} disabled={day.busy !== null} data-testid="day-export">
                {day.busy === "exporting" ? t("days.schedule.exporting") : t("days.schedule.export")}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setPrinting(true)} data-testid="day-print">
                {t("days.schedule.print")}
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
              {t("days.schedule.savedTo", { path: savedTo })}
            </p>
          )}
          {day.publishReport && <PublishReportNote report={day.publishReport} onDismiss={day.dismissPublishReport} />}
          <p className="setting-hint">{t("days.schedule.hint")}</p>
          <p className={announcement ? "day-announcement" : "visually-hidden"} role="status" aria-live="polite" data-testid="day-announcement">
            {announcement}
          </p>
          {(day.busy === "swapping" || day.busy === "placing") && (
            <p className="loading-line" role="status">
              <span className="spinner" aria-hidden="true" />{" "}
              {day.busy === "swapping" ? t("days.schedule.savingSwap") : t("days.schedule.savingChange")}
            </p>
          )}
          <ProblemsList
            conflicts={view.conflicts.map((c) => c.message)}
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
              setAnnouncement(t("days.announce.nothingSelected"));
            }}
          />
        </section>
      )}
      {printing && view && (
        <PrintableDay view={view} title={session.title || t("days.untitled")} onClose={() => setPrinting(false)} />
      )}
    </div>
  );
}

function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "interview-day";
}
