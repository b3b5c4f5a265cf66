import type { ScreenId } from "../navigation";

type Props = {
  id: Exclude<ScreenId, "studies" | "settings">;
  title: string;
  /** What will be listed here once the feature exists. */
  explanation: string;
  /** What the researcher can do now to get there. */
  nextStep: string;
};

export function PlaceholderScreen({ id, title, explanation, nextStep }: Props) {
  return (
    <section className="screen" data-testid={`screen-${id}`} aria-labelledby={`${id}-heading`}>
      <header className="screen-header">
        <h1 id={`${id}-heading`}>{title}</h1>
      </header>
      <div className="empty-state">
        <p className="empty-state-title">{explanation}</p>
        <p className="empty-state-hint">{nextStep}</p>
      </div>
    </section>
  );
}
