import type { FoundMailSettings, FoundSignIn } from "../bindings/types";
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

const nextStep: Record<FoundSignIn, (source: string) => string> = {
  google: (source) => t("mail.found.google", { source }),
  microsoft: (source) => t("mail.found.microsoft", { source }),
  password: (source) => t("mail.found.password", { source }),
};

/** One line on what was filled in, where it came from, and how to log in next. */
export function foundSummary(found: FoundMailSettings): string {
  return nextStep[found.signIn](found.source);
}
