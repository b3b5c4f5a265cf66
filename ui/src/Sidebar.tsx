import { navEntries, type ScreenId } from "./navigation";

type Props = {
  current: ScreenId;
  onNavigate: (screen: ScreenId) => void;
};

export function Sidebar({ current, onNavigate }: Props) {
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <span className="sidebar-logo" aria-hidden="true">C</span>
        <span className="sidebar-name">Confab</span>
      </div>
      <nav aria-label="Main">
        <ul className="nav-list">
          {navEntries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="nav-item"
                data-testid={`nav-${entry.id}`}
                aria-current={entry.id === current ? "page" : undefined}
                onClick={() => onNavigate(entry.id)}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
