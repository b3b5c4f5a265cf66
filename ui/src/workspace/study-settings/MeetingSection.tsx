import { SettingField, type SectionProps } from "./SettingField";

export function MeetingSection(props: SectionProps) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-meeting-heading">
      <h2 className="panel-title" id="settings-meeting-heading">
        Where interviews happen
      </h2>
      <p className="panel-hint">These go into every confirmation and calendar invitation.</p>
      <SettingField {...props} field="location" label="Location" placeholder="Room 2.14, Research Building" />
      <SettingField {...props} field="conferencingUrl" label="Conferencing link" type="url" placeholder="https://" />
      <SettingField {...props} field="dialIn" label="Dial-in details" multiline placeholder="+1 555 0100, meeting ID 123 456" />
    </section>
  );
}
