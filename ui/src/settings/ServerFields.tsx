import type { MailSecurity } from "../bindings/types";
import { FormField } from "./FormField";
import { securityChoices, type ProfileErrors, type ProfileField, type ProfileForm } from "./profileForm";
import { t } from "../i18n";

type Server = "smtp" | "imap";

type Props = {
  server: Server;
  form: ProfileForm;
  errors: ProfileErrors;
  control: (field: ProfileField) => Record<string, unknown>;
  onChange: (field: ProfileField, value: string) => void;
  onSecurity: (server: Server, security: MailSecurity) => void;
};

const placeholders: Record<Server, () => string> = {
  smtp: () => t("mail.server.placeholder.smtp"),
  imap: () => t("mail.server.placeholder.imap"),
};

/** One server's host, port and security: the same three fields for sending and for reading. */
export function ServerFields({ server, form, errors, control, onChange, onSecurity }: Props) {
  const host = `${server}Host` as const;
  const port = `${server}Port` as const;
  const security = `${server}Security` as const;
  return (
    <div className="field-row">
      <FormField id={`mail-${host}`} label={t("mail.server.host")} error={errors[host]} className="field-grow">
        <input
          {...control(host)}
          data-testid={`settings-${server}-host`}
          type="text"
          spellCheck={false}
          placeholder={placeholders[server]()}
          value={form[host]}
          onChange={(e) => onChange(host, e.target.value)}
        />
      </FormField>
      <FormField id={`mail-${port}`} label={t("mail.server.port")} error={errors[port]} className="field-port">
        <input
          {...control(port)}
          data-testid={`settings-${server}-port`}
          type="text"
          inputMode="numeric"
          value={form[port]}
          onChange={(e) => onChange(port, e.target.value)}
        />
      </FormField>
      <FormField id={`mail-${security}`} label={t("mail.server.security")} className="field-security">
        <select
          id={`mail-${security}`}
          data-testid={`settings-${server}-security`}
          value={form[security]}
          onChange={(e) => onSecurity(server, e.target.value as MailSecurity)}
        >
          {securityChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </FormField>
    </div>
  );
}
