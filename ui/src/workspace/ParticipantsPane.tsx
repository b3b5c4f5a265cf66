import { useLayoutEffect } from "react";
import type { PaneProps } from "./paneProps";
import { markOpened } from "./participants/participantsPerformance";
import { ParticipantsView } from "./participants/ParticipantsView";
import { useParticipants } from "./participants/useParticipants";
import { t } from "../i18n";
import "./participants/participants.css";

export function ParticipantsPane({ study, onError }: PaneProps) {
  // Before the first load starts, so the timing covers fetching the list as well as drawing it.
  useLayoutEffect(markOpened, []);
  const { state, reload } = useParticipants(study, onError);

  return (
    <section
      className="screen participants-screen"
      data-testid="pane-participants-screen"
      aria-labelledby="participants-heading"
    >
      {state.kind === "loaded" ? (
        <ParticipantsView
          study={study}
          rows={state.rows}
          statuses={state.statuses}
          timeZone={state.timeZone}
          ownZone={state.ownZone}
          complete={state.complete}
          reload={reload}
          onError={onError}
        />
      ) : (
        <>
          <header className="screen-header">
            <h1 id="participants-heading">{t("participants.title")}</h1>
            <span className="screen-subtitle">{study.name}</span>
          </header>
          {state.kind === "loading" ? (
            <p className="loading-line" role="status" data-testid="participants-loading">
              <span className="spinner" aria-hidden="true" />
              {t("participants.loading")}
            </p>
          ) : (
            <div className="empty-state" data-testid="participants-failed">
              <p className="empty-state-title">{t("participants.failed")}</p>
              <p className="empty-state-hint">{state.error.message}</p>
              <div className="empty-state-actions">
                <button type="button" className="button button-secondary" onClick={() => void reload()}>
                  {t("common.tryAgain")}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
