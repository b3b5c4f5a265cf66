import { useMemo } from "react";
import { timeZoneChoices } from "../../timeZones";
import { SettingField, type SectionProps } from "./SettingField";
import { t } from "../../i18n";

export function StudyDetailsSection(props: SectionProps) {
  const zones = useMemo(() => timeZoneChoices(), []);
  return (
    <section className="panel settings-section" aria-labelledby="settings-study-heading">
      <h2 className="panel-title" id="settings-study-heading">
        {t("studySettings.details.title")}
      </h2>
      <SettingField {...props} field="name" label={t("studySettings.details.name")} />
      <SettingField {...props} field="description" label={t("studySettings.details.description")} multiline />
      <div className="field-row">
        <SettingField
          {...props}
          field="timeZone"
          label={t("studySettings.details.timeZone")}
          className="field-grow"
          list="study-settings-zones"
          hint={t("studySettings.details.timeZoneHint")}
        />
        <datalist id="study-settings-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <SettingField
          {...props}
          field="interviewMinutes"
          label={t("studySettings.details.length")}
          type="number"
          unit={t("studySettings.unit.minutes")}
          className="field-minutes"
        />
      </div>
    </section>
  );
}
