/** A state as a small pill: its words on its colour (app/components/ui/status.ts). */
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n";
import { POST_LABEL_IDS, POST_TONES, TONE_CLASS, type PostState, type Tone } from "./status";

export function StatusPill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`pill ${TONE_CLASS[tone]}`}>{children}</span>;
}

/** A job post's review state: "Waiting for approval", "Listed", "Declined" or "Closed" (needs the "jobs" messages on the page). */
export function PostStatusPill({ state }: { state: PostState }) {
  const t = useT();
  return <StatusPill tone={POST_TONES[state]}>{t(POST_LABEL_IDS[state])}</StatusPill>;
}
