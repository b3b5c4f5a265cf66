import type { PaneProps } from "./paneProps";

export function OverviewPane({ study }: PaneProps) {
  return (
    <section className="screen" data-testid="pane-overview-screen" aria-labelledby="overview-heading">
      <header className="screen-header">
        <h1 id="overview-heading">Overview</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
    </section>
  );
}
