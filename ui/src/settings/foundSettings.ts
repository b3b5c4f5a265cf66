import type { FoundMailSettings } from "../bindings/types";
import type { ProfileForm } from "./profileForm";

/** The form with the servers found for the address filled in; the researcher's own details stay. */
export function formWithFound(form: ProfileForm, found: FoundMailSettings): ProfileForm {
  const account = found.account;
  return {
    ...form,
    username: account.username,
    smtpHost: account.smtpHost,
    smtpPort: String(account.smtpPort),
    smtpSecurity: account.smtpSecurity,
    smtpLogin: true,
    imapHost: account.imapHost,
    imapPort: String(account.imapPort),
    imapSecurity: account.imapSecurity,
  };
}

/** One line on what was filled in, where it came from, and how to log in next. */
export function foundSummary(found: FoundMailSettings): string {
  const next =
    found.signIn === "google"
      ? " Save, then sign in with Google below."
      : found.signIn === "microsoft"
        ? " Save, then sign in with Microsoft below."
        : " Check them, save, then enter your password below.";
  return `Filled in from ${found.source}.${next}`;
}
