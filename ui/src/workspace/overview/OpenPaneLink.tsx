import type { ReactNode } from "react";
import type { PaneId } from "../../navigation";

type Props = {
  pane: PaneId;
  onOpenPane: ((pane: PaneId) => void) | undefined;
  testId: string;
  label?: string;
  className?: string;
  children: ReactNode;
};

/** A link to another section of the study; plain text where the workspace cannot open sections. */
export function OpenPaneLink({ pane, onOpenPane, testId, label, className = "link-button", children }: Props) {
  if (!onOpenPane) return <span>{children}</span>;
  return (
    <button type="button" className={className} data-testid={testId} aria-label={label} onClick={() => onOpenPane(pane)}>
      {children}
    </button>
  );
}
