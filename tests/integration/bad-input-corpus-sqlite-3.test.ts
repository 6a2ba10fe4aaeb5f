/** The bad-input corpus on SQLite, last third of the POST routes (see corpus/describe-corpus.ts). */
import { describeCorpus } from "./corpus/describe-corpus";

describeCorpus("sqlite", [3, 3]);
