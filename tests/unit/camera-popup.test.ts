import { describe, expect, it } from 'vitest';
import {
  cameraFollowsSelection,
  framingPaddingFor,
  MAP_MARGIN,
  POPUP_TIP,
  popupAnchorAt,
} from '../../src/story/camera';

const map = { width: 900, height: 740 };
const popup = { width: 380, height: 450 };

describe('popupAnchorAt', () => {
  it('hangs the popup below a point that has room beneath it', () => {
    expect(popupAnchorAt({ x: 450, y: 200 }, popup, map)).toBe('top');
  });

  it('puts the popup above a point near the bottom', () => {
    expect(popupAnchorAt({ x: 450, y: 700 }, popup, map)).toBe('bottom');
  });

  it('takes the side with more room when neither fits', () => {
    expect(popupAnchorAt({ x: 450, y: 300 }, { width: 380, height: 600 }, map)).toBe('top');
    expect(popupAnchorAt({ x: 450, y: 500 }, { width: 380, height: 600 }, map)).toBe('bottom');
  });

  it('shifts the popup sideways near the left and right edges', () => {
    expect(popupAnchorAt({ x: 100, y: 200 }, popup, map)).toBe('top-left');
    expect(popupAnchorAt({ x: 850, y: 700 }, popup, map)).toBe('bottom-right');
  });

  it('needs room for the tip and the margin, not only the popup', () => {
    const tall = { width: 900, height: 1000 };
    const y = tall.height - popup.height - POPUP_TIP - MAP_MARGIN;
    expect(popupAnchorAt({ x: 450, y }, popup, tall)).toBe('top');
    expect(popupAnchorAt({ x: 450, y: y + 1 }, popup, tall)).toBe('bottom');
  });
});

describe('framingPaddingFor', () => {
  it('keeps room for the popup below the feature', () => {
    const padding = framingPaddingFor(map, { popup: { width: 380, height: 300 } });
    expect(padding.bottom).toBe(300 + POPUP_TIP + MAP_MARGIN);
    expect(padding.top).toBeGreaterThan(0);
    expect(padding.left).toBe(padding.right);
  });

  it('keeps room for a bottom sheet', () => {
    expect(framingPaddingFor({ width: 375, height: 570 }, { covered: 280 }).bottom).toBe(280 + MAP_MARGIN);
  });

  it('always leaves the feature some room on a short map', () => {
    const small = { width: 600, height: 400 };
    const padding = framingPaddingFor(small, { popup: { width: 380, height: 450 } });
    expect(small.height - padding.top - padding.bottom).toBeGreaterThanOrEqual(120);
  });
});

describe('cameraFollowsSelection', () => {
  it('moves the camera for a choice from the list or the article, and for a link without map=', () => {
    expect(cameraFollowsSelection('list', true)).toBe(true);
    expect(cameraFollowsSelection('article', true)).toBe(true);
    expect(cameraFollowsSelection('url', false)).toBe(true);
  });

  it('keeps the camera for a click on the map and for a link that carries its camera', () => {
    expect(cameraFollowsSelection('map', false)).toBe(false);
    expect(cameraFollowsSelection('url', true)).toBe(false);
  });
});
