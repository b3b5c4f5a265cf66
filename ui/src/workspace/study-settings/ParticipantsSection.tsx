import { LanguageSelect } from "../../language/LanguageSelect";
import { useMessageLanguages } from "../../language/messageLanguages";
import { SettingField, type SectionProps } from "./SettingField";

export function ParticipantsSection(props: SectionProps) {
  const { draft, onChange, errors } = props;
  const languages = useMessageLanguages();
  return (
    <section className="panel settings-section" aria-labelledby="settings-participants-heading">
      <h2 className="panel-title" id="settings-participants-heading">
        Confirmations and reminders
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
          <span className="switch-title">Self-scheduling {draft.selfScheduling ? "on" : "off"}</span>
          <span className="switch-hint" id="self-scheduling-explained" data-testid="self-scheduling-explained">
            {draft.selfScheduling
              ? "A participant’s valid choice is confirmed at once: their confirmation and calendar invitation go out at the next Sync."
              : "Choices wait as Pending until you assign each participant their first or second choice under Interviews."}
          </span>
        </span>
      </label>
      <div className="field">
        <label htmlFor="setting-language">Language of messages</label>
        <LanguageSelect
          id="setting-language"
          testId="setting-language"
          value={draft.language}
          options={languages}
          onChange={(tag) => onChange("language", tag)}
        />
        <p className="field-hint">
          Participants without a language of their own get their messages, and the dates in them, in this language.
          Each language has its own wording under Settings → Message templates.
        </p>
        {errors.language && (
          <p className="field-error" data-testid="setting-language-error">
            {errors.language}
          </p>
        )}
      </div>
      <SettingField
        {...props}
        field="reminderHours"
        label="Reminder"
        type="number"
        unit="hours before"
        placeholder="None"
        className="field-minutes"
        hint="Leave empty to send no reminders."
      />
      <SettingField
        {...props}
        field="waitlistOfferHours"
        label="Waitlist offers stay open"
        type="number"
        unit="hours"
        placeholder="No limit"
        className="field-minutes"
        hint="A freed place goes to whoever waited longest; if they do not take it in time, it is offered to the next person."
      />
      <SettingField
        {...props}
        field="interviewsPerParticipant"
        label="Interviews per participant"
        type="number"
        unit="one at a time"
        className="field-minutes"
        hint="More than one for a pre and a post, or a follow-up: after each completed interview, the participant can be invited to the next."
      />
    </section>
  );
}
