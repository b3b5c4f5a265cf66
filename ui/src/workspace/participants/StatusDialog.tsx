import * as Dialog from "@radix-ui/react-dialog";
import { useId, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, StatusOption } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { BusyButton } from "../../dialogs/BusyButton";
import { toAppError } from "../../errors";
import {
  alreadyInStatus,
  statusChangeQuestion,
  statusConsequence,
  type StatusTargets,
} from "./statusWording";
import { t, tPlural } from "../../i18n";

type Props = {
  studyId: number;
  /** Null while the dialog is closed. */
  targets: StatusTargets | null;
  /** The status chosen in a row's menu; the dialog offers a choice when there is none. */
  preset: StatusOption | null;
  statuses: StatusOption[];
  onClose: () => void;
  /** Called after the statuses changed. */
  onChanged: () => void;
};

export function StatusDialog({ targets, onClose, ...rest }: Props) {
  return (
    <Dialog.Root open={targets !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="status-dialog">
          {/* Mounted only while open, so each opening starts with an empty reason. */}
          {targets !== null && <StatusForm targets={targets} onClose={onClose} {...rest} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function StatusForm({
  studyId,
  targets,
  preset,
  statuses,
  onClose,
  onChanged,
}: Omit<Props, "targets"> & { targets: StatusTargets }) {
  const id = useId();
  const [statusKey, setStatusKey] = useState(preset?.key ?? "");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const chosen = statuses.find((status) => status.key === statusKey) ?? null;
  const unchanged = chosen ? alreadyInStatus(targets, chosen.key) : [];
  const toChange = chosen ? targets.filter((target) => target.status !== chosen.key) : [];
  const consequence = chosen ? statusConsequence(toChange, chosen.key) : null;

  async function apply(event: FormEvent) {
    event.preventDefault();
    if (!chosen || busy || toChange.length === 0) return;
    setError(null);
    setBusy(true);
    try {
      // One call for all of them: the back end changes every status or, on an error, none.
      await commands.setStatuses(
        studyId,
        toChange.map((target) => target.id),
        chosen.key,
        reason.trim(),
      );
      onChanged();
      onClose();
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={apply} noValidate>
      <Dialog.Title className="dialog-title" data-testid={chosen ? "status-question" : undefined}>
        {chosen
          ? statusChangeQuestion(targets.length === 1 || toChange.length === 0 ? targets : toChange, chosen.label)
          : tPlural("participants.statusDialog.title", targets.length, { count: targets.length.toLocaleString() })}
      </Dialog.Title>
      <Dialog.Description className="dialog-description">
        {targets.length === 1
          ? t("participants.statusDialog.keptOne", { name: String(targets[0]?.name) })
          : t("participants.statusDialog.keptMany")}
        {targets.length > 1 && unchanged.length > 0 && (
          <>
            {" "}
            {tPlural("participants.statusDialog.unchanged", unchanged.length, {
              count: unchanged.length.toLocaleString(),
            })}
          </>
        )}
      </Dialog.Description>
      {consequence && (
        <p className="dialog-warning" data-testid="status-consequence">
          {consequence}
        </p>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}

      {preset === null && (
        <div className="field">
          <label htmlFor={`${id}-status`}>{t("participants.statusDialog.newStatus")}</label>
          <select
            id={`${id}-status`}
            data-testid="status-choice"
            value={statusKey}
            onChange={(event) => setStatusKey(event.target.value)}
          >
            <option value="" disabled>
              {t("participants.statusDialog.choose")}
            </option>
            {statuses.map((status) => (
              <option key={status.key} value={status.key}>
                {status.label}
              </option>
            ))}
          </select>
        </div>
      )}

      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {t("participants.statusDialog.reason")} <span className="field-optional">{t("common.optional")}</span>
        </label>
        <textarea
          id={`${id}-reason`}
          data-testid="status-reason"
          rows={2}
          placeholder={t("participants.statusDialog.reasonPlaceholder")}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>

      {busy && toChange.length > 1 && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {tPlural("participants.statusDialog.changingMany", toChange.length, { count: toChange.length.toLocaleString() })}
        </p>
      )}

      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </button>
        <BusyButton
          type="submit"
          className="button button-primary"
          testId="status-confirm"
          disabled={!chosen || toChange.length === 0}
          busy={busy}
          label={chosen ? t("participants.statusDialog.setTo", { status: chosen.label }) : t("participants.statusDialog.set")}
          busyLabel={t("participants.statusDialog.changing")}
        />
      </div>
    </form>
  );
}
