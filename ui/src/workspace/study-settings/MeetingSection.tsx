import { SettingField, type SectionProps } from "./SettingField";
import { t } from "../../i18n";

export function MeetingSection(props: SectionProps) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-meeting-heading">
      <h2 className="panel-title" id="settings-meeting-heading">
        {t("studySettings.meeting.title")}
      </h2>
      <p className="panel-hint">{t("studySettings.meeting.hint")}</p>
      <SettingField
        {...props}
        field="location"
        label={t("studySettings.meeting.location")}
        placeholder={t("studySettings.meeting.locationPlaceholder")}
      />
      <SettingField {...props} field="conferencingUrl" label={t("studySettings.meeting.conferencing")} type="url" placeholder="https://" />
      <SettingField
        {...props}
        field="dialIn"
        label={t("studySettings.meeting.dialIn")}
        multiline
        placeholder={t("studySettings.meeting.dialInPlaceholder")}
      />
    </section>
  );
}
