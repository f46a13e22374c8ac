/**
 * What the toolbar icon does on a click, and whether starts and stops outside the popup are
 * notified. The options page is the one writer of `settings`; the background applies them.
 */
import { t } from '../platform/i18n';
import { writeItems } from '../platform/storage-item';
import { settingsItem, type Settings, type ToolbarClick } from '../shared/storage';
import { useItem } from '../ui/use-item';

const CHOICES: ReadonlyArray<{ value: ToolbarClick; label: () => string }> = [
  { value: 'popup', label: () => t('toolbarClickPopup') },
  { value: 'toggle', label: () => t('toolbarClickToggle') },
];

export function ToolbarSettings() {
  const settings = useItem(settingsItem);
  if (settings === undefined) return null;
  // One write of the whole value: the key has one shape and one writer.
  const save = (change: Partial<Settings>) => void writeItems(settingsItem.entry({ ...settings, ...change }));
  return (
    <section class="stack" aria-labelledby="toolbar-heading">
      <h2 id="toolbar-heading">{t('optionsToolbarHeading')}</h2>
      <fieldset aria-describedby="toolbar-click-hint">
        <legend>{t('toolbarClickLabel')}</legend>
        {CHOICES.map((choice) => (
          <label class="choice" key={choice.value}>
            <input
              type="radio"
              name="toolbar-click"
              value={choice.value}
              checked={settings.toolbarClick === choice.value}
              onChange={() => save({ toolbarClick: choice.value })}
            />
            {choice.label()}
          </label>
        ))}
        <p id="toolbar-click-hint" class="muted">
          {t('toolbarClickToggleHint')}
        </p>
      </fieldset>
      <div>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.notifications}
            aria-describedby="notifications-hint"
            onChange={(e) => save({ notifications: e.currentTarget.checked })}
          />
          {t('notificationsLabel')}
        </label>
        <p id="notifications-hint" class="muted">
          {t('notificationsHint')}
        </p>
      </div>
      <p class="muted">{t('shortcutsHint')}</p>
    </section>
  );
}
