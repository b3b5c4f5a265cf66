import { SettingField, type SectionProps } from "./SettingField";
import { t } from "../../i18n";

export function BookingRulesSection(props: SectionProps) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-rules-heading">
      <h2 className="panel-title" id="settings-rules-heading">
        {t("studySettings.rules.title")}
      </h2>
      <div className="settings-grid">
        <SettingField
          {...props}
          field="bufferBeforeMinutes"
          label={t("studySettings.rules.bufferBefore")}
          type="number"
          unit={t("studySettings.unit.minutes")}
          hint={t("studySettings.rules.bufferBeforeHint")}
        />
        <SettingField
          {...props}
          field="bufferAfterMinutes"
          label={t("studySettings.rules.bufferAfter")}
          type="number"
          unit={t("studySettings.unit.minutes")}
          hint={t("studySettings.rules.bufferAfterHint")}
        />
        <SettingField
          {...props}
          field="minNoticeMinutes"
          label={t("studySettings.rules.minNotice")}
          type="number"
          unit={t("studySettings.unit.minutes")}
          hint={t("studySettings.rules.minNoticeHint")}
        />
        <SettingField
          {...props}
          field="horizonDays"
          label={t("studySettings.rules.horizon")}
          type="number"
          unit={t("studySettings.unit.days")}
          hint={t("studySettings.rules.horizonHint")}
        />
        <SettingField
          {...props}
          field="maxPerDay"
          label={t("studySettings.rules.maxPerDay")}
          type="number"
          placeholder={t("studySettings.rules.noCap")}
          hint={t("studySettings.rules.noCapHint")}
        />
        <SettingField
          {...props}
          field="maxPerWeek"
          label={t("studySettings.rules.maxPerWeek")}
          type="number"
          placeholder={t("studySettings.rules.noCap")}
          hint={t("studySettings.rules.noCapHint")}
        />
        <SettingField
          {...props}
          field="changeCutoffHours"
          label={t("studySettings.rules.cutoff")}
          type="number"
          unit={t("studySettings.unit.hours")}
          hint={t("studySettings.rules.cutoffHint")}
        />
      </div>
    </section>
  );
}
