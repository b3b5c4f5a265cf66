import { useId, useMemo, useState, type FormEvent } from "react";
import { commands } from "./bindings/commands";
import type { AppError, NewStudy, StudySummary } from "./bindings/types";
import { ErrorBanner } from "./ErrorBanner";
import { toAppError } from "./errors";
import { localTimeZone, timeZoneChoices } from "./timeZones";
import {
  MAX_INTERVIEW_MINUTES,
  MIN_INTERVIEW_MINUTES,
  normaliseNewStudy,
  validateNewStudy,
  type StudyErrors,
  type StudyField,
} from "./validation";
import { t } from "./i18n";
import { fieldProblems } from "./fieldProblems";

const studyFields: readonly StudyField[] = ["name", "description", "timeZone", "interviewMinutes"];

type Props = {
  onCreated: (study: StudySummary) => void;
  onCancel: () => void;
};

const fieldOrder: StudyField[] = ["name", "description", "timeZone", "interviewMinutes"];

export function StudyForm({ onCreated, onCancel }: Props) {
  const id = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [timeZone, setTimeZone] = useState(localTimeZone);
  // Kept as typed so that an emptied number field is reported instead of silently becoming 0.
  const [minutes, setMinutes] = useState("60");
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [serverField, setServerField] = useState<StudyField | undefined>();
  const zones = useMemo(() => timeZoneChoices(), []);

  const draft: NewStudy = {
    name,
    description,
    timeZone,
    interviewMinutes: minutes.trim() === "" ? Number.NaN : Number(minutes),
  };

  // Before the first submit the researcher is still typing; nagging then is noise.
  const shownErrors: StudyErrors = attempted ? validateNewStudy(draft) : {};

  function focusField(field: StudyField) {
    document.getElementById(`${id}-${field}`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setAttempted(true);
    const found = validateNewStudy(draft);
    const firstInvalid = fieldOrder.find((field) => found[field] !== undefined);
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    setSaving(true);
    setServerError(null);
    setServerField(undefined);
    try {
      const study = await commands.createStudy(normaliseNewStudy(draft));
      onCreated(study);
    } catch (reason) {
      const error = toAppError(reason);
      setServerError(error);
      const field = studyFields.find((f) => fieldProblems(error, studyFields).fields[f] !== undefined);
      setServerField(field);
      if (field) focusField(field);
    } finally {
      setSaving(false);
    }
  }

  function fieldProps(field: StudyField) {
    const message = shownErrors[field];
    const invalid = message !== undefined || serverField === field;
    return {
      id: `${id}-${field}`,
      "aria-invalid": invalid || undefined,
      "aria-describedby": message !== undefined ? `${id}-${field}-error` : undefined,
    };
  }

  function fieldError(field: StudyField) {
    const message = shownErrors[field];
    if (message === undefined) return null;
    return (
      <p className="field-error" id={`${id}-${field}-error`} data-testid={`study-${field}-error`}>
        {message}
      </p>
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      {serverError && (
        <ErrorBanner
          error={serverError}
          onDismiss={() => {
            setServerError(null);
            setServerField(undefined);
          }}
        />
      )}

      <div className="field">
        <label htmlFor={`${id}-name`}>{t("studyForm.name")}</label>
        <input
          {...fieldProps("name")}
          data-testid="study-name-input"
          type="text"
          required
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        {fieldError("name")}
      </div>

      <div className="field">
        <label htmlFor={`${id}-description`}>
          {t("studyForm.description")} <span className="field-optional">{t("common.optional")}</span>
        </label>
        <textarea
          {...fieldProps("description")}
          data-testid="study-description-input"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        {fieldError("description")}
      </div>

      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-timeZone`}>{t("studyForm.timeZone")}</label>
          <input
            {...fieldProps("timeZone")}
            data-testid="study-timezone-input"
            type="text"
            list={`${id}-zones`}
            required
            autoComplete="off"
            spellCheck={false}
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {fieldError("timeZone")}
        </div>

        <div className="field field-minutes">
          <label htmlFor={`${id}-interviewMinutes`}>{t("studyForm.minutes")}</label>
          <input
            {...fieldProps("interviewMinutes")}
            data-testid="study-minutes-input"
            type="number"
            inputMode="numeric"
            min={MIN_INTERVIEW_MINUTES}
            max={MAX_INTERVIEW_MINUTES}
            step={5}
            required
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
          {fieldError("interviewMinutes")}
        </div>
      </div>

      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="study-submit"
          disabled={saving}
          aria-busy={saving || undefined}
        >
          {saving ? t("studyForm.creating") : t("studyForm.create")}
        </button>
      </div>
    </form>
  );
}
