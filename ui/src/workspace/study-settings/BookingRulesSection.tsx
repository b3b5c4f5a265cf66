import { SettingField, type SectionProps } from "./SettingField";

export function BookingRulesSection(props: SectionProps) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-rules-heading">
      <h2 className="panel-title" id="settings-rules-heading">
        Booking rules
      </h2>
      <div className="settings-grid">
        <SettingField {...props} field="bufferBeforeMinutes" label="Buffer before" type="number" unit="minutes" hint="Kept free before each interview." />
        <SettingField {...props} field="bufferAfterMinutes" label="Buffer after" type="number" unit="minutes" hint="Kept free after each interview, for notes." />
        <SettingField {...props} field="minNoticeMinutes" label="Minimum notice" type="number" unit="minutes" hint="No booking sooner than this; 1440 is one day." />
        <SettingField {...props} field="horizonDays" label="Booking horizon" type="number" unit="days" hint="How far ahead participants can book." />
        <SettingField {...props} field="maxPerDay" label="Most interviews per day" type="number" placeholder="No cap" hint="Leave empty for no cap." />
        <SettingField {...props} field="maxPerWeek" label="Most interviews per week" type="number" placeholder="No cap" hint="Leave empty for no cap." />
        <SettingField
          {...props}
          field="changeCutoffHours"
          label="Participants’ cancellation cut-off"
          type="number"
          unit="hours"
          hint="Participants cannot cancel or reschedule later than this before the interview."
        />
      </div>
    </section>
  );
}
