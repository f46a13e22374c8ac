import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, upgradeSettings } from './settings';

describe('upgradeSettings: any stored settings read as complete and valid', () => {
  it.each([
    { name: 'nothing stored', raw: undefined, expected: DEFAULT_SETTINGS },
    { name: 'garbage', raw: 'yes', expected: DEFAULT_SETTINGS },
    {
      name: 'today’s shape (before issue 11) keeps its choices and gets the new defaults',
      raw: { toolbarClick: 'toggle', notifications: false },
      expected: { ...DEFAULT_SETTINGS, toolbarClick: 'toggle', notifications: false },
    },
    {
      name: 'a bad field falls back alone',
      raw: { toolbarClick: 'toggle', notifications: true, awayMinutes: 0, askAway: false, remindAfterHours: 2.5 },
      expected: { ...DEFAULT_SETTINGS, toolbarClick: 'toggle', askAway: false },
    },
    {
      name: 'the new fields round-trip',
      raw: {
        ...DEFAULT_SETTINGS,
        awayMinutes: 240,
        remindAfterHours: 1,
        browserClose: 'stop',
        trackReminder: { enabled: true, days: [5, 1, 1], fromMinute: 480, toMinute: 1020, afterMinutes: 30 },
      },
      expected: {
        ...DEFAULT_SETTINGS,
        awayMinutes: 240,
        remindAfterHours: 1,
        browserClose: 'stop',
        trackReminder: { enabled: true, days: [1, 5], fromMinute: 480, toMinute: 1020, afterMinutes: 30 },
      },
    },
    { name: 'out of range minutes', raw: { awayMinutes: 241 }, expected: DEFAULT_SETTINGS },
  ])('$name', ({ raw, expected }) => {
    expect(upgradeSettings(raw)).toEqual(expected);
  });
});
