import { startTransition, Suspense, useLayoutEffect, useRef, useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, StudySummary } from "../bindings/types";
import { toAppError } from "../errors";
import { formatDate, formatMinutes } from "../time/format";
import { STUDIES_ANSWERED, STUDIES_COMMITTED, markOnce, markStudiesPainted } from "../performanceMarks";
import { lazyNamed, useHasBeenTrue } from "../lazyParts";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";

// The form is loaded when the researcher first asks for it, not before the list can paint.
const StudyDialog = lazyNamed(() => import("../StudyDialog"), "StudyDialog");

type Props = {
  /** The studies read with the start-up state: shown in the first render, not asked again. */
  first?: StudySummary[] | null;
  onError: (error: AppError) => void;
  onOpen: (study: StudySummary) => void;
};

type ListState =
  | { kind: "loading" }
  | { kind: "loaded"; studies: StudySummary[] }
  | { kind: "failed" };

export function StudiesScreen({ first = null, onError, onOpen }: Props) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const dialogNeeded = useHasBeenTrue(dialogOpen);
  const [loadingDemo, setLoadingDemo] = useState(false);
  // A list that could not be refreshed stays as it was; the error goes to the banner.
  const given = useRef(first);
  const studies = useLoaded(
    () => {
      // The first load takes the studies that came with the start-up state; reloads ask.
      const ready = given.current;
      given.current = null;
      return ready
        ? Promise.resolve(ready)
        : commands.listStudies().then((found) => {
            markOnce(STUDIES_ANSWERED);
            return found;
          });
    },
    [],
    { onError },
  );
  const shown = studies.data ?? first ?? undefined;
  const refresh = studies.reload;
  const list: ListState = shown
    ? { kind: "loaded", studies: shown }
    : studies.error
      ? { kind: "failed" }
      : { kind: "loading" };

  // A layout effect runs before the browser paints the commit, so the paint mark waits for this
  // frame; a passive effect can run after it and would wait for the next.
  useLayoutEffect(() => {
    if (list.kind !== "loaded") return;
    markOnce(STUDIES_COMMITTED);
    markStudiesPainted();
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

  // A transition, as the dialog's code may still be loading (see lazyParts).
  const openDialog = () => startTransition(() => setDialogOpen(true));

  function handleCreated() {
    setDialogOpen(false);
    void refresh();
  }

  return (
    <section className="screen" data-testid="screen-studies" aria-labelledby="studies-heading">
      <header className="screen-header">
        <h1 id="studies-heading">{t("studies.title")}</h1>
        <button
          type="button"
          className="button button-primary"
          data-testid="new-study-button"
          onClick={openDialog}
        >
          {t("studies.new")}
        </button>
      </header>

      {list.kind === "loading" && (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("studies.loading")}
        </p>
      )}

      {list.kind === "failed" && (
        <div className="empty-state">
          <p className="empty-state-title">{t("studies.failed")}</p>
          <div className="empty-state-actions">
            <button type="button" className="button button-secondary" onClick={() => void refresh()}>
              {t("common.tryAgain")}
            </button>
          </div>
        </div>
      )}

      {list.kind === "loaded" && list.studies.length === 0 && (
        <div className="empty-state" data-testid="studies-empty">
          <p className="empty-state-title">{t("studies.empty.title")}</p>
          <p className="empty-state-hint">{t("studies.empty.hint")}</p>
          <div className="empty-state-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="create-study-button"
              onClick={openDialog}
            >
              {t("studies.empty.create")}
            </button>
            <button
              type="button"
              className="button button-secondary"
              data-testid="load-demo-button"
              disabled={loadingDemo}
              aria-busy={loadingDemo || undefined}
              onClick={() => void loadDemo()}
            >
              {loadingDemo ? t("studies.empty.loadingDemo") : t("studies.empty.loadDemo")}
            </button>
          </div>
        </div>
      )}

      {list.kind === "loaded" && list.studies.length > 0 && <StudyList studies={list.studies} onOpen={onOpen} />}

      <Suspense fallback={null}>
        {dialogNeeded && <StudyDialog open={dialogOpen} onOpenChange={setDialogOpen} onCreated={handleCreated} />}
      </Suspense>
    </section>
  );
}

function StudyList({ studies, onOpen }: { studies: StudySummary[]; onOpen: (study: StudySummary) => void }) {
  return (
    <div className="study-table">
      <div className="study-columns" aria-hidden="true">
        <span>{t("studies.column.study")}</span>
        <span>{t("studies.column.timeZone")}</span>
        <span>{t("studies.column.length")}</span>
        <span>{t("studies.column.created")}</span>
      </div>
      <ul className="study-list" data-testid="studies-list" aria-label={t("studies.list.label")}>
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
              <span className="visually-hidden">{t("studies.row.timeZone")}</span>
              {study.timeZone}
            </span>
            <span className="study-cell">
              <span className="visually-hidden">{t("studies.row.length")}</span>
              {formatMinutes(study.interviewMinutes)}
            </span>
            <span className="study-cell">
              <span className="visually-hidden">{t("studies.row.created")}</span>
              <time dateTime={study.createdAt}>{formatDate(study.createdAt)}</time>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
