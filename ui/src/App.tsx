import { startTransition, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { onAppEvent } from "./appEvents";
import { dataChanged } from "./dataChanged";
import type { AppError, AppEvent, CalendarFile, StartupState } from "./bindings/types";
import { ErrorBanner } from "./ErrorBanner";
import { toAppError } from "./errors";
import { lazyNamed, useHasBeenTrue } from "./lazyParts";
import type { PaneId, Place, ScreenId } from "./navigation";
import { NoticeBanner, type Notice } from "./NoticeBanner";
import { noticeFor } from "./notices";
import { StudiesScreen } from "./screens/StudiesScreen";
import { Sidebar } from "./Sidebar";
import { StartupFailure, reloadWindow } from "./StartupFailure";
import type { StudySummary } from "./bindings/types";
import { useAutoSync } from "./sync/useAutoSync";
import { askFirst, type FirstAnswers } from "./firstAnswers";
import { StudyWorkspace } from "./workspace/StudyWorkspace";
import { t } from "./i18n";

// Only the studies list is needed for the first screen; the rest loads when first shown.
const OutboxScreen = lazyNamed(() => import("./screens/OutboxScreen"), "OutboxScreen");
const SettingsScreen = lazyNamed(() => import("./screens/SettingsScreen"), "SettingsScreen");
const AboutDialog = lazyNamed(() => import("./AboutDialog"), "AboutDialog");
const CalendarImportDialog = lazyNamed(() => import("./CalendarImportDialog"), "CalendarImportDialog");

type Startup =
  | { phase: "loading" }
  | { phase: "ready"; dataDir: string; databasePath: string; teamDatabase: string | null }
  | { phase: "failed"; error: AppError };

type Props = {
  /** The first answers, asked for before the window's first render (see firstAnswers). */
  first?: Promise<FirstAnswers>;
  /** Those answers, when they came before the first render: it is then the whole window. */
  answered?: FirstAnswers | null;
};

function startupOf(state: StartupState): Startup {
  return state.status === "ready"
    ? {
        phase: "ready",
        dataDir: state.dataDir,
        databasePath: state.databasePath,
        teamDatabase: state.teamDatabase,
      }
    : { phase: "failed", error: state.error };
}

export function App({ first, answered = null }: Props) {
  const [startup, setStartup] = useState<Startup>(() =>
    answered === null ? { phase: "loading" } : startupOf(answered.startup),
  );
  // The studies that came with the start-up state, for the list's first render only.
  const [firstStudies, setFirstStudies] = useState<StudySummary[] | null>(answered?.studies ?? null);
  const [place, setPlace] = useState<Place>({ screen: "studies" });
  const [error, setError] = useState<AppError | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Files opened with Confab, imported one after the other.
  const [calendarFiles, setCalendarFiles] = useState<CalendarFile[]>([]);
  // The team database went away while the window was open.
  const lost = useRef(false);

  useEffect(
    () =>
      onAppEvent((event: AppEvent) => {
        // In transitions, as a dialog's code may still be loading (see lazyParts).
        if (event.kind === "showAbout") startTransition(() => setAboutOpen(true));
        else if (event.kind === "calendarFileOpened")
          startTransition(() => setCalendarFiles((files) => [...files, event.file]));
        else if (event.kind === "teamDatabaseLost") {
          // What the window last knew, read-only, until the server is back.
          lost.current = true;
          setStartup({ phase: "failed", error: event.error });
        } else if (event.kind === "dataChanged") {
          // Back after it was lost: the window starts again from the server, as at a start.
          if (lost.current) reloadWindow();
          else dataChanged();
        } else setNotice(noticeFor(event));
      }),
    [],
  );

  useEffect(() => {
    if (answered !== null) return;
    let active = true;
    (first ?? askFirst())
      .then(({ startup: state, studies }) => {
        if (!active) return;
        setFirstStudies(studies);
        setStartup(startupOf(state));
      })
      .catch((reason: unknown) => {
        if (active) setStartup({ phase: "failed", error: toAppError(reason) });
      });
    return () => {
      active = false;
    };
  }, [first, answered]);

  const reportError = useCallback((next: AppError) => setError(next), []);
  useAutoSync(reportError);
  const showAbout = useCallback(() => startTransition(() => setAboutOpen(true)), []);
  // Moving to another place is a transition: while the code of a screen or section opened for the
  // first time loads, the current one stays on screen instead of a loading line.
  // Once the window has moved, the studies list asks for itself.
  const navigate = useCallback(
    (screen: ScreenId) =>
      startTransition(() => {
        setFirstStudies(null);
        setPlace({ screen });
      }),
    [],
  );
  const openStudy = useCallback(
    (study: StudySummary, pane: PaneId = "overview") =>
      startTransition(() => {
        setFirstStudies(null);
        setPlace({ screen: "study", study, pane });
      }),
    [],
  );
  const openPane = useCallback(
    (pane: PaneId) => startTransition(() => setPlace((p) => (p.screen === "study" ? { ...p, pane } : p))),
    [],
  );
  const studyChanged = useCallback(
    (study: StudySummary | null) =>
      setPlace((p) =>
        p.screen !== "study" ? p : study === null ? { screen: "studies" } : { ...p, study },
      ),
    [],
  );
  const aboutNeeded = useHasBeenTrue(aboutOpen);
  const calendarImportNeeded = useHasBeenTrue(calendarFiles.length > 0);
  // Each boundary is mounted from the start, so that a dialog opened in a transition waits for
  // its code without a fallback.
  const about = (
    <Suspense fallback={null}>
      {aboutNeeded && <AboutDialog open={aboutOpen} onOpenChange={setAboutOpen} />}
    </Suspense>
  );
  const noticeBanner = notice && <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />;

  if (startup.phase === "loading") {
    return (
      <div className="startup-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t("app.opening")}
      </div>
    );
  }

  if (startup.phase === "failed") {
    // File → Restore works here too: it is the way out of a database that does not open.
    return (
      <>
        {noticeBanner && <div className="floating-notice">{noticeBanner}</div>}
        <StartupFailure error={startup.error} />
        {about}
      </>
    );
  }

  return (
    <div className="app">
      <Sidebar
        place={place}
        teamDatabase={startup.teamDatabase}
        onNavigate={navigate}
        onOpenPane={openPane}
        onError={reportError}
      />
      <main className="main">
        {noticeBanner}
        {error && (
          <ErrorBanner
            error={error}
            onDismiss={() => setError(null)}
            onSignIn={() => {
              setError(null);
              navigate("settings");
            }}
          />
        )}
        <Suspense fallback={<PlaceLoading />}>
          {place.screen === "studies" && (
            <StudiesScreen first={firstStudies} onError={reportError} onOpen={openStudy} />
          )}
          {place.screen === "study" && (
            <StudyWorkspace
              study={place.study}
              pane={place.pane}
              onError={reportError}
              onStudyChanged={studyChanged}
              onOpenPane={openPane}
            />
          )}
          {place.screen === "outbox" && <OutboxScreen onError={reportError} />}
          {place.screen === "settings" && (
            <SettingsScreen
              dataDir={startup.dataDir}
              databasePath={startup.databasePath}
              onShowAbout={showAbout}
              onError={reportError}
            />
          )}
        </Suspense>
      </main>
      {about}
      <Suspense fallback={null}>
        {calendarImportNeeded && (
          <CalendarImportDialog
            file={calendarFiles[0] ?? null}
            onClose={() => setCalendarFiles((files) => files.slice(1))}
          />
        )}
      </Suspense>
    </div>
  );
}

/** Shown only if a screen's code is still loading outside a transition, which navigation avoids. */
function PlaceLoading() {
  return (
    <p className="loading-line" role="status">
      <span className="spinner" aria-hidden="true" />
      {t("app.loading")}
    </p>
  );
}
