import type { AppError } from "./bindings/types";
import { nextStepFor } from "./errors";
import { t } from "./i18n";

type Props = {
  error: AppError;
  onDismiss: () => void;
  /** Offered when the provider wants the researcher to sign in again: goes to where that is done. */
  onSignIn?: () => void;
};

export function ErrorBanner({ error, onDismiss, onSignIn }: Props) {
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-code={error.code}>
      <div className="error-banner-text">
        <p className="error-message">{error.message}</p>
        <p className="error-next-step">{nextStepFor(error.code)}</p>
      </div>
      {error.code === "sign_in" && onSignIn && (
        <button type="button" className="button button-primary" data-testid="error-sign-in" onClick={onSignIn}>
          {t("errors.banner.signInAgain")}
        </button>
      )}
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t("common.dismiss")}
      </button>
    </div>
  );
}
