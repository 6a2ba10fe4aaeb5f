/** The route x role matrix on PostgreSQL, part 2 of 3 (see route-matrix-pg-1.test.ts). */
import { describe } from "vitest";
import { pgSkipReason, skippedPostgresTitle } from "../support/db";
import { describeMatrix } from "./route-matrix";

if (pgSkipReason) describe.skip(skippedPostgresTitle("route x role matrix"), () => describeMatrix("pg", "sample", [2, 3]));
else describeMatrix("pg", "sample", [2, 3]);
