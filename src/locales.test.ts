// Every translation under public/_locales must match en: same keys, same placeholders, no empty or dangling $NAME$.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Placeholder {
  content: string;
  example?: string;
}

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, Placeholder>;
}

type Messages = Record<string, Entry>;

const LOCALES_DIR = new URL('../public/_locales/', import.meta.url);

function readMessages(locale: string): Messages {
  return JSON.parse(readFileSync(new URL(`${locale}/messages.json`, LOCALES_DIR), 'utf8')) as Messages;
}

/** Placeholder names (lower-cased, as Chrome matches them) mapped to their content. */
function placeholderContents(entry: Entry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
}

/** $NAME$ references in a message ($$ is a literal dollar sign). */
function referencedPlaceholders(message: string): string[] {
  return [...message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
}

const en = readMessages('en');
const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('locale files', () => {
  it('include en and at least one translation', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThan(1);
  });

  describe.each(locales)('%s', (locale) => {
    const messages = readMessages(locale);

    it('has exactly the keys of en', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });

    it('declares the same placeholders as en, with the same contents', () => {
      const canonical = (entry: Entry) => JSON.stringify(Object.entries(placeholderContents(entry)).sort());
      const mismatched = Object.keys(en)
        .filter((key) => key in messages && canonical(messages[key]!) !== canonical(en[key]!))
        .map((key) => `${key}: ${canonical(messages[key]!)} should be ${canonical(en[key]!)}`);
      expect(mismatched).toEqual([]);
    });

    it('uses only declared placeholders in messages', () => {
      const undeclared = Object.entries(messages).flatMap(([key, entry]) => {
        const declared = Object.keys(placeholderContents(entry));
        return referencedPlaceholders(entry.message)
          .filter((name) => !declared.includes(name))
          .map((name) => `${key}: $${name.toUpperCase()}$`);
      });
      expect(undeclared).toEqual([]);
    });

    it('has no empty message', () => {
      const empty = Object.entries(messages)
        .filter(([, entry]) => typeof entry.message !== 'string' || entry.message.trim() === '')
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });
  });
});
