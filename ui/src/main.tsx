import "./stylesheets";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { askFirst } from "./firstAnswers";
import { language } from "./i18n";

// Screen readers pronounce the window in the language its words are in.
document.documentElement.lang = language;

// Asked before React's first render, so that the answers are on their way meanwhile.
const first = askFirst();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App first={first} />
  </StrictMode>,
);
