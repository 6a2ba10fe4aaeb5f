/**
 * The words the coach's and the documents' pages send to the browser: their catalogs without the
 * texts only the server writes (the offline coach's replies, document templates, the offline
 * rules' notes, the export's lines), which would only make every page heavier.
 */
import type { PageMessages } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";

const SERVER_ONLY = ["coach.offline.", "coach.export.", "documents.template.", "documents.offline."];
const serverOnly = (id: string) => id !== "coach.offline.label" && SERVER_ONLY.some((prefix) => id.startsWith(prefix));

export async function coachPageMessages(request: Request, namespaces: readonly string[] = ["coach"]): Promise<PageMessages> {
  const { messages } = await pageMessages(request, namespaces);
  return { messages: Object.fromEntries(Object.entries(messages).filter(([id]) => !serverOnly(id))) };
}
