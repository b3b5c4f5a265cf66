import { useState } from "react";
import { commands } from "../bindings/commands";
import type { AppError } from "../bindings/types";
import { toAppError } from "../errors";
import { CalendarSettings } from "../settings/CalendarSettings";
import { DatabaseSettings } from "../settings/DatabaseSettings";
import { MailSettings } from "../settings/MailSettings";
import { TemplateSettings } from "../settings/TemplateSettings";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";

type Props = {
  dataDir: string;
  databasePath: string;
  onShowAbout: () => void;
  onError: (error: AppError) => void;
};

export function SettingsScreen({ dataDir, databasePath, onShowAbout, onError }: Props) {
  const logDir = useLoaded(() => commands.about(), [], { onError }).data?.logDir ?? null;
  const [opening, setOpening] = useState(false);

  async function openLogs() {
    setOpening(true);
    try {
      await commands.openLogsFolder();
    } catch (reason) {
      onError(toAppError(reason));
    } finally {
      setOpening(false);
    }
  }

  return (
    <section className="screen" data-testid="screen-settings" aria-labelledby="settings-heading">
      <header className="screen-header">
        <h1 id="settings-heading">{t("settings.title")}</h1>
      </header>
      <MailSettings />
      <CalendarSettings />
      <TemplateSettings onError={onError} />
      <DatabaseSettings showTransfer />
      <div className="panel">
        <h2 className="panel-title">{t("settings.storage.title")}</h2>
        <dl className="facts">
          <dt>{t("settings.storage.dataFolder")}</dt>
          <dd>
            <code data-testid="settings-data-dir">{dataDir}</code>
          </dd>
          <dt>{t("settings.storage.database")}</dt>
          <dd>
            <code data-testid="settings-database-path">{databasePath}</code>
          </dd>
        </dl>
        <p className="panel-hint">{t("settings.storage.hint")}</p>
      </div>
      <div className="panel">
        <h2 className="panel-title">{t("settings.logs.title")}</h2>
        <dl className="facts">
          <dt>{t("settings.logs.folder")}</dt>
          <dd>
            <code data-testid="settings-log-dir">{logDir ?? "…"}</code>
          </dd>
        </dl>
        <p className="panel-hint">{t("settings.logs.hint")}</p>
        <div>
          <button
            type="button"
            className="button button-secondary"
            data-testid="open-logs-button"
            disabled={opening}
            onClick={() => void openLogs()}
          >
            {t("settings.logs.open")}
          </button>
        </div>
      </div>
      <p>
        <button type="button" className="link-button" data-testid="settings-about-link" onClick={onShowAbout}>
          {t("settings.about")}
        </button>
      </p>
    </section>
  );
}
