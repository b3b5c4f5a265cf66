// Every stylesheet of the window, loaded with the first screen in the order they have always
// been in, although the code of most screens is loaded later.
//
// Loading a screen's stylesheet with its code would change how screens look: the styles are
// global (the Settings template editor takes its tabs from interviews.css, the overview its
// attention list from outbox.css), and where two rules of equal weight disagree the later one
// wins, so a stylesheet loaded after styles.css would now beat it where it used to lose. The
// whole set is 84 kB (16 kB compressed): small beside the code whose loading is put off.
//
// A new stylesheet goes here too, before styles.css, if it should cascade like the others.
import "./drafts/drafts.css";
import "./sync/sync.css";
import "./outbox/outbox.css";
import "./outbox/messageBody.css";
import "./settings/settings.css";
import "./settings/calendar.css";
import "./workspace/days/days.css";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import "./workspace/interviews/interviews.css";
import "./workspace/overview/overview.css";
import "./workspace/participants/participants.css";
import "./workspace/sessions/sessions.css";
import "./workspace/study-settings/study-settings.css";
import "./styles.css";
