import "./stylesheets";
import { StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { answeredWithin, askFirst } from "./firstAnswers";
import { language } from "./i18n";

// Screen readers pronounce the window in the language its words are in.
document.documentElement.lang = language;

// Asked before React's first render, so that the answers are on their way meanwhile.
const first = askFirst();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const reactRoot = createRoot(root);
// The window is rendered once the first answers are in, when they come within a tenth of a
// second: its first render is then the whole window, instead of a loading state drawn, effects
// run and the window rendered again (8 to 11 ms of a start, see docs/PERFORMANCE.md).
// flushSync renders it at once rather than in a task after whatever else is queued.
void answeredWithin(first, 100).then((answered) =>
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <App first={first} answered={answered} />
      </StrictMode>,
    ),
  ),
);
