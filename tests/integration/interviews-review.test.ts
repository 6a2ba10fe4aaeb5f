/**
 * Feedback on interview answers (issue 19, item 3), on both databases: the offline reviewer
 * without a key, the AI review through the coach's client (the OpenAI mock), a provider failure
 * saving the offline review with ai_failed and a retry turning it into the AI review, ownership,
 * and the streaming route (POST /interviews/<id>/q/<n>/review).
 */
import { expect, it } from "vitest";
import { feedbackStates, reviewAnswer } from "../../app/modules/interviews/review.server";
import { withTx } from "../../db/tx";
import { appClient, createMember, signedInClient } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { answeredInterview, storedFeedback } from "../support/interview-answers";
import { useOpenAiMock } from "../support/openai-env";

const { mock: runningMock, online } = useOpenAiMock();


const ANSWER =
  "In my previous job our support queue had grown to 900 tickets. My task was to bring the reply time down. " +
  "I analysed the tickets, I wrote templates for the ten most common questions and I set up a daily triage. " +
  "As a result the reply time fell from 3 days to 6 hours within a month.";

type Frame = { delta?: string; done?: boolean; source?: string; html?: string; error?: string; offline?: string };
const framesOf = (body: string): Frame[] =>
  body
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Frame);

describeEachDatabase("Interview answer feedback", (db) => {
  it("without an OpenAI key the offline reviewer answers, saved with source offline and no AI call", async () => {
    const member = await createMember(db.ctx);
    const { progressIds } = await answeredInterview(db.ctx, member.id, [ANSWER]);
    const before = runningMock().requests.length;
    const state = await reviewAnswer(db.ctx, { userId: member.id, progressId: progressIds[0], lang: "en" });
    expect(runningMock().requests.length).toBe(before);
    expect(state).toMatchObject({ source: "offline", aiFailed: false, aiReady: false });
    expect(state!.text).toContain("**Strength:**");
    expect(state!.html).toContain("<strong>Strength:</strong>");
    expect(await storedFeedback(db.ctx, progressIds[0])).toEqual({ answer: ANSWER, text: state!.text, source: "offline", aiFailed: false });
  });

  it("with the OpenAI mock the AI review is saved with source ai, asked as an interview coach with the question, its notes and the member's language", async () => {
    online();
    const member = await createMember(db.ctx);
    const { progressIds } = await answeredInterview(db.ctx, member.id, ["First answer", ANSWER]);
    const before = runningMock().requests.length;
    const state = await reviewAnswer(db.ctx, { userId: member.id, progressId: progressIds[1], lang: "ar" });
    expect(runningMock().requests.length).toBe(before + 1);
    const asked = runningMock().requests[runningMock().requests.length - 1];
    expect(asked.stream).toBe(false);
    expect(asked.messages[0].role).toBe("system");
    expect(asked.messages[0].content).toContain("interview coach");
    expect(asked.messages[0].content).toContain("STAR");
    expect(asked.messages[0].content).toContain("Write your reply in Arabic.");
    expect(asked.messages[asked.messages.length - 1]).toEqual({ role: "user", content: ANSWER });
    expect(state).toMatchObject({ source: "ai", aiFailed: false, aiReady: true });
    expect(state!.text).toContain("Coach reply to: In my previous job");
    const saved = await storedFeedback(db.ctx, progressIds[1]);
    expect(saved).toEqual({ answer: ANSWER, text: state!.text, source: "ai", aiFailed: false });
    // Asked again (a double submit), the saved review stands and the AI is not asked twice.
    expect(await reviewAnswer(db.ctx, { userId: member.id, progressId: progressIds[1], lang: "ar" })).toMatchObject({ text: state!.text, source: "ai" });
    expect(runningMock().requests.length).toBe(before + 1);
    // The other answer is untouched.
    expect((await storedFeedback(db.ctx, progressIds[0]))?.text).toBeNull();
  });

  it("a provider failure saves the offline review with ai_failed and keeps the answer; a retry that succeeds makes it the AI review", async () => {
    online();
    const member = await createMember(db.ctx);
    const answer = `[[fail-once:500]] ${ANSWER} ${Math.random()}`;
    const { progressIds } = await answeredInterview(db.ctx, member.id, [answer]);
    const failed = await reviewAnswer(db.ctx, { userId: member.id, progressId: progressIds[0], lang: "en" });
    expect(failed).toMatchObject({ source: "offline", aiFailed: true, aiReady: true });
    expect(failed!.text).toContain("**Rewrite:**");
    expect(await storedFeedback(db.ctx, progressIds[0])).toEqual({ answer, text: failed!.text, source: "offline", aiFailed: true });
    expect((await feedbackStates(db.ctx, progressIds)).get(progressIds[0])).toMatchObject({ source: "offline", aiFailed: true });

    const retried = await reviewAnswer(db.ctx, { userId: member.id, progressId: progressIds[0], lang: "en" });
    expect(retried).toMatchObject({ source: "ai", aiFailed: false });
    expect(await storedFeedback(db.ctx, progressIds[0])).toEqual({ answer, text: retried!.text, source: "ai", aiFailed: false });
  });

  it("a rate limit (429) is a failure too: the offline review answers with ai_failed", async () => {
    online();
    const member = await createMember(db.ctx);
    const { progressIds } = await answeredInterview(db.ctx, member.id, [`[[fail:429]] ${ANSWER}`]);
    expect(await reviewAnswer(db.ctx, { userId: member.id, progressId: progressIds[0], lang: "en" })).toMatchObject({ source: "offline", aiFailed: true });
  });

  it("another member's answer (or no answer at all) gets null and nothing is written", async () => {
    online();
    const owner = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const { progressIds } = await answeredInterview(db.ctx, owner.id, [ANSWER]);
    const before = runningMock().requests.length;
    expect(await reviewAnswer(db.ctx, { userId: other.id, progressId: progressIds[0], lang: "en" })).toBeNull();
    expect(await reviewAnswer(db.ctx, { userId: owner.id, progressId: "not-a-uuid", lang: "en" })).toBeNull();
    expect(await reviewAnswer(db.ctx, { userId: owner.id, progressId: "00000000-0000-4000-8000-000000000000", lang: "en" })).toBeNull();
    expect(runningMock().requests.length).toBe(before);
    expect(await storedFeedback(db.ctx, progressIds[0])).toEqual({ answer: ANSWER, text: null, source: null, aiFailed: null });
  });

  it("refuses to call the AI inside a transaction, and writes nothing", async () => {
    const member = await createMember(db.ctx);
    const { progressIds } = await answeredInterview(db.ctx, member.id, [ANSWER]);
    await expect(withTx(db.ctx, (tx) => reviewAnswer(tx, { userId: member.id, progressId: progressIds[0], lang: "en" }))).rejects.toThrow("never inside a transaction");
    expect((await storedFeedback(db.ctx, progressIds[0]))?.text).toBeNull();
  });

  it("pending answers show as pending, reviewed ones with their source and safe HTML", async () => {
    const member = await createMember(db.ctx);
    const { progressIds } = await answeredInterview(db.ctx, member.id, [ANSWER, "Short"]);
    await reviewAnswer(db.ctx, { userId: member.id, progressId: progressIds[0], lang: "hi" });
    const states = await feedbackStates(db.ctx, [...progressIds, "junk"]);
    expect(states.size).toBe(2);
    expect(states.get(progressIds[0])).toMatchObject({ source: "offline", aiFailed: false });
    expect(states.get(progressIds[0])!.html).toContain("<strong>ख़ूबी:</strong>");
    expect(states.get(progressIds[1])).toEqual({ text: null, source: null, aiFailed: false });
  });

  it("the stream route sends the AI review in pieces, then done with its source, and saves it", async () => {
    online();
    const member = await createMember(db.ctx);
    const { interviewId, progressIds } = await answeredInterview(db.ctx, member.id, ["First", ANSWER]);
    const browser = await signedInClient(db.ctx, member);
    const res = await browser.post(`/interviews/${interviewId}/q/2/review`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/x-ndjson");
    const frames = framesOf(res.html);
    const deltas = frames.filter((f) => f.delta !== undefined);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((f) => f.delta).join("")).toContain("Coach reply to: In my previous job");
    const last = frames[frames.length - 1];
    expect(last).toMatchObject({ done: true, source: "ai" });
    expect(last.html).toContain("<strong>First</strong>");
    expect(runningMock().requests[runningMock().requests.length - 1].stream).toBe(true);
    expect(await storedFeedback(db.ctx, progressIds[1])).toMatchObject({ source: "ai", aiFailed: false, text: deltas.map((f) => f.delta).join("") });
    expect((await storedFeedback(db.ctx, progressIds[0]))?.text).toBeNull();

    // Asked again, the saved review comes back without a new AI call.
    const before = runningMock().requests.length;
    const again = framesOf((await browser.post(`/interviews/${interviewId}/q/2/review`)).html);
    expect(again).toEqual([expect.objectContaining({ done: true, source: "ai" })]);
    expect(runningMock().requests.length).toBe(before);
  });

  it("a failed stream sends the offline review as its error and saves it with ai_failed", async () => {
    online();
    const member = await createMember(db.ctx);
    const answer = `[[fail:500]] ${ANSWER}`;
    const { interviewId, progressIds } = await answeredInterview(db.ctx, member.id, [answer]);
    const browser = await signedInClient(db.ctx, member);
    const frames = framesOf((await browser.post(`/interviews/${interviewId}/q/1/review`)).html);
    const last = frames[frames.length - 1];
    expect(last.error).toContain("Your answer is saved");
    expect(last.offline).toContain("**Rewrite:**");
    expect(last.html).toContain("<strong>Rewrite:</strong>");
    expect(await storedFeedback(db.ctx, progressIds[0])).toEqual({ answer, text: last.offline, source: "offline", aiFailed: true });
  });

  it("without a key the stream route streams the offline review and saves it with source offline", async () => {
    const member = await createMember(db.ctx);
    const { interviewId, progressIds } = await answeredInterview(db.ctx, member.id, [ANSWER]);
    const browser = await signedInClient(db.ctx, member);
    const frames = framesOf((await browser.post(`/interviews/${interviewId}/q/1/review`)).html);
    expect(frames.filter((f) => f.delta).length).toBeGreaterThan(3);
    expect(frames[frames.length - 1]).toMatchObject({ done: true, source: "offline" });
    expect(await storedFeedback(db.ctx, progressIds[0])).toMatchObject({ source: "offline", aiFailed: false });
  });

  it("the stream route is 404 for another member, an unanswered or out-of-range question and a bad id, and 405 for GET", async () => {
    online();
    const owner = await createMember(db.ctx);
    const { interviewId, progressIds } = await answeredInterview(db.ctx, owner.id, [ANSWER]);
    const other = await signedInClient(db.ctx, await createMember(db.ctx));
    const before = runningMock().requests.length;
    const theirs = await other.post(`/interviews/${interviewId}/q/1/review`);
    expect(theirs.status).toBe(404);
    expect(JSON.parse(theirs.html).error).toBe("There is no such answer.");
    const browser = await signedInClient(db.ctx, owner);
    expect((await browser.post(`/interviews/${interviewId}/q/2/review`)).status).toBe(404);
    expect((await browser.post(`/interviews/${interviewId}/q/9/review`)).status).toBe(404);
    expect((await browser.post(`/interviews/${interviewId}/q/01/review`)).status).toBe(404);
    expect((await browser.post(`/interviews/nope/q/1/review`)).status).toBe(404);
    expect((await browser.get(`/interviews/${interviewId}/q/1/review`)).status).toBe(405);
    const anonymous = await appClient(db.ctx);
    expect((await anonymous.post(`/interviews/${interviewId}/q/1/review`)).status).toBe(302);
    expect(runningMock().requests.length).toBe(before);
    expect((await storedFeedback(db.ctx, progressIds[0]))?.text).toBeNull();
  });
});
