/**
 * The one id format of the story: features (GeoJSON `id`, `promoteId`, the link's `f=`), sources, claims, timeline
 * events and story steps are each a lower-case slug of 1 to 64 characters.
 */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
