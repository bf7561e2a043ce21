/**
 * Rows per page of the queue. Its own file: popup-start.js reads the first page's head before
 * the queue's modules arrive, at this size, and must not bundle them.
 */
export const PAGE_SIZE = 50;
