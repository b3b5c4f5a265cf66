import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, AttentionItem, RuleBreakView } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { acceptCounterProposal, checkCounterProposal } from "./counterProposal";
import { attentionLabel } from "./labels";
import { TextPromptDialog } from "../dialogs/TextPromptDialog";
import { ReplyCandidates } from "./ReplyCandidates";
import { RuleBreakDialog } from "./RuleBreakDialog";
import { formatDateTime, formatRangeWithZone } from "../time/format";
import { sameClock } from "../time/zonedTime";
import { t, tRich } from "../i18n";
import { useLoaded } from "../useLoaded";

type Props = {
  item: AttentionItem;
  /** The researcher's zone, in which times are shown. */
  zone: string;
  /** The item was settled (or the outbox changed): reload the lists. */
  onSettled: () => void;
};

type Busy = null | "checking" | "accepting";

export function AttentionItemCard({ item, zone, onSettled }: Props) {
  const isCounter = item.kind === "counter" && item.proposedStart !== null;
  const participantZone = useParticipantZone(isCounter ? item.participantId : null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [breaks, setBreaks] = useState<RuleBreakView[] | null>(null);
  const [dialog, setDialog] = useState<null | "decline" | "dismiss">(null);

  const proposed = isCounter && item.proposedStart ? formatRangeWithZone(item.proposedStart, item.proposedEnd, zone) : "";
  const theirs =
    isCounter && item.proposedStart && participantZone && !sameClock(item.proposedStart, zone, participantZone)
      ? formatRangeWithZone(item.proposedStart, item.proposedEnd, participantZone)
      : null;

  async function accept(accepted: RuleBreakView[]) {
    setBusy("accepting");
    try {
      await acceptCounterProposal(item, accepted);
      setBreaks(null);
      onSettled();
    } catch (reason) {
      setBreaks(null);
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  async function startAccept() {
    setError(null);
    setBusy("checking");
    let check;
    try {
      check = await checkCounterProposal(item);
    } catch (reason) {
      setBusy(null);
      setError(toAppError(reason));
      return;
    }
    setBusy(null);
    if (check.kind === "full") {
      setError({
        code: "conflict",
        message: t("outbox.attention.full", { explanation: check.explanation }),
      });
    } else if (check.kind === "confirm") {
      setBreaks(check.breaks);
    } else {
      await accept([]);
    }
  }

  return (
    <li className="attention-item" data-testid="attention-item" data-kind={item.kind}>
      <div className="attention-main">
        <p className="attention-kind">{attentionLabel(item.kind)}</p>
        <p className="attention-summary" data-testid="attention-summary">
          {item.summary}
        </p>
        {isCounter && (
          <p className="attention-proposed" data-testid="attention-proposed">
            {tRich("outbox.attention.proposed", { time: <strong>{proposed}</strong> })}
            {theirs && <span className="attention-their-time"> · {t("outbox.attention.theirTime", { time: theirs })}</span>}
          </p>
        )}
        {item.candidates.length > 0 && <ReplyCandidates item={item} zone={zone} onSettled={onSettled} />}
        <p className="attention-when">{t("outbox.attention.arrived", { time: formatDateTime(item.createdAt, zone) })}</p>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      </div>
      <div className="attention-actions">
        {isCounter ? (
          <>
            <button
              type="button"
              className="button button-primary"
              data-testid="attention-accept"
              disabled={busy !== null}
              aria-busy={busy !== null || undefined}
              onClick={() => void startAccept()}
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy === "checking"
                ? t("outbox.attention.checking")
                : busy === "accepting"
                  ? t("outbox.attention.moving")
                  : t("outbox.attention.accept")}
            </button>
            <button
              type="button"
              className="button button-secondary"
              data-testid="attention-decline"
              disabled={busy !== null}
              onClick={() => setDialog("decline")}
            >
              {t("outbox.attention.decline")}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            data-testid="attention-dismiss"
            onClick={() => setDialog("dismiss")}
          >
            {t("outbox.attention.dismiss")}
          </button>
        )}
      </div>
      <RuleBreakDialog
        breaks={breaks}
        when={proposed}
        busy={busy === "accepting"}
        onConfirm={() => void accept(breaks ?? [])}
        onCancel={() => setBreaks(null)}
      />
      <TextPromptDialog
        open={dialog === "decline"}
        onOpenChange={(open) => setDialog(open ? "decline" : null)}
        title={t("outbox.decline.title")}
        description={t("outbox.decline.description")}
        optional
        closeOnSuccess
        cancelLabel={t("common.cancel")}
        label={t("outbox.decline.label")}
        placeholder={t("outbox.decline.placeholder")}
        submitLabel={t("outbox.decline.submit")}
        busyLabel={t("outbox.decline.busy")}
        testId="decline-dialog"
        fieldTestId="decline-dialog-note"
        submitTestId="decline-dialog-submit"
        onSubmit={async (note) => {
          await commands.declineCounterProposal(item.id, note);
          onSettled();
        }}
      />
      <TextPromptDialog
        open={dialog === "dismiss"}
        onOpenChange={(open) => setDialog(open ? "dismiss" : null)}
        title={t("outbox.dismiss.title")}
        description={t("outbox.dismiss.description")}
        optional
        closeOnSuccess
        cancelLabel={t("common.cancel")}
        label={t("outbox.dismiss.label")}
        placeholder={t("outbox.dismiss.placeholder")}
        submitLabel={t("outbox.dismiss.submit")}
        busyLabel={t("outbox.dismiss.busy")}
        testId="dismiss-dialog"
        fieldTestId="dismiss-dialog-note"
        submitTestId="dismiss-dialog-submit"
        onSubmit={async (note) => {
          await commands.dismissAttentionItem(item.id, note);
          onSettled();
        }}
      />
    </li>
  );
}

/** The participant's own zone, to show their time beside the researcher's. */
function useParticipantZone(participantId: number | null): string | null {
  // Without it only the researcher's time shows, which is still right.
  const { data: participant } = useLoaded(
    () => (participantId === null ? null : commands.getParticipant(participantId)),
    [participantId],
  );
  return participant?.timeZone ?? null;
}
