import { LanguageSelect } from "../../language/LanguageSelect";
import { useMessageLanguages } from "../../language/messageLanguages";
import { SettingField, type SectionProps } from "./SettingField";
import { t } from "../../i18n";

export function ParticipantsSection(props: SectionProps) {
  const { draft, onChange, errors } = props;
  const languages = useMessageLanguages();
  return (
    <section className="panel settings-section" aria-labelledby="settings-participants-heading">
      <h2 className="panel-title" id="settings-participants-heading">
        {t("studySettings.participants.title")}
      </h2>
      <label className="switch-row" data-testid="setting-selfScheduling-switch">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          data-testid="setting-selfScheduling"
          checked={draft.selfScheduling}
          aria-describedby="self-scheduling-explained"
          onChange={(e) => onChange("selfScheduling", e.target.checked)}
        />
        <span className="switch-text">
          <span className="switch-title">
            {draft.selfScheduling
              ? t("studySettings.participants.selfSchedulingOn")
              : t("studySettings.participants.selfSchedulingOff")}
          </span>
          <span className="switch-hint" id="self-scheduling-explained" data-testid="self-scheduling-explained">
            {draft.selfScheduling
              ? t("studySettings.participants.selfSchedulingOnHint")
              : t("studySettings.participants.selfSchedulingOffHint")}
          </span>
        </span>
      </label>
      <div className="field">
        <label htmlFor="setting-language">{t("studySettings.participants.language")}</label>
        <LanguageSelect
          id="setting-language"
          testId="setting-language"
          value={draft.language}
          options={languages}
          onChange={(tag) => onChange("language", tag)}
        />
        <p className="field-hint">{t("studySettings.participants.languageHint")}</p>
        {errors.language && (
          <p className="field-error" data-testid="setting-language-error">
            {errors.language}
          </p>
        )}
      </div>
      <SettingField
        {...props}
        field="reminderHours"
        label={t("studySettings.participants.reminder")}
        type="number"
        unit={t("studySettings.participants.reminderUnit")}
        placeholder={t("studySettings.participants.reminderNone")}
        className="field-minutes"
        hint={t("studySettings.participants.reminderHint")}
      />
      <SettingField
        {...props}
        field="waitlistOfferHours"
        label={t("studySettings.participants.waitlist")}
        type="number"
        unit={t("studySettings.unit.hours")}
        placeholder={t("studySettings.participants.waitlistNoLimit")}
        className="field-minutes"
        hint={t("studySettings.participants.waitlistHint")}
      />
      <SettingField
        {...props}
        field="interviewsPerParticipant"
        label={t("studySettings.participants.perParticipant")}
        type="number"
        unit={t("studySettings.participants.perParticipantUnit")}
        className="field-minutes"
        hint={t("studySettings.participants.perParticipantHint")}
      />
    </section>
  );
}
