/**
 * The post forms (decision 038): a new post or an edit (an update, or an event with its day,
 * time, optional end and a place or an online link, typed in the writer's zone), the community
 * page's "tell me about new events" switch, and their messages as ids of
 * app/locales/<lang>/communityPosts.json (readForm says them in the reader's language).
 */
import { z } from "zod";
import { multiLine, singleLine } from "~/lib/text-fields.server";
import { readMoment, type MomentProblem } from "./event-time";
import { EVENT_PLACE_MAX, EVENT_URL_MAX, isWebAddress, POST_CONTENT_MAX, type PostType } from "./post-rules";

export const POST_MESSAGES = {
  contentRequired: "communityPosts.form.contentRequired",
  contentTooLong: "communityPosts.form.contentTooLong",
  type: "communityPosts.form.type",
  dayMissing: "communityPosts.form.dayMissing",
  dayInvalid: "communityPosts.form.dayInvalid",
  timeMissing: "communityPosts.form.timeMissing",
  timeInvalid: "communityPosts.form.timeInvalid",
  startRequired: "communityPosts.form.startRequired",
  endBeforeStart: "communityPosts.form.endBeforeStart",
  placeTooLong: "communityPosts.form.placeTooLong",
  urlTooLong: "communityPosts.form.urlTooLong",
  urlInvalid: "communityPosts.form.urlInvalid",
  placeOrLink: "communityPosts.form.placeOrLink",
  unknownForm: "communityPosts.form.unknownForm",
} as const;

/** The fields a post form shows again after a problem (what was typed). */
export const POST_FIELDS = ["type", "content", "startDate", "startTime", "endDate", "endTime", "place", "onlineUrl"] as const;

export interface EventInput {
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  onlineUrl: string | null;
}

export type PostInput = { type: "update"; content: string; event: null } | { type: "event"; content: string; event: EventInput };

const typed = z.string().default("");

/**
 * A post as typed, checked as a whole so every wrong field gets its message at once. `fixedType`:
 * an edit keeps the post's type whatever the form says.
 */
export function postForm(zone: string, fixedType?: PostType) {
  return z
    .object({
      type: typed,
      content: multiLine(typed),
      startDate: typed,
      startTime: typed,
      endDate: typed,
      endTime: typed,
      place: singleLine(typed.transform((v) => v.trim())),
      onlineUrl: singleLine(typed.transform((v) => v.trim())),
    })
    .transform((form, ctx): PostInput => {
      let failed = false;
      const problem = (path: string, message: string, params?: Record<string, number>) => {
        failed = true;
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message, params });
      };
      const type = fixedType ?? (form.type === "" ? "update" : form.type);
      const content = form.content.trim();
      if (content === "") problem("content", POST_MESSAGES.contentRequired);
      else if ([...content].length > POST_CONTENT_MAX) problem("content", POST_MESSAGES.contentTooLong, { max: POST_CONTENT_MAX, length: [...content].length });
      if (type !== "update" && type !== "event") {
        problem("type", POST_MESSAGES.type);
        return z.NEVER;
      }
      if (type === "update") return failed ? z.NEVER : { type, content, event: null };

      const say = (prefix: "start" | "end", problems: { day?: MomentProblem; time?: MomentProblem }) => {
        if (problems.day) problem(`${prefix}Date`, POST_MESSAGES[problems.day]);
        if (problems.time) problem(`${prefix}Time`, POST_MESSAGES[problems.time]);
      };
      const start = readMoment(form.startDate, form.startTime, zone);
      if (!start.ok) say("start", start.problems);
      else if (start.at === null) problem("startDate", POST_MESSAGES.startRequired);
      const end = readMoment(form.endDate, form.endTime, zone);
      if (!end.ok) say("end", end.problems);
      const startsAt = start.ok ? start.at : null;
      const endsAt = end.ok ? end.at : null;
      if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) problem("endDate", POST_MESSAGES.endBeforeStart);

      const place = form.place;
      const onlineUrl = form.onlineUrl;
      if ([...place].length > EVENT_PLACE_MAX) problem("place", POST_MESSAGES.placeTooLong, { max: EVENT_PLACE_MAX });
      let url: string | null = null;
      if (onlineUrl !== "") {
        if (onlineUrl.length > EVENT_URL_MAX) problem("onlineUrl", POST_MESSAGES.urlTooLong, { max: EVENT_URL_MAX });
        else if (!isWebAddress(onlineUrl)) problem("onlineUrl", POST_MESSAGES.urlInvalid);
        else {
          url = new URL(onlineUrl).href;
          if (url.length > EVENT_URL_MAX) problem("onlineUrl", POST_MESSAGES.urlTooLong, { max: EVENT_URL_MAX });
        }
      }
      if (place === "" && onlineUrl === "") problem("place", POST_MESSAGES.placeOrLink);
      if (!startsAt || failed) return z.NEVER;
      return { type, content, event: { startsAt, endsAt, place: place || null, onlineUrl: url } };
    });
}

/** The community page's switch: tell me about new events, or stop. */
export const eventsSwitchForm = z.object({
  intent: z.enum(["events-on", "events-off"], { errorMap: () => ({ message: POST_MESSAGES.unknownForm }) }),
});
