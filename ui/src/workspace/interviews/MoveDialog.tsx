import { useState } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, InterviewView, RuleBreakView } from "../../bindings/types";
import { canBeAccepted } from "./ruleNames";
import { ErrorBanner } from "../../ErrorBanner";
import { toAppError } from "../../errors";
import { DialogShell } from "../../dialogs/DialogShell";
import { formatWhenWithZone } from "../../time/format";
import { t } from "../../i18n";
import { useLoaded } from "../../useLoaded";

export type Move = { interview: InterviewView; start: string; revert: () => void };

type Props = {
  move: Move;
  /** The calendar's zone: the move is named as the calendar showed it. */
  zone: string;
  onDone: (interview: InterviewView) => void;
  onCancel: () => void;
};

/**
 * The time an interview was dragged to, in the session that offers a slot then (or its own),
 * and the rules that time breaks.
 */
async function inspect(move: Move): Promise<{ sessionId: number; breaks: RuleBreakView[] }> {
  const { interview, start } = move;
  const at = new Date(start).getTime();
  const slots = await commands.openSlots(
    interview.studyId,
    new Date(at - 60_000).toISOString(),
    new Date(at + 60_000).toISOString(),
    null,
  );
  const sessionId = slots.find((s) => new Date(s.start).getTime() === at)?.sessionId ?? interview.sessionId;
  const breaks = await commands.checkBooking(interview.studyId, sessionId, start, interview.id);
  return { sessionId, breaks };
}

/** Confirms an interview dragged to another time in the calendar; canceling puts it back. */
export function MoveDialog({ move, zone, onDone, onCancel }: Props) {
  const checked = useLoaded(() => inspect(move), [move]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const { interview } = move;
  const who = interview.participantName || interview.participantEmail;

  const checking = checked.loading;
  const sessionId = checked.data?.sessionId ?? null;
  const breaks = checked.data?.breaks ?? [];
  const blocked = breaks.some((b) => !canBeAccepted(b.rule));
  const error = saving ? null : (saveError ?? checked.error);

  async function confirm() {
    if (sessionId === null || blocked) return;
    setSaving(true);
    setSaveError(null);
    try {
      const moved = await commands.rescheduleInterview(
        interview.id,
        sessionId,
        move.start,
        breaks.map((b) => b.rule),
      );
      onDone(moved);
    } catch (reason) {
      setSaveError(toAppError(reason));
      setSaving(false);
    }
  }

  const from = formatWhenWithZone(interview.start, zone);
  const to = formatWhenWithZone(move.start, zone);

  return (
    <DialogShell
      open
      onOpenChange={(open) => !open && onCancel()}
      title={t("interviews.move.title")}
      description={t("interviews.move.description", { who, from, to })}
      testId="move-dialog"
      busy={saving}
    >
      {checking && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" /> {t("interviews.rules.checking")}
        </p>
      )}
      {error && <ErrorBanner error={error} onDismiss={onCancel} />}
      {breaks.length > 0 && (
        <div className={blocked ? "rule-breaks rule-breaks-blocked" : "rule-breaks"} role="alert" data-testid="rule-breaks">
          <p className="rule-breaks-title">
            {blocked ? t("interviews.move.blocked") : t("interviews.move.breaks")}
          </p>
          <ul className="rule-break-list">
            {breaks.map((b) => (
              <li key={b.rule} data-testid="rule-break" data-rule={b.rule}>
                {b.explanation}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" data-testid="move-cancel" disabled={saving} onClick={onCancel}>
          {t("interviews.move.keep")}
        </button>
        <button
          type="button"
          className={breaks.length > 0 ? "button button-danger" : "button button-primary"}
          data-testid="move-confirm"
          disabled={sessionId === null || blocked || saving || checking}
          aria-busy={saving || undefined}
          onClick={() => void confirm()}
        >
          {saving && <span className="spinner" aria-hidden="true" />}
          {saving
            ? t("interviews.move.moving")
            : breaks.length > 0
              ? t("interviews.move.anyway")
              : t("interviews.move.submit")}
        </button>
      </div>
    </DialogShell>
  );
}
