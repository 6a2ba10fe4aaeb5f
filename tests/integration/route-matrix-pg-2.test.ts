/** The route x role matrix on PostgreSQL, part 2 of 3 (see route-matrix-pg-1.test.ts). */
import { describeMatrix } from "./route-matrix";

describeMatrix("pg", "sample", [2, 3]);
