import type { SectionProps } from "./SettingField";

const kinds = [
  {
    key: "one_to_one",
    title: "One-to-one interviews",
    text: "Each participant books one slot, with a conferencing link and dial-in details.",
  },
  {
    key: "interview_days",
    title: "Interview days",
    text: "Applicants choose a whole day; on the day, rounds let each meet several interviewers.",
  },
] as const;

export function KindSection({ draft, errors, onChange }: SectionProps) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-kind-heading">
      <h2 className="panel-title" id="settings-kind-heading">
        Kind of study
      </h2>
      <div className="kind-choices" role="radiogroup" aria-labelledby="settings-kind-heading">
        {kinds.map((kind) => (
          <label key={kind.key} className={draft.kind === kind.key ? "kind-choice is-chosen" : "kind-choice"}>
            <input
              type="radio"
              name="study-kind"
              value={kind.key}
              data-testid={`setting-kind-${kind.key}`}
              checked={draft.kind === kind.key}
              onChange={() => onChange("kind", kind.key)}
            />
            <span className="kind-choice-text">
              <span className="kind-choice-title">{kind.title}</span>
              <span className="kind-choice-hint">{kind.text}</span>
            </span>
          </label>
        ))}
      </div>
      {errors.kind && (
        <p className="field-error" data-testid="setting-kind-error">
          {errors.kind}
        </p>
      )}
    </section>
  );
}
