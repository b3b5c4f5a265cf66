import { useCallback, useEffect, useState } from "react";
import { commands } from "./bindings/commands";
import type { AppError } from "./bindings/types";
import { ErrorBanner } from "./ErrorBanner";
import { toAppError } from "./errors";
import type { ScreenId } from "./navigation";
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

  if (startup.phase === "loading") {
    return (
      <div className="startup-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        Opening Confab…
      </div>
    );
  }

  if (startup.phase === "failed") {
    return <StartupFailure error={startup.error} />;
  }

  return (
    <div className="app">
      <Sidebar current={screen} onNavigate={setScreen} />
      <main className="main">
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
          <SettingsScreen dataDir={startup.dataDir} databasePath={startup.databasePath} />
        )}
      </main>
    </div>
  );
}
