import { useCallback, useEffect, useRef, useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, StudySummary } from "../bindings/types";
import { toAppError } from "../errors";
import { formatDate, formatMinutes } from "../time/format";
import { markStudiesPainted } from "../performanceMarks";
import { StudyDialog } from "../StudyDialog";

type Props = {
  onError: (error: AppError) => void;
  onOpen: (study: StudySummary) => void;
};

type ListState =
  | { kind: "loading" }
  | { kind: "loaded"; studies: StudySummary[] }
  | { kind: "failed" };

export function StudiesScreen({ onError, onOpen }: Props) {
  const [list, setList] = useState<ListState>({ kind: "loading" });
  const [dialogOpen, setDialogOpen] = useState(false);
  const [loadingDemo, setLoadingDemo] = useState(false);
  // Only the newest request may write the list; an older, slower answer would show stale studies.
  const latestRequest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const studies = await commands.listStudies();
      if (request === latestRequest.current) setList({ kind: "loaded", studies });
    } catch (reason) {
      if (request !== latestRequest.current) return;
      setList((previous) => (previous.kind === "loaded" ? previous : { kind: "failed" }));
      onError(toAppError(reason));
    }
  }, [onError]);

  useEffect(() => {
    void refresh();
    return () => {
      // Answers arriving after the screen is left are dropped.
      latestRequest.current++;
    };
  }, [refresh]);

  useEffect(() => {
    if (list.kind === "loaded") markStudiesPainted();
  }, [list.kind]);

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      await commands.loadDemoStudy();
      await refresh();
    } catch (reason) {
      onError(toAppError(reason));
    } finally {
      setLoadingDemo(false);
    }
  }

  function handleCreated() {
    setDialogOpen(false);
    void refresh();
  }

  return (
    <section className="screen" data-testid="screen-studies" aria-labelledby="studies-heading">
      <header className="screen-header">
        <h1 id="studies-heading">Studies</h1>
        <button
          type="button"
          className="button button-primary"
          data-testid="new-study-button"
          onClick={() => setDialogOpen(true)}
        >
          New study
        </button>
      </header>

      {list.kind === "loading" && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading studies…
        </p>
      )}

      {list.kind === "failed" && (
        <div className="empty-state">
          <p className="empty-state-title">The studies could not be loaded.</p>
          <div className="empty-state-actions">
            <button type="button" className="button button-secondary" onClick={() => void refresh()}>
              Try again
            </button>
          </div>
        </div>
      )}

      {list.kind === "loaded" && list.studies.length === 0 && (
        <div className="empty-state" data-testid="studies-empty">
          <p className="empty-state-title">You have no studies yet.</p>
          <p className="empty-state-hint">
            Create your first study to start inviting participants, or look around with a demo study
            first.
          </p>
          <div className="empty-state-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="create-study-button"
              onClick={() => setDialogOpen(true)}
            >
              Create a study
            </button>
            <button
              type="button"
              className="button button-secondary"
              data-testid="load-demo-button"
              disabled={loadingDemo}
              aria-busy={loadingDemo || undefined}
              onClick={() => void loadDemo()}
            >
              {loadingDemo ? "Loading demo…" : "Load a demo study"}
            </button>
          </div>
        </div>
      )}

      {list.kind === "loaded" && list.studies.length > 0 && <StudyList studies={list.studies} onOpen={onOpen} />}

      <StudyDialog open={dialogOpen} onOpenChange={setDialogOpen} onCreated={handleCreated} />
    </section>
  );
}

function StudyList({ studies, onOpen }: { studies: StudySummary[]; onOpen: (study: StudySummary) => void }) {
  return (
    <div className="study-table">
      <div className="study-columns" aria-hidden="true">
        <span>Study</span>
        <span>Time zone</span>
        <span>Length</span>
        <span>Created</span>
      </div>
      <ul className="study-list" data-testid="studies-list" aria-label="Studies">
        {studies.map((study) => (
          <li key={study.id} className="study-row" data-testid="study-row">
            <div className="study-title">
              <button
                type="button"
                className="study-name link-button"
                data-testid="study-name"
                onClick={() => onOpen(study)}
              >
                {study.name}
              </button>
              {study.description !== "" && (
                <span className="study-description">{study.description}</span>
              )}
            </div>
            <span className="study-cell">
              <span className="visually-hidden">Time zone: </span>
              {study.timeZone}
            </span>
            <span className="study-cell">
              <span className="visually-hidden">Interview length: </span>
              {formatMinutes(study.interviewMinutes)}
            </span>
            <span className="study-cell">
              <span className="visually-hidden">Created: </span>
              <time dateTime={study.createdAt}>{formatDate(study.createdAt)}</time>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
