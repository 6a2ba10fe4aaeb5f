/**
 * The jobs catalog's English, for the pure rules when no translator is passed: their unit tests
 * and callers that name no language. Pages, flashes and emails always pass their reader's `t`
 * (decision 040). The server's own English translator; the browser's build stubs i18n.server and
 * never calls this.
 */
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

export function englishJobs(): Translate {
  return translator("en");
}
