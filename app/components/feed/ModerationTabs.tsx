/**
 * The tabs at the top of /moderation (join requests) and /moderation/reports (the feed's reports),
 * shown to global moderators and admins, who work both queues. The loader sends the words
 * (feed/moderation.server.ts moderationTabs), so /moderation needs no catalog of the feed.
 */
import { Link } from "@remix-run/react";
import type { ModerationTab } from "~/modules/feed/moderation.server";

export function ModerationTabs({ nav }: { nav: { label: string; tabs: ModerationTab[] } | null }) {
  if (!nav) return null;
  return (
    <nav aria-label={nav.label} className="border-b border-stone-300">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {nav.tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              to={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center border-b-2 px-2 text-sm no-underline sm:px-3 sm:text-base ${
                tab.current ? "border-teal-800 font-semibold text-teal-900" : "border-transparent text-stone-700 hover:border-stone-400 hover:text-stone-900"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
