import { useId, type FormEvent } from "react";
import type { AppError } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import type { BlockDraft, DayForm, DayFormErrors } from "./dayForm";
import { PairsEditor, type Person } from "./PairsEditor";
import { t, tPlural } from "../../i18n";

type Props = {
  form: DayForm;
  errors: DayFormErrors;
  applicants: Person[];
  interviewers: Person[];
  hasSchedule: boolean;
  generating: boolean;
  generateError: AppError | null;
  onDismissError: () => void;
  onChange: (form: DayForm) => void;
  onGenerate: () => void;
};

/** How the day is cut into rounds, and who must or must not meet. */
export function DayPlanForm(props: Props) {
  const { form, errors, onChange } = props;
  const id = useId();
  const set = <K extends keyof DayForm>(key: K, value: DayForm[K]) => onChange({ ...form, [key]: value });
  const setBlock = (index: number, change: Partial<BlockDraft>) =>
    set(
      "blocks",
      form.blocks.map((b, i) => (i === index ? { ...b, ...change } : b)),
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onGenerate();
  }

  const numberField = (key: "rounds" | "roundMinutes" | "passingMinutes", label: string, unit?: string) => (
    <div className="field day-number-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <div className="setting-input">
        <input
          id={`${id}-${key}`}
          data-testid={`day-${key}`}
          type="number"
          inputMode="numeric"
          min={0}
          value={form[key]}
          aria-invalid={errors[key] ? true : undefined}
          onChange={(e) => set(key, e.target.value)}
        />
        {unit && <span className="setting-unit">{unit}</span>}
      </div>
      {errors[key] && <p className="field-error">{errors[key]}</p>}
    </div>
  );

  return (
    <form className="panel form day-plan" onSubmit={submit} noValidate data-testid="day-plan-form">
      {props.generateError && <ErrorBanner error={props.generateError} onDismiss={props.onDismissError} />}
      {/* Once the day has a schedule, the plan folds away so the grid is what the eye meets first. */}
      <details className="day-plan-details" open={!props.hasSchedule}>
        <summary className="day-plan-summary">
          <span className="panel-title">{t("days.plan.title")}</span>
          <span className="setting-hint">{summaryOf(form)}</span>
        </summary>
        <div className="day-plan-body">
          <div className="field-row">
            {numberField("rounds", t("days.plan.rounds"))}
            {numberField("roundMinutes", t("days.plan.roundMinutes"), t("days.plan.minutes"))}
            {numberField("passingMinutes", t("days.plan.passingMinutes"), t("days.plan.minutes"))}
            <div className="field day-number-field">
              <label htmlFor={`${id}-start`}>{t("days.plan.start")}</label>
              <input
                id={`${id}-start`}
                data-testid="day-start"
                type="time"
                value={form.start}
                aria-invalid={errors.start ? true : undefined}
                onChange={(e) => set("start", e.target.value)}
              />
              {errors.start ? (
                <p className="field-error">{errors.start}</p>
              ) : (
                <p className="setting-hint">{t("days.plan.startHint")}</p>
              )}
            </div>
          </div>

          <fieldset className="day-blocks">
            <legend className="day-pairs-title">{t("days.plan.blocks")}</legend>
            <p className="setting-hint">{t("days.plan.blocksHint")}</p>
            {form.blocks.map((block, index) => (
              <div key={index} className="day-block-row" data-testid="day-block">
                <input
                  aria-label={t("days.plan.blockName", { number: index + 1 })}
                  placeholder={t("days.plan.blockPlaceholder")}
                  value={block.label}
                  data-testid="day-block-label"
                  onChange={(e) => setBlock(index, { label: e.target.value })}
                />
                <input
                  aria-label={t("days.plan.blockStart", { number: index + 1 })}
                  type="time"
                  value={block.start}
                  data-testid="day-block-start"
                  onChange={(e) => setBlock(index, { start: e.target.value })}
                />
                <span className="setting-input">
                  <input
                    aria-label={t("days.plan.blockMinutes", { number: index + 1 })}
                    type="number"
                    min={1}
                    value={block.minutes}
                    data-testid="day-block-minutes"
                    onChange={(e) => setBlock(index, { minutes: e.target.value })}
                  />
                  <span className="setting-unit">{t("days.plan.minutes")}</span>
                </span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t("days.plan.removeBlock", {
                    name: block.label || t("days.plan.unnamedBlock", { number: index + 1 }),
                  })}
                  onClick={() => set("blocks", form.blocks.filter((_, i) => i !== index))}
                >
                  {t("days.plan.remove")}
                </button>
              </div>
            ))}
            {errors.blocks && <p className="field-error">{errors.blocks}</p>}
            <button
              type="button"
              className="button button-secondary day-add-block"
              data-testid="day-add-block"
              onClick={() =>
                set("blocks", [
                  ...form.blocks,
                  { label: form.blocks.length === 0 ? t("days.plan.welcome") : t("days.plan.lunch"), start: "", minutes: "30" },
                ])
              }
            >
              {t("days.plan.addBlock")}
            </button>
          </fieldset>

          <div className="day-pairs-row">
            <PairsEditor
              title={t("days.plan.conflicts")}
              hint={t("days.plan.conflictsHint")}
              testId="day-conflicts"
              pairs={form.conflicts}
              applicants={props.applicants}
              interviewers={props.interviewers}
              onChange={(pairs) => set("conflicts", pairs)}
            />
            <PairsEditor
              title={t("days.plan.mustMeet")}
              hint={t("days.plan.mustMeetHint")}
              testId="day-must-meet"
              pairs={form.mustMeet}
              applicants={props.applicants}
              interviewers={props.interviewers}
              onChange={(pairs) => set("mustMeet", pairs)}
            />
          </div>
          {errors.pairs && <p className="field-error">{errors.pairs}</p>}

          <div className="day-plan-actions">
            {props.hasSchedule && (
              <span className="setting-hint">{t("days.plan.regenerateHint")}</span>
            )}
            <button type="submit" className="button button-primary" disabled={props.generating} aria-busy={props.generating || undefined} data-testid="day-generate">
              {props.generating ? (
                <>
                  <span className="spinner" aria-hidden="true" /> {t("days.plan.generating")}
                </>
              ) : props.hasSchedule ? (
                t("days.plan.generateAgain")
              ) : (
                t("days.plan.generate")
              )}
            </button>
          </div>
        </div>
      </details>
    </form>
  );
}

function summaryOf(form: DayForm): string {
  const parts = [
    t("days.summary.rounds", { rounds: form.rounds || "?", minutes: form.roundMinutes || "?" }),
    t("days.summary.passing", { minutes: form.passingMinutes || 0 }),
  ];
  if (form.blocks.length > 0) parts.push(form.blocks.map((b) => b.label || t("days.summary.block")).join(", "));
  const pairs = form.conflicts.length + form.mustMeet.length;
  if (pairs > 0) parts.push(tPlural("days.summary.pairs", pairs));
  return parts.join(" · ");
}
