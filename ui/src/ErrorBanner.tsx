import type { AppError } from "./bindings/types";
import { nextStepFor } from "./errors";

type Props = {
  error: AppError;
  onDismiss: () => void;
};

export function ErrorBanner({ error, onDismiss }: Props) {
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-code={error.code}>
      <div className="error-banner-text">
        <p className="error-message">{error.message}</p>
        <p className="error-next-step">{nextStepFor(error.code)}</p>
      </div>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
