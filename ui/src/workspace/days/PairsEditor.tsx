import { useId, useState } from "react";
import type { DayPair } from "./dayPairs";
import { t } from "../../i18n";

export type Person = { id: number; name: string };

type Props = {
  title: string;
  hint: string;
  testId: string;
  pairs: DayPair[];
  applicants: Person[];
  interviewers: Person[];
  onChange: (pairs: DayPair[]) => void;
};

/** A list of applicant–interviewer pairs, added by picking one of each. */
export function PairsEditor({ title, hint, testId, pairs, applicants, interviewers, onChange }: Props) {
  const id = useId();
  const [applicantId, setApplicantId] = useState("");
  const [interviewerId, setInterviewerId] = useState("");
  const nameOf = (people: Person[], personId: number) => people.find((p) => p.id === personId)?.name ?? `#${personId}`;
  const canAdd = applicantId !== "" && interviewerId !== "";

  function add() {
    if (!canAdd) return;
    const pair = { applicantId: Number(applicantId), interviewerId: Number(interviewerId) };
    if (!pairs.some((p) => p.applicantId === pair.applicantId && p.interviewerId === pair.interviewerId)) {
      onChange([...pairs, pair]);
    }
    setApplicantId("");
    setInterviewerId("");
  }

  return (
    <fieldset className="day-pairs" data-testid={testId}>
      <legend className="day-pairs-title">{title}</legend>
      <p className="setting-hint">{hint}</p>
      {pairs.length > 0 && (
        <ul className="day-pairs-list">
          {pairs.map((pair) => (
            <li key={`${pair.applicantId}-${pair.interviewerId}`} className="day-pair" data-testid={`${testId}-pair`}>
              <span>
                {nameOf(applicants, pair.applicantId)} <span className="day-pair-with">{t("days.pairs.and")}</span>{" "}
                {nameOf(interviewers, pair.interviewerId)}
              </span>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t("days.pairs.removeLabel", {
                  applicant: nameOf(applicants, pair.applicantId),
                  interviewer: nameOf(interviewers, pair.interviewerId),
                })}
                onClick={() => onChange(pairs.filter((p) => p !== pair))}
              >
                {t("days.pairs.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="day-pairs-add">
        <label className="visually-hidden" htmlFor={`${id}-applicant`}>
          {t("days.pairs.applicant")}
        </label>
        <select
          id={`${id}-applicant`}
          data-testid={`${testId}-applicant`}
          value={applicantId}
          onChange={(e) => setApplicantId(e.target.value)}
          disabled={applicants.length === 0}
        >
          <option value="">{applicants.length === 0 ? t("days.pairs.noApplicants") : t("days.pairs.chooseApplicant")}</option>
          {applicants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-interviewer`}>
          {t("days.pairs.interviewer")}
        </label>
        <select
          id={`${id}-interviewer`}
          data-testid={`${testId}-interviewer`}
          value={interviewerId}
          onChange={(e) => setInterviewerId(e.target.value)}
          disabled={interviewers.length === 0}
        >
          <option value="">{interviewers.length === 0 ? t("days.pairs.noInterviewers") : t("days.pairs.chooseInterviewer")}</option>
          {interviewers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" className="button button-secondary" disabled={!canAdd} onClick={add} data-testid={`${testId}-add`}>
          {t("days.pairs.add")}
        </button>
      </div>
    </fieldset>
  );
}
