import type { FoundMailSettings } from "../bindings/types";
import type { ProfileForm } from "./profileForm";
import { t } from "../i18n";

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
  const source = found.source;
  if (found.signIn === "google") return t("mail.found.google", { source });
  if (found.signIn === "microsoft") return t("mail.found.microsoft", { source });
  return t("mail.found.password", { source });
}
