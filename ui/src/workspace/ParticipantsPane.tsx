import type { PaneProps } from "./paneProps";

export function ParticipantsPane({ study }: PaneProps) {
  return (
    <section className="screen" data-testid="pane-participants-screen" aria-labelledby="participants-heading">
      <header className="screen-header">
        <h1 id="participants-heading">Participants</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
    </section>
  );
}
