import type { StudyKind } from "../../bindings/types";
import type { SectionProps } from "./SettingField";
import { t } from "../../i18n";

/** Every kind of study, in the order offered; a new kind fails the type check until it is here. */
const kindWords: Record<StudyKind, { title: () => string; text: () => string }> = {
  one_to_one: { title: () => t("studySettings.kind.oneToOne"), text: () => t("studySettings.kind.oneToOneHint") },
  interview_days: { title: () => t("studySettings.kind.days"), text: () => t("studySettings.kind.daysHint") },
};

const kinds = (Object.keys(kindWords) as StudyKind[]).map((key) => ({
  key,
  title: kindWords[key].title(),
  text: kindWords[key].text(),
}));

export function KindSection({ draft, errors, onChange }: SectionProps) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-kind-heading">
      <h2 className="panel-title" id="settings-kind-heading">
        {t("studySettings.kind.title")}
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
