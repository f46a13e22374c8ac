import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import type { CommandResult } from '../shared/protocol';
import { commandErrorText } from '../ui/command-error';

/** Runs one command against the background and keeps its error, in the person's words, for display. */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (command: () => Promise<CommandResult>): Promise<CommandResult | null> => {
    setBusy(true);
    try {
      const result = await command();
      setError(result.ok ? null : commandErrorText(result.error));
      return result;
    } catch {
      setError(t('errorUnexpected'));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
