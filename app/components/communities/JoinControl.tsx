/**
 * The community page's membership control for the viewer's standing (joinControl in post-rules):
 * sign in to join, ask, a sent request to withdraw, leave (through its confirmation page), or
 * the word that a banned member cannot ask. Each is a plain form or link to
 * /communities/<id>/membership (ask, withdraw: POST; leave: GET shows the confirmation).
 */
import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import type { JoinControl as Control } from "~/modules/communities/post-rules";

export function JoinControl({ communityId, control }: { communityId: string; control: Control }) {
  const t = useT();
  const membership = `/communities/${communityId}/membership`;
  switch (control) {
    case "signIn":
      return (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`/communities/${communityId}`)}`}>{t("communityPosts.join.signIn")}</Link>
        </p>
      );
    case "banned":
      return <p className="text-stone-700">{t("communityPosts.join.banned")}</p>;
    case "leave":
      return (
        <p className="text-sm">
          {t("communityPosts.join.member")} <Link to={membership}>{t("communityPosts.join.leave")}</Link>
        </p>
      );
    case "withdraw":
      return (
        <Form method="post" action={membership} className="flex flex-wrap items-center gap-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="withdraw" />
          <span>{t("communityPosts.join.pending")}</span>
          <Button variant="secondary" size="sm">
            {t("communityPosts.join.withdraw")}
          </Button>
        </Form>
      );
    case "ask":
      return (
        <Form method="post" action={membership}>
          <CsrfInput />
          <input type="hidden" name="intent" value="ask" />
          <Button>{t("communityPosts.join.ask")}</Button>
        </Form>
      );
  }
}
