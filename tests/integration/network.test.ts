/** Connections, people search and notifications: the module rules and the pages through the real app, on both databases. */
import { and, eq, or } from "drizzle-orm";
import { expect, it } from "vitest";
import { changeConnection, connect, stateWith } from "../../app/modules/network/connections.server";
import { listNotifications, unreadCount } from "../../app/modules/network/notifications.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

async function pairRows(ctx: Ctx, a: string, b: string) {
  const c = ctx.t.connection;
  return ctx.db
    .select({ sender: c.sender_id, receiver: c.receiver_id, status: c.status, message: c.message })
    .from(c)
    .where(or(and(eq(c.sender_id, a), eq(c.receiver_id, b)), and(eq(c.sender_id, b), eq(c.receiver_id, a))));
}

async function notificationsOf(ctx: Ctx, userId: string) {
  const n = ctx.t.notification;
  return ctx.db.select({ type: n.type, from: n.related_user_id, connection: n.related_connection_id }).from(n).where(eq(n.user_id, userId));
}

describeEachDatabase("Connections between two members", (db) => {
  it("a request creates one pending row with its message and a request notification for the receiver", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    expect(await connect(db.ctx, { me: a.id, otherId: b.id, message: "  We met at the fair  " })).toBe("requested");
    expect(await pairRows(db.ctx, a.id, b.id)).toEqual([{ sender: a.id, receiver: b.id, status: "pending", message: "We met at the fair" }]);
    const notes = await notificationsOf(db.ctx, b.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: "connection_request", from: a.id });
    expect(await stateWith(db.ctx, a.id, b.id)).toBe("outgoing");
    expect(await stateWith(db.ctx, b.id, a.id)).toBe("incoming");
    expect(await unreadCount(db.ctx, b.id)).toBe(1);
  });

  it("a second request to the same member is refused and changes nothing", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    expect(await connect(db.ctx, { me: a.id, otherId: b.id })).toBe("already_requested");
    expect(await pairRows(db.ctx, a.id, b.id)).toHaveLength(1);
    expect(await notificationsOf(db.ctx, b.id)).toHaveLength(1);
  });

  it("connecting to someone who already asked you accepts their request instead of making a second row", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    expect(await connect(db.ctx, { me: b.id, otherId: a.id })).toBe("accepted");
    expect(await pairRows(db.ctx, a.id, b.id)).toEqual([expect.objectContaining({ sender: a.id, receiver: b.id, status: "accepted" })]);
    expect((await notificationsOf(db.ctx, a.id)).map((n) => n.type)).toEqual(["connection_accepted"]);
    // The request notification of b is gone once the request is answered.
    expect((await listNotifications(db.ctx, b.id)).rows).toHaveLength(0);
    expect(await stateWith(db.ctx, a.id, b.id)).toBe("connected");
    expect(await connect(db.ctx, { me: a.id, otherId: b.id })).toBe("already_connected");
  });

  it("nobody can connect to themselves or to a member who does not exist", async () => {
    const a = await createMember(db.ctx);
    expect(await connect(db.ctx, { me: a.id, otherId: a.id })).toBe("self");
    expect(await connect(db.ctx, { me: a.id, otherId: "00000000-0000-4000-8000-000000000000" })).toBe("not_found");
    expect(await connect(db.ctx, { me: a.id, otherId: "not-a-uuid" })).toBe("not_found");
  });

  it("only the receiver accepts or declines, and only the sender withdraws", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    const c = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    expect(await changeConnection(db.ctx, { me: a.id, otherId: b.id, intent: "accept" })).toBe("not_found");
    expect(await changeConnection(db.ctx, { me: c.id, otherId: a.id, intent: "accept" })).toBe("not_found");
    expect(await changeConnection(db.ctx, { me: b.id, otherId: a.id, intent: "withdraw" })).toBe("not_found");
    expect(await changeConnection(db.ctx, { me: a.id, otherId: b.id, intent: "remove" })).toBe("not_found");
    expect((await pairRows(db.ctx, a.id, b.id))[0].status).toBe("pending");
    expect(await changeConnection(db.ctx, { me: a.id, otherId: b.id, intent: "withdraw" })).toBe("done");
    expect(await pairRows(db.ctx, a.id, b.id)).toHaveLength(0);
    expect((await listNotifications(db.ctx, b.id)).rows).toHaveLength(0);
  });

  it("a declined request tells the sender nothing, and either side may ask again later on the same row", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    expect(await changeConnection(db.ctx, { me: b.id, otherId: a.id, intent: "reject" })).toBe("done");
    expect((await pairRows(db.ctx, a.id, b.id))[0].status).toBe("rejected");
    expect(await notificationsOf(db.ctx, a.id)).toEqual([]);
    expect(await notificationsOf(db.ctx, b.id)).toEqual([]);
    expect(await stateWith(db.ctx, a.id, b.id)).toBe("none");
    expect(await connect(db.ctx, { me: b.id, otherId: a.id })).toBe("requested");
    expect(await pairRows(db.ctx, a.id, b.id)).toEqual([expect.objectContaining({ sender: b.id, receiver: a.id, status: "pending" })]);
    const shown = (await listNotifications(db.ctx, a.id)).rows.map((n) => n.type).sort();
    expect(shown).toEqual(["connection_request"]);
  });

  it("either side removes an accepted connection; the accepted notification stays as history", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    await changeConnection(db.ctx, { me: b.id, otherId: a.id, intent: "accept" });
    expect(await changeConnection(db.ctx, { me: b.id, otherId: a.id, intent: "remove" })).toBe("done");
    expect(await pairRows(db.ctx, a.id, b.id)).toHaveLength(0);
    expect((await listNotifications(db.ctx, a.id)).rows.map((n) => n.type)).toEqual(["connection_accepted"]);
    expect(await changeConnection(db.ctx, { me: a.id, otherId: b.id, intent: "remove" })).toBe("not_found");
  });
});

