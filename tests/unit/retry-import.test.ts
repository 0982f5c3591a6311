import { describe, expect, it, vi } from 'vitest';
import { retryableImport } from '../../src/app/retry-import';

const failure = (url: string) => new TypeError(`Failed to fetch dynamically imported module: ${url}`);

describe('retryableImport', () => {
  it('imports as the build does while it works', async () => {
    const load = vi.fn(async () => ({ x: 1 }));
    const again = vi.fn();
    const get = retryableImport(load, again);
    expect(await get()).toEqual({ x: 1 });
    expect(await get()).toEqual({ x: 1 });
    expect(load).toHaveBeenCalledTimes(2);
    expect(again).not.toHaveBeenCalled();
  });

  it('after a failure asks for the file the error names under a new URL each time', async () => {
    const url = 'https://example.org/story/assets/TimeBar-Ab12.js';
    const load = vi.fn(async () => {
      throw failure(url);
    });
    const again = vi
      .fn<(u: string) => Promise<unknown>>()
      .mockRejectedValueOnce(failure(`${url}?retry=1`))
      .mockResolvedValueOnce({ y: 2 });
    const get = retryableImport(load, again);
    await expect(get()).rejects.toThrow(url);
    await expect(get()).rejects.toThrow();
    expect(await get()).toEqual({ y: 2 });
    expect(load).toHaveBeenCalledTimes(1);
    expect(again.mock.calls.map(([u]) => u)).toEqual([`${url}?retry=1`, `${url}?retry=2`]);
  });

  it('imports as before when the error names no file (Safari: "Importing a module script failed.")', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Importing a module script failed.')).mockResolvedValue(3);
    const again = vi.fn();
    const get = retryableImport(load, again);
    await expect(get()).rejects.toThrow();
    expect(await get()).toBe(3);
    expect(again).not.toHaveBeenCalled();
  });
});
