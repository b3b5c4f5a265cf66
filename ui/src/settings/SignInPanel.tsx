import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError, MailAuth, MailProfile, MailProvider } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { toAppError } from "../errors";
import { t } from "../i18n";

type Props = {
  /** How the saved account logs in, or null before an account is saved. */
  auth: MailAuth | null;
  hasAccount: boolean;
  /** Saves the account first if it changed: the sign-in belongs to the saved one. */
  onBeforeUse: () => Promise<boolean>;
  /** The profile after a sign-in or a switch of method. */
  onChanged: (profile: MailProfile) => void;
};

const providerNames: Record<MailProvider, () => string> = {
  google: () => t("signIn.provider.google"),
  microsoft: () => t("signIn.provider.microsoft"),
  other: () => t("signIn.provider.generic"),
};

/**
 * Signing in with Google, Microsoft 365 or another provider in the browser, beside the
 * password; switching back to a password is its own button, never a side effect of saving.
 */
export function SignInPanel({ auth, hasAccount, onBeforeUse, onChanged }: Props) {
  const [busy, setBusy] = useState<MailProvider | "password" | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [clientId, setClientId] = useState("");
  const [tenant, setTenant] = useState("");
  const [issuer, setIssuer] = useState("");

  async function signIn(provider: MailProvider) {
    if (busy) return;
    setError(null);
    setNote(null);
    if (!(await onBeforeUse())) return;
    setBusy(provider);
    try {
      const profile = await commands.signInMail({
        provider,
        tenant: provider === "microsoft" && tenant.trim() !== "" ? tenant.trim() : null,
        issuer: provider === "other" ? issuer.trim() : null,
        clientId: clientId.trim() === "" ? null : clientId.trim(),
        clientSecret: null,
      });
      onChanged(profile);
      setNote(t("signIn.signedIn", { provider: providerNames[provider]() }));
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  async function switchToPassword() {
    if (busy) return;
    setError(null);
    setNote(null);
    setBusy("password");
    try {
      onChanged(await commands.setMailSignInMethod("password"));
      setNote(t("signIn.nowPassword"));
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(null);
    }
  }

  const waiting = busy !== null && busy !== "password";
  return (
    <section className="panel" aria-labelledby="settings-sign-in-heading" data-testid="settings-sign-in-panel">
      <h2 id="settings-sign-in-heading" className="panel-title">
        {t("signIn.title")}
      </h2>
      <p className="panel-hint">
        {t("signIn.hint", { state: auth === "oauth2" ? t("signIn.state.oauth") : t("signIn.state.password") })}
      </p>
      <div className="settings-actions">
        <button
          type="button"
          className="button button-secondary"
          data-testid="settings-sign-in-google"
          disabled={busy !== null || !hasAccount}
          onClick={() => void signIn("google")}
        >
          {t("signIn.google")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="settings-sign-in-microsoft"
          disabled={busy !== null || !hasAccount}
          onClick={() => void signIn("microsoft")}
        >
          {t("signIn.microsoft")}
        </button>
        {auth === "oauth2" && (
          <button
            type="button"
            className="button button-quiet"
            data-testid="settings-use-password"
            disabled={busy !== null}
            onClick={() => void switchToPassword()}
          >
            {t("signIn.usePassword")}
          </button>
        )}
      </div>
      <details className="settings-details">
        <summary>{t("signIn.other.summary")}</summary>
        <div className="field">
          <label htmlFor="mail-sign-in-issuer">{t("signIn.other.issuer")}</label>
          <input
            id="mail-sign-in-issuer"
            data-testid="settings-sign-in-issuer"
            type="url"
            spellCheck={false}
            placeholder={t("signIn.other.issuerPlaceholder")}
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="mail-sign-in-client-id">{t("signIn.other.clientId")}</label>
          <input
            id="mail-sign-in-client-id"
            data-testid="settings-sign-in-client-id"
            type="text"
            spellCheck={false}
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
          />
          <span className="field-hint">{t("signIn.other.clientIdHint")}</span>
        </div>
        <div className="field">
          <label htmlFor="mail-sign-in-tenant">{t("signIn.other.tenant")}</label>
          <input
            id="mail-sign-in-tenant"
            data-testid="settings-sign-in-tenant"
            type="text"
            spellCheck={false}
            placeholder={t("signIn.other.tenantPlaceholder")}
            value={tenant}
            onChange={(e) => setTenant(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="button button-secondary"
          data-testid="settings-sign-in-other"
          disabled={busy !== null || !hasAccount || issuer.trim() === ""}
          onClick={() => void signIn("other")}
        >
          {t("signIn.other.submit")}
        </button>
      </details>
      {!hasAccount && <p className="field-hint">{t("signIn.noAccount")}</p>}
      {waiting && (
        <p className="loading-line" role="status" data-testid="settings-signing-in">
          <span className="spinner" aria-hidden="true" />
          {t("signIn.waiting")}
        </p>
      )}
      {note && (
        <p className="settings-note" role="status" data-testid="settings-sign-in-status">
          {note}
        </p>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
