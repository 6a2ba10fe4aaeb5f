/**
 * A small RSS 2.0 writer (pure): plain values in, one XML document out. Every text is escaped
 * (no CDATA needed), characters XML 1.0 does not allow are dropped, and dates are RFC 822 in UTC
 * as RSS asks ("Sat, 05 Dec 2026 10:00:00 GMT").
 */

export interface RssItem {
  title: string;
  link: string;
  /** A permanent link (written with isPermaLink="true"). */
  guid: string;
  pubDate: Date;
  description: string;
}

export interface RssChannel {
  title: string;
  link: string;
  description: string;
  /** The feed's own address (atom:link rel="self"). */
  self: string;
  lastBuildDate: Date;
  language?: string;
  items: readonly RssItem[];
}

// Characters XML 1.0 does not allow at all (imported text may carry them).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for an XML element or a quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** RFC 822 (with a four-digit year, as RFC 1123) in UTC. */
export const rfc822 = (date: Date): string => date.toUTCString();

const element = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;

function writeItem(item: RssItem): string {
  return [
    "<item>",
    element("title", item.title),
    element("link", item.link),
    `<guid isPermaLink="true">${xmlEscape(item.guid)}</guid>`,
    element("pubDate", rfc822(item.pubDate)),
    element("description", item.description),
    "</item>",
  ].join("");
}

export function writeRss(channel: RssChannel): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    element("description", channel.description),
    ...(channel.language ? [element("language", channel.language)] : []),
    `<atom:link href="${xmlEscape(channel.self)}" rel="self" type="application/rss+xml"/>`,
    element("lastBuildDate", rfc822(channel.lastBuildDate)),
    ...channel.items.map(writeItem),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
