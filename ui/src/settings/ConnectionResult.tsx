import type { ConnectionCheck } from "../bindings/types";
import { t } from "../i18n";

const stageWords: Record<string, () => string> = {
  settings: () => t("mail.connection.stage.settings"),
  dns: () => t("mail.connection.stage.dns"),
  connect: () => t("mail.connection.stage.connect"),
  tls: () => t("mail.connection.stage.tls"),
  login: () => t("mail.connection.stage.login"),
  folder: () => t("mail.connection.stage.folder"),
  conversation: () => t("mail.connection.stage.conversation"),
};

/** Where a failed test stopped, e.g. "Outgoing mail (SMTP) failed while logging in". */
export function failedStep(check: ConnectionCheck): string {
  const server =
    check.server === "smtp"
      ? t("mail.connection.server.smtp")
      : check.server === "imap"
        ? t("mail.connection.server.imap")
        : t("mail.connection.server.unknown");
  const stage = check.stage ? (stageWords[check.stage]?.() ?? check.stage) : null;
  return stage ? t("mail.connection.failedWhile", { server, stage }) : t("mail.connection.failed", { server });
}

export function ConnectionResult({ check }: { check: ConnectionCheck }) {
  if (check.ok) {
    return (
      <div className="connection-result connection-ok" role="status" data-testid="connection-result" data-ok="true">
        <p className="connection-title">{t("mail.connection.ok")}</p>
        <p>{check.message}</p>
      </div>
    );
  }
  return (
    <div
      className="connection-result connection-failed"
      role="alert"
      data-testid="connection-result"
      data-ok="false"
      data-server={check.server ?? ""}
      data-stage={check.stage ?? ""}
    >
      <p className="connection-title">{failedStep(check)}</p>
      <p>{check.message}</p>
    </div>
  );
}
