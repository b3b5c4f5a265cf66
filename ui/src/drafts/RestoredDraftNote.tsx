import "./drafts.css";

type Props = { onDiscard: () => void; testId: string };

/** Says that unsaved edits from before were brought back, with a way to throw them away. */
export function RestoredDraftNote({ onDiscard, testId }: Props) {
  return (
    <p className="draft-note" role="status" data-testid={testId}>
      Restored your unsaved changes.{" "}
      <button type="button" className="link-button" onClick={onDiscard}>
        Discard them
      </button>
    </p>
  );
}
