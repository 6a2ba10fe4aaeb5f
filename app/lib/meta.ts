import type { HeadersFunction, MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { translateMatches, type Translate } from "./i18n";

/**
 * A page that says nothing more specific is described by common.site.description, which metaFor
 * puts in place of this empty marker (so the English sentence is not in the browser's code).
 */
const SITE_DESCRIPTION = "";

/**
 * A page's title and meta description. Remix renders only the deepest route's meta, so every
 * page gives both through this (decision 022); public pages say what they are about.
 */
export function pageMeta(title: string, description: string = SITE_DESCRIPTION, ...more: MetaDescriptor[]): MetaDescriptor[] {
  return [{ title }, { name: "description", content: description }, ...more];
}

/**
 * A route's meta in the reader's language (decision 040): `build` gets the translator over the
 * messages the page's loaders sent. When the route failed, its messages never came, so the page
 * is titled by its error instead. A description left out is the site's, translated.
 */
export function metaFor(
  args: { matches: ReadonlyArray<{ id: string; data: unknown }>; error?: unknown },
  build: (t: Translate) => MetaDescriptor[],
): MetaDescriptor[] {
  const t = translateMatches(args.matches);
  if (args.error) {
    const status = isRouteErrorResponse(args.error) ? args.error.status : 500;
    return pageMeta(t("common.error.pageTitle", { status }), t("common.site.description"));
  }
  return build(t).map((tag) =>
    "name" in tag && tag.name === "description" && tag.content === SITE_DESCRIPTION ? { ...tag, content: t("common.site.description") } : tag,
  );
}

/**
 * The root's headers, and the Retry-After of a 429 kept on the page's response: a 429 thrown and
 * shown by the route's boundary (errorHeaders), or an action's 429 answer with its form
 * (actionHeaders). Remix drops both unless the route's `headers` passes them on.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, errorHeaders, parentHeaders }) => {
  const out = new Headers(parentHeaders);
  const retry = errorHeaders?.get("Retry-After") ?? actionHeaders?.get("Retry-After");
  if (retry) out.set("Retry-After", retry);
  return out;
};

/** For pages whose answer must never be cached (a token in the address, a password form). */
export const noStoreHeaders: HeadersFunction = ({ parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  headers.set("Cache-Control", "no-store");
  return headers;
};
