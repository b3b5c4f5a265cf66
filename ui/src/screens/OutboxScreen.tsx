import type { AppError } from "../bindings/types";

type Props = {
  onError: (error: AppError) => void;
};

export function OutboxScreen(_props: Props) {
  return (
    <section className="screen" data-testid="screen-outbox" aria-labelledby="outbox-heading">
      <header className="screen-header">
        <h1 id="outbox-heading">Outbox</h1>
      </header>
    </section>
  );
}
