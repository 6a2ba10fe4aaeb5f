/**
 * With JavaScript only (root.tsx leaves it out in lite mode): tells the server how long the page
 * was open, with navigator.sendBeacon on pagehide and when a client-side navigation leaves it, and
 * reports each client-side navigation to a new path as a view (the server counts only documents).
 * The server applies the same rules as to documents (decision 049). Renders nothing.
 */
import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export const BEACON_PATH = "/analytics/beacon";

interface OpenView {
  id: string;
  path: string;
  startedAt: number;
  reported: boolean;
}

export function PageViewBeacon({ firstViewId }: { firstViewId: string }) {
  const { pathname } = useLocation();
  const view = useRef<OpenView | null>(null);

  useEffect(() => {
    const current = view.current;
    if (current?.path === pathname) return;
    if (current) sendTime(current);
    if (!current) {
      // The document's own view, recorded by the server; it began when the navigation did.
      view.current = { id: firstViewId, path: pathname, startedAt: performance.timeOrigin, reported: false };
      return;
    }
    const next = { id: newViewId(), path: pathname, startedAt: Date.now(), reported: false };
    view.current = next;
    send({ kind: "view", id: next.id, path: next.path, title: document.title });
    // firstViewId is read on the first run only: later root data carries ids nobody recorded.
  }, [pathname, firstViewId]);

  useEffect(() => {
    const leave = () => {
      if (view.current) sendTime(view.current);
    };
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, []);

  return null;
}

function sendTime(view: OpenView) {
  if (view.reported) return;
  view.reported = true;
  send({ kind: "time", id: view.id, seconds: String(Math.max(0, Math.round((Date.now() - view.startedAt) / 1000))) });
}

function send(fields: Record<string, string>) {
  try {
    navigator.sendBeacon?.(BEACON_PATH, new URLSearchParams(fields));
  } catch {
    // A blocked beacon costs a number in the statistics, never the page.
  }
}

/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newViewId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
