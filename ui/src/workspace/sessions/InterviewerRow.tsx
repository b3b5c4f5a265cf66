import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { commands } from "../../bindings/commands";
import type { AppError, InterviewerView, StaffRole } from "../../bindings/types";
import { toAppError } from "../../errors";
import { fieldProblems } from "../../fieldProblems";
import { roleLabel } from "../staff/staffWords";
import { t } from "../../i18n";

type Props = {
  person: InterviewerView;
  onChanged: (person: InterviewerView, before: InterviewerView) => void;
  onRemove: (person: InterviewerView) => void;
  /** A refusal that names no field of the row: shown above the list. */
  onError: (error: AppError) => void;
};

/** One person of the study: their name and role, renamed in place, and a menu to change their role or remove them. */
export function InterviewerRow({ person, onChanged, onRemove, onError }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // The menu gives the focus back to its button as it closes, unless the name field is taking it.
  const keepFocusAway = useRef(false);

  const wasRenaming = useRef(false);

  useEffect(() => {
    // The name field goes away: the row's menu button is where the researcher was.
    if (wasRenaming.current && !renaming) trigger.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  const endRenaming = () => setRenaming(false);

  async function update(name: string, role: StaffRole): Promise<AppError | null> {
    setBusy(true);
    try {
      onChanged(await commands.updateInterviewer(person.id, name, role), person);
      return null;
    } catch (reason) {
      return toAppError(reason);
    } finally {
      setBusy(false);
    }
  }

  async function switchRole() {
    const error = await update(person.name, person.role === "interviewer" ? "noteTaker" : "interviewer");
    if (error) onError(error);
  }

  return (
    <li className="interviewer-row" data-testid="interviewer-row" aria-busy={busy || undefined}>
      <span className="interviewer-avatar" aria-hidden="true">
        {initials(person.name)}
      </span>
      {renaming ? (
        <RenameForm
          person={person}
          busy={busy}
          onSave={update}
          onError={onError}
          onDone={endRenaming}
        />
      ) : (
        <span className="interviewer-name">
          <span data-testid="interviewer-name">{person.name}</span>{" "}
          <span className={person.role === "noteTaker" ? "role-tag role-tag-notes" : "role-tag"} data-testid="interviewer-role">
            {roleLabel(person.role)}
          </span>
        </span>
      )}
      <span className="interviewer-email">{person.email}</span>
      <span className="interviewer-actions">
        {busy && !renaming && <span className="spinner" aria-hidden="true" />}
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger asChild>
            <button
              ref={trigger}
              type="button"
              className="button button-quiet interviewer-menu-trigger"
              data-testid="interviewer-menu"
              aria-label={t("sessions.interviewers.menu", { name: person.name })}
              disabled={busy}
            >
              …
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              className="menu"
              align="end"
              sideOffset={4}
              data-testid="interviewer-menu-content"
              onCloseAutoFocus={(event) => {
                if (!keepFocusAway.current) return;
                event.preventDefault();
                keepFocusAway.current = false;
              }}
            >
              <DropdownMenu.Item
                className="menu-item"
                data-testid="interviewer-rename"
                onSelect={() => {
                  keepFocusAway.current = true;
                  setRenaming(true);
                }}
              >
                {t("sessions.interviewers.rename")}
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" data-testid="interviewer-switch-role" onSelect={() => void switchRole()}>
                {person.role === "interviewer"
                  ? t("sessions.interviewers.makeNoteTaker")
                  : t("sessions.interviewers.makeInterviewer")}
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item
                className="menu-item menu-item-danger"
                data-testid="interviewer-remove"
                onSelect={() => onRemove(person)}
              >
                {t("sessions.interviewers.remove")}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </span>
    </li>
  );
}

type RenameProps = {
  person: InterviewerView;
  busy: boolean;
  onSave: (name: string, role: StaffRole) => Promise<AppError | null>;
  onError: (error: AppError) => void;
  onDone: () => void;
};

function RenameForm({ person, busy, onSave, onError, onDone }: RenameProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(person.name);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "") {
      setError(t("sessions.interviewers.nameError"));
      input.current?.focus();
      return;
    }
    if (name.trim() === person.name) {
      onDone();
      return;
    }
    const refused = await onSave(name.trim(), person.role);
    if (!refused) {
      onDone();
      return;
    }
    const { fields, rest } = fieldProblems(refused, ["name"] as const);
    if (fields.name) {
      setError(fields.name);
      input.current?.focus();
    }
    if (rest.length > 0) onError({ code: refused.code, message: rest.join(" ") });
  }

  return (
    <form className="interviewer-rename" noValidate onSubmit={save} data-testid="interviewer-rename-form">
      <label htmlFor={`${id}-name`} className="visually-hidden">
        {t("sessions.interviewers.newName", { name: person.name })}
      </label>
      <input
        ref={input}
        id={`${id}-name`}
        type="text"
        autoComplete="off"
        data-testid="interviewer-rename-input"
        value={name}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <button type="submit" className="button button-secondary" data-testid="interviewer-rename-save" disabled={busy}>
        {t("sessions.interviewers.renameSave")}
      </button>
      <button type="button" className="button button-quiet" disabled={busy} onClick={onDone}>
        {t("common.cancel")}
      </button>
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid="interviewer-rename-error">
          {error}
        </p>
      )}
    </form>
  );
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "")).toUpperCase();
}
