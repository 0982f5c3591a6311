/** The media query for phone-sized screens; the same width as the `@media` block in app.css. */
export const NARROW_SCREEN = '(max-width: 760px)';
/** The media query under which a feature's details open as a bottom sheet; the same width as in app.css. */
export const SHEET_SCREEN = '(max-width: 480px)';
