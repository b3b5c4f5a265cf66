import * as AlertDialog from "@radix-ui/react-alert-dialog";
import type { RuleBreakView } from "../bindings/types";
import { t } from "../i18n";

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
          <AlertDialog.Title className="dialog-title">{t("outbox.ruleBreak.title")}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            {t("outbox.ruleBreak.description", { when })}
          </AlertDialog.Description>
          <ul className="rule-break-list" data-testid="rule-break-list">
            {(breaks ?? []).map((b) => (
              <li key={b.rule} data-rule={b.rule}>
                {b.explanation}
              </li>
            ))}
          </ul>
          <p className="panel-hint">{t("outbox.ruleBreak.hint")}</p>
          <div className="dialog-actions">
            <AlertDialog.Cancel className="button button-secondary">{t("outbox.ruleBreak.keep")}</AlertDialog.Cancel>
            <button
              type="button"
              className="button button-primary"
              data-testid="rule-break-confirm"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={onConfirm}
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy ? t("outbox.ruleBreak.moving") : t("outbox.ruleBreak.accept")}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
