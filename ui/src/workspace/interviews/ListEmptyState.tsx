import type { InterviewList } from "../../bindings/types";

const texts: Record<InterviewList, { title: string; hint: string }> = {
  upcoming: {
    title: "No upcoming interviews",
    hint: "Invite participants from Participants so they choose a time themselves, or book one for them with Book manually.",
  },
  completed: {
    title: "No completed interviews yet",
    hint: "Scheduled interviews move here by themselves once they have ended.",
  },
  canceled: {
    title: "No canceled interviews",
    hint: "Interviews canceled by you, or by a participant through their link or calendar, appear here with the reason.",
  },
  no_show: {
    title: "No no-shows",
    hint: "When a participant does not come, open the interview's … menu under Upcoming or Completed and choose Mark as no show.",
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
            Book manually
          </button>
        </div>
      )}
    </div>
  );
}
