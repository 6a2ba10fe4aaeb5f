/** The route x role matrix on SQLite: every actor, second half of the rows (see route-matrix.ts). */
import { describeMatrix } from "./route-matrix";

describeMatrix("sqlite", "full", [2, 2]);
