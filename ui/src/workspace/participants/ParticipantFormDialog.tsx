import * as Dialog from "@radix-ui/react-dialog";
import { useId, useMemo, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { ParticipantSummary } from "../../bindings/types";
import { timeZoneChoices } from "../../timeZones";
import { LanguageSelect } from "../../language/LanguageSelect";
import { useMessageLanguages } from "../../language/messageLanguages";
import {
  fieldErrorsFrom,
  participantFields,
  type ParticipantErrors,
  type ParticipantField,
} from "./participantFieldErrors";
import { toAppError } from "../../errors";
import { t } from "../../i18n";

/** Adding a new participant to the study, or editing one. */
export type ParticipantFormMode = { kind: "add" } | { kind: "edit"; participant: ParticipantSummary };

type Props = {
  studyId: number;
  /** Null while the dialog is closed. */
  mode: ParticipantFormMode | null;
  onClose: () => void;
  onSaved: (participant: ParticipantSummary) => void;
};

export function ParticipantFormDialog({ mode, onClose, ...rest }: Props) {
  return (
    <Dialog.Root open={mode !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="participant-dialog">
          <Dialog.Title className="dialog-title">
            {mode?.kind === "edit"
              ? t("participants.form.editTitle", { name: mode.participant.name })
              : t("participants.form.addTitle")}
          </Dialog.Title>
          <Dialog.Description className="dialog-description">
            {mode?.kind === "edit" ? t("participants.form.editDescription") : t("participants.form.addDescription")}
          </Dialog.Description>
          {mode !== null && <ParticipantForm mode={mode} onClose={onClose} {...rest} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function formValues(participant: ParticipantSummary | null): Record<ParticipantField, string> {
  return {
    name: participant?.name ?? "",
    email: participant?.email ?? "",
    timeZone: participant?.timeZone ?? "",
    language: participant?.language ?? "",
    phone: participant?.phone ?? "",
    notes: participant?.notes ?? "",
  };
}

function ParticipantForm({ studyId, mode, onClose, onSaved }: Omit<Props, "mode"> & { mode: ParticipantFormMode }) {
  const id = useId();
  // The participant as last loaded: a colleague's change saved meanwhile replaces it.
  const [existing, setExisting] = useState(mode.kind === "edit" ? mode.participant : null);
  const [values, setValues] = useState<Record<ParticipantField, string>>(() => formValues(existing));
  const [errors, setErrors] = useState<ParticipantErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => timeZoneChoices(), []);
  const languages = useMessageLanguages();

  function set(field: ParticipantField, value: string) {
    setValues((old) => ({ ...old, [field]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const trimmed = {
      name: values.name.trim(),
      email: values.email.trim(),
      timeZone: values.timeZone.trim(),
      language: values.language,
      phone: values.phone.trim(),
      notes: values.notes.trim(),
    };
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const saved =
        existing === null
          ? await commands.createParticipant({
              ...trimmed,
              timeZone: trimmed.timeZone === "" ? null : trimmed.timeZone,
              language: trimmed.language === "" ? null : trimmed.language,
              customFields: {},
              studyId,
            })
          : await commands.updateParticipant(existing.id, {
              ...trimmed,
              customFields: {},
              expectedUpdatedAt: existing.updatedAt,
            });
      onSaved(saved);
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === "changed_meanwhile" && existing !== null) {
        // Someone else saved first: show what is saved now, and say so.
        setFormError(error.message);
        try {
          const now: ParticipantSummary = await commands.getParticipant(existing.id);
          setExisting(now);
          setValues(formValues(now));
        } catch (again) {
          setFormError(`${error.message} ${toAppError(again).message}`);
        }
        return;
      }
      const { fields, other } = fieldErrorsFrom(error);
      setErrors(fields);
      setFormError(other.length > 0 ? other.join(" ") : null);
      const first = participantFields.find((field) => fields[field] !== undefined);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
    } finally {
      setSaving(false);
    }
  }

  function control(field: ParticipantField) {
    const message = errors[field];
    return {
      id: `${id}-${field}`,
      "data-testid": `participant-${field}-input`,
      value: values[field],
      onChange: (event: { target: { value: string } }) => set(field, event.target.value),
      "aria-invalid": message !== undefined || undefined,
      "aria-describedby": message !== undefined ? `${id}-${field}-error` : undefined,
    };
  }

  function fieldError(field: ParticipantField) {
    const message = errors[field];
    if (message === undefined) return null;
    return (
      <p className="field-error" id={`${id}-${field}-error`} data-testid={`participant-${field}-error`}>
        {message}
      </p>
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      {formError && (
        <p className="form-error" role="alert" data-testid="participant-form-error">
          {formError}
        </p>
      )}
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-name`}>{t("participants.form.name")}</label>
          <input {...control("name")} type="text" autoComplete="off" required />
          {fieldError("name")}
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-email`}>{t("participants.form.email")}</label>
          <input {...control("email")} type="email" autoComplete="off" spellCheck={false} required />
          {fieldError("email")}
        </div>
      </div>
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-timeZone`}>
            {t("participants.form.timeZone")} <span className="field-optional">{t("common.optional")}</span>
          </label>
          <input
            {...control("timeZone")}
            type="text"
            list={`${id}-zones`}
            placeholder={t("participants.form.timeZonePlaceholder")}
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {fieldError("timeZone")}
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-language`}>{t("participants.form.language")}</label>
          <LanguageSelect
            id={`${id}-language`}
            testId="participant-language-input"
            value={values.language}
            options={languages}
            emptyLabel={t("participants.form.languageOfStudy")}
            onChange={(tag) => set("language", tag)}
          />
          {fieldError("language")}
        </div>
      </div>
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-phone`}>
            {t("participants.form.phone")} <span className="field-optional">{t("common.optional")}</span>
          </label>
          <input {...control("phone")} type="tel" autoComplete="off" />
          {fieldError("phone")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>
          {t("participants.form.notes")} <span className="field-optional">{t("common.optional")}</span>
        </label>
        <textarea {...control("notes")} rows={3} />
        {fieldError("notes")}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="participant-submit"
          disabled={saving}
          aria-busy={saving || undefined}
        >
          {saving ? t("participants.form.saving") : existing === null ? t("participants.form.add") : t("participants.form.save")}
        </button>
      </div>
    </form>
  );
}
