import { useEffect } from "react";
import type { AppError } from "../bindings/types";
import { useMailProfile } from "../settings/mailProfileStore";
import { startAutoSync } from "./autoSync";
import { runSync } from "./syncRunner";
import { t } from "../i18n";

/**
 * Runs Sync by itself while the researcher's profile says "Sync automatically": every ten
 * minutes and whenever the computer comes back online. Mount it once, in the App.
 */
export function useAutoSync(onError: (error: AppError) => void) {
  const enabled = useMailProfile()?.syncAutomatically ?? false;
  useEffect(() => {
    if (!enabled) return;
    return startAutoSync({
      run: runSync,
      isOnline: () => navigator.onLine,
      onFailure: (error) =>
        onError({ ...error, message: t("sync.auto.failed", { reason: error.message }) }),
      events: window,
    });
  }, [enabled, onError]);
}
