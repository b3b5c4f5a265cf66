import { useId, useRef, useState, type FormEvent } from "react";
import { commands } from "../bindings/commands";
import type { AppError, DatabaseChoiceView, TeamDatabaseCheck, TeamDatabaseInput, TeamTls } from "../bindings/types";
import { BusyButton } from "../dialogs/BusyButton";
import { toAppError } from "../errors";
import { fieldProblems } from "../fieldProblems";
import { t } from "../i18n";
import { useLoaded } from "../useLoaded";
import { FormField } from "./FormField";
import { StudyTransfer } from "./StudyTransfer";
import "./settings.css";

const teamFields = ["host", "port", "database", "user", "password", "caFile"] as const;
type TeamField = (typeof teamFields)[number];

const tlsModes: readonly TeamTls[] = ["verified", "encrypted", "ifOffered", "off"];
const tlsLabels: Record<TeamTls, () => string> = {
  verified: () => t("database.tls.verified"),
  encrypted: () => t("database.tls.encrypted"),
  ifOffered: () => t("database.tls.ifOffered"),
  off: () => t("database.tls.off"),
};

type Place = "thisComputer" | "team";
const placeWords: Record<Place, { label: () => string; hint: () => string }> = {
  thisComputer: { label: () => t("database.place.thisComputer"), hint: () => t("database.place.thisComputer.hint") },
  team: { label: () => t("database.place.team"), hint: () => t("database.place.team.hint") },
};
const tlsHints: Record<TeamTls, () => string> = {
  verified: () => t("database.tls.verified.hint"),
  encrypted: () => t("database.tls.encrypted.hint"),
  ifOffered: () => t("database.tls.ifOffered.hint"),
  off: () => t("database.tls.off.hint"),
};

type Props = {
  /** Called once another database is open; the window then loads afresh on it. */
  onSwitched?: () => void;
  /** Whether to offer moving studies between this computer and the team database in use. */
  showTransfer?: boolean;
};

function reloadWindow() {
  window.location.reload();
}

/**
 * Where this computer keeps Confab's data: the file in its data folder, or a lab's team database
 * on PostgreSQL that colleagues use at the same time. A team database is signed in to and set up
 * before it is saved, so Confab always starts on something that worked.
 */
export function DatabaseSettings({ onSwitched = reloadWindow, showTransfer = false }: Props) {
  const loaded = useLoaded(() => commands.databaseChoice(), []);
  return (
    <section className="panel" aria-labelledby="database-heading" data-testid="database-settings">
      <h2 id="database-heading" className="panel-title">
        {t("database.title")}
      </h2>
      <p className="panel-hint">{t("database.intro")}</p>
      {loaded.data ? (
        <>
          <DatabaseForm choice={loaded.data} onSwitched={onSwitched} />
          {showTransfer && (loaded.data.team || loaded.data.fromEnvironment) && <StudyTransfer />}
        </>
      ) : loaded.error && !loaded.loading ? (
        <div className="connection-result connection-failed" role="alert" data-testid="database-load-error">
          <p>{loaded.error.message}</p>
        </div>
      ) : (
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("database.loading")}
        </p>
      )}
    </section>
  );
}

