import { useId, type FormEvent } from "react";
import type { AppError } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import type { BlockDraft, DayForm, DayFormErrors } from "./dayForm";
import { PairsEditor, type Person } from "./PairsEditor";

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
          <span className="panel-title">Plan of the day</span>
          <span className="setting-hint">{summaryOf(form)}</span>
        </summary>
        <div className="day-plan-body">
          <div className="field-row">
            {numberField("rounds", "Rounds")}
            {numberField("roundMinutes", "Each round", "minutes")}
            {numberField("passingMinutes", "Passing time", "minutes")}
            <div className="field day-number-field">
              <label htmlFor={`${id}-start`}>First round starts</label>
              <input
                id={`${id}-start`}
                data-testid="day-start"
                type="time"
                value={form.start}
                aria-invalid={errors.start ? true : undefined}
                onChange={(e) => set("start", e.target.value)}
              />
              {errors.start ? <p className="field-error">{errors.start}</p> : <p className="setting-hint">Empty: when the session starts.</p>}
            </div>
          </div>

          <fieldset className="day-blocks">
            <legend className="day-pairs-title">Fixed blocks</legend>
            <p className="setting-hint">A welcome, a lunch: no round runs during them.</p>
            {form.blocks.map((block, index) => (
              <div key={index} className="day-block-row" data-testid="day-block">
                <input
                  aria-label={`Block ${index + 1} name`}
                  placeholder="Lunch"
                  value={block.label}
                  data-testid="day-block-label"
                  onChange={(e) => setBlock(index, { label: e.target.value })}
                />
                <input
                  aria-label={`Block ${index + 1} start`}
                  type="time"
                  value={block.start}
                  data-testid="day-block-start"
                  onChange={(e) => setBlock(index, { start: e.target.value })}
                />
                <span className="setting-input">
                  <input
                    aria-label={`Block ${index + 1} length in minutes`}
                    type="number"
                    min={1}
                    value={block.minutes}
                    data-testid="day-block-minutes"
                    onChange={(e) => setBlock(index, { minutes: e.target.value })}
                  />
                  <span className="setting-unit">minutes</span>
                </span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Remove ${block.label || `block ${index + 1}`}`}
                  onClick={() => set("blocks", form.blocks.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </div>
            ))}
            {errors.blocks && <p className="field-error">{errors.blocks}</p>}
            <button
              type="button"
              className="button button-secondary day-add-block"
              data-testid="day-add-block"
              onClick={() => set("blocks", [...form.blocks, { label: form.blocks.length === 0 ? "Welcome" : "Lunch", start: "", minutes: "30" }])}
            >
              Add a block
            </button>
          </fieldset>

          <div className="day-pairs-row">
            <PairsEditor
              title="Conflicts of interest"
              hint="These two never meet, for example a supervisor and their own student."
              testId="day-conflicts"
              pairs={form.conflicts}
              applicants={props.applicants}
              interviewers={props.interviewers}
              onChange={(pairs) => set("conflicts", pairs)}
            />
            <PairsEditor
              title="Must meet"
              hint="These two meet in one of the rounds whatever else happens."
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
              <span className="setting-hint">Generating again replaces the schedule below, including swaps made by hand.</span>
            )}
            <button type="submit" className="button button-primary" disabled={props.generating} aria-busy={props.generating || undefined} data-testid="day-generate">
              {props.generating ? (
                <>
                  <span className="spinner" aria-hidden="true" /> Generating…
                </>
              ) : props.hasSchedule ? (
                "Generate again"
              ) : (
                "Generate schedule"
              )}
            </button>
          </div>
        </div>
      </details>
    </form>
  );
}

function summaryOf(form: DayForm): string {
  const parts = [`${form.rounds || "?"} rounds of ${form.roundMinutes || "?"} min`, `${form.passingMinutes || 0} min passing`];
  if (form.blocks.length > 0) parts.push(form.blocks.map((b) => b.label || "block").join(", "));
  const pairs = form.conflicts.length + form.mustMeet.length;
  if (pairs > 0) parts.push(`${pairs} ${pairs === 1 ? "pair" : "pairs"}`);
  return parts.join(" · ");
}
