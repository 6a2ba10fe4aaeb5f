/** The pure rules of a chat's extras: vote toggling, titles, the export's file name and Markdown, and the delete order. */
import { describe, expect, it } from "vitest";
import { attachmentNames, chatToMarkdown, checkTitle, DELETE_ORDER, nextVote, slugOf, TITLE_MAX } from "~/modules/coach/extras-rules";
import { schema } from "../../db/tables.pg";
import { describePgTable } from "../support/schema-introspection";

describe("pressing a vote button", () => {
  it("sets the vote when there was none", () => {
    expect(nextVote(null, "up")).toBe("up");
    expect(nextVote(null, "down")).toBe("down");
  });
  it("takes the vote back when the same button is pressed again", () => {
    expect(nextVote("up", "up")).toBeNull();
    expect(nextVote("down", "down")).toBeNull();
  });
  it("switches to the other value when the other button is pressed", () => {
    expect(nextVote("up", "down")).toBe("down");
    expect(nextVote("down", "up")).toBe("up");
  });
});

describe("a chat title", () => {
  it("is trimmed and has its runs of spaces and line breaks made one space", () => {
    expect(checkTitle("  Moving into   data\nengineering ")).toEqual({ ok: true, title: "Moving into data engineering" });
  });
  it("is required", () => {
    expect(checkTitle("   \n ")).toEqual({ ok: false, error: "Give the chat a title." });
    expect(checkTitle(undefined)).toEqual({ ok: false, error: "Give the chat a title." });
  });
  it(`may have ${TITLE_MAX} characters, counted as characters not bytes, and not one more`, () => {
    expect(checkTitle("é".repeat(TITLE_MAX))).toEqual({ ok: true, title: "é".repeat(TITLE_MAX) });
    const tooLong = checkTitle("a".repeat(TITLE_MAX + 1));
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.error).toBe(`Keep the title to ${TITLE_MAX} characters or fewer (this one has ${TITLE_MAX + 1}).`);
  });
});

describe("the export's file name", () => {
  it("is the title in lower-case ASCII words joined by dashes", () => {
    expect(slugOf("Négocier un salaire: 5 étapes!")).toBe("negocier-un-salaire-5-etapes");
  });
  it("cannot carry quotes, slashes or line breaks into the header", () => {
    expect(slugOf('a"b/../c\r\nSet-Cookie: x')).toBe("a-b-c-set-cookie-x");
  });
  it("is 'chat' when nothing of the title is left, and at most 60 characters", () => {
    expect(slugOf("日本語のタイトル")).toBe("chat");
    expect(slugOf("<script>")).toBe("script");
    const long = slugOf("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
  });
});

describe("a chat exported as Markdown", () => {
  const at = new Date("2026-11-20T09:00:00Z");
  it("has the title as a heading and each message as a You or Coach section with its text, leaving out system messages", () => {
    const md = chatToMarkdown({ title: "Plan my move", createdAt: at }, [
      { role: "system", parts: [{ type: "text", text: "secret prompt" }], attachments: [], createdAt: at },
      { role: "user", parts: [{ type: "text", text: "How do I start?" }], attachments: [], createdAt: at },
      { role: "assistant", parts: [{ type: "text", text: "Start with **one** goal." }, { type: "text", text: "Then a plan." }], attachments: [], createdAt: at },
    ]);
    expect(md.startsWith("# Plan my move\n")).toBe(true);
    expect(md).toContain("Started 2026-11-20");
    expect(md).not.toContain("secret prompt");
    const you = md.indexOf("**You**\n\nHow do I start?");
    const coach = md.indexOf("**Coach**\n\nStart with **one** goal.\n\nThen a plan.");
    expect(you).toBeGreaterThan(0);
    expect(coach).toBeGreaterThan(you);
  });
  it("lists attachments by name, from attachment parts and the attachments column, each once", () => {
    const message = {
      role: "user",
      parts: [{ type: "text" as const, text: "See my CV" }, { type: "attachment" as const, name: "cv.pdf", url: "/x" }],
      attachments: [{ name: "cv.pdf", url: "/x" }, { name: "cover letter.docx", url: "/y" }],
      createdAt: at,
    };
    expect(attachmentNames(message)).toEqual(["cv.pdf", "cover letter.docx"]);
    expect(chatToMarkdown({ title: "CV", createdAt: at }, [message])).toContain("Attachments:\n\n- cv.pdf\n- cover letter.docx\n");
  });
  it("labels a reply of the offline coach and a stopped reply", () => {
    const md = chatToMarkdown({ title: "Labels", createdAt: at }, [
      { role: "assistant", parts: [{ type: "text", text: "Tip one." }, { type: "notice", kind: "offline" }], attachments: [], createdAt: at },
      { role: "assistant", parts: [{ type: "text", text: "Half a" }, { type: "notice", kind: "stopped" }], attachments: [], createdAt: at },
    ]);
    expect(md).toContain("Tip one.\n\n_Offline coach: Ladder's built-in tips, not an AI model._");
    expect(md).toContain("Half a\n\n_Stopped before the reply was finished._");
  });
  it("says so when the chat has no messages", () => {
    expect(chatToMarkdown({ title: "Empty", createdAt: at }, [])).toContain("_This chat has no messages._");
  });
});

describe("deleting a chat", () => {
  it("deletes every table before the tables it references, so no statement of the transaction breaks a foreign key", () => {
    const tables = schema as unknown as Record<string, Parameters<typeof describePgTable>[0]>;
    const position = (name: string) => DELETE_ORDER.indexOf(name as (typeof DELETE_ORDER)[number]);
    let checked = 0;
    for (const name of DELETE_ORDER) {
      for (const fk of describePgTable(tables[name]).foreignKeys) {
        if (position(fk.foreignTable) === -1) continue;
        expect(position(fk.foreignTable), `${name} references ${fk.foreignTable}`).toBeGreaterThan(position(name));
        checked++;
      }
    }
    // Vote_v2 → Chat, Message_v2; Vote → Chat, Message; Message_v2 → Chat; Message → Chat.
    expect(checked).toBe(6);
  });
  it("covers every table that references a chat or its messages", () => {
    const referencing = Object.values(schema as unknown as Record<string, Parameters<typeof describePgTable>[0]>)
      .map((table) => describePgTable(table))
      .filter((info) => info.foreignKeys.some((fk) => ["Chat", "Message_v2", "Message"].includes(fk.foreignTable)))
      .map((info) => info.name)
      .sort();
    expect(referencing).toEqual(DELETE_ORDER.filter((t) => t !== "Chat").sort());
  });
});
