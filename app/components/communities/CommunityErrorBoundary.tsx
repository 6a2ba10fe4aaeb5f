/** The error page of the community routes, with the way back to the communities. */
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { useT } from "~/lib/i18n";

export function CommunityErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
