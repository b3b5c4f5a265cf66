import type { InterviewList } from "../../bindings/types";
import { t } from "../../i18n";

const texts: Record<InterviewList, { title: string; hint: string }> = {
  upcoming: {
    title: t("interviews.empty.upcoming.title"),
    hint: t("interviews.empty.upcoming.hint"),
  },
  completed: {
    title: t("interviews.empty.completed.title"),
    hint: t("interviews.empty.completed.hint"),
  },
  canceled: {
    title: t("interviews.empty.canceled.title"),
    hint: t("interviews.empty.canceled.hint"),
  },
  no_show: {
    title: t("interviews.empty.noShow.title"),
    hint: t("interviews.empty.noShow.hint"),
  },
};

export function ListEmptyState({ list, onBook }: { list: InterviewList; onBook: () => void }) {
  const text = texts[list];
  return (
    <div className="empty-state" data-testid={`interviews-empty-${list.replace("_", "-")}`}>
      <p className="empty-state-title">{text.title}</p>
      <p className="empty-state-hint">{text.hint}</p>
      {list === "upcoming" && (
        <div className="empty-state-actions">
          <button type="button" className="button button-primary" data-testid="empty-book-manually" onClick={onBook}>
            {t("interviews.bookManually")}
          </button>
        </div>
      )}
    </div>
  );
}
