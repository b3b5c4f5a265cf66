import { Suspense, useState } from "react";
import { commands } from "./bindings/commands";
import type { AppError } from "./bindings/types";
import { BusyButton } from "./dialogs/BusyButton";
import { t } from "./i18n";
import { lazyNamed } from "./lazyParts";

// Loaded only when a start fails: with their dialogs they would otherwise be a sixth of the
// code every start parses before the first screen.
const LastKnown = lazyNamed(() => import("./LastKnown"), "LastKnown");
const DatabaseSettings = lazyNamed(() => import("./settings/DatabaseSettings"), "DatabaseSettings");

/** Failures that a change of Settings → Database mends: the team database down, or its password. */
const mendedInDatabaseSettings: readonly string[] = ["database_unreachable", "database_sign_in"];

/** The heading says what failed; the back end's message says why and what to do. */
function headingOf(code: AppError["code"]): string {
  if (code === "database_unreachable") return t("startup.failed.unreachableTitle");
  if (code === "database_sign_in") return t("startup.failed.signInTitle");
  return t("startup.failed.title");
}

/** Starts the window again from the back end, as at a start. */
export function reloadWindow() {
  window.location.reload();
}

// The back end words every startup error with what to do next, so the message stands alone.
// A team database that could not be reached is tried again, or left for this computer's file,
// from here: nothing else of the window works without a database.
export function StartupFailure({ error, onReopened = reloadWindow }: { error: AppError; onReopened?: () => void }) {
  const [trying, setTrying] = useState(false);

  async function tryAgain() {
    setTrying(true);
    try {
      await commands.reopenDatabase();
    } finally {
      onReopened();
    }
  }

  return (
    <main className="startup-failure" role="alert" data-testid="startup-error" data-code={error.code}>
      <div className="startup-failure-card">
        <h1>{headingOf(error.code)}</h1>
        <p className="error-message">{error.message}</p>
        <div>
          <BusyButton
            className="button button-secondary"
            testId="startup-try-again"
            busy={trying}
            label={t("startup.failed.tryAgain")}
            busyLabel={t("startup.failed.trying")}
            onClick={() => void tryAgain()}
          />
        </div>
      </div>
      {mendedInDatabaseSettings.includes(error.code) && (
        <div className="startup-failure-settings">
          <Suspense fallback={null}>
            {error.code === "database_unreachable" && <LastKnown />}
            <DatabaseSettings onSwitched={onReopened} />
          </Suspense>
        </div>
      )}
    </main>
  );
}
