/**
 * Raw latency of the two message queries, without HTTP or rendering:
 *   DATABASE_URL=file:/tmp/scale.db npx tsx bench/messages-queries.ts [runs]
 * Times listConversations and conversationPage (newest page and a page far back) for
 * user@demo.test and the partner of their long conversation, one call at a time.
 */
import { closeCtx, createCtx } from "../db/client";
import { LONG_CONVERSATION_PARTNER_INDEX, userId } from "../db/seed/demo";
import { conversationPage, listConversations } from "../app/modules/messages/conversations.server";
import { queryTimer } from "./query-timer";

const url = process.env.DATABASE_URL ?? "file:data/ladder.db";
const runs = Number(process.argv[2] ?? 500);
const ctx = createCtx(url);
const me = userId(0);
const other = userId(LONG_CONVERSATION_PARTNER_INDEX);

const time = queryTimer({ runs, warmup: 20, width: 44 });

async function main() {
  const list = await listConversations(ctx, me);
  let page = await conversationPage(ctx, me, other);
  let deep = page.older;
  for (let i = 0; i < 40 && page.older; i++) {
    page = await conversationPage(ctx, me, other, { before: page.older });
    deep = page.older ?? deep;
  }
  console.log(`${url}: ${list.rows.length} conversations on the first page; paged 40 pages back`);
  await time("listConversations (user@demo.test)", () => listConversations(ctx, me));
  await time("conversationPage, newest", () => conversationPage(ctx, me, other));
  await time("conversationPage, 40 pages back", () => conversationPage(ctx, me, other, { before: deep ?? undefined }));
  await closeCtx(ctx);
}

void main();
