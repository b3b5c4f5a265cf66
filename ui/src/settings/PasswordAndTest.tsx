import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, ConnectionCheck } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { ConnectionResult } from "./ConnectionResult";
import { t } from "../i18n";

type PasswordProps = {
  hasAccount: boolean;
  /** The account signs in with its provider: there is no password to save. */
  signsIn: boolean;
  /** Saves the account first if it changed: the password and the test belong to the saved one. */
  onBeforeUse: () => Promise<boolean>;
};

/** The account's password in the keyring (save or forget it), and Test connection. */
export function PasswordAndTest({ hasAccount, signsIn, onBeforeUse }: PasswordProps) {
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState<null | "save" | "forget" | "test">(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);

  async function run(action: "save" | "forget" | "test") {
    if (busy) return;
    setError(null);
    setNote(null);
    if (action === "save" && password === "") {
      setError({ code: "invalid_input", message: t("mail.password.missing") });
      document.getElementById("mail-password")?.focus();
      return;
    }
    if (!(await onBeforeUse())) return;
    setBusy(action);
    if (action === "test") setCheck(null);
    try {
      if (action === "save") {
        await commands.saveMailPassword(password);
        setPassword("");
        setNote(t("mail.password.saved"));
      } else if (action === "forget") {
        await commands.forgetMailPassword();
        setPassword("");
        setNote(t("mail.password.forgotten"));
      } else {
        // A password typed but not saved yet is tried as it is; otherwise the keyring's.
        setCheck(await commands.testMailConnection(password === "" ? null : password));
      }
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="settings-password-heading" data-testid="settings-password-panel">
      <h2 id="settings-password-heading" className="panel-title">
        {signsIn ? t("mail.password.titleSignsIn") : t("mail.password.title")}
      </h2>
      <p className="panel-hint">{signsIn ? t("mail.password.hintSignsIn") : t("mail.password.hint")}</p>
      {!signsIn && (
        <form
          className="password-row"
          onSubmit={(event) => {
            event.preventDefault();
            void run("save");
          }}
        >
          <div className="field field-grow">
            <label htmlFor="mail-password">{t("mail.password.label")}</label>
            <input
              id="mail-password"
              data-testid="settings-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button-secondary"
            data-testid="settings-save-password"
            disabled={busy !== null || !hasAccount}
          >
            {busy === "save" ? t("mail.password.saving") : t("mail.password.save")}
          </button>
          <button
            type="button"
            className="button button-quiet"
            data-testid="settings-forget-password"
            disabled={busy !== null || !hasAccount}
            onClick={() => void run("forget")}
          >
            {busy === "forget" ? t("mail.password.forgetting") : t("mail.password.forget")}
          </button>
        </form>
      )}
      {!hasAccount && <p className="field-hint">{t("mail.password.noAccount")}</p>}
      {note && (
        <p className="settings-note" role="status" data-testid="settings-password-status">
          {note}
        </p>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="connection-test">
        <button
          type="button"
          className="button button-secondary"
          data-testid="settings-test-connection"
          disabled={busy !== null || !hasAccount}
          aria-busy={busy === "test" || undefined}
          onClick={() => void run("test")}
        >
          {t("mail.test")}
        </button>
        {busy === "test" && (
          <span className="loading-line" role="status" data-testid="connection-testing">
            <span className="spinner" aria-hidden="true" />
            {t("mail.testing")}
          </span>
        )}
      </div>
      {check && <ConnectionResult check={check} />}
    </section>
  );
}
