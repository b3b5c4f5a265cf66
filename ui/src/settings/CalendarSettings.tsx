import { useRef, useState, type FormEvent } from "react";
import { commands } from "../bindings/commands";
import type { AppError, CalendarAccountView, RemoteCalendarView } from "../bindings/types";
import { BusyButton } from "../dialogs/BusyButton";
import { ConfirmDialog } from "../dialogs/ConfirmDialog";
import { ErrorBanner } from "../ErrorBanner";
import { nextStepFor, toAppError } from "../errors";
import { fieldProblems } from "../fieldProblems";
import { t, tPlural } from "../i18n";
import { FormField } from "./FormField";
import { formatDateTime } from "../time/format";
import { localZone, timeAgo } from "./relativeTime";
import { useLoaded } from "../useLoaded";
import "./settings.css";
import "./calendar.css";

const accountFields = ["url", "username", "password"] as const;
type AccountField = (typeof accountFields)[number];

/** Addresses to pick from while typing the server's; the hints below the field name them too. */
const knownServers = [
  "https://caldav.fastmail.com/",
  "https://caldav.icloud.com/",
  "https://apidata.googleusercontent.com/caldav/v2/",
];

/**
 * The researcher's calendar account (CalDAV): connecting it, what the last Sync made of it, its
 * calendars, and disconnecting it. Which calendars a study uses is chosen in the study.
 */
export function CalendarSettings() {
  // Undefined until it is read; null when there is none.
  const loadedAccount = useLoaded(() => commands.calendarAccount(), []);
  const account = loadedAccount.data;
  const setAccount = loadedAccount.setData;
  const loadError = loadedAccount.loading ? null : loadedAccount.error;
  const [calendars, setCalendars] = useState<RemoteCalendarView[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function connected(list: RemoteCalendarView[]) {
    setCalendars(list);
    setChanging(false);
    setError(null);
    setNote(tPlural("calendarAccount.connected", list.length));
    try {
      setAccount(await commands.calendarAccount());
    } catch (reason) {
      setError(toAppError(reason));
    }
  }

  async function refresh() {
    if (refreshing) return;
    setRefreshing(true);
    setError(null);
    setNote(null);
    try {
      setCalendars(await commands.remoteCalendars());
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setRefreshing(false);
    }
  }

  async function disconnect() {
    await commands.removeCalendarAccount();
    setAccount(null);
    setCalendars(null);
    setChanging(false);
    setError(null);
    setNote(t("calendarAccount.disconnected"));
  }

  return (
    <section className="panel" aria-labelledby="calendar-account-heading" data-testid="calendar-settings">
      <h2 id="calendar-account-heading" className="panel-title">
        {t("calendarAccount.title")}
      </h2>
      <p className="panel-hint">{t("calendarAccount.intro")}</p>

      {account === undefined &&
        (loadError ? (
          <>
            <div className="connection-result connection-failed" role="alert" data-testid="calendar-load-error">
              <p className="connection-title">{t("calendarAccount.loadError")}</p>
              <p>
                {loadError.message} {nextStepFor(loadError.code)}
              </p>
            </div>
            <div>
              <button type="button" className="button button-secondary" onClick={() => void loadedAccount.reload()}>
                {t("common.tryAgain")}
              </button>
            </div>
          </>
        ) : (
          <p className="loading-line" role="status">
            <span className="spinner" aria-hidden="true" />
            {t("calendarAccount.loading")}
          </p>
        ))}

      {note && (
        <p className="settings-note" role="status" data-testid="calendar-note">
          {note}
        </p>
      )}

      {account && (
        <>
          <dl className="facts" data-testid="calendar-account-facts">
            <dt>{t("calendarAccount.server")}</dt>
            <dd>
              <code data-testid="calendar-account-url">{account.url}</code>
            </dd>
            <dt>{t("calendarAccount.username")}</dt>
            <dd data-testid="calendar-account-user">{account.username}</dd>
            <dt>{t("calendarAccount.lastRead")}</dt>
            <dd data-testid="calendar-account-last-read">
              {account.lastReadAt ? (
                <time dateTime={account.lastReadAt} title={formatDateTime(account.lastReadAt, localZone())}>
                  {timeAgo(account.lastReadAt)}
                </time>
              ) : (
                t("calendarAccount.notReadYet")
              )}
            </dd>
          </dl>
          {account.lastProblem !== "" && (
            <div className="connection-result calendar-warning" role="status" data-testid="calendar-last-problem">
              <p className="connection-title">{t("calendarAccount.lastProblem")}</p>
              <p>{account.lastProblem}</p>
            </div>
          )}
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          <div className="settings-actions">
            <BusyButton
              className="button button-secondary"
              testId="calendar-refresh"
              busy={refreshing}
              label={t("calendarAccount.refresh")}
              busyLabel={t("calendarAccount.refreshing")}
              onClick={() => void refresh()}
            />
            <button
              type="button"
              className="button button-secondary"
              data-testid="calendar-change"
              aria-expanded={changing}
              onClick={() => setChanging((open) => !open)}
            >
              {t("calendarAccount.change")}
            </button>
            <button
              type="button"
              className="button button-quiet"
              data-testid="calendar-disconnect"
              onClick={() => setConfirming(true)}
            >
              {t("calendarAccount.disconnect")}
            </button>
          </div>
        </>
      )}

      {account !== undefined && (account === null || changing) && (
        <ConnectForm account={account} onConnected={(list) => void connected(list)} />
      )}

      {calendars && <CalendarList calendars={calendars} />}

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("calendarAccount.disconnectTitle")}
        description={t("calendarAccount.disconnectDescription")}
        cancelLabel={t("common.cancel")}
        confirmLabel={t("calendarAccount.disconnect")}
        busyLabel={t("calendarAccount.disconnecting")}
        onConfirm={disconnect}
        testId="calendar-disconnect-dialog"
        confirmTestId="calendar-disconnect-confirm"
        narrow
      />
    </section>
  );
}

