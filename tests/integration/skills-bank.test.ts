/**
 * The question bank (issue 18, item 5), on both databases: career staff add, edit, retire and
 * restore skills and questions (a skill's name unique whatever the case, a question's text within
 * its skill), each write with its feature-usage row; members who are not staff change nothing
 * (the role is in the query); editing a question leaves a draw's stored copy as it was shown;
 * an import stores the good rows in one transaction and names the bad ones, and an unreadable
 * file stores nothing. Also through the real app, JavaScript off: the 400s with messages and
 * values kept, the report page, the keyset pages of a long bank, and 403 for other members.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { readImportFile } from "../../app/modules/skills/bank-rules";
import { addQuestion, addSkill, bankQuestions, bankSkills, editQuestion, editSkill, importQuestions, setQuestionRetired, setSkillRetired } from "../../app/modules/skills/bank.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";

const staffOf = (m: Member) => ({ id: m.id, role: m.role as string });
const q = (question: string, correctIndex = 0) => ({ question, options: ["Right", "Wrong one", "Wrong two", "Wrong three"] as [string, string, string, string], correctIndex, explanation: "Because it is right." });
const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = "question,option_a,option_b,option_c,option_d,correct,explanation";

async function usage(ctx: Ctx, userId: string) {
  const rows = await ctx.db.select().from(ctx.t.feature_usage).where(eq(ctx.t.feature_usage.user_id, userId));
  return rows.filter((r) => r.feature_name === "skills_bank").map((r) => r.action);
}

async function questionsOf(ctx: Ctx, skillId: number) {
  return ctx.db.select().from(ctx.t.skill_questions).where(eq(ctx.t.skill_questions.skillId, skillId));
}

function uploadForm(name: string, text: string) {
  const form = new FormData();
  form.set("file", new File([bytes(text) as Uint8Array<ArrayBuffer>], name, { type: name.endsWith(".json") ? "application/json" : "text/csv" }));
  return form;
}

describeEachDatabase("the question bank", (db) => {
  it("lets career staff and admins add, edit, retire and restore a skill, its name unique whatever the case, each write counted", async () => {
    const ctx = db.ctx;
    const career = await createMember(ctx, { role: "career_team" });
    const admin = await createMember(ctx, { role: "admin" });
    const added = await addSkill(ctx, staffOf(career), { name: "Negotiation", description: "Getting to yes." });
    expect(added.kind).toBe("saved");
    const skillId = added.kind === "saved" ? added.skillId : 0;
    expect(await addSkill(ctx, staffOf(admin), { name: "  negotiation ".trim().toUpperCase(), description: "" })).toEqual({ kind: "nameTaken" });
    const other = await addSkill(ctx, staffOf(admin), { name: "Public Speaking", description: "" });
    expect(other.kind).toBe("saved");
    expect(await editSkill(ctx, staffOf(admin), skillId, { name: "public speaking", description: "" })).toEqual({ kind: "nameTaken" });
    expect(await editSkill(ctx, staffOf(admin), skillId, { name: "Negotiation at Work", description: "Agreeing terms." })).toEqual({ kind: "saved", skillId });
    expect(await setSkillRetired(ctx, staffOf(career), skillId, true)).toBe(true);
    let listed = (await bankSkills(ctx, staffOf(career))).find((s) => s.id === skillId);
    expect(listed).toMatchObject({ name: "Negotiation at Work", description: "Agreeing terms.", retired: true, questions: 0 });
    expect(await setSkillRetired(ctx, staffOf(career), skillId, false)).toBe(true);
    listed = (await bankSkills(ctx, staffOf(career))).find((s) => s.id === skillId);
    expect(listed?.retired).toBe(false);
    expect(await usage(ctx, career.id)).toEqual(["bank_skill_added", "bank_skill_retired", "bank_skill_restored"]);
    expect(await usage(ctx, admin.id)).toEqual(["bank_skill_added", "bank_skill_edited"]);
  });

  it("changes nothing for a member who is not staff, even one whose role was taken away after the check", async () => {
    const ctx = db.ctx;
    const career = await createMember(ctx, { role: "career_team" });
    const recruiter = await createMember(ctx, { role: "recruiter" });
    const added = await addSkill(ctx, staffOf(career), { name: "Sales", description: "" });
    const skillId = added.kind === "saved" ? added.skillId : 0;
    const questionAdded = await addQuestion(ctx, staffOf(career), skillId, q("What closes a sale?"));
    const questionId = questionAdded.kind === "saved" ? questionAdded.questionId : 0;
    expect(await addSkill(ctx, staffOf(recruiter), { name: "Hacked", description: "" })).toEqual({ kind: "missing" });
    expect(await bankSkills(ctx, staffOf(recruiter))).toEqual([]);
    // A session that still says career_team after the role was taken away: the WHERE reads the role now.
    const demoted = await createMember(ctx, { role: "career_team" });
    await ctx.db.update(ctx.t.User).set({ role: "user" }).where(eq(ctx.t.User.id, demoted.id));
    const stale = staffOf(demoted);
    expect(await editSkill(ctx, stale, skillId, { name: "Renamed", description: "" })).toEqual({ kind: "missing" });
    expect(await setSkillRetired(ctx, stale, skillId, true)).toBe(false);
    expect(await editQuestion(ctx, stale, skillId, questionId, q("Changed?"))).toEqual({ kind: "missing" });
    expect(await setQuestionRetired(ctx, stale, skillId, questionId, true)).toBe(false);
    expect(await addQuestion(ctx, stale, skillId, q("Sneaked in?"))).toEqual({ kind: "missing" });
    expect(await importQuestions(ctx, stale, skillId, [{ row: 2, ok: true, question: q("Imported?") }])).toEqual({ kind: "missing" });
    expect((await questionsOf(ctx, skillId)).map((r) => r.question)).toEqual(["What closes a sale?"]);
    const [skill] = await ctx.db.select().from(ctx.t.skills).where(eq(ctx.t.skills.id, skillId));
    expect(skill.name).toBe("Sales");
    expect(await usage(ctx, demoted.id)).toEqual([]);
  });

  it("adds, edits, retires and restores a question in place, refusing a text already in the skill's bank", async () => {
    const ctx = db.ctx;
    const career = await createMember(ctx, { role: "career_team" });
    const added = await addSkill(ctx, staffOf(career), { name: "Statistics", description: "" });
    const skillId = added.kind === "saved" ? added.skillId : 0;
    const first = await addQuestion(ctx, staffOf(career), skillId, q("What is a median?", 2));
    const firstId = first.kind === "saved" ? first.questionId : 0;
    await addQuestion(ctx, staffOf(career), skillId, q("What is a mode?"));
    expect(await addQuestion(ctx, staffOf(career), skillId, q("what is a   MEDIAN?"))).toEqual({ kind: "inBank" });
    expect(await editQuestion(ctx, staffOf(career), skillId, firstId, q("What is a mode?"))).toEqual({ kind: "inBank" });
    expect(await editQuestion(ctx, staffOf(career), skillId, firstId, { ...q("What is the median?", 1), explanation: "The middle value." })).toEqual({ kind: "saved", questionId: firstId });
    const page = await bankQuestions(ctx, staffOf(career), skillId, null);
    expect(page.questions[0]).toMatchObject({ id: firstId, question: "What is the median?", correctIndex: 1, explanation: "The middle value.", retired: false });
    expect(await setQuestionRetired(ctx, staffOf(career), skillId, firstId, true)).toBe(true);
    expect((await bankQuestions(ctx, staffOf(career), skillId, null)).questions[0].retired).toBe(true);
    // A question of another skill is not found through this one.
    const other = await addSkill(ctx, staffOf(career), { name: "Probability", description: "" });
    expect(await setQuestionRetired(ctx, staffOf(career), other.kind === "saved" ? other.skillId : 0, firstId, false)).toBe(false);
    expect(await setQuestionRetired(ctx, staffOf(career), skillId, firstId, false)).toBe(true);
    const counts = (await bankSkills(ctx, staffOf(career))).find((s) => s.id === skillId);
    expect(counts).toMatchObject({ questions: 2, liveQuestions: 2 });
    expect(await usage(ctx, career.id)).toEqual(["bank_skill_added", "bank_question_added", "bank_question_added", "bank_question_edited", "bank_question_retired", "bank_skill_added", "bank_question_restored"]);
  });

  it("leaves a draw's stored copy of a question as it was shown when the question is edited", async () => {
    const ctx = db.ctx;
    const career = await createMember(ctx, { role: "career_team" });
    const member = await createMember(ctx);
    const added = await addSkill(ctx, staffOf(career), { name: "Geography", description: "" });
    const skillId = added.kind === "saved" ? added.skillId : 0;
    const made = await addQuestion(ctx, staffOf(career), skillId, { question: "Capital of Egypt?", options: ["Cairo", "Giza", "Luxor", "Aswan"], correctIndex: 0, explanation: "Cairo is the capital." });
    const questionId = made.kind === "saved" ? made.questionId : 0;
    const shown = { questionId, question: "Capital of Egypt?", options: ["Cairo", "Giza", "Luxor", "Aswan"], correctIndex: 0, explanation: "Cairo is the capital.", shownOrder: [2, 0, 3, 1] };
    const [draw] = await ctx.db.insert(ctx.t.skill_draws).values({ user_id: member.id, skill_id: skillId, questions: [shown] }).returning({ id: ctx.t.skill_draws.id });
    await editQuestion(ctx, staffOf(career), skillId, questionId, { question: "Which city is Egypt's capital?", options: ["Alexandria", "Cairo", "Luxor", "Aswan"], correctIndex: 1, explanation: "Since 969." });
    const [after] = await ctx.db.select().from(ctx.t.skill_draws).where(eq(ctx.t.skill_draws.id, draw.id));
    expect(after.questions).toEqual([shown]);
    const [bank] = await questionsOf(ctx, skillId);
    expect(bank).toMatchObject({ question: "Which city is Egypt's capital?", correctIndex: 1 });
  });

  it("imports the good rows of a file in one go and names the bad ones, including a question already in the bank or repeated in the file", async () => {
    const ctx = db.ctx;
    const career = await createMember(ctx, { role: "career_team" });
    const added = await addSkill(ctx, staffOf(career), { name: "Accounting", description: "" });
    const skillId = added.kind === "saved" ? added.skillId : 0;
    await addQuestion(ctx, staffOf(career), skillId, q("What is an asset?"));
    const file = readImportFile(
      "bank.csv",
      bytes([HEADER, "What is a liability?,Owed,Owned,Earned,Spent,A,Money owed.", "What is an asset?,a,b,c,d,A,Dup.", "Bad row?,a,a,c,d,A,Why.", '"What is equity, exactly?",Owners\' share,Debt,Cash,Sales,1,"Assets minus ""liabilities""."', "what is a LIABILITY?,a,b,c,d,B,Again."].join("\n")),
    );
    if (!file.ok) throw new Error("unreadable");
    const outcome = await importQuestions(ctx, staffOf(career), skillId, file.rows);
    if (outcome.kind !== "imported") throw new Error("missing");
    expect(outcome.imported).toBe(2);
    expect(outcome.rows.filter((r) => !r.ok).map((r) => [r.row, !r.ok && r.problems[0].id])).toEqual([
      [3, "skillsBank.import.reason.inBank"],
      [4, "skillsBank.import.reason.optionsDuplicate"],
      [6, "skillsBank.import.reason.inFile"],
    ]);
    const stored = await questionsOf(ctx, skillId);
    expect(stored.map((r) => r.question).sort()).toEqual(["What is a liability?", "What is an asset?", "What is equity, exactly?"]);
    const equity = stored.find((r) => r.question.startsWith("What is equity"))!;
    expect(equity.options).toEqual(["Owners' share", "Debt", "Cash", "Sales"]);
    const [details] = await ctx.db.select().from(ctx.t.skill_question_details).where(eq(ctx.t.skill_question_details.question_id, equity.id));
    expect(details.explanation).toBe('Assets minus "liabilities".');
    expect(await usage(ctx, career.id)).toEqual(["bank_skill_added", "bank_question_added", "bank_questions_imported"]);
  });

  it("through the app: staff add a skill and a question by form, get 400s with messages beside the fields and their words kept, and import a file with a report", async () => {
    const ctx = db.ctx;
    const career = await createMember(ctx, { role: "career_team" });
    const browser = await signedInClient(ctx, career);
    expect((await browser.get("/skills/manage")).status).toBe(200);
    const empty = await browser.post("/skills/manage", { name: "", description: "Kept description" });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Enter the skill's name.");
    expect(empty.html).toContain('value="Kept description"');
    const made = await browser.post("/skills/manage", { name: "Interviewing", description: "Answering well." });
    expect(made.status).toBe(302);
    const href = made.location!;
    expect(href).toMatch(/^\/skills\/manage\/\d+$/);
    const again = await browser.post("/skills/manage", { name: "INTERVIEWING", description: "" });
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain("A skill with this name already exists.");

    const question = { question: "What does STAR stand for?", option_a: "Situation, Task, Action, Result", option_b: "Start, Talk, Answer, Rest", option_c: "situation, task, action, result", option_d: "Skill, Talent, Ability, Role", explanation: "The STAR method." };
    const refused = await browser.post(`${href}/questions/new`, question);
    expect(refused.status).toBe(400);
    const words = textOf(refused.html);
    expect(words).toContain("Choose which option is correct.");
    expect(words).toContain("This option repeats another one.");
    expect(refused.html).toContain('value="Start, Talk, Answer, Rest"');
    const saved = await browser.post(`${href}/questions/new`, { ...question, option_c: "Say, Think, Ask, Repeat", correct: "0" });
    expect(saved.status).toBe(302);
    expect(textOf((await browser.get(href)).html)).toContain("What does STAR stand for?");

    const report = await browser.post(`${href}/import`, uploadForm("questions.csv", [HEADER, "Why this job?,Show fit,Money only,No reason,Boredom,A,Show fit.", "Broken?,a,b,c,d,9,Why."].join("\n")));
    expect(report.status).toBe(200);
    const said = textOf(report.html);
    expect(said).toContain("Imported 1 of 2 rows.");
    expect(said).toContain("Row 3:");
    expect(said).toContain("The correct answer is out of range");
    const skillId = Number(href.split("/").pop());
    expect(await questionsOf(ctx, skillId)).toHaveLength(2);

    const allBad = await browser.post(`${href}/import`, uploadForm("questions.json", JSON.stringify([{ question: "Q?", options: ["a", "b"], correctIndex: 0, explanation: "E." }])));
    expect(allBad.status).toBe(400);
    expect(textOf(allBad.html)).toContain("Row 1:");
  });

  it("through the app: an unreadable file imports nothing and says why beside the file field", async () => {
    const ctx = db.ctx;
    const admin = await createMember(ctx, { role: "admin" });
    const added = await addSkill(ctx, staffOf(admin), { name: "Typing", description: "" });
    const href = `/skills/manage/${added.kind === "saved" ? added.skillId : 0}/import`;
    const browser = await signedInClient(ctx, admin);
    const cases: [FormData, string][] = [
      [uploadForm("questions.txt", `${HEADER}\nQ?,a,b,c,d,A,E.`), "Choose a .csv or a .json file."],
      [uploadForm("questions.csv", `question,answer\nQ?,a`), "The first row must name the columns"],
      [uploadForm("questions.csv", `${HEADER}\n"Q?,a,b,c,d,A,E.\nQ2?,a,b,c,d,A,E.`), "is never closed"],
      [uploadForm("questions.json", '[{"question": "Q?"'), "The file is not valid JSON."],
      [new FormData(), "Choose a file to import."],
    ];
    for (const [form, message] of cases) {
      const res = await browser.post(href, form);
      expect(res.status, message).toBe(400);
      expect(textOf(res.html), message).toContain(message);
    }
    expect(await ctx.db.select().from(ctx.t.skill_questions)).toHaveLength(0);
    expect(await usage(ctx, admin.id)).toEqual(["bank_skill_added"]);
  });

  it("through the app: pages a long bank 30 questions at a time by id, refuses a changed page link, and refuses other members", async () => {
    const ctx = db.ctx;
    const career = await createMember(ctx, { role: "career_team" });
    const added = await addSkill(ctx, staffOf(career), { name: "Trivia", description: "" });
    const skillId = added.kind === "saved" ? added.skillId : 0;
    const file = readImportFile("bank.json", bytes(JSON.stringify(Array.from({ length: 55 }, (_, i) => q(`Trivia question number ${i + 1}?`)))));
    if (!file.ok) throw new Error("unreadable");
    await importQuestions(ctx, staffOf(career), skillId, file.rows);
    const browser = await signedInClient(ctx, career);
    const first = await browser.get(`/skills/manage/${skillId}`);
    const words = textOf(first.html);
    expect(words).toContain("Trivia question number 30?");
    expect(words).not.toContain("Trivia question number 31?");
    const next = /href="(\/skills\/manage\/\d+\?after=[^"]+)"/.exec(first.html)?.[1].replaceAll("&amp;", "&");
    expect(next).toBeTruthy();
    const second = textOf((await browser.get(next!)).html);
    expect(second).toContain("Trivia question number 55?");
    expect(second).not.toContain("Trivia question number 30?");
    expect((await browser.get(`/skills/manage/${skillId}?after=forged`)).status).toBe(400);

    const member = await signedInClient(ctx, await createMember(ctx, { role: "recruiter" }));
    expect((await member.get(`/skills/manage/${skillId}`)).status).toBe(403);
    expect((await member.post("/skills/manage", { name: "Nope", description: "" })).status).toBe(403);
    const visitor = await appClient(ctx);
    const away = await visitor.get("/skills/manage");
    expect(away.status).toBe(302);
    expect(away.location).toContain("/login");
    expect((await browser.get("/skills/manage/999999")).status).toBe(404);
  });
});