function DatabaseForm({ choice, onSwitched }: { choice: DatabaseChoiceView; onSwitched: () => void }) {
  const saved = choice.team;
  const current: Place = saved || choice.fromEnvironment ? "team" : "thisComputer";
  const [place, setPlace] = useState<Place>(current);
  const [host, setHost] = useState(saved?.host ?? "");
  const [port, setPort] = useState(String(saved?.port ?? 5432));
  const [database, setDatabase] = useState(saved?.database ?? "");
  const [user, setUser] = useState(saved?.user ?? "");
  const [password, setPassword] = useState("");
  const [tls, setTls] = useState<TeamTls>(saved?.tls ?? "verified");
  const [caFile, setCaFile] = useState(saved?.caFile ?? "");
  const [busy, setBusy] = useState<"check" | "use" | "local" | null>(null);
  const [checked, setChecked] = useState<TeamDatabaseCheck | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<TeamField, string>>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const groupName = useId();

  function input(): TeamDatabaseInput {
    return {
      settings: {
        host: host.trim(),
        port: /^\d{1,5}$/.test(port.trim()) && Number(port) <= 65535 ? Number(port) : 0,
        database: database.trim(),
        user: user.trim(),
        tls,
        caFile: caFile.trim() === "" ? null : caFile.trim(),
      },
      password,
    };
  }

  function showProblem(reason: unknown) {
    const error = toAppError(reason);
    const { fields, rest } = fieldProblems(error, teamFields);
    setFieldErrors(fields);
    if (rest.length > 0) setFailure({ ...error, message: rest.join(" ") });
    const first = teamFields.find((field) => fields[field] !== undefined);
    if (first) formRef.current?.querySelector<HTMLElement>(`#database-${first}`)?.focus();
  }

  async function run(action: "check" | "use" | "local") {
    if (busy) return;
    setBusy(action);
    setFieldErrors({});
    setFailure(null);
    setChecked(null);
    try {
      if (action === "check") {
        setChecked(await commands.checkTeamDatabase(input()));
      } else {
        if (action === "use") await commands.useTeamDatabase(input());
        else await commands.useThisComputer();
        onSwitched();
        return;
      }
    } catch (reason) {
      showProblem(reason);
    }
    setBusy(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run("use");
  }

  function control(field: TeamField) {
    const message = fieldErrors[field];
    return {
      id: `database-${field}`,
      "data-testid": `database-${field}`,
      "aria-invalid": message !== undefined || undefined,
      "aria-describedby": message !== undefined ? `database-${field}-error` : undefined,
    };
  }

  if (choice.fromEnvironment) {
    return (
      <p className="settings-note" data-testid="database-from-environment">
        {t("database.fromEnvironment", { server: choice.fromEnvironment })}
      </p>
    );
  }

  return (
    <form ref={formRef} className="database-form" noValidate onSubmit={submit} aria-labelledby="database-heading" data-testid="database-form">
      <fieldset className="database-places">
        <legend className="visually-hidden">{t("database.where")}</legend>
        {(["thisComputer", "team"] as const).map((option) => (
          <label key={option} className="database-place">
            <input
              type="radio"
              name={groupName}
              value={option}
              checked={place === option}
              data-testid={`database-place-${option}`}
              onChange={() => setPlace(option)}
            />
            <span>
              <strong>{placeWords[option].label()}</strong>
              {current === option && <span className="settings-tag">{t("database.inUse")}</span>}
              <span className="field-hint">{placeWords[option].hint()}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {place === "team" && (
        <>
          <div className="field-row">
            <FormField id="database-host" label={t("database.host")} error={fieldErrors.host} className="field-grow">
              <input
                {...control("host")}
                type="text"
                spellCheck={false}
                autoComplete="off"
                placeholder="db.lab.example.edu"
                value={host}
                onChange={(e) => setHost(e.target.value)}
              />
            </FormField>
            <FormField id="database-port" label={t("database.port")} error={fieldErrors.port}>
              <input
                {...control("port")}
                type="text"
                inputMode="numeric"
                size={6}
                value={port}
                onChange={(e) => setPort(e.target.value)}
              />
            </FormField>
          </div>
          <div className="field-row">
            <FormField id="database-database" label={t("database.database")} error={fieldErrors.database} className="field-grow">
              <input
                {...control("database")}
                type="text"
                spellCheck={false}
                autoComplete="off"
                value={database}
                onChange={(e) => setDatabase(e.target.value)}
              />
            </FormField>
            <FormField id="database-user" label={t("database.user")} error={fieldErrors.user} className="field-grow">
              <input
                {...control("user")}
                type="text"
                spellCheck={false}
                autoComplete="username"
                value={user}
                onChange={(e) => setUser(e.target.value)}
              />
            </FormField>
            <FormField id="database-password" label={t("database.password")} error={fieldErrors.password} className="field-grow">
              <input
                {...control("password")}
                type="password"
                autoComplete="current-password"
                placeholder={choice.passwordSaved ? t("database.passwordSaved") : ""}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </FormField>
          </div>
          <div className="field-row">
            <FormField id="database-tls" label={t("database.tls")} hint={tlsHints[tls]()}>
              <select id="database-tls" data-testid="database-tls" value={tls} onChange={(e) => setTls(e.target.value as TeamTls)}>
                {tlsModes.map((mode) => (
                  <option key={mode} value={mode}>
                    {tlsLabels[mode]()}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField
              id="database-caFile"
              label={t("database.caFile")}
              error={fieldErrors.caFile}
              hint={t("database.caFileHint")}
              className="field-grow"
            >
              <input
                {...control("caFile")}
                type="text"
                spellCheck={false}
                autoComplete="off"
                placeholder="/etc/ssl/lab-ca.pem"
                value={caFile}
                onChange={(e) => setCaFile(e.target.value)}
              />
            </FormField>
          </div>
          <p className="field-hint">{t("database.passwordHint")}</p>
        </>
      )}

      {checked && (
        <div className="connection-result connection-ok" role="status" data-testid="database-checked">
          <p className="connection-title">{t("database.checked", { server: checked.server, version: checked.version })}</p>
          <p>{checked.setUp ? t("database.checked.setUp") : t("database.checked.empty")}</p>
        </div>
      )}
      {failure && (
        <div className="connection-result connection-failed" role="alert" data-testid="database-failed" data-code={failure.code}>
          <p className="connection-title">{t("database.failed")}</p>
          <p>{failure.message}</p>
        </div>
      )}

      <div className="settings-actions">
        {place === "team" ? (
          <>
            <BusyButton
              className="button button-secondary"
              testId="database-check"
              busy={busy === "check"}
              disabled={busy !== null}
              label={t("database.check")}
              busyLabel={t("database.checking")}
              onClick={() => void run("check")}
            />
            <BusyButton
              type="submit"
              className="button button-primary"
              testId="database-use-team"
              busy={busy === "use"}
              disabled={busy !== null}
              label={current === "team" ? t("database.useTeamAgain") : t("database.useTeam")}
              busyLabel={t("database.opening")}
            />
          </>
        ) : (
          current === "team" && (
            <BusyButton
              className="button button-primary"
              testId="database-use-local"
              busy={busy === "local"}
              disabled={busy !== null}
              label={t("database.useLocal")}
              busyLabel={t("database.opening")}
              onClick={() => void run("local")}
            />
          )
        )}
      </div>
    </form>
  );
}
