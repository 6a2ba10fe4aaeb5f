import type { MetaDescriptor } from "@remix-run/node";

/** What search results and link previews say about a page that says nothing more specific. */
export const SITE_DESCRIPTION = "Ladder: a career network for students, alumni and job seekers that works on slow connections.";

/**
 * A page's title and meta description. Remix renders only the deepest route's meta, so every
 * page gives both through this (decision 022); public pages say what they are about.
 */
export function pageMeta(title: string, description: string = SITE_DESCRIPTION, ...more: MetaDescriptor[]): MetaDescriptor[] {
  return [{ title }, { name: "description", content: description }, ...more];
}
