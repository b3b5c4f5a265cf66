import type { PaneProps } from "./paneProps";

export function SessionsPane({ study }: PaneProps) {
  return (
    <section className="screen" data-testid="pane-sessions-screen" aria-labelledby="sessions-heading">
      <header className="screen-header">
        <h1 id="sessions-heading">Sessions & availability</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
    </section>
  );
}
