import type { PaneProps } from "./paneProps";

export function StudySettingsPane({ study }: PaneProps) {
  return (
    <section className="screen" data-testid="pane-study-settings-screen" aria-labelledby="study-settings-heading">
      <header className="screen-header">
        <h1 id="study-settings-heading">Study settings</h1>
        <span className="screen-subtitle">{study.name}</span>
      </header>
    </section>
  );
}
