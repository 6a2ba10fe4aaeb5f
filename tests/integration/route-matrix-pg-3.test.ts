/** The route x role matrix on PostgreSQL, part 3 of 3 (see route-matrix-pg-1.test.ts). */
import { describeMatrix } from "./route-matrix";

describeMatrix("pg", "sample", [3, 3]);
