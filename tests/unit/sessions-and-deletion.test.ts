import { describe, expect, it } from "vitest";
import { deleteAccountSchema, removeAccountFiles } from "~/modules/profile/delete-account.server";
import type { Storage } from "~/services/storage.server";
import { endSessionSchema } from "~/modules/accounts/manage-sessions.server";
import { browserOnSystem, deviceLabel, sessionViews } from "~/modules/accounts/session-view";

describe("device words", () => {
  it("name each parsed device type in plain words, unknown ones included", () => {
    expect(deviceLabel("mobile")).toBe("Phone");
    expect(deviceLabel("tablet")).toBe("Tablet");
    expect(deviceLabel("desktop")).toBe("Computer");
    expect(deviceLabel("unknown")).toBe("Unknown device");
    expect(deviceLabel(null)).toBe("Unknown device");
    expect(browserOnSystem("Firefox", "Android")).toBe("Firefox on Android");
    expect(browserOnSystem(null, "")).toBe("Unknown browser on Unknown system");
  });
});

describe("the sessions list", () => {
  const row = (id: string, minutes: number) => ({
    id,
    ip: id === "b" ? null : "203.0.113.7",
    deviceType: "mobile",
    browser: "Chrome",
    os: "Android",
    startedAt: new Date(Date.UTC(2026, 10, 1, 8, 0)),
    lastActivityAt: new Date(Date.UTC(2026, 10, 26, 9, minutes)),
  });

  it("puts the session in use first and marks only it as this device", () => {
    const views = sessionViews([row("a", 30), row("b", 20), row("c", 10)], "c");
    expect(views.map((v) => v.id)).toEqual(["c", "a", "b"]);
    expect(views.map((v) => v.current)).toEqual([true, false, false]);
  });

  it("shows the IP address as stored, and 'unknown' when none was recorded", () => {
    const views = sessionViews([row("a", 30), row("b", 20)], "a");
    expect(views[0].ip).toBe("203.0.113.7");
    expect(views[1].ip).toBe("unknown");
    expect(views[0].lastActive).toBe("26 Nov 2026, 09:30 UTC");
    expect(views[0].started).toBe("1 Nov 2026, 08:00 UTC");
  });

  it("shows the times in the member's zone, and names it", () => {
    const [view] = sessionViews([row("a", 30)], "a", "Asia/Dubai");
    expect(view.lastActive).toBe("26 Nov 2026, 13:30 Asia/Dubai (GMT+4)");
    expect(view.started).toBe("1 Nov 2026, 12:00 Asia/Dubai (GMT+4)");
  });
});

describe("the end-session form", () => {
  it("accepts ending one session by its id, or all others", () => {
    const id = "0b6f7a62-3f5e-4d9a-9a0e-2f1c1d3e4b5a";
    expect(endSessionSchema.parse({ intent: "end", sessionId: id })).toEqual({ intent: "end", sessionId: id });
    expect(endSessionSchema.parse({ intent: "end-others" })).toEqual({ intent: "end-others" });
  });

  it("refuses a session id that is not a uuid (PostgreSQL would fail on it) and unknown intents", () => {
    expect(endSessionSchema.safeParse({ intent: "end", sessionId: "1 or 1=1" }).success).toBe(false);
    expect(endSessionSchema.safeParse({ intent: "end" }).success).toBe(false);
    expect(endSessionSchema.safeParse({ intent: "end-all" }).success).toBe(false);
  });
});

describe("the delete-account form", () => {
  it("needs the confirmation box ticked", () => {
    const result = deleteAccountSchema.safeParse({ password: "whatever it is" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["confirm"]);
    expect(result.error?.issues[0].message).toMatch(/Tick the box/);
    expect(deleteAccountSchema.safeParse({ password: "whatever it is", confirm: "on" }).success).toBe(false);
  });

  it("passes the password or typed email on to the check, which knows which one the member needs", () => {
    expect(deleteAccountSchema.parse({ password: "pw here", confirm: "yes" })).toEqual({ password: "pw here", confirm: "yes" });
    expect(deleteAccountSchema.parse({ email: " Me@Example.com ", confirm: "yes" })).toEqual({ email: "Me@Example.com", confirm: "yes" });
  });
});

describe("removing a deleted account's files", () => {
  const fakeStore = (failOn?: string) => {
    const deleted: string[] = [];
    const store: Storage = {
      put: async () => {},
      get: async () => null,
      delete: async (key) => {
        if (key === failOn) throw new Error("disk on fire");
        deleted.push(key);
      },
    };
    return { store, deleted };
  };
  const avatar = `avatar-${"ab".repeat(16)}.png`;

  it("removes our stored avatar and leaves other URLs (a Google picture, seed links) alone", async () => {
    const { store, deleted } = fakeStore();
    await removeAccountFiles([`/avatars/${avatar}`, "https://lh3.googleusercontent.com/a/x", "/uploads/cv/x.pdf"], store);
    expect(deleted).toEqual([avatar]);
  });

  it("logs a file it cannot remove instead of failing: the account is already gone", async () => {
    const { store } = fakeStore(avatar);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(" "));
    try {
      await expect(removeAccountFiles([`/avatars/${avatar}`], store)).resolves.toBeUndefined();
    } finally {
      console.error = original;
    }
    expect(errors).toEqual(["account_deleted: could not remove a stored file (disk on fire)"]);
  });
});
