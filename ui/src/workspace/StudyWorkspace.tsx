import { lazyNamed } from "../lazyParts";
import type { PaneId } from "../navigation";
import type { PaneProps } from "./paneProps";

// Each section is loaded the first time it is opened: the calendars, the participants table
// and the editors are not needed for the window's first screen.
const OverviewPane = lazyNamed(() => import("./OverviewPane"), "OverviewPane");
const ParticipantsPane = lazyNamed(() => import("./ParticipantsPane"), "ParticipantsPane");
const SessionsPane = lazyNamed(() => import("./SessionsPane"), "SessionsPane");
const InterviewsPane = lazyNamed(() => import("./InterviewsPane"), "InterviewsPane");
const DaysPane = lazyNamed(() => import("./DaysPane"), "DaysPane");
const StudySettingsPane = lazyNamed(() => import("./StudySettingsPane"), "StudySettingsPane");

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
