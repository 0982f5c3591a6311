/** The media query for phone-sized screens; the same width as the `@media` block in app.css. */
export const NARROW_SCREEN = '(max-width: 760px)';
