import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import type { InterviewView } from "../../bindings/types";
import { t } from "../../i18n";

export type InterviewAction = "cancel" | "compose" | "reschedule" | "staff" | "no_show" | "completed" | "book_again";

/** The actions an interview in its state allows, in menu order. */
export function actionsFor(interview: InterviewView, now = Date.now()): InterviewAction[] {
  const started = new Date(interview.start).getTime() <= now;
  if (interview.state === "scheduled") {
    const actions: InterviewAction[] = ["reschedule", "staff", "compose", "cancel"];
    // Whether someone came is only known once the interview has begun.
    if (started) actions.push("no_show", "completed");
    return actions;
  }
  // A no-show is usually offered a new time; after a completed interview, the study's next
  // one, while it holds another.
  if (interview.state === "completed") {
    return interview.round < interview.rounds ? ["book_again", "no_show"] : ["no_show"];
  }
  return ["book_again"];
}

/** An action's words in the menu: booking after a completed interview books the next one. */
export function actionLabel(action: InterviewAction, interview: InterviewView): string {
  if (action === "book_again" && interview.state === "completed") {
    return t("interviews.action.bookNext", { round: interview.round + 1, rounds: interview.rounds });
  }
  return labels[action]();
}

const labels: Record<InterviewAction, () => string> = {
  reschedule: () => t("interviews.action.reschedule"),
  staff: () => t("interviews.action.staff"),
  compose: () => t("interviews.action.compose"),
  cancel: () => t("interviews.action.cancel"),
  no_show: () => t("interviews.action.noShow"),
  completed: () => t("interviews.action.completed"),
  book_again: () => t("interviews.action.bookAgain"),
};

type Props = {
  interview: InterviewView;
  onAction: (action: InterviewAction, interview: InterviewView) => void;
};

export function InterviewMenu({ interview, onAction }: Props) {
  const actions = actionsFor(interview);
  if (actions.length === 0) return null;
  const who = interview.participantName || interview.participantEmail;
  return (
    // Not modal: a dialog opened from an item must get the focus and the pointer back at once.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="button button-quiet interview-menu-trigger"
          data-testid="interview-menu"
          aria-label={t("interviews.menu.label", { who })}
        >
          …
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} data-testid="interview-menu-content">
          {actions.map((action) => (
            <DropdownMenu.Item
              key={action}
              className={action === "cancel" ? "menu-item menu-item-danger" : "menu-item"}
              data-testid={`interview-action-${action.replace("_", "-")}`}
              onSelect={() => onAction(action, interview)}
            >
              {actionLabel(action, interview)}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
