import { describe, expect, it } from 'vitest';
import { panelOf, withPanel } from '../../src/state/url-state';

describe('panel= in the link (#27: the Sources view)', () => {
  it('reads panel=sources and ignores any other value', () => {
    expect(panelOf('#panel=sources')).toBe('sources');
    expect(panelOf('#f=moscow&panel=sources&lang=en')).toBe('sources');
    expect(panelOf('#panel=secrets')).toBeUndefined();
    expect(panelOf('')).toBeUndefined();
  });

  it('sets and removes panel= leaving every other key as it was', () => {
    expect(withPanel('#f=moscow&utm=a%26b%20c', 'sources')).toBe('#f=moscow&utm=a%26b%20c&panel=sources');
    expect(withPanel('#f=moscow&panel=sources&utm=x', undefined)).toBe('#f=moscow&utm=x');
    expect(withPanel('', 'sources')).toBe('#panel=sources');
    expect(withPanel('#panel=sources', undefined)).toBe('');
  });
});
