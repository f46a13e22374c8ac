/**
 * The first-run welcome (the options page opened on install, `#welcome`): sign in, pin the
 * button, the shortcuts as bound now and where to change them; after sign-in, where to go next.
 */
import { useEffect, useState } from 'preact/hooks';
import { currentShortcuts, isFirefox, type Shortcut } from '../platform/commands';
import { t, type MessageKey } from '../platform/i18n';
import { useFocusOnMount } from '../ui/use-focus-on-mount';

const COMMAND_LABELS: Record<string, MessageKey> = {
  'toggle-timer': 'commandToggleTimer',
  _execute_action: 'commandOpenPopup',
  'open-popup': 'commandOpenPopupAlways',
};

export function Welcome(props: { signedIn: boolean }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => void currentShortcuts().then(setShortcuts), []);
  const firefox = isFirefox();
  const open = shortcuts.find((s) => s.name === '_execute_action')?.keys ?? '';
  return (
    <section class="stack welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('welcomeHeading')}</h2>
      {props.signedIn ? <NextStep openKeys={open} /> : <p>{t('welcomeSignIn')}</p>}
      <div>
        <h3>{t('welcomePinHeading')}</h3>
        <p>{firefox ? t('welcomePinFirefox') : t('welcomePinChrome')}</p>
      </div>
      <div>
        <h3>{t('welcomeShortcutsHeading')}</h3>
        <ul>
          {shortcuts.map((s) => (
            <li key={s.name}>
              {COMMAND_LABELS[s.name] === undefined ? s.name : t(COMMAND_LABELS[s.name]!)}:{' '}
              {s.keys === '' ? t('shortcutNotSet') : <kbd>{s.keys}</kbd>}
            </li>
          ))}
        </ul>
        <p class="muted">{firefox ? t('welcomeShortcutsFirefox') : t('welcomeShortcutsChrome')}</p>
      </div>
    </section>
  );
}

/** Shown, and focused, once sign-in succeeded: the next thing to do is in the toolbar. */
function NextStep(props: { openKeys: string }) {
  const text = useFocusOnMount<HTMLParagraphElement>();
  return (
    <p ref={text} tabIndex={-1} class="notice" role="status">
      {props.openKeys === '' ? t('welcomeNext') : t('welcomeNextWithKeys', props.openKeys)}
    </p>
  );
}
