/** People, connections and notifications: every page is for signed-in members, about themselves. */
import { connect } from "../../../app/modules/network/connections.server";
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

export const rows: MatrixRow[] = [
  { name: "your network", method: "GET", path: () => "/network", expect: signedIn(200) },
  { name: "people search", method: "GET", path: () => "/people?q=member", expect: signedIn(200) },
  { name: "your notifications", method: "GET", path: () => "/notifications", expect: signedIn(200) },
  {
    name: "confirm removing the owner's connection (only the owner is connected to this member)",
    method: "GET",
    path: (fx) => `/network/remove/${fx.other.id}`,
    setup: async (ctx, fx) => {
      await connect(ctx, { me: fx.owner.id, otherId: fx.other.id });
      await connect(ctx, { me: fx.other.id, otherId: fx.owner.id });
      return {};
    },
    expect: { ...signedIn(404), owner: 200 },
  },
  {
    name: "send the owner a connection request (the owner cannot ask themselves)",
    method: "POST",
    path: () => "/network",
    form: (fx) => ({ intent: "connect", userId: fx.owner.id }),
    expect: { ...signedIn(302), owner: 400 },
  },
  {
    name: "answer a request to the owner (others are told there is no such request)",
    method: "POST",
    path: () => "/network",
    setup: async (ctx, fx) => {
      await connect(ctx, { me: fx.other.id, otherId: fx.owner.id });
      return {};
    },
    form: (fx) => ({ intent: "reject", userId: fx.other.id }),
    expect: signedIn(302),
  },
  {
    name: "mark the owner's notification read",
    method: "POST",
    path: () => "/notifications",
    setup: async (ctx, fx) => {
      await connect(ctx, { me: fx.other.id, otherId: fx.owner.id });
      const [note] = await ctx.db.select({ id: ctx.t.notification.id }).from(ctx.t.notification);
      return { noteId: note.id };
    },
    form: (fx) => ({ intent: "read", id: String(fx.noteId) }),
    expect: { ...signedIn(404), owner: 302 },
  },
  { name: "mark all your notifications read", method: "POST", path: () => "/notifications", form: () => ({ intent: "read-all" }), expect: signedIn(302) },
];
