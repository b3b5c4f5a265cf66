import { useId, type ReactNode } from "react";
import type { DraftErrors, DraftField, SettingsDraft } from "./settingsDraft";

export type SectionProps = {
  draft: SettingsDraft;
  errors: DraftErrors;
  onChange: <F extends DraftField>(field: F, value: SettingsDraft[F]) => void;
};

type Props = SectionProps & {
  field: DraftField;
  label: string;
  hint?: ReactNode;
  /** A unit shown after the input, such as "minutes". */
  unit?: string;
  type?: "text" | "number" | "url";
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  list?: string;
};

/** One labelled input of the Study settings form, with its hint and its error. */
export function SettingField({
  draft,
  errors,
  onChange,
  field,
  label,
  hint,
  unit,
  type = "text",
  multiline = false,
  placeholder,
  className,
  list,
}: Props) {
  const id = useId();
  const error = errors[field];
  const value = String(draft[field]);
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    "data-testid": `setting-${field}`,
    "data-field": field,
    value,
    placeholder,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
  };
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(field, e.target.value)} />
      ) : (
        <div className="setting-input">
          <input
            {...common}
            type={type}
            list={list}
            inputMode={type === "number" ? "numeric" : undefined}
            min={type === "number" ? 0 : undefined}
            autoComplete="off"
            spellCheck={type === "text" ? undefined : false}
            onChange={(e) => onChange(field, e.target.value)}
          />
          {unit && <span className="setting-unit">{unit}</span>}
        </div>
      )}
      {hint && (
        <p className="setting-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`setting-${field}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
