/**
 * The deprecated Message.content as Message_v2 parts (pure). Old rows hold JSON that is a string,
 * an array of parts (strings or {type:"text", text}, some with other part types), or {text}.
 * Text parts and attachment parts are kept; other part types (tool calls, reasoning) are dropped.
 * A content with nothing recognisable is reported, never guessed.
 */
import type { MessagePart } from "../../../db/schema";

export type Converted = { ok: true; parts: MessagePart[] } | { ok: false; reason: string };

function convertPart(item: unknown): MessagePart | null {
  if (typeof item === "string") return { type: "text", text: item };
  if (!item || typeof item !== "object") return null;
  const part = item as Record<string, unknown>;
  if (part.type === "text" && typeof part.text === "string") return { type: "text", text: part.text };
  if (part.type === undefined && typeof part.text === "string") return { type: "text", text: part.text };
  if (part.type === "attachment" && typeof part.name === "string" && typeof part.url === "string")
    return { type: "attachment", name: part.name, url: part.url, ...(typeof part.contentType === "string" ? { contentType: part.contentType } : {}) };
  return null;
}

/** `raw` is the column's JSON text as stored. */
export function contentToParts(raw: string | null): Converted {
  if (raw === null) return { ok: false, reason: "content is empty (NULL)" };
  let content: unknown;
  try {
    content = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "content is not valid JSON" };
  }
  if (typeof content === "string") return { ok: true, parts: [{ type: "text", text: content }] };
  if (Array.isArray(content)) {
    const parts = content.map(convertPart).filter((p): p is MessagePart => p !== null);
    if (parts.length === 0) return { ok: false, reason: `an array of ${content.length} part(s), none of them text or an attachment` };
    return { ok: true, parts };
  }
  if (content && typeof content === "object") {
    const text = (content as Record<string, unknown>).text;
    if (typeof text === "string") return { ok: true, parts: [{ type: "text", text }] };
    return { ok: false, reason: "an object without a text field" };
  }
  return { ok: false, reason: `a JSON ${content === null ? "null" : typeof content}, not text or parts` };
}
