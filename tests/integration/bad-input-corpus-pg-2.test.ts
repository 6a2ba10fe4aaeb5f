/**
 * The bad-input corpus on PostgreSQL, part 2 of 2: every POST route as the demo member, one request
 * of each kind, so that a dialect's own error (a malformed uuid, an integer out of range) surfaces
 * as it would on SQLite (see corpus/describe-corpus.ts; the full corpus runs on SQLite).
 */
import { describeCorpus } from "./corpus/describe-corpus";

describeCorpus("pg", [2, 2]);
