import { useMemo, useState, type FormEvent } from "react";
import { commands } from "../bindings/commands";
import type { AppError, MailProfile, MailSecurity } from "../bindings/types";
import { ErrorBanner } from "../ErrorBanner";
import { nextStepFor, toAppError } from "../errors";
import { RestoredDraftNote } from "../drafts/RestoredDraftNote";
import { useDraft } from "../drafts/useDraft";
import { FormField } from "./FormField";
import { formWithFound, foundSummary } from "./foundSettings";
import { PasswordAndTest } from "./PasswordAndTest";
import { ResearcherPanel } from "./ResearcherPanel";
import { ServerFields } from "./ServerFields";
import { SignInPanel } from "./SignInPanel";
import { publishMailProfile } from "./mailProfileStore";
import {
  formFromProfile,
  profileFields,
  profileFromForm,
  validateProfileForm,
  withSecurity,
  type ProfileErrors,
  type ProfileField,
  type ProfileForm,
} from "./profileForm";
import { fieldProblems } from "../fieldProblems";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";
import "./settings.css";

const DRAFT_KEY = "settings.mail";

/** The researcher's name, address, time zone and mail account, its password and a test. */
export function MailSettings() {
  const loadedProfile = useLoaded(() => commands.mailProfile(), []);
  const loaded = loadedProfile.data ?? null;
  const setLoaded = (saved: MailProfile) => loadedProfile.setData(saved);
  const loadError = loadedProfile.loading ? null : loadedProfile.error;
  const savedForm = useMemo(() => (loaded ? formFromProfile(loaded) : null), [loaded]);
  const draft = useDraft<ProfileForm>(DRAFT_KEY, savedForm);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [serverField, setServerField] = useState<ProfileField | undefined>();

  const [finding, setFinding] = useState(false);
  const [foundNote, setFoundNote] = useState<string | null>(null);

  const form = draft.value;
  if (form === null) {
    return loadError ? (
      <section className="panel" data-testid="mail-settings-load-error">
        <h2 className="panel-title">{t("mail.title")}</h2>
        <div className="connection-result connection-failed" role="alert">
          <p className="connection-title">{t("mail.loadError")}</p>
          <p>
            {loadError.message} {nextStepFor(loadError.code)}
          </p>
        </div>
        <div>
          <button type="button" className="button button-secondary" onClick={() => void loadedProfile.reload()}>
            {t("common.tryAgain")}
          </button>
        </div>
      </section>
    ) : (
      <p className="loading-line" role="status">
        <span className="spinner" aria-hidden="true" />
        {t("mail.loading")}
      </p>
    );
  }

  const errors: ProfileErrors = attempted ? validateProfileForm(form) : {};

  function set<K extends ProfileField>(field: K, value: ProfileForm[K]) {
    if (form === null) return;
    setSavedAt(null);
    draft.setValue({ ...form, [field]: value });
  }

  function setSecurity(server: "smtp" | "imap", security: MailSecurity) {
    if (form === null) return;
    setSavedAt(null);
    draft.setValue(withSecurity(form, server, security));
  }

  /** Saves the form if it changed; false (with the reason shown) when it could not. */
  async function save(): Promise<boolean> {
    if (form === null) return false;
    setAttempted(true);
    const found = validateProfileForm(form);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`mail-${first}`)?.focus();
      return false;
    }
    if (!draft.dirty && loaded !== null) return true;
    setSaving(true);
    setServerError(null);
    setServerField(undefined);
    try {
      const saved = await commands.updateMailProfile(profileFromForm(form));
      setLoaded(saved);
      draft.markSaved(formFromProfile(saved));
      publishMailProfile(saved);
      setSavedAt(Date.now());
      return true;
    } catch (reason) {
      const error = toAppError(reason);
      setServerError(error);
      // The first field on screen the back end named, marked and focused; the message is above.
      const named = fieldProblems(error, profileFields).fields;
      const field = profileFields.find((f) => named[f] !== undefined);
      setServerField(field);
      if (field) document.getElementById(`mail-${field}`)?.focus();
      return false;
    } finally {
      setSaving(false);
    }
  }

  /** Fills the servers in from the address; nothing is saved until the researcher saves. */
  async function findSettings() {
    if (form === null || finding) return;
    setFoundNote(null);
    setServerError(null);
    setFinding(true);
    try {
      const found = await commands.findMailSettings(form.researcherEmail.trim());
      setSavedAt(null);
      draft.setValue(formWithFound(form, found));
      setFoundNote(foundSummary(found));
    } catch (reason) {
      setServerError(toAppError(reason));
    } finally {
      setFinding(false);
    }
  }

  /** A sign-in or a switch of method saved the profile: the form shows it as saved. */
  function changed(profile: MailProfile) {
    setLoaded(profile);
    draft.markSaved(formFromProfile(profile));
    publishMailProfile(profile);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!saving) await save();
  }

  function control(field: ProfileField) {
    const message = errors[field];
    return {
      id: `mail-${field}`,
      "aria-invalid": message !== undefined || serverField === field || undefined,
      "aria-describedby": message !== undefined ? `mail-${field}-error` : undefined,
    };
  }

  return (
    <div className="settings-mail">
      <form className="form settings-form" noValidate onSubmit={submit} data-testid="mail-settings-form">
        {draft.restored && <RestoredDraftNote onDiscard={draft.discard} testId="settings-draft-restored" />}
        {serverError && <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />}

        <ResearcherPanel form={form} errors={errors} control={control} onChange={set} />

        <section className="panel" aria-labelledby="settings-account-heading">
          <h2 id="settings-account-heading" className="panel-title">
            {t("mail.account.title")}
          </h2>
          <p className="panel-hint">{t("mail.account.hint")}</p>
          <div className="settings-actions">
            <button
              type="button"
              className="button button-secondary"
              data-testid="settings-find-servers"
              disabled={finding || form.researcherEmail.trim() === ""}
              aria-busy={finding || undefined}
              onClick={() => void findSettings()}
            >
              {finding ? t("mail.account.finding") : t("mail.account.find")}
            </button>
          </div>
          {foundNote && (
            <p className="settings-note" role="status" data-testid="settings-found-servers">
              {foundNote}
            </p>
          )}
          <FormField
            id="mail-username"
            label={t("mail.account.username")}
            hint={t("mail.account.usernameHint")}
            error={errors.username}
          >
            <input
              {...control("username")}
              data-testid="settings-username"
              type="text"
              autoComplete="username"
              spellCheck={false}
              placeholder={form.researcherEmail || t("mail.account.usernamePlaceholder")}
              value={form.username}
              onChange={(e) => set("username", e.target.value)}
            />
          </FormField>

          <fieldset className="server-fieldset">
            <legend>{t("mail.smtp.legend")}</legend>
            <ServerFields
              server="smtp"
              form={form}
              errors={errors}
              control={control}
              onChange={(field, value) => set(field, value)}
              onSecurity={setSecurity}
            />
            <label className="checkbox-field">
              <input
                type="checkbox"
                data-testid="settings-smtp-login"
                checked={form.smtpLogin}
                onChange={(e) => set("smtpLogin", e.target.checked)}
              />
              <span>
                <span className="checkbox-label">{t("mail.smtp.login")}</span>
                <span className="field-hint">{t("mail.smtp.loginHint")}</span>
              </span>
            </label>
          </fieldset>

          <fieldset className="server-fieldset">
            <legend>{t("mail.imap.legend")}</legend>
            <ServerFields
              server="imap"
              form={form}
              errors={errors}
              control={control}
              onChange={(field, value) => set(field, value)}
              onSecurity={setSecurity}
            />
            <FormField
              id="mail-readSince"
              label={t("mail.imap.readSince")}
              error={errors.readSince}
              hint={t("mail.imap.readSinceHint")}
            >
              <input
                {...control("readSince")}
                data-testid="settings-read-since"
                type="date"
                value={form.readSince}
                onChange={(e) => set("readSince", e.target.value)}
              />
            </FormField>
          </fieldset>
        </section>

        <div className="settings-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="settings-save"
            disabled={saving}
            aria-busy={saving || undefined}
          >
            {saving && <span className="spinner" aria-hidden="true" />}
            {saving ? t("mail.saving") : t("mail.save")}
          </button>
          <span className="settings-save-state" role="status" data-testid="settings-save-state">
            {savedAt !== null ? t("mail.saved") : draft.dirty ? t("common.unsavedChanges") : ""}
          </span>
        </div>
      </form>

      <SignInPanel
        auth={loaded?.account?.auth ?? null}
        hasAccount={loaded?.account != null || (form.smtpHost.trim() !== "" && form.imapHost.trim() !== "")}
        onBeforeUse={save}
        onChanged={changed}
      />
      <PasswordAndTest
        hasAccount={loaded?.account != null || (form.smtpHost.trim() !== "" && form.imapHost.trim() !== "")}
        signsIn={loaded?.account?.auth === "oauth2"}
        onBeforeUse={save}
      />
    </div>
  );
}
