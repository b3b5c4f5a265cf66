type Props = {
  dataDir: string;
  databasePath: string;
};

export function SettingsScreen({ dataDir, databasePath }: Props) {
  return (
    <section className="screen" data-testid="screen-settings" aria-labelledby="settings-heading">
      <header className="screen-header">
        <h1 id="settings-heading">Settings</h1>
      </header>
      <div className="panel">
        <h2 className="panel-title">Storage</h2>
        <dl className="facts">
          <dt>Data folder</dt>
          <dd>
            <code data-testid="settings-data-dir">{dataDir}</code>
          </dd>
          <dt>Database</dt>
          <dd>
            <code data-testid="settings-database-path">{databasePath}</code>
          </dd>
        </dl>
        <p className="panel-hint">
          To keep your data somewhere else, set CONFAB_DATA_DIR to another folder and restart Confab.
        </p>
      </div>
    </section>
  );
}
