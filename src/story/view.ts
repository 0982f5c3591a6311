/** The default view: the whole story, from Moscow and the Tikhoretsk depot in the west to Rajin and Komsomolsk in the east. */
export const STORY_BOUNDS: [[number, number], [number, number]] = [
  [35.5, 37.5],
  [139.5, 57.5],
];
