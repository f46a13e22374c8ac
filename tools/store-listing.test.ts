/**
 * The store listings in store/ (en, es, pt_BR) answer every question the Chrome Web Store and
 * addons.mozilla.org ask, within their limits, and justify exactly the permissions the manifest
 * asks for (plus `idle` and `activeTab`, which issues 11 and 12 add).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../manifest.json' with { type: 'json' };

const LOCALES = ['en', 'es', 'pt_BR'] as const;
const COMING = ['idle', 'activeTab'];

/** `## Heading` → its text; `### Sub` inside "Permission justifications" → its text. */
function sections(markdown: string, level: '## ' | '### '): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of markdown.split(new RegExp(`^${level}`, 'm')).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    map.set(heading.trim(), body.join('\n').split(/^## /m)[0]!.trim());
  }
  return map;
}

function read(locale: string): string {
  return readFileSync(new URL(`../store/listing.${locale}.md`, import.meta.url), 'utf8');
}

function message(locale: string, key: string): string {
  const path = new URL(`../public/_locales/${locale}/messages.json`, import.meta.url);
  return (JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>)[key]!.message;
}

describe.each(LOCALES)('store listing %s', (locale) => {
  const top = sections(read(locale), '## ');

  it('has every section, within the stores’ limits', () => {
    expect([...top.keys()]).toEqual([
      'Name',
      'Short description',
      'Long description',
      'Single purpose',
      'Permission justifications',
      'Data usage (Chrome Web Store)',
      'Data collection (addons.mozilla.org)',
    ]);
    for (const [name, text] of top) expect(text, name).not.toBe('');
    expect(top.get('Name')!.length).toBeLessThanOrEqual(75);
    // Chrome shows the manifest's description as the summary: the listing says the same, ≤ 132 characters.
    expect(top.get('Short description')).toBe(message(locale, 'extDescription'));
    expect(top.get('Short description')!.length).toBeLessThanOrEqual(132);
    expect(top.get('Long description')!.length).toBeLessThanOrEqual(16_000);
  });

  it('justifies exactly the permissions asked for, and says there is no remote code', () => {
    const justified = sections(top.get('Permission justifications')!, '### ');
    const expected = [
      ...new Set([...manifest.permissions, ...COMING]),
      ...manifest.host_permissions.map((h) => `Host permission: ${h}`),
      'Remote code',
    ];
    expect([...justified.keys()].sort()).toEqual(expected.sort());
    for (const [name, text] of justified) expect(text.length, name).toBeGreaterThan(40);
  });
});
