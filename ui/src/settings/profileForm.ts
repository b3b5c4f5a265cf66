import type { MailProfile, MailSecurity } from "../bindings/types";
import { isKnownTimeZone, localTimeZone } from "../timeZones";
import { t } from "../i18n";

/** The profile as the form edits it: ports as typed, so an emptied field is reported, not 0. */
export type ProfileForm = {
  researcherName: string;
  researcherEmail: string;
  timeZone: string;
  syncAutomatically: boolean;
  username: string;
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: MailSecurity;
  smtpLogin: boolean;
  imapHost: string;
  imapPort: string;
  imapSecurity: MailSecurity;
  /** YYYY-MM-DD, or empty: read only what arrives after the account is connected. */
  readSince: string;
};

export type ProfileField = keyof ProfileForm;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

export const securityChoices: ReadonlyArray<{ value: MailSecurity; label: string }> = [
  { value: "tls", label: "TLS" },
  { value: "start_tls", label: "STARTTLS" },
  { value: "plain", label: t("mail.security.none") },
];

/** The port providers use for each kind of security. */
export function defaultPort(server: "smtp" | "imap", security: MailSecurity): number {
  if (server === "smtp") return security === "tls" ? 465 : security === "start_tls" ? 587 : 25;
  return security === "tls" ? 993 : 143;
}

export function formFromProfile(profile: MailProfile): ProfileForm {
  const account = profile.account;
  return {
    researcherName: profile.researcherName,
    researcherEmail: profile.researcherEmail,
    // A profile never saved says UTC; the researcher's own zone is the better first guess.
    timeZone: profile.researcherEmail === "" && profile.timeZone === "UTC" ? localTimeZone() : profile.timeZone,
    syncAutomatically: profile.syncAutomatically,
    username: account?.username ?? "",
    smtpHost: account?.smtpHost ?? "",
    smtpPort: String(account?.smtpPort ?? defaultPort("smtp", "tls")),
    smtpSecurity: account?.smtpSecurity ?? "tls",
    smtpLogin: account?.smtpLogin ?? true,
    imapHost: account?.imapHost ?? "",
    imapPort: String(account?.imapPort ?? defaultPort("imap", "tls")),
    imapSecurity: account?.imapSecurity ?? "tls",
    readSince: account?.readSince ?? "",
  };
}

/**
 * The form after the security of one server changed: a port still at the old security's usual
 * number follows to the new one, a port the researcher typed stays.
 */
export function withSecurity(form: ProfileForm, server: "smtp" | "imap", security: MailSecurity): ProfileForm {
  const portKey = server === "smtp" ? "smtpPort" : "imapPort";
  const securityKey = server === "smtp" ? "smtpSecurity" : "imapSecurity";
  const port = form[portKey].trim();
  const followsDefault = port === "" || port === String(defaultPort(server, form[securityKey]));
  return {
    ...form,
    [securityKey]: security,
    [portKey]: followsDefault ? String(defaultPort(server, security)) : form[portKey],
  };
}

function hasAccount(form: ProfileForm): boolean {
  return form.smtpHost.trim() !== "" || form.imapHost.trim() !== "" || form.username.trim() !== "";
}

function parsePort(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : null;
}

export function validateProfileForm(form: ProfileForm): ProfileErrors {
  const errors: ProfileErrors = {};
  const email = form.researcherEmail.trim();
  if (/[\r\n]/.test(form.researcherName)) errors.researcherName = t("mail.error.nameLineBreaks");
  if (email !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.researcherEmail = t("mail.error.emailInvalid");
  }
  const zone = form.timeZone.trim();
  if (zone === "") errors.timeZone = t("mail.error.timeZoneMissing");
  else if (!isKnownTimeZone(zone)) {
    errors.timeZone = t("mail.error.timeZoneUnknown", { zone });
  }
  if (!hasAccount(form)) return errors;
  if (email === "") errors.researcherEmail = t("mail.error.emailMissing");
  if (form.smtpHost.trim() === "") errors.smtpHost = t("mail.error.smtpHostMissing");
  if (form.imapHost.trim() === "") errors.imapHost = t("mail.error.imapHostMissing");
  if (parsePort(form.smtpPort) === null) errors.smtpPort = t("mail.error.smtpPort");
  if (parsePort(form.imapPort) === null) errors.imapPort = t("mail.error.imapPort");
  const since = form.readSince.trim();
  if (since !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(since)) errors.readSince = t("mail.error.readSince");
  return errors;
}

/** The profile to save; call only when `validateProfileForm` found nothing. */
export function profileFromForm(form: ProfileForm): MailProfile {
  const email = form.researcherEmail.trim();
  return {
    researcherName: form.researcherName.trim(),
    researcherEmail: email,
    timeZone: form.timeZone.trim(),
    syncAutomatically: form.syncAutomatically,
    account: hasAccount(form)
      ? {
          username: form.username.trim() || email,
          auth: "password",
          smtpHost: form.smtpHost.trim(),
          smtpPort: parsePort(form.smtpPort) ?? defaultPort("smtp", form.smtpSecurity),
          smtpSecurity: form.smtpSecurity,
          smtpLogin: form.smtpLogin,
          imapHost: form.imapHost.trim(),
          imapPort: parsePort(form.imapPort) ?? defaultPort("imap", form.imapSecurity),
          imapSecurity: form.imapSecurity,
          ...(form.readSince.trim() !== "" ? { readSince: form.readSince.trim() } : {}),
        }
      : null,
  };
}

/** The form's fields in their order on screen, as the back end names them in its problems. */
export const profileFields: readonly ProfileField[] = [
  "researcherName",
  "researcherEmail",
  "timeZone",
  "syncAutomatically",
  "username",
  "smtpHost",
  "smtpPort",
  "smtpSecurity",
  "smtpLogin",
  "imapHost",
  "imapPort",
  "imapSecurity",
  "readSince",
];
