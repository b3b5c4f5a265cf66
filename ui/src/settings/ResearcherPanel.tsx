import { useMemo } from "react";
import { timeZoneChoices } from "../timeZones";
import { FormField } from "./FormField";
import type { ProfileErrors, ProfileField, ProfileForm } from "./profileForm";
import { t } from "../i18n";

type Props = {
  form: ProfileForm;
  errors: ProfileErrors;
  control: (field: ProfileField) => Record<string, unknown>;
  onChange: <K extends ProfileField>(field: K, value: ProfileForm[K]) => void;
};

/** The researcher's name, address and time zone, and whether Sync runs by itself. */
export function ResearcherPanel({ form, errors, control, onChange: set }: Props) {
  const zones = useMemo(() => timeZoneChoices(), []);
  return (
    <section className="panel" aria-labelledby="settings-you-heading">
      <h2 id="settings-you-heading" className="panel-title">
        {t("mail.you.title")}
      </h2>
      <p className="panel-hint">{t("mail.you.hint")}</p>
      <div className="field-row">
        <FormField id="mail-researcherName" label={t("mail.you.name")} error={errors.researcherName} className="field-grow">
          <input
            {...control("researcherName")}
            data-testid="settings-name"
            type="text"
            autoComplete="name"
            value={form.researcherName}
            onChange={(e) => set("researcherName", e.target.value)}
          />
        </FormField>
        <FormField id="mail-researcherEmail" label={t("mail.you.email")} error={errors.researcherEmail} className="field-grow">
          <input
            {...control("researcherEmail")}
            data-testid="settings-email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={form.researcherEmail}
            onChange={(e) => set("researcherEmail", e.target.value)}
          />
        </FormField>
      </div>
      <FormField
        id="mail-timeZone"
        label={t("mail.you.timeZone")}
        error={errors.timeZone}
        hint={t("mail.you.timeZoneHint")}
      >
        <input
          {...control("timeZone")}
          data-testid="settings-timezone"
          type="text"
          list="mail-timezones"
          autoComplete="off"
          spellCheck={false}
          value={form.timeZone}
          onChange={(e) => set("timeZone", e.target.value)}
        />
      </FormField>
      <datalist id="mail-timezones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="settings-sync-automatically"
          checked={form.syncAutomatically}
          onChange={(e) => set("syncAutomatically", e.target.checked)}
        />
        <span>
          <span className="checkbox-label">{t("mail.syncAutomatically")}</span>
          <span className="field-hint">{t("mail.syncAutomaticallyHint")}</span>
        </span>
      </label>
    </section>
  );
}
