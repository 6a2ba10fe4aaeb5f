/**
 * Issue 11's reproduction through the real app: public chats whose message is the 4,000-character
 * heading line that took the old Markdown renderer minutes. The app runs in this process, on this
 * event loop, as it does in server.ts: a render that blocked would hold /healthz up behind it.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { appClient, createMember } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeChat, makeMessageV2 } from "../support/factories";

/** The line of the issue; `tail` varies it so that no page is served from the rendering cache. */
const headingLine = (tail: string) => `# a${" ".repeat(3995)}\u2028${tail}`;

async function publicChatSaying(ctx: Ctx, ownerId: string, text: string) {
  const chat = await makeChat(ctx, ownerId, { visibility: "public" });
  await makeMessageV2(ctx, chat.id, {
    role: "user",
    parts: [{ type: "text", text }],
  });
  return chat;
}

const BUDGET_MS = 100;

describeEachDatabase(
  "Markdown that took the old renderer minutes, on the share page",
  (db) => {
    it(
      "serves ten share pages of it to visitors at once while /healthz keeps answering in under 100 ms",
      { timeout: 120_000 },
      async () => {
        const owner = await createMember(db.ctx);
        const visitor = await appClient(db.ctx); // no cookie
        const monitor = await appClient(db.ctx);
        // Warm up: the first requests load the build and compile the share page's code.
        const warm = await publicChatSaying(
          db.ctx,
          owner.id,
          "# Hello\n\n- a **list**"
        );
        expect((await visitor.get(`/share/${warm.id}`)).status).toBe(200);
        expect((await monitor.get("/healthz")).status).toBe(200);

        /** Ten share pages of new heading lines fetched at once, /healthz asked every few ms meanwhile. */
        async function burst(attempt: number) {
          const chats = [];
          for (let i = 0; i < 10; i++)
            chats.push(
              await publicChatSaying(
                db.ctx,
                owner.id,
                headingLine(`${attempt}.${i}`)
              )
            );
          const loopDelay = monitorEventLoopDelay({ resolution: 5 });
          loopDelay.enable();
          const started = performance.now();
          let pagesDone = false;
          // Each request starts in its own task, as requests arriving on sockets do; started in one go,
          // the in-process requests (SQLite answers synchronously) would run as one chain of promise
          // callbacks, which no real server sees.
          const pages = Promise.all(
            chats.map((chat, i) =>
              new Promise((resolve) => setTimeout(resolve, i)).then(() =>
                visitor.get(`/share/${chat.id}`)
              )
            )
          ).finally(() => {
            pagesDone = true;
          });
          const waits: number[] = [];
          do {
            // The pause lets timers and I/O run, as between a monitor's real requests.
            await new Promise((resolve) => setTimeout(resolve, 5));
            const asked = performance.now();
            const health = await monitor.get("/healthz");
            waits.push(performance.now() - asked);
            expect(health.status).toBe(200);
          } while (!pagesDone);
          const responses = await pages;
          loopDelay.disable();
          for (const res of responses) {
            expect(res.status).toBe(200);
            expect(res.html).toContain("<h3>a"); // the line is a heading on the page, not an error
          }
          return {
            total: performance.now() - started,
            asked: waits.length,
            slowestHealthz: Math.max(...waits),
            longestStall: loopDelay.max / 1e6,
          };
        }

        // Up to three bursts: a renderer that blocks is slow every time; a busy shared test machine
        // (or a garbage collection) is not.
        const tries = [];
        for (let attempt = 1; attempt <= 3; attempt++) {
          const run = await burst(attempt);
          tries.push(run);
          console.info(
            `${
              db.dialect
            }, burst ${attempt}: 10 share pages in ${run.total.toFixed(
              0
            )} ms; /healthz answered ${
              run.asked
            } times, slowest ${run.slowestHealthz.toFixed(
              1
            )} ms; longest event-loop stall ${run.longestStall.toFixed(1)} ms`
          );
          if (run.slowestHealthz < BUDGET_MS && run.longestStall < BUDGET_MS)
            break;
        }
        const best = tries.reduce((a, b) =>
          Math.max(a.slowestHealthz, a.longestStall) <=
          Math.max(b.slowestHealthz, b.longestStall)
            ? a
            : b
        );
        expect(best.slowestHealthz).toBeLessThan(BUDGET_MS);
        expect(best.longestStall).toBeLessThan(BUDGET_MS);
      }
    );
  }
);
