import type { PaneProps } from "./paneProps";

export function DaysPane({ study }: PaneProps) {
  return (
    <section className="screen" data-testid="pane-days-screen" aria-labelledby="days-heading">
      <header className="screen-header">
        <h1 id="days-heading">Interview days</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
    </section>
  );
}
