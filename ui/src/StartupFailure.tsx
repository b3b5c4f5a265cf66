import type { AppError } from "./bindings/types";
import { nextStepFor } from "./errors";

export function StartupFailure({ error }: { error: AppError }) {
  return (
    <main className="startup-failure" role="alert" data-testid="startup-error" data-code={error.code}>
      <div className="startup-failure-card">
        <h1>Confab could not open its database</h1>
        <p className="error-message">{error.message}</p>
        <p className="error-next-step">{nextStepFor(error.code)}</p>
      </div>
    </main>
  );
}
