import { t } from "../i18n";
import "./drafts.css";

type Props = { onDiscard: () => void; testId: string };

/** Says that unsaved edits from before were brought back, with a way to throw them away. */
export function RestoredDraftNote({ onDiscard, testId }: Props) {
  return (
    <p className="draft-note" role="status" data-testid={testId}>
      {t("drafts.restored")}{" "}
      <button type="button" className="link-button" onClick={onDiscard}>
        {t("drafts.discard")}
      </button>
    </p>
  );
}
