import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import type { AppError, InterviewerView } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import {
  MAX_CAPACITY,
  validateDraft,
  withKind,
  type DraftField,
  type SessionDraft,
  type SessionKind,
} from "./sessionDraft";
import { formatWhenRange, weekdayNames } from "../../time/format";
import { instantOfAny, isoWeekday } from "../../time/zonedTime";
import { t } from "../../i18n";

type Props = {
  initial: SessionDraft;
  interviewers: InterviewerView[];
  studyZone: string;
  /** The researcher's own zone, when it differs from the study's: times are shown in it too. */
  researcherZone: string | null;
  submitLabel: string;
  savingLabel: string;
  onSubmit: (draft: SessionDraft) => Promise<void>;
  onCancel: () => void;
  /** More actions on the left of the buttons, such as Delete. */
  extraActions?: ReactNode;
};

const fieldOrder: DraftField[] = ["title", "date", "validFrom", "validUntil", "startTime", "endTime", "capacity"];

export function SessionForm({
  initial,
  interviewers,
  studyZone,
  researcherZone,
  submitLabel,
  savingLabel,
  onSubmit,
  onCancel,
  extraActions,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const errors = useMemo(() => validateDraft(draft), [draft]);
  const shown = attempted ? errors : {};
  const days = useMemo(() => weekdayNames(), []);

  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const first = fieldOrder.find((f) => errors[f] !== undefined);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    setServerError(null);
    try {
      await onSubmit(draft);
    } catch (reason) {
      setServerError(toAppError(reason));
      setSaving(false);
    }
  }

  function input(field: DraftField) {
    const message = shown[field];
    return {
      id: `${id}-${field}`,
      "aria-invalid": message !== undefined || undefined,
      "aria-describedby": message !== undefined ? `${id}-${field}-error` : undefined,
    };
  }

  function fieldError(field: DraftField) {
    const message = shown[field];
    return message === undefined ? null : (
      <p className="field-error" id={`${id}-${field}-error`} data-testid={`session-${field}-error`}>
        {message}
      </p>
    );
  }

  const kinds: Array<{ kind: SessionKind; label: string; hint: string }> = [
    { kind: "window", label: t("sessions.form.kind.window"), hint: t("sessions.form.kind.windowHint") },
    {
      kind: "weekly",
      label:
        draft.kind !== "weekly" && /^\d{4}-\d{2}-\d{2}$/.test(draft.date)
          ? t("sessions.form.kind.weeklyOn", { day: String(days[isoWeekday(draft.date) - 1]) })
          : t("sessions.form.kind.weekly"),
      hint: t("sessions.form.kind.weeklyHint"),
    },
    { kind: "day", label: t("sessions.form.kind.day"), hint: t("sessions.form.kind.dayHint") },
  ];

  const yourTime =
    researcherZone && draft.kind !== "weekly" && !errors.date && !errors.startTime && !errors.endTime
      ? formatWhenRange(
          instantOfAny(`${draft.date}T${draft.startTime}`, studyZone),
          instantOfAny(`${draft.date}T${draft.endTime}`, studyZone),
          researcherZone,
        )
      : null;

  return (
    <form className="form" noValidate onSubmit={submit} data-testid="session-form">
      {serverError && <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />}

      <div className="field">
        <label htmlFor={`${id}-title`}>{t("sessions.form.title")}</label>
        <input
          {...input("title")}
          data-testid="session-title-input"
          type="text"
          autoComplete="off"
          value={draft.title}
          onChange={(e) => set("title", e.target.value)}
        />
        {fieldError("title")}
      </div>

      <fieldset className="session-kinds">
        <legend>{t("sessions.form.kind")}</legend>
        {kinds.map((k) => (
          <label key={k.kind} className="session-kind" data-checked={draft.kind === k.kind || undefined}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.kind}
              data-testid={`session-kind-${k.kind}`}
              checked={draft.kind === k.kind}
              onChange={() => setDraft((d) => withKind(d, k.kind))}
            />
            <span className="session-kind-text">
              <span className="session-kind-label">{k.label}</span>
              <span className="session-kind-hint">{k.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {draft.kind === "weekly" ? (
        <>
          <div className="session-when">
            <div className="field">
              <label htmlFor={`${id}-weekday`}>{t("sessions.form.every")}</label>
              <select
                id={`${id}-weekday`}
                data-testid="session-weekday-select"
                value={draft.weekday}
                onChange={(e) => set("weekday", Number(e.target.value))}
              >
                {days.map((name, index) => (
                  <option key={name} value={index + 1}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            {timeFields()}
          </div>
          <div className="field-row">
            <div className="field field-grow">
              <label htmlFor={`${id}-validFrom`}>{t("sessions.form.firstDate")}</label>
              <input
                {...input("validFrom")}
                data-testid="session-valid-from-input"
                type="date"
                value={draft.validFrom}
                onChange={(e) => set("validFrom", e.target.value)}
              />
              {fieldError("validFrom")}
            </div>
            <div className="field field-grow">
              <label htmlFor={`${id}-validUntil`}>
                {t("sessions.form.lastDate")} <span className="field-optional">{t("common.optional")}</span>
              </label>
              <input
                {...input("validUntil")}
                data-testid="session-valid-until-input"
                type="date"
                min={draft.validFrom || undefined}
                value={draft.validUntil}
                onChange={(e) => set("validUntil", e.target.value)}
              />
              {fieldError("validUntil")}
            </div>
          </div>
        </>
      ) : (
        <div className="session-when">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t("sessions.form.date")}</label>
            <input
              {...input("date")}
              data-testid="session-date-input"
              type="date"
              value={draft.date}
              onChange={(e) => set("date", e.target.value)}
            />
            {fieldError("date")}
          </div>
          {timeFields()}
        </div>
      )}
      <p className="session-zone-note" data-testid="session-zone-note">
        {t("sessions.form.zoneNote", { zone: studyZone })}
        {yourTime && (
          <>
            {" "}
            {t("sessions.form.yourTime", { zone: String(researcherZone), time: yourTime })}
          </>
        )}
      </p>

      <div className="field session-capacity">
        <label htmlFor={`${id}-capacity`}>{draft.kind === "day" ? t("sessions.form.places") : t("sessions.form.perSlot")}</label>
        <input
          {...input("capacity")}
          data-testid="session-capacity-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_CAPACITY}
          value={draft.capacity}
          onChange={(e) => set("capacity", e.target.value)}
        />
        <p className="field-hint">
          {draft.kind === "day" ? t("sessions.form.placesHint") : t("sessions.form.perSlotHint")}
        </p>
        {fieldError("capacity")}
      </div>

      <fieldset className="session-interviewers">
        <legend>{t("sessions.form.interviewers")}</legend>
        {interviewers.length === 0 ? (
          <p className="field-hint" data-testid="session-no-interviewers">
            {t("sessions.form.noInterviewers")}
          </p>
        ) : (
          interviewers.map((person) => (
            <label key={person.id} className="session-check">
              <input
                type="checkbox"
                data-testid={`session-interviewer-${person.id}`}
                checked={draft.interviewerIds.includes(person.id)}
                onChange={(e) =>
                  set(
                    "interviewerIds",
                    e.target.checked
                      ? [...draft.interviewerIds, person.id]
                      : draft.interviewerIds.filter((i) => i !== person.id),
                  )
                }
              />
              <span>{person.name}</span>
              <span className="session-check-hint">
                {person.role === "noteTaker"
                  ? t("sessions.form.noteTakerEmail", { email: person.email })
                  : person.email}
              </span>
            </label>
          ))
        )}
      </fieldset>

      <label className="session-switch" data-testid="session-visible-toggle">
        <input
          type="checkbox"
          role="switch"
          data-testid="session-visible-switch"
          checked={draft.visible}
          onChange={(e) => set("visible", e.target.checked)}
        />
        <span className="session-switch-track" aria-hidden="true" />
        <span className="session-switch-text">
          <span>{t("sessions.form.offered")}</span>
          <span className="session-check-hint">
            {draft.visible ? t("sessions.form.visible") : t("sessions.form.hidden")}
          </span>
        </span>
      </label>

      <div className="dialog-actions session-form-actions">
        {extraActions && <div className="session-form-extra">{extraActions}</div>}
        <button type="button" className="button button-secondary" data-testid="session-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="session-submit"
          disabled={saving}
          aria-busy={saving || undefined}
        >
          {saving && <span className="spinner" aria-hidden="true" />}
          {saving ? savingLabel : submitLabel}
        </button>
      </div>
    </form>
  );

  function timeFields() {
    return (
      <>
        <div className="field">
          <label htmlFor={`${id}-startTime`}>{t("sessions.form.from")}</label>
          <input
            {...input("startTime")}
            data-testid="session-start-input"
            type="time"
            step={300}
            value={draft.startTime}
            onChange={(e) => set("startTime", e.target.value)}
          />
          {fieldError("startTime")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-endTime`}>{t("sessions.form.to")}</label>
          <input
            {...input("endTime")}
            data-testid="session-end-input"
            type="time"
            step={300}
            value={draft.endTime}
            onChange={(e) => set("endTime", e.target.value)}
          />
          {fieldError("endTime")}
        </div>
      </>
    );
  }
}