type ConnectProps = {
  /** The account connected now, whose server and user name the form starts from. */
  account: CalendarAccountView | null;
  onConnected: (calendars: RemoteCalendarView[]) => void;
};

/** Server, user name and password; Connect logs in and lists the calendars before anything is saved. */
function ConnectForm({ account, onConnected }: ConnectProps) {
  const [url, setUrl] = useState(account?.url ?? "");
  const [username, setUsername] = useState(account?.username ?? "");
  const [password, setPassword] = useState("");
  const [connecting, setConnecting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (connecting) return;
    setConnecting(true);
    setFieldErrors({});
    setFailure(null);
    try {
      const list = await commands.connectCalendarAccount({ url: url.trim(), username: username.trim(), password });
      setPassword("");
      onConnected(list);
    } catch (reason) {
      const error = toAppError(reason);
      const { fields, rest } = fieldProblems(error, accountFields);
      setFieldErrors(fields);
      if (rest.length > 0) setFailure({ code: error.code, message: rest.join(" ") });
      const first = accountFields.find((field) => fields[field] !== undefined);
      if (first) formRef.current?.querySelector<HTMLElement>(`#calendar-${first}`)?.focus();
    } finally {
      setConnecting(false);
    }
  }

  function control(field: AccountField) {
    const message = fieldErrors[field];
    return {
      id: `calendar-${field}`,
      "data-testid": `calendar-${field}`,
      "aria-invalid": message !== undefined || undefined,
      "aria-describedby": message !== undefined ? `calendar-${field}-error` : undefined,
    };
  }

  return (
    <form
      ref={formRef}
      className="calendar-connect"
      noValidate
      onSubmit={submit}
      aria-label={t("calendarAccount.formLabel")}
      data-testid="calendar-connect-form"
    >
      <FormField
        id="calendar-url"
        label={t("calendarAccount.url")}
        error={fieldErrors.url}
        hint={t("calendarAccount.urlHint")}
      >
        <input
          {...control("url")}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          list="calendar-known-servers"
          placeholder="https://caldav.fastmail.com/"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </FormField>
      <datalist id="calendar-known-servers">
        {knownServers.map((address) => (
          <option key={address} value={address} />
        ))}
      </datalist>
      <ul className="calendar-providers" aria-label={t("calendarAccount.providers")}>
        <li>
          {t("calendarAccount.provider.fastmail")} <code>https://caldav.fastmail.com/</code>
        </li>
        <li>
          {t("calendarAccount.provider.icloud")} <code>https://caldav.icloud.com/</code>{" "}
          {t("calendarAccount.provider.appPassword")}
        </li>
        <li>
          {t("calendarAccount.provider.google")} <code>https://apidata.googleusercontent.com/caldav/v2/</code>{" "}
          {t("calendarAccount.provider.appPassword")}
        </li>
        <li>
          {t("calendarAccount.provider.nextcloud")} <code>https://cloud.example.org/remote.php/dav/</code>
        </li>
        <li data-testid="calendar-microsoft-hint">{t("calendarAccount.provider.microsoft")}</li>
      </ul>
      <div className="field-row">
        <FormField id="calendar-username" label={t("calendarAccount.username")} error={fieldErrors.username} className="field-grow">
          <input
            {...control("username")}
            type="text"
            autoComplete="username"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </FormField>
        <FormField id="calendar-password" label={t("calendarAccount.password")} error={fieldErrors.password} className="field-grow">
          <input
            {...control("password")}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </FormField>
      </div>
      <p className="field-hint">{t("calendarAccount.passwordHint")}</p>
      {failure &&
        (failure.code === "mail" ? (
          // The server's answer (refused login, unreachable): said like a failed connection test,
          // since the mail account's advice would not fit.
          <div className="connection-result connection-failed" role="alert" data-testid="calendar-connect-failed">
            <p className="connection-title">{t("calendarAccount.connectFailed")}</p>
            <p>{failure.message}</p>
          </div>
        ) : (
          <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />
        ))}
      <div className="settings-actions">
        <BusyButton
          type="submit"
          className="button button-primary"
          testId="calendar-connect"
          busy={connecting}
          label={t("calendarAccount.connect")}
          busyLabel={t("calendarAccount.connecting")}
        />
      </div>
    </form>
  );
}

/** The account's calendars, read-only ones marked: those give busy times but take no interviews. */
function CalendarList({ calendars }: { calendars: RemoteCalendarView[] }) {
  return (
    <div className="calendar-connect" data-testid="calendar-list">
      <h3 className="settings-subtitle" id="calendar-list-heading">
        {t("calendarAccount.calendars")}
      </h3>
      {calendars.length === 0 ? (
        <p className="panel-hint">{t("calendarAccount.noCalendars")}</p>
      ) : (
        <>
          <ul className="calendar-list" aria-labelledby="calendar-list-heading">
            {calendars.map((calendar) => (
              <li key={calendar.href} data-testid="calendar-item">
                <span className="calendar-name">{calendar.name}</span>
                {!calendar.writable && <span className="settings-tag">{t("calendarAccount.readOnly")}</span>}
              </li>
            ))}
          </ul>
          {calendars.some((calendar) => !calendar.writable) && (
            <p className="field-hint">{t("calendarAccount.readOnlyHint")}</p>
          )}
        </>
      )}
      <p className="panel-hint">{t("calendarAccount.whereToChoose")}</p>
    </div>
  );
}
