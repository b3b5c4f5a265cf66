import { useMemo } from "react";
import { timeZoneChoices } from "../../timeZones";
import { SettingField, type SectionProps } from "./SettingField";

export function StudyDetailsSection(props: SectionProps) {
  const zones = useMemo(timeZoneChoices, []);
  return (
    <section className="panel settings-section" aria-labelledby="settings-study-heading">
      <h2 className="panel-title" id="settings-study-heading">
        Study
      </h2>
      <SettingField {...props} field="name" label="Name" />
      <SettingField {...props} field="description" label="Description" multiline />
      <div className="field-row">
        <SettingField
          {...props}
          field="timeZone"
          label="Time zone"
          className="field-grow"
          list="study-settings-zones"
          hint="Sessions are laid out on this wall clock; participants see times in their own zone."
        />
        <datalist id="study-settings-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <SettingField {...props} field="interviewMinutes" label="Interview length" type="number" unit="minutes" className="field-minutes" />
      </div>
    </section>
  );
}
