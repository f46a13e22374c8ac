/** Names of the keys that come in families (one per outbox entry, one per set-aside value). */

export const ENTRY_PREFIX = 'entry:';
export const QUARANTINE_PREFIX = 'quarantine:';

export const entryKey = (id: string): string => `${ENTRY_PREFIX}${id}`;
export const quarantineKey = (from: string): string => `${QUARANTINE_PREFIX}${from}`;

export const isEntryKey = (key: string): boolean => key.startsWith(ENTRY_PREFIX);
export const isQuarantineKey = (key: string): boolean => key.startsWith(QUARANTINE_PREFIX);
