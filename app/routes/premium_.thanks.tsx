import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ThankYou } from "~/components/ThankYou";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  return pageMessages(request, ["signups"]);
}

export default function PremiumThanks() {
  const t = useT();
  return <ThankYou message={t("signups.premium.thanks")} />;
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("signups.premium.thanksTitle")));
