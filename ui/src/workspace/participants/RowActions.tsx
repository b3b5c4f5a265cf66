import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useState } from "react";
import type { StatusOption } from "../../bindings/types";
import type { ParticipantRow } from "./participantRows";
import { t } from "../../i18n";

/** What a row's menu asks the pane to do. */
export type RowAction =
  | { kind: "status"; participant: ParticipantRow; status: StatusOption }
  | { kind: "history"; participant: ParticipantRow }
  | { kind: "invite"; participant: ParticipantRow }
  | { kind: "edit"; participant: ParticipantRow }
  | { kind: "remove"; participant: ParticipantRow };

type Props = {
  participant: ParticipantRow;
  statuses: StatusOption[];
  onAction: (action: RowAction) => void;
};

/**
 * The `…` menu of one participant's row. Until first used it is a plain button: a Radix menu in
 * each of the rows that scroll into view would cost more than the rows themselves.
 */
export function RowActions({ participant, statuses, onAction }: Props) {
  const [used, setUsed] = useState(false);
  const [open, setOpen] = useState(false);
  const label = t("participants.row.actions", { name: participant.name });

  if (!used) {
    const activate = () => {
      setUsed(true);
      setOpen(true);
    };
    return (
      <button
        type="button"
        className="row-menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        data-testid="participant-menu"
        onClick={activate}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            activate();
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
    );
  }

  return (
    <DropdownMenu.Root open={open} onOpenChange={setOpen}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="row-menu-button" aria-label={label} data-testid="participant-menu">
          <span aria-hidden="true">⋯</span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} data-testid="participant-menu-content">
          <DropdownMenu.Sub>
            <DropdownMenu.SubTrigger className="menu-item menu-sub-trigger" data-testid="menu-status">
              {t("participants.row.status")}
              <span className="menu-item-hint" aria-hidden="true">
                ›
              </span>
            </DropdownMenu.SubTrigger>
            <DropdownMenu.Portal>
              <DropdownMenu.SubContent className="menu" sideOffset={4} data-testid="menu-status-list">
                {statuses.map((status) => {
                  const current = status.key === participant.status;
                  return (
                    <DropdownMenu.Item
                      key={status.key}
                      className="menu-item"
                      data-testid={`menu-status-${status.key}`}
                      disabled={current}
                      onSelect={() => onAction({ kind: "status", participant, status })}
                    >
                      <span className="menu-check" aria-hidden="true">
                        {current ? "✓" : ""}
                      </span>
                      {status.label}
                      {current && <span className="visually-hidden"> {t("participants.row.current")}</span>}
                    </DropdownMenu.Item>
                  );
                })}
              </DropdownMenu.SubContent>
            </DropdownMenu.Portal>
          </DropdownMenu.Sub>
          <DropdownMenu.Item
            className="menu-item"
            data-testid="menu-history"
            onSelect={() => onAction({ kind: "history", participant })}
          >
            {t("participants.row.history")}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="menu-item"
            data-testid="menu-invite"
            onSelect={() => onAction({ kind: "invite", participant })}
          >
            {t("participants.row.invite")}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="menu-item"
            data-testid="menu-edit"
            onSelect={() => onAction({ kind: "edit", participant })}
          >
            {t("participants.row.edit")}
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item
            className="menu-item menu-item-danger"
            data-testid="menu-remove"
            onSelect={() => onAction({ kind: "remove", participant })}
          >
            {t("participants.row.remove")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
