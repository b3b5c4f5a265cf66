import type { AppError } from "./bindings/types";
import { t } from "./i18n";

// The back end words every startup error with what to do next, so the message stands alone.
export function StartupFailure({ error }: { error: AppError }) {
  return (
    <main className="startup-failure" role="alert" data-testid="startup-error" data-code={error.code}>
      <div className="startup-failure-card">
        <h1>{t("startup.failed.title")}</h1>
        <p className="error-message">{error.message}</p>
      </div>
    </main>
  );
}
