import type { LanguageOption } from "../bindings/types";

type Props = {
  id: string;
  testId: string;
  value: string;
  options: LanguageOption[];
  onChange: (tag: string) => void;
  /** The choice that leaves the language to someone else (the study's), if offered. */
  emptyLabel?: string;
  disabled?: boolean;
};

/** A language of messages, by its name in itself ("Deutsch (Österreich)"). */
export function LanguageSelect({ id, testId, value, options, onChange, emptyLabel, disabled }: Props) {
  // A tag typed elsewhere (an import, the command line) stays selectable as it is.
  const known = value === "" || options.some((o) => o.tag === value);
  return (
    <select id={id} data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {!known && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.tag} value={o.tag}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
