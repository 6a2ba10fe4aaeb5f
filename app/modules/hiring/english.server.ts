/**
 * English for a caller without a reader (the unit tests; other areas' English words): the server's
 * own English translator, over every catalog. Pages, emails and notifications pass the reader's
 * translator instead (decision 040). A .server module, so the browser's build leaves it out.
 */
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

export const english: Translate = (id, values) => translator("en")(id, values);
