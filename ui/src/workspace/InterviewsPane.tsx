import type { PaneProps } from "./paneProps";

export function InterviewsPane({ study }: PaneProps) {
  return (
    <section className="screen" data-testid="pane-interviews-screen" aria-labelledby="interviews-heading">
      <header className="screen-header">
        <h1 id="interviews-heading">Interviews</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
    </section>
  );
}
