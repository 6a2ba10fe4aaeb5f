/**
 * One member in a list (people, connections, conversations, applicants): their picture or
 * initials beside their name and whatever the list says about them.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Avatar } from "./Avatar";

interface MemberCardProps {
  id: string;
  name: string;
  avatarUrl: string | null;
  /** where the name links to (their profile, the conversation, the application) */
  href: string;
  /** read after the name by screen readers only, inside the link (", 2 unread") */
  hiddenSuffix?: string;
  /** beside the name, on the same line: a pill, an unread count */
  badge?: ReactNode;
  children?: ReactNode;
}

export function MemberCard({ id, name, avatarUrl, href, hiddenSuffix, badge, children }: MemberCardProps) {
  return (
    <div className="flex gap-3">
      <Avatar id={id} name={name} avatarUrl={avatarUrl} />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          {/* A member's name reads in its own direction, whatever the page's language. */}
          <Link to={href} className="break-words font-medium" dir="auto">
            {name}
            {hiddenSuffix ? <span className="sr-only">{hiddenSuffix}</span> : null}
          </Link>
          {badge}
        </p>
        {children}
      </div>
    </div>
  );
}
