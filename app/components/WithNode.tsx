/**
 * An element inside a translated sentence: the message gets SLOT as the placeholder's value
 * ("Conversation with {name}", "updated {date}") and withNode puts the element (a link, a <time>)
 * where it went, so each language keeps its own word order (decision 040).
 */
import type { ReactNode } from "react";

/** Stands for the element in the message's values; never rendered. */
export const SLOT = "\u0000";

/** `text` (a message with SLOT as one placeholder's value) with `node` in SLOT's place. */
export function withNode(text: string, node: ReactNode): ReactNode {
  const [before, after = ""] = text.split(SLOT);
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}
