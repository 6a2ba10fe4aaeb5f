/** The bad-input corpus on SQLite, second third of the POST routes (see corpus/describe-corpus.ts). */
import { describeCorpus } from "./corpus/describe-corpus";

describeCorpus("sqlite", [2, 3]);