describeEachDatabase("Network pages", (db) => {
  it("a member sends a request from /people, the other accepts on /network, and the header counts unread notifications", async () => {
    const a = await createMember(db.ctx, { name: "Amira Haddad" });
    const b = await createMember(db.ctx, { name: "Bilal Rao" });
    await db.ctx.db.update(db.ctx.t.User).set({ headline: "Data analyst", professional_skills: ["SQL", "Power_BI"] }).where(eq(db.ctx.t.User.id, b.id));
    const alice = await appClient(db.ctx);
    await alice.signIn(a);
    const byName = await alice.get("/people?q=BILAL");
    expect(byName.status).toBe(200);
    expect(textOf(byName.html)).toContain("Bilal Rao");
    expect(textOf((await alice.get("/people?q=power_bi")).html)).toContain("Bilal Rao");
    expect(textOf((await alice.get("/people?q=power%25bi")).html)).not.toContain("Bilal Rao");
    expect(textOf((await alice.get("/people?q=analyst")).html)).toContain("Bilal Rao");
    const sent = await alice.post("/network", { intent: "connect", userId: b.id, message: "Hello", back: "/people?q=bilal" });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe("/people?q=bilal");
    expect(textOf((await alice.get("/people?q=bilal")).html)).toContain("Request sent");

    const bob = await appClient(db.ctx);
    await bob.signIn(b);
    const home = await bob.get("/network");
    expect(textOf(home.html)).toMatch(/Notifications\s*1\s+unread/);
    expect(textOf(home.html)).toContain("Amira Haddad");
    expect(textOf(home.html)).toMatch(/“\s*Hello\s*”/);
    expect(textOf((await bob.get("/notifications")).html)).toContain("Amira Haddad would like to connect with you.");
    const accepted = await bob.post("/network", { intent: "accept", userId: a.id });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/network");
    expect((await pairRows(db.ctx, a.id, b.id))[0].status).toBe("accepted");

    const aliceNotes = await alice.get("/notifications");
    expect(textOf(aliceNotes.html)).toContain("Bilal Rao accepted your connection request.");
    expect(textOf(aliceNotes.html)).toMatch(/Notifications\s*1\s+unread/);
    expect((await alice.post("/notifications", { intent: "read-all" })).status).toBe(302);
    expect(textOf((await alice.get("/notifications")).html)).not.toContain("unread");
    const profile = await alice.get(`/u/${b.id}`);
    expect(profile.html).toContain(`href="/messages/${b.id}"`);
    expect(profile.html).toContain(`href="/network/remove/${b.id}"`);
  });

  it("removing a connection has a confirmation page, then the connection is gone", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx, { name: "Chen Li" });
    await connect(db.ctx, { me: a.id, otherId: b.id });
    await connect(db.ctx, { me: b.id, otherId: a.id });
    const browser = await appClient(db.ctx);
    await browser.signIn(a);
    const confirm = await browser.get(`/network/remove/${b.id}`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("Remove Chen Li from your connections?");
    const removed = await browser.post("/network", { intent: "remove", userId: b.id, back: "/network" });
    expect(removed.status).toBe(302);
    expect(await pairRows(db.ctx, a.id, b.id)).toHaveLength(0);
    expect((await browser.get(`/network/remove/${b.id}`)).status).toBe(404);
  });

  it("a message over 300 characters is refused with the typed text back, and nothing is sent", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(a);
    const long = "x".repeat(301);
    const res = await browser.post("/network", { intent: "connect", userId: b.id, message: long });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("Keep the message to 300 characters or fewer.");
    expect(res.html).toContain(long);
    expect(await pairRows(db.ctx, a.id, b.id)).toHaveLength(0);
  });

  it("connecting to yourself through the form is a 400 with a way back, and a broken form is a 400", async () => {
    const a = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(a);
    const self = await browser.post("/network", { intent: "connect", userId: a.id });
    expect(self.status).toBe(400);
    expect(textOf(self.html)).toContain("You cannot connect to yourself.");
    expect((await browser.post("/network", { intent: "explode", userId: a.id })).status).toBe(400);
  });

  it("a member cannot mark another member's notification as read", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    const [note] = await db.ctx.db.select({ id: db.ctx.t.notification.id }).from(db.ctx.t.notification);
    const browser = await appClient(db.ctx);
    await browser.signIn(a);
    expect((await browser.post("/notifications", { intent: "read", id: note.id })).status).toBe(404);
    expect(await unreadCount(db.ctx, b.id)).toBe(1);
  });

  it("lists page with keyset cursors and refuse a tampered cursor", async () => {
    const me = await createMember(db.ctx);
    for (let i = 0; i < 23; i++) {
      const other = await createMember(db.ctx, { name: `Pager ${i}` });
      await connect(db.ctx, { me: me.id, otherId: other.id });
    }
    const browser = await appClient(db.ctx);
    await browser.signIn(me);
    const first = await browser.get("/people?q=pager");
    const next = /href="(\/people\?[^"]*cursor=[^"]+)"/.exec(first.html)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toBeTruthy();
    const second = await browser.get(next!);
    expect(second.status).toBe(200);
    const names = (html: string) => [...new Set([...textOf(html).matchAll(/Pager \d+/g)].map((m) => m[0]))];
    expect(names(first.html).length + names(second.html).length).toBe(23);
    expect(new Set([...names(first.html), ...names(second.html)]).size).toBe(23);
    expect((await browser.get("/people?cursor=abc.def")).status).toBe(400);
  });
});
