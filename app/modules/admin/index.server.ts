/** What other areas' server modules use of the admin area (decision 039): the CSV export shape, for the analytics exports. */
export type { CsvValue } from "./csv";
export type { CsvExport } from "./signups.server";
