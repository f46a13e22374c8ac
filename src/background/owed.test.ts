import { afterEach, describe, expect, it, vi } from 'vitest';
import { answersOwed, MAX_WAIT_MS, owe } from './owed';

afterEach(() => vi.useRealTimers());

describe('answers owed at start-up', () => {
  it('waits for what is owed, and for what arrives in the same task', async () => {
    const log: string[] = [];
    let answer!: () => void;
    void owe(new Promise<void>((resolve) => (answer = resolve))).then(() => log.push('answered'));
    const waiting = answersOwed().then(() => log.push('side work'));
    let late!: () => void;
    void owe(new Promise<void>((resolve) => (late = resolve))).then(() => log.push('late answered'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    answer();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['answered']);
    late();
    await waiting;
    expect(log).toEqual(['answered', 'late answered', 'side work']);
  });

  it('waits no longer than MAX_WAIT_MS for an answer that waits on COR or the person', async () => {
    vi.useFakeTimers();
    void owe(new Promise(() => undefined));
    let done = false;
    void answersOwed().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
