import { useEffect, useId, useRef } from "react";
import type { InterviewerView, Staffing } from "../../bindings/types";
import { useStudyPeople } from "../staff/useStudyPeople";
import { MAX_PANEL } from "./settingsDraft";
import type { SectionProps } from "./SettingField";
import { t } from "../../i18n";

type Mode = Staffing["mode"];

const modes: readonly { mode: Mode; title: string; hint: string }[] = [
  {
    mode: "roundRobin",
    title: t("studySettings.staffing.roundRobin"),
    hint: t("studySettings.staffing.roundRobinHint"),
  },
  {
    mode: "fixed",
    title: t("studySettings.staffing.fixed"),
    hint: t("studySettings.staffing.fixedHint"),
  },
  {
    mode: "panel",
    title: t("studySettings.staffing.panel"),
    hint: t("studySettings.staffing.panelHint"),
  },
];

type Props = SectionProps & { studyId: number };

/**
 * Who runs each interview of a one-to-one study: the session's interviewers taking turns, always
 * the same one, or a panel of several. Interview days pair people round by round instead.
 */
export function StaffingSection({ studyId, draft, errors, onChange }: Props) {
  const id = useId();
  const { people, error: loadError } = useStudyPeople(studyId);
  const staffing = draft.staffing;
  // What was chosen under the other modes, so that trying one and coming back keeps it.
  const lastFixed = useRef<number | null>(staffing.mode === "fixed" ? staffing.interviewerId : null);
  const lastSize = useRef<number | null>(staffing.mode === "panel" ? staffing.size : null);
  useEffect(() => {
    if (staffing.mode === "fixed") lastFixed.current = staffing.interviewerId;
    if (staffing.mode === "panel") lastSize.current = staffing.size;
  }, [staffing]);

  const interviewers = (people ?? []).filter((p) => p.role === "interviewer");
  // Said only when the list came: a list that failed to load says so itself.
  const noInterviewers = people !== null && loadError === null && interviewers.length === 0;
  const error = errors.staffing;
  const errorId = `${id}-error`;

  function choose(mode: Mode) {
    if (mode === "roundRobin") onChange("staffing", { mode });
    else if (mode === "panel") onChange("staffing", { mode, size: lastSize.current });
    else {
      const kept = interviewers.find((p) => p.id === lastFixed.current) ?? interviewers[0];
      if (kept) onChange("staffing", { mode, interviewerId: kept.id });
    }
  }

  const errorLine = error && (
    <p
      className="field-error"
      id={errorId}
      data-testid="setting-staffing-error"
      // An interview-day study shows no choices: the message itself takes the focus.
      tabIndex={draft.kind === "interview_days" ? -1 : undefined}
      data-field={draft.kind === "interview_days" ? "staffing" : undefined}
    >
      {error}
    </p>
  );

  return (
    <section className="panel settings-section" aria-labelledby="settings-staffing-heading" data-testid="settings-staffing">
      <h2 className="panel-title" id="settings-staffing-heading">
        {t("studySettings.staffing.title")}
      </h2>
      {draft.kind === "interview_days" ? (
        <>
          <p className="setting-hint" data-testid="staffing-interview-days">
            {t("studySettings.staffing.interviewDays")}
          </p>
          {errorLine}
        </>
      ) : (
        <>
          <div
            className="kind-choices staffing-choices"
            role="radiogroup"
            aria-labelledby="settings-staffing-heading"
            aria-describedby={error && staffing.mode === "roundRobin" ? errorId : undefined}
          >
            {modes.map((choice) => {
              const chosen = staffing.mode === choice.mode;
              // Nobody to choose yet (or the list is still on its way): the choice waits.
              const unavailable = choice.mode === "fixed" && !chosen && interviewers.length === 0;
              return (
                <label
                  key={choice.mode}
                  className={["kind-choice", chosen && "is-chosen", unavailable && "is-unavailable"].filter(Boolean).join(" ")}
                >
                  <input
                    type="radio"
                    name="study-staffing"
                    value={choice.mode}
                    data-testid={`setting-staffing-${choice.mode}`}
                    data-field={chosen && choice.mode === "roundRobin" ? "staffing" : undefined}
                    checked={chosen}
                    disabled={unavailable}
                    onChange={() => choose(choice.mode)}
                  />
                  <span className="kind-choice-text">
                    <span className="kind-choice-title">{choice.title}</span>
                    <span className="kind-choice-hint">
                      {choice.hint}
                      {choice.mode === "fixed" && noInterviewers && (
                        <span className="staffing-needs-people" data-testid="staffing-no-interviewers">
                          {" "}
                          {t("studySettings.staffing.noInterviewers")}
                        </span>
                      )}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>

          {staffing.mode === "fixed" && (
            <FixedInterviewer
              id={id}
              interviewerId={staffing.interviewerId}
              people={people}
              interviewers={interviewers}
              errorId={error ? errorId : undefined}
              onChange={(interviewerId) => onChange("staffing", { mode: "fixed", interviewerId })}
            />
          )}
          {staffing.mode === "panel" && (
            <div className="field staffing-detail">
              <label htmlFor={`${id}-size`}>{t("studySettings.staffing.panelSize")}</label>
              <div className="setting-input">
                <input
                  id={`${id}-size`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_PANEL}
                  autoComplete="off"
                  data-testid="setting-staffing-size"
                  data-field="staffing"
                  value={staffing.size === null ? "" : String(staffing.size)}
                  placeholder={t("studySettings.staffing.panelAll")}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={[`${id}-size-hint`, error ? errorId : ""].filter(Boolean).join(" ")}
                  onChange={(e) => {
                    const text = e.target.value.trim();
                    onChange("staffing", { mode: "panel", size: text === "" ? null : Number(text) });
                  }}
                />
              </div>
              <p className="setting-hint" id={`${id}-size-hint`}>
                {t("studySettings.staffing.panelSizeHint", { max: MAX_PANEL })}
              </p>
            </div>
          )}

          {errorLine}
          {loadError && (
            <p className="setting-hint" role="alert" data-testid="staffing-people-failed">
              {t("studySettings.staffing.peopleFailed", { message: loadError.message })}
            </p>
          )}
          <p className="setting-hint">{t("studySettings.staffing.noteTakersHint")}</p>
        </>
      )}
    </section>
  );
}

type FixedProps = {
  id: string;
  interviewerId: number;
  people: InterviewerView[] | null;
  interviewers: InterviewerView[];
  errorId: string | undefined;
  onChange: (interviewerId: number) => void;
};

/** The one interviewer who runs every interview: one of the study's interviewers, not a note-taker. */
function FixedInterviewer({ id, interviewerId, people, interviewers, errorId, onChange }: FixedProps) {
  const listed = interviewers.some((p) => p.id === interviewerId);
  // The saved choice may be someone since made a note-taker, or not loaded: it still shows, and
  // the back end says what is wrong with it on saving.
  const other = people?.find((p) => p.id === interviewerId);
  return (
    <div className="field staffing-detail">
      <label htmlFor={`${id}-fixed`}>{t("studySettings.staffing.fixedWho")}</label>
      <select
        id={`${id}-fixed`}
        data-testid="setting-staffing-interviewer"
        data-field="staffing"
        value={String(interviewerId)}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {!listed && (
          <option value={String(interviewerId)}>
            {other
              ? t("studySettings.staffing.fixedNoteTaker", { name: other.name })
              : people === null
                ? t("studySettings.staffing.fixedLoading")
                : t("studySettings.staffing.fixedGone")}
          </option>
        )}
        {interviewers.map((person) => (
          <option key={person.id} value={String(person.id)}>
            {person.name}
          </option>
        ))}
      </select>
    </div>
  );
}
