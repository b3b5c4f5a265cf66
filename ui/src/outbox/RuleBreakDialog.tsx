import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { RuleBreakView } from "../bindings/types";

type Props = {
  breaks: RuleBreakView[] | null;
  /** The proposed time, already formatted. */
  when: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Names every rule the proposed time breaks before the researcher accepts it anyway. */
export function RuleBreakDialog({ breaks, when, busy, onConfirm, onCancel }: Props) {
  return (
    <AlertDialog.Root open={breaks !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog" data-testid="rule-break-dialog">
          <AlertDialog.Title className="dialog-title">Accept a time that breaks the study’s rules?</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            Moving the interview to {when} goes against:
          </AlertDialog.Description>
          <ul className="rule-break-list" data-testid="rule-break-list">
            {(breaks ?? []).map((b) => (
              <li key={b.rule} data-rule={b.rule}>
                {b.explanation}
              </li>
            ))}
          </ul>
          <p className="panel-hint">
            If you accept, the interview moves and the participant gets the updated invitation at the next Sync.
          </p>
          <div className="dialog-actions">
            <AlertDialog.Cancel className="button button-secondary">Keep the current time</AlertDialog.Cancel>
            <button
              type="button"
              className="button button-primary"
              data-testid="rule-break-confirm"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={onConfirm}
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy ? "Moving…" : "Accept anyway"}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
