/**
 * Grading a drawn skill test (issue 18, item 2): the answer fields a submit may carry, checked
 * against the draw, and the score with selectedAnswers in the spec's terms (indexes into the stored
 * options, UNANSWERED for a question left open).
 */
import { describe, expect, it } from "vitest";
import { answerField, grade, readAnswers } from "../../app/modules/skills/grading";
import { UNANSWERED } from "../../app/modules/skills/rules";

const draw = [
  { questionId: 11, correctIndex: 2 },
  { questionId: 12, correctIndex: 0 },
  { questionId: 13, correctIndex: 3 },
];

describe("readAnswers", () => {
  it("reads one answer per drawn question and counts the unanswered, ignoring the form's other fields", () => {
    const read = readAnswers(draw, [
      ["csrf", "token"],
      ["intent", "submit"],
      ["draw", "00000000-0000-4000-8000-000000000000"],
      [answerField(11), "2"],
      [answerField(13), "1"],
    ]);
    expect(read).toEqual({ ok: true, answers: new Map([[11, 2], [13, 1]]), unanswered: 1 });
  });

  it("refuses an answer to a question outside the draw", () => {
    expect(readAnswers(draw, [["q11", "2"], ["q99", "0"]])).toEqual({ ok: false, tamper: "foreign_question", field: "q99" });
  });

  it("refuses a question answered twice, even with the same option", () => {
    expect(readAnswers(draw, [["q12", "0"], ["q12", "0"]])).toEqual({ ok: false, tamper: "repeated_answer", field: "q12" });
  });

  it("refuses option indexes outside 0 to 3 and values that are not a digit", () => {
    for (const value of ["4", "9", "-1", "", "1.5", "01", "a", " 10"]) {
      expect(readAnswers(draw, [["q11", value]]), JSON.stringify(value)).toMatchObject({ ok: false, tamper: "bad_option" });
    }
    expect(readAnswers(draw, [["q11", new Blob(["1"])]])).toMatchObject({ ok: false, tamper: "bad_option" });
  });

  it("accepts every option from 0 to 3", () => {
    for (const value of ["0", "1", "2", "3"]) expect(readAnswers(draw, [["q11", value]])).toMatchObject({ ok: true });
  });
});

describe("grade", () => {
  it("scores a point per question whose stored right answer was chosen", () => {
    expect(grade(draw, new Map([[11, 2], [12, 0], [13, 3]]))).toEqual({ score: 3, total: 3, selectedAnswers: [2, 0, 3] });
  });

  it("counts an unanswered question as wrong and stores it as UNANSWERED, in the draw's order", () => {
    expect(grade(draw, new Map([[13, 3], [11, 1]]))).toEqual({ score: 1, total: 3, selectedAnswers: [1, UNANSWERED, 3] });
  });

  it("scores nothing when nothing is answered", () => {
    expect(grade(draw, new Map())).toEqual({ score: 0, total: 3, selectedAnswers: [UNANSWERED, UNANSWERED, UNANSWERED] });
  });
});
