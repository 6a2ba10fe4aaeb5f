/**
 * A small OpenAI-compatible HTTP server on 127.0.0.1 for tests: POST /v1/chat/completions with
 * stream false (one JSON completion) or true (SSE "data: {...}\n\n" chunks, then "data: [DONE]").
 *
 * Replies are deterministic. Triggers in the LAST user message:
 *   [[fail:429]]      answers 429 (rate limited)
 *   [[fail:500]]      answers 500
 *   [[fail-once:500]] answers 500 the first time this exact message is asked, then normally (Retry)
 *   [[fail:timeout]]  never answers (until the client gives up or the mock closes)
 *   [[slow]]          streams slowly: one word every 300 ms, 200 words (a minute: Stop always comes first, even on a busy machine)
 *   [[markdown-attack]]  a reply with <script>, javascript: and data: links and raw HTML
 * A system prompt that contains "suggestions" (case-insensitive) and "JSON" gets a JSON array of
 * {originalText, suggestedText, description}, built from the document in the last user message:
 * the text between <document> and </document> if present, else the whole message. Each of the
 * first two non-empty lines becomes one suggestion: originalText is that line exactly (so
 * accepting it can find and replace it), suggestedText is the line with "(improved)" added.
 * Otherwise: "Coach reply to: <first 60 chars of the message>" plus a short Markdown list.
 *
 *   In tests:   const mock = await startOpenAiMock({ port: 0 }); mock.url → "http://127.0.0.1:N/v1"
 *               mock.requests: every request body received (to prove an AI call was or was not made)
 *   Playwright: npx tsx tests/support/openai-mock.ts --port 3150
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export interface MockRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
}

export interface OpenAiMock {
  url: string;
  port: number;
  requests: MockRequest[];
  close(): Promise<void>;
}

export const ATTACK_REPLY = [
  "Here is <script>alert('xss')</script> a [click me](javascript:alert(1)) link,",
  'a [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and <img src=x onerror="alert(2)"> raw HTML.',
  "",
  '<a href="javascript:alert(3)">raw anchor</a> and a safe [Ladder](https://example.com/ladder) link.',
].join("\n");

export function mockReplyText(messages: MockRequest["messages"]): string {
  const system = messages.find((m) => m.role === "system")?.content ?? "";
  const last = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  if (/suggestions/i.test(system) && /JSON/.test(system)) {
    const doc = /<document>([\s\S]*?)<\/document>/.exec(last)?.[1] ?? last;
    const lines = doc
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 2);
    return JSON.stringify(
      lines.map((line, i) => ({
        originalText: line,
        suggestedText: `${line} (improved)`,
        description: `Suggestion ${i + 1}: make this line more specific.`,
      })),
    );
  }
  if (last.includes("[[markdown-attack]]")) return ATTACK_REPLY;
  if (last.includes("[[slow]]")) return Array.from({ length: 200 }, (_, i) => `word${i + 1}`).join(" ");
  const gist = last.replace(/\s+/g, " ").trim().slice(0, 60);
  return `Coach reply to: ${gist}\n\n- **First**, write down your goal.\n- *Then* take one small step today.`;
}

function pieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

export async function startOpenAiMock(options: { port?: number; host?: string } = {}): Promise<OpenAiMock> {
  const requests: MockRequest[] = [];
  const failedOnce = new Set<string>();
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      let parsed: MockRequest;
      try {
        const json = JSON.parse(body) as Partial<MockRequest>;
        parsed = { model: String(json.model ?? ""), stream: json.stream === true, messages: json.messages ?? [] };
      } catch {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "bad JSON" } }));
        return;
      }
      requests.push(parsed);
      const last = [...parsed.messages].reverse().find((m) => m.role === "user")?.content ?? "";
      if (last.includes("[[fail:429]]")) {
        res.writeHead(429, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Rate limit reached", type: "rate_limit" } }));
        return;
      }
      if (last.includes("[[fail-once:500]]") && !failedOnce.has(last)) {
        failedOnce.add(last);
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "The server had an error" } }));
        return;
      }
      if (last.includes("[[fail:500]]")) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "The server had an error" } }));
        return;
      }
      if (last.includes("[[fail:timeout]]")) {
        open.add(res); // never answers; closed with the mock
        res.on("close", () => open.delete(res));
        return;
      }
      const text = mockReplyText(parsed.messages);
      const id = `chatcmpl-mock-${requests.length}`;
      const created = Math.floor(Date.now() / 1000);
      if (!parsed.stream) {
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id,
            object: "chat.completion",
            created,
            model: parsed.model,
            choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      open.add(res);
      const chunk = (delta: Record<string, unknown>, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: parsed.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      const parts = pieces(text);
      const delay = last.includes("[[slow]]") ? 300 : 5;
      let i = 0;
      res.write(chunk({ role: "assistant", content: "" }, null));
      const tick = () => {
        if (res.destroyed || res.writableEnded) return;
        if (i < parts.length) {
          res.write(chunk({ content: parts[i++] }, null));
          setTimeout(tick, delay);
        } else {
          res.write(chunk({}, "stop"));
          res.end("data: [DONE]\n\n");
          open.delete(res);
        }
      };
      res.on("close", () => open.delete(res));
      setTimeout(tick, delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : 3150;
  void startOpenAiMock({ port }).then((mock) => console.log(`OpenAI mock listening on ${mock.url}`));
}
