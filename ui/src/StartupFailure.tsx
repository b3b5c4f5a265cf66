import type { AppError } from "./bindings/types";

// The back end words every startup error with what to do next, so the message stands alone.
export function StartupFailure({ error }: { error: AppError }) {
  return (
    <main className="startup-failure" role="alert" data-testid="startup-error" data-code={error.code}>
      <div className="startup-failure-card">
        <h1>Confab could not open its database</h1>
        <p className="error-message">{error.message}</p>
      </div>
    </main>
  );
}
