import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, AttentionItem } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { formatDateTime } from "../time/format";
import { t } from "../i18n";

type Props = {
  item: AttentionItem;
  zone: string;
  onSettled: () => void;
};

/**
 * The offered times an answer in the participant's own words could mean, each booked with one
 * click as if the participant had clicked its link.
 */
export function ReplyCandidates({ item, zone, onSettled }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function book(token: string) {
    setBusy(token);
    setError(null);
    try {
      await commands.bookReplyCandidate(item.id, token);
      onSettled();
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="attention-candidates" data-testid="attention-candidates">
      <p className="attention-when">
        {item.kind === "sender_unverified" ? t("outbox.candidates.unverified") : t("outbox.candidates.which")}
      </p>
      <div className="attention-candidate-buttons">
        {item.candidates.map((candidate) => (
          <button
            key={candidate.token}
            type="button"
            className="button button-secondary"
            data-testid="attention-candidate"
            disabled={busy !== null}
            aria-busy={busy === candidate.token || undefined}
            onClick={() => void book(candidate.token)}
          >
            {busy === candidate.token && <span className="spinner" aria-hidden="true" />}
            {t("outbox.candidates.book", { time: formatDateTime(candidate.start, zone) })}
          </button>
        ))}
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
