/** Below this width the page is laid out for a phone (styles.css has the same breakpoint). */
export const PHONE_QUERY = '(max-width: 799px)';
