import { useCallback, useEffect, useState } from "react";
import { AboutDialog } from "./AboutDialog";
import { onAppEvent } from "./appEvents";
import { commands } from "./bindings/commands";
import type { AppError, AppEvent, CalendarFile } from "./bindings/types";
import { CalendarImportDialog } from "./CalendarImportDialog";
import { ErrorBanner } from "./ErrorBanner";
import { toAppError } from "./errors";
import type { ScreenId } from "./navigation";
import { NoticeBanner, type Notice } from "./NoticeBanner";
import { noticeFor } from "./notices";
import { PlaceholderScreen } from "./screens/PlaceholderScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { StudiesScreen } from "./screens/StudiesScreen";
import { Sidebar } from "./Sidebar";
import { StartupFailure } from "./StartupFailure";

type Startup =
  | { phase: "loading" }
  | { phase: "ready"; dataDir: string; databasePath: string }
  | { phase: "failed"; error: AppError };

export function App() {
  const [startup, setStartup] = useState<Startup>({ phase: "loading" });
  const [screen, setScreen] = useState<ScreenId>("studies");
  const [error, setError] = useState<AppError | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Files opened with Confab, imported one after the other.
  const [calendarFiles, setCalendarFiles] = useState<CalendarFile[]>([]);

  useEffect(
    () =>
      onAppEvent((event: AppEvent) => {
        if (event.kind === "showAbout") setAboutOpen(true);
        else if (event.kind === "calendarFileOpened") setCalendarFiles((files) => [...files, event.file]);
        else setNotice(noticeFor(event));
      }),
    [],
  );

  useEffect(() => {
    let active = true;
    commands
      .startupState()
      .then((state) => {
        if (!active) return;
        setStartup(
          state.status === "ready"
            ? { phase: "ready", dataDir: state.dataDir, databasePath: state.databasePath }
            : { phase: "failed", error: state.error },
        );
      })
      .catch((reason: unknown) => {
        if (active) setStartup({ phase: "failed", error: toAppError(reason) });
      });
    return () => {
      active = false;
    };
  }, []);

  const reportError = useCallback((next: AppError) => setError(next), []);
  const showAbout = useCallback(() => setAboutOpen(true), []);
  const about = <AboutDialog open={aboutOpen} onOpenChange={setAboutOpen} />;
  const noticeBanner = notice && <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />;

  if (startup.phase === "loading") {
    return (
      <div className="startup-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        Opening Confab…
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
      <Sidebar current={screen} onNavigate={setScreen} />
      <main className="main">
        {noticeBanner}
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {screen === "studies" && <StudiesScreen onError={reportError} />}
        {screen === "participants" && (
          <PlaceholderScreen
            id="participants"
            title="Participants"
            explanation="Participants you add to a study appear here."
            nextStep="Create a study first, then add the people you want to interview to it."
          />
        )}
        {screen === "interviews" && (
          <PlaceholderScreen
            id="interviews"
            title="Interviews"
            explanation="Interviews you schedule with participants appear here."
            nextStep="Add participants to a study first, then schedule a time with each of them."
          />
        )}
        {screen === "outbox" && (
          <PlaceholderScreen
            id="outbox"
            title="Outbox"
            explanation="Invitations and reminders waiting to be sent appear here."
            nextStep="Nothing is waiting. Scheduling an interview puts its invitation here."
          />
        )}
        {screen === "settings" && (
          <SettingsScreen
            dataDir={startup.dataDir}
            databasePath={startup.databasePath}
            onShowAbout={showAbout}
            onError={reportError}
          />
        )}
      </main>
      {about}
      <CalendarImportDialog
        file={calendarFiles[0] ?? null}
        onClose={() => setCalendarFiles((files) => files.slice(1))}
      />
    </div>
  );
}
