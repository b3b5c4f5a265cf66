import * as Dialog from "@radix-ui/react-dialog";
import { commands } from "../../bindings/commands";
import type { StatusOption } from "../../bindings/types";
import { ErrorBanner } from "../../ErrorBanner";
import { useLoaded } from "../../useLoaded";
import { actionOf, actorOf, newestFirst, valueLabel } from "./historyWording";
import { formatDateTime } from "../../time/format";
import { t } from "../../i18n";

type Props = {
  studyId: number;
  participant: { id: number; name: string } | null;
  timeZone: string;
  statuses: StatusOption[];
  onClose: () => void;
};

/** A participant's audit log in this study: when, who, what, from → to, why. */
export function HistoryDialog({ participant, onClose, ...rest }: Props) {
  return (
    <Dialog.Root open={participant !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide" data-testid="history-dialog">
          {participant !== null && (
            <HistoryBody participant={participant} onClose={onClose} {...rest} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function HistoryBody({
  studyId,
  participant,
  timeZone,
  statuses,
  onClose,
}: Omit<Props, "participant"> & { participant: { id: number; name: string } }) {
  const history = useLoaded(
    () => commands.participantHistory(participant.id, studyId).then(newestFirst),
    [participant.id, studyId],
  );
  const entries = history.loading ? undefined : history.data;

  return (
    <>
      <Dialog.Title className="dialog-title">{t("participants.history.title", { name: participant.name })}</Dialog.Title>
      <Dialog.Description className="dialog-description">
        {t("participants.history.description", { zone: timeZone })}
      </Dialog.Description>

      {history.loading && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("participants.history.loading")}
        </p>
      )}
      {!history.loading && history.error && (
        <>
          <ErrorBanner error={history.error} onDismiss={() => void history.reload()} />
          <button type="button" className="button button-secondary" onClick={() => void history.reload()}>
            {t("common.tryAgain")}
          </button>
        </>
      )}
      {entries?.length === 0 && (
        <p className="panel-hint" data-testid="history-empty">
          {t("participants.history.empty", { name: participant.name })}
        </p>
      )}
      {entries !== undefined && entries.length > 0 && (
        <div className="history-scroller">
          <table className="history-table" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">{t("participants.history.column.when")}</th>
                <th scope="col">{t("participants.history.column.who")}</th>
                <th scope="col">{t("participants.history.column.what")}</th>
                <th scope="col">{t("participants.history.column.change")}</th>
                <th scope="col">{t("participants.history.column.why")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="history-entry">
                  <td className="history-when">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>
                  </td>
                  <td>{actorOf(entry)}</td>
                  <td>{actionOf(entry)}</td>
                  <td data-testid="history-change">
                    {entry.from === "" && entry.to === "" ? (
                      <span className="cell-none">—</span>
                    ) : (
                      <>
                        {entry.from !== "" && <span className="history-from">{valueLabel(entry.from, statuses)}</span>}
                        {entry.from !== "" && entry.to !== "" && <span aria-label={t("participants.history.to")}> → </span>}
                        {entry.to !== "" && <span className="history-to">{valueLabel(entry.to, statuses)}</span>}
                      </>
                    )}
                  </td>
                  <td className="history-why">{entry.reason === "" ? <span className="cell-none">—</span> : entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="dialog-actions">
        <button type="button" className="button button-secondary" data-testid="history-close" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </>
  );
}
