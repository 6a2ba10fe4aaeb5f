/**
 * Ladder's icon. Full pages link the cached file; lite pages carry it inline (138 bytes gzip) so
 * that a lite page is one request (decision 022). The data URI is public/favicon.svg with only
 * <, > and # escaped (a unit test keeps the two the same).
 */
export const FAVICON_PATH = "/favicon.svg";
export const FAVICON_DATA_URI =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23115e59'/%3E%3Cpath d='M5 3v10M11 3v10M5 6h6M5 10h6' stroke='%23fff' stroke-width='1.5'/%3E%3C/svg%3E";
