import type { AppError } from "./bindings/types";
import { navEntries, paneEntries, type PaneId, type Place, type ScreenId } from "./navigation";
import { SyncButton } from "./sync/SyncButton";
import { t } from "./i18n";

type Props = {
  place: Place;
  /** The team database the window works on (`host:port/database`), or null for this computer's file. */
  teamDatabase?: string | null;
  onNavigate: (screen: ScreenId) => void;
  onOpenPane: (pane: PaneId) => void;
  onError: (error: AppError) => void;
};

export function Sidebar({ place, teamDatabase = null, onNavigate, onOpenPane, onError }: Props) {
  const current: ScreenId = place.screen === "study" ? "studies" : place.screen;
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <span className="sidebar-logo" aria-hidden="true">C</span>
        <span className="sidebar-name">Confab</span>
      </div>
      {teamDatabase && (
        <p className="sidebar-team" data-testid="sidebar-team-database">
          {t("nav.teamDatabase")}
          <br />
          <span className="sidebar-team-server">
            {/* A line may break before the database's name rather than inside it. */}
            {teamDatabase.slice(0, teamDatabase.lastIndexOf("/") + 1)}
            <wbr />
            {teamDatabase.slice(teamDatabase.lastIndexOf("/") + 1)}
          </span>
        </p>
      )}
      <nav aria-label={t("nav.main")}>
        <ul className="nav-list">
          {navEntries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="nav-item"
                data-testid={`nav-${entry.id}`}
                aria-current={entry.id === current && place.screen !== "study" ? "page" : undefined}
                onClick={() => onNavigate(entry.id)}
              >
                {entry.label}
              </button>
              {entry.id === "studies" && place.screen === "study" && (
                <div className="nav-study">
                  <span className="nav-study-name" data-testid="nav-study-name" title={place.study.name}>
                    {place.study.name}
                  </span>
                  <ul className="nav-sublist" aria-label={t("nav.studySections", { study: place.study.name })}>
                    {paneEntries.map((pane) => (
                      <li key={pane.id}>
                        <button
                          type="button"
                          className="nav-item nav-subitem"
                          data-testid={`pane-${pane.id}`}
                          aria-current={pane.id === place.pane ? "page" : undefined}
                          onClick={() => onOpenPane(pane.id)}
                        >
                          {pane.label}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-sync">
        <SyncButton onError={onError} />
      </div>
    </aside>
  );
}
