import type { ButtonHTMLAttributes } from "react";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> & {
  busy: boolean;
  label: string;
  /** The words for the work under way, such as "Deleting…". */
  busyLabel: string;
  testId?: string;
};

/** A button that shows a spinner and says what it is doing while its work runs, and cannot be pressed again. */
export function BusyButton({ busy, label, busyLabel, testId, disabled, type = "button", ...rest }: Props) {
  return (
    <button {...rest} type={type} data-testid={testId} disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {busy ? busyLabel : label}
    </button>
  );
}
