/** A state as a small pill: its words on its colour (app/components/ui/status.ts). */
import type { ReactNode } from "react";
import { POST_LABELS, POST_TONES, TONE_CLASS, type PostState, type Tone } from "./status";

export function StatusPill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`pill ${TONE_CLASS[tone]}`}>{children}</span>;
}

/** A job post's review state: "Waiting for review", "Listed", "Declined" or "Closed". */
export function PostStatusPill({ state }: { state: PostState }) {
  return <StatusPill tone={POST_TONES[state]}>{POST_LABELS[state]}</StatusPill>;
}
