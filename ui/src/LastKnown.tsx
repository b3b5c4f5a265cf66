import { commands } from "./bindings/commands";
import { t, tPlural } from "./i18n";
import { formatDateTime } from "./time/format";
import { localZone } from "./settings/relativeTime";
import { useLoaded } from "./useLoaded";
import "./settings/settings.css";

/**
 * What the window last knew of the team database, read-only, while the server cannot be reached:
 * the studies and who is coming, so a researcher whose network is down still knows their day.
 */
export function LastKnown() {
  const known = useLoaded(() => commands.lastKnownData(), []).data;
  if (!known) return null;
  return (
    <section className="panel" aria-labelledby="last-known-heading" data-testid="last-known">
      <h2 id="last-known-heading" className="panel-title">
        {t("lastKnown.title")}
      </h2>
      <p className="panel-hint">
        {t("lastKnown.intro", { server: known.server, savedAt: formatDateTime(known.savedAt, localZone()) })}
      </p>
      {known.studies.map((study) => (
        <div key={study.name} className="last-known-study" data-testid="last-known-study">
          <h3 className="settings-subtitle">{study.name}</h3>
          {study.upcoming.length === 0 ? (
            <p className="field-hint">{t("lastKnown.none")}</p>
          ) : (
            <>
              <p className="field-hint">{tPlural("lastKnown.upcoming", study.upcoming.length)}</p>
              <ul className="last-known-list">
                {study.upcoming.map((interview) => (
                  <li key={`${interview.start}-${interview.participantName}`} data-testid="last-known-interview">
                    <time dateTime={interview.start}>{formatDateTime(interview.start, study.timeZone)}</time>{" "}
                    {interview.participantName}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
