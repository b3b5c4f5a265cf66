import type { PaneId } from "../navigation";
import { DaysPane } from "./DaysPane";
import { InterviewsPane } from "./InterviewsPane";
import { OverviewPane } from "./OverviewPane";
import type { PaneProps } from "./paneProps";
import { ParticipantsPane } from "./ParticipantsPane";
import { SessionsPane } from "./SessionsPane";
import { StudySettingsPane } from "./StudySettingsPane";

/** One study's workspace: the section the sidebar has open. */
export function StudyWorkspace({ pane, ...props }: PaneProps & { pane: PaneId }) {
  // Keyed by study, so nothing of one study's half-loaded state shows in another's.
  const key = `${props.study.id}-${pane}`;
  switch (pane) {
    case "overview":
      return <OverviewPane key={key} {...props} />;
    case "participants":
      return <ParticipantsPane key={key} {...props} />;
    case "sessions":
      return <SessionsPane key={key} {...props} />;
    case "interviews":
      return <InterviewsPane key={key} {...props} />;
    case "days":
      return <DaysPane key={key} {...props} />;
    case "study-settings":
      return <StudySettingsPane key={key} {...props} />;
  }
}
