/**
 * Flash messages: one message carried across a redirect in a short-lived signed cookie and
 * rendered in the HTML of the next page (works with JavaScript off).
 */
import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { env } from "~/env.server";

export type FlashKind = "success" | "info" | "error";
/**
 * `message` is a message id (decision 040), translated on the next page in the reader's language
 * with `values`; plain text passes through unchanged.
 */
export interface Flash {
  kind: FlashKind;
  message: string;
  values?: Record<string, string | number>;
}

const flashSchema = z.object({
  kind: z.enum(["success", "info", "error"]),
  message: z.string().max(500),
  values: z.record(z.union([z.string().max(300), z.number()])).optional(),
});

let cookie: ReturnType<typeof createCookie> | undefined;
function flashCookie() {
  return (cookie ??= createCookie("ladder_flash", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().NODE_ENV === "production",
    maxAge: 60,
    secrets: [env().SESSION_SECRET],
  }));
}

/** A Set-Cookie value that shows `message` on the next page. */
export async function flashHeader(message: string, kind: FlashKind = "success", values?: Flash["values"]): Promise<string> {
  return flashCookie().serialize({ kind, message, ...(values ? { values } : {}) } satisfies Flash);
}

/** Reads the flash of this request, and the Set-Cookie that clears it (null when none). */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("ladder_flash=")) return { flash: null, clear: null };
  const parsed = flashSchema.safeParse(await flashCookie().parse(header));
  const clear = await flashCookie().serialize("", { maxAge: 0 });
  return { flash: parsed.success ? parsed.data : null, clear };
}
