import * as Dialog from "@radix-ui/react-dialog";
import { commands } from "../../bindings/commands";
import type { AppError, InviteReport } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { t, tPlural } from "../../i18n";


export type InviteTarget = { id: number; name: string };

export type InviteOutcome =
  | { kind: "working" }
  | { kind: "notReady"; missing: string[] }
  | { kind: "failed"; error: AppError }
  | { kind: "done"; report: InviteReport };

/**
 * Queues invitations for `targets`. Started from the researcher's click, never from an effect,
 * so that nothing can queue the same invitations twice.
 */
export async function invite(studyId: number, targets: InviteTarget[]): Promise<InviteOutcome> {
  try {
    // One participant: say precisely what is missing before anything is queued.
    if (targets.length === 1 && targets[0]) {
      const readiness = await commands.invitationReadiness(studyId, targets[0].id);
      if (!readiness.ready) return { kind: "notReady", missing: readiness.missing };
    }
    const report = await commands.inviteParticipants(
      studyId,
      targets.map((target) => target.id),
    );
    return { kind: "done", report };
  } catch (reason) {
    return { kind: "failed", error: toAppError(reason) };
  }
}

type Props = {
  /** Null while the dialog is closed. */
  run: { targets: InviteTarget[]; outcome: InviteOutcome } | null;
  onClose: () => void;
};

/** Shows how an invitation run is going, then what happened to each participant. */
export function InviteDialog({ run, onClose }: Props) {
  return (
    <Dialog.Root open={run !== null} onOpenChange={(open) => !open && run?.outcome.kind !== "working" && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="invite-dialog">
          {run !== null && <InviteReportView targets={run.targets} outcome={run.outcome} onClose={onClose} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function InviteReportView({
  targets,
  outcome,
  onClose,
}: {
  targets: InviteTarget[];
  outcome: InviteOutcome;
  onClose: () => void;
}) {
  const names = new Map(targets.map((target) => [target.id, target.name]));
  const who =
    targets.length === 1
      ? (targets[0]?.name ?? "")
      : tPlural("participants.invite.who", targets.length, { count: targets.length.toLocaleString() });

  return (
    <>
      <Dialog.Title className="dialog-title">{t("participants.invite.title", { who })}</Dialog.Title>
      <Dialog.Description className="dialog-description">{t("participants.invite.description")}</Dialog.Description>

      {outcome.kind === "working" && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {tPlural("participants.invite.preparing", targets.length)}
        </p>
      )}

      {outcome.kind === "notReady" && (
        <div className="invite-not-ready" data-testid="invite-not-ready">
          <p className="invite-headline">{t("participants.invite.notReady", { who })}</p>
          <ul className="invite-list">
            {outcome.missing.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}

      {outcome.kind === "failed" && <ErrorBanner error={outcome.error} onDismiss={onClose} />}

      {outcome.kind === "done" && (
        <div className="invite-report" data-testid="invite-report">
          <p className="invite-headline" role="status" data-testid="invite-queued">
            {outcome.report.queued.length === 0
              ? t("participants.invite.noneQueued")
              : tPlural("participants.invite.queued", outcome.report.queued.length, {
                  count: outcome.report.queued.length.toLocaleString(),
                })}
          </p>
          {outcome.report.skipped.length > 0 && (
            <>
              <p className="invite-skipped-title">
                {tPlural("participants.invite.skipped", outcome.report.skipped.length, {
                  count: outcome.report.skipped.length.toLocaleString(),
                })}
              </p>
              <ul className="invite-list" data-testid="invite-skipped">
                {outcome.report.skipped.map((skip) => (
                  <li key={skip.participantId} data-testid="invite-skipped-item">
                    <span className="invite-skipped-name">{names.get(skip.participantId) ?? `#${skip.participantId}`}</span>
                    {": "}
                    {skip.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="invite-close"
          disabled={outcome.kind === "working"}
          onClick={onClose}
        >
          {outcome.kind === "working" ? t("participants.invite.working") : t("common.close")}
        </button>
      </div>
    </>
  );
}
