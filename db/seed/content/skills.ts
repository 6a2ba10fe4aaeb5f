/**
 * Skill tests: real multiple-choice questions with one genuinely correct answer each.
 * The correct answer is written first here; the seeder shuffles the options
 * deterministically and records where the correct one landed (correctIndex 0-3).
 */
export interface SkillQuestionSource {
  question: string;
  /** [correct, wrong, wrong, wrong] */
  options: [string, string, string, string];
  /** Why the correct answer is right (shown on the result page; skill_question_details). */
  explanation?: string;
}

export interface SkillSource {
  name: string;
  /** One line on what the test covers (skill_details). */
  description?: string;
  questions: SkillQuestionSource[];
}

export const skillSources: SkillSource[] = [
  {
    name: "SQL",
    questions: [
      { question: "Which clause filters groups after GROUP BY has aggregated them?", options: ["HAVING", "WHERE", "ORDER BY", "LIMIT"] },
      { question: "Which join returns every row of the left table, with NULLs where the right table has no match?", options: ["LEFT JOIN", "INNER JOIN", "CROSS JOIN", "RIGHT JOIN"] },
      { question: "What does SELECT COUNT(*) FROM orders return?", options: ["The number of rows in orders", "The number of non-NULL values in the first column", "The sum of all numeric columns", "The number of columns in orders"] },
      { question: "How do you test whether the column phone has no value?", options: ["phone IS NULL", "phone = NULL", "phone == NULL", "phone EQUALS NULL"] },
      { question: "Which keyword removes duplicate rows from a query result?", options: ["DISTINCT", "SINGLE", "ONLY", "DIFFERENT"] },
      { question: "What does a PRIMARY KEY constraint guarantee for its column(s)?", options: ["Every value is unique and not NULL", "Values are unique but may be NULL", "Values may repeat but are never NULL", "Values are stored in descending order"] },
      { question: "Which aggregate function returns the arithmetic mean of a column?", options: ["AVG()", "MEAN()", "MIDDLE()", "AVERAGE_OF()"] },
      { question: "Which query returns the five highest salaries?", options: ["SELECT salary FROM employees ORDER BY salary DESC LIMIT 5", "SELECT salary FROM employees ORDER BY salary ASC LIMIT 5", "SELECT salary FROM employees LIMIT 5", "SELECT MAX(salary) FROM employees LIMIT 5"] },
      { question: "In SELECT dept, COUNT(*) FROM employees GROUP BY dept, what does each result row hold?", options: ["One department and how many employees it has", "One employee and their department", "The total number of departments only", "Every employee with a running count"] },
      { question: "Which statement deletes all rows of the table jobs but keeps the table itself?", options: ["DELETE FROM jobs", "DROP TABLE jobs", "ALTER TABLE jobs DROP COLUMN job_id", "REMOVE TABLE jobs"] },
    ],
  },
  {
    name: "JavaScript",
    questions: [
      { question: "What does typeof null evaluate to?", options: ['"object"', '"null"', '"undefined"', '"number"'] },
      { question: "What does [1, 2, 3].map(x => x * 2) return?", options: ["[2, 4, 6]", "[1, 2, 3, 1, 2, 3]", "12", "undefined"] },
      { question: "Which keyword declares a block-scoped binding that cannot be reassigned?", options: ["const", "var", "let", "static"] },
      { question: "What is the value of 0.1 + 0.2 === 0.3?", options: ["false", "true", "NaN", "It throws a TypeError"] },
      { question: 'What is the value of "5" + 3?', options: ['"53"', "8", "NaN", "It throws a TypeError"] },
      { question: 'What is the value of "5" - 3?', options: ["2", '"53"', '"2"', "NaN"] },
      { question: "Which array method adds an element to the end of the array?", options: ["push", "unshift", "shift", "pop"] },
      { question: "How does === differ from ==?", options: ["=== compares without converting types", "=== converts both sides to strings first", "=== only works on numbers", "There is no difference"] },
      { question: "What does await do inside an async function?", options: ["Pauses that function until the promise settles", "Blocks the whole JavaScript thread", "Starts a new operating-system thread", "Turns a callback into a synchronous call"] },
      { question: "What does JSON.parse('{\"a\": 1}').a evaluate to?", options: ["1", '"1"', "undefined", "{ a: 1 }"] },
    ],
  },
  {
    name: "Excel",
    questions: [
      { question: "Which function adds up all the numbers in a range?", options: ["SUM", "COUNT", "TOTALIF", "ADD"] },
      { question: "What does =VLOOKUP(A2, D:F, 3, FALSE) return?", options: ["The value in column F of the row whose column D exactly matches A2", "The third row of the range D:F", "The closest approximate match to A2 in column F", "The sum of columns D to F for A2"] },
      { question: "Which character makes a cell reference absolute, as in A1 that stays fixed when copied?", options: ["$", "#", "&", "@"] },
      { question: 'What does =COUNTIF(B2:B20, ">50") return?', options: ["How many cells in B2:B20 hold a value greater than 50", "The sum of the values above 50", "The first value above 50", "TRUE if any value is above 50"] },
      { question: 'What does =IF(C2>=60, "Pass", "Fail") show when C2 is 60?', options: ["Pass", "Fail", "TRUE", "#VALUE!"] },
      { question: "Which feature summarises a large table by dragging fields into rows, columns and values?", options: ["PivotTable", "Goal Seek", "Flash Fill", "Freeze Panes"] },
      { question: "What does the error #DIV/0! mean?", options: ["A formula divides by zero or by an empty cell", "A referenced cell was deleted", "A function name is misspelled", "The column is too narrow to show the number"] },
      { question: "What does =ROUND(3.14159, 2) return?", options: ["3.14", "3.15", "3", "3.1416"] },
      { question: "Which function returns the current date and updates each time the sheet recalculates?", options: ["TODAY()", "DATE()", "NOWDATE()", "CURRENT()"] },
      { question: "Which function joins the text of several cells into one?", options: ["CONCAT", "TRIM", "LEN", "ROUND"] },
    ],
  },
  {
    name: "Business English",
    questions: [
      { question: "Choose the correct sentence.", options: ["I look forward to hearing from you.", "I look forward to hear from you.", "I look forward for hearing from you.", "I am look forward to hearing from you."] },
      { question: "Complete the email: \"Please find ___ my CV and cover letter.\"", options: ["attached", "attaching", "attach", "attachment"] },
      { question: "Which closing suits a first email to a recruiter you have never met?", options: ["Kind regards,", "Cheers mate,", "Love,", "Bye!!"] },
      { question: "What does ASAP stand for?", options: ["As soon as possible", "As simple as planned", "After sales and purchase", "Answer sent at present"] },
      { question: "Complete: \"Each of the candidates ___ a short interview.\"", options: ["has", "have", "are having", "were have"] },
      { question: "What does it mean to \"follow up\" after an interview?", options: ["To contact the person again about what you discussed", "To walk behind the interviewer", "To cancel the next meeting", "To ask for a higher salary at once"] },
      { question: "Which request is the most polite?", options: ["Could you please send me the job description?", "Send me the job description.", "I want the job description now.", "You must send the job description."] },
      { question: "Complete: \"She has worked at the bank ___ 2021.\"", options: ["since", "for", "from ago", "during"] },
      { question: "What is a deadline?", options: ["The latest time by which something must be done", "The first day of a project", "A line that marks a page break", "A meeting that has been cancelled"] },
      { question: "Which word is spelled correctly?", options: ["receive", "recieve", "receeve", "reiceve"] },
    ],
  },
  {
    name: "Project Management",
    questions: [
      { question: "Which three constraints make up the classic project management triangle?", options: ["Scope, time and cost", "People, process and tools", "Risk, quality and budget owner", "Design, build and test"] },
      { question: "What is the critical path?", options: ["The longest chain of dependent tasks, which sets the shortest possible project duration", "The list of the most expensive tasks", "The tasks assigned to the project sponsor", "Any task that is late"] },
      { question: "In Scrum, who orders the product backlog?", options: ["The Product Owner", "The Scrum Master", "The developers by vote", "The customer's finance team"] },
      { question: "What does a Gantt chart show?", options: ["Tasks against a timeline, with their durations and dependencies", "The organisation's reporting lines", "Monthly cash flow", "Customer satisfaction scores"] },
      { question: "What is a milestone in a project plan?", options: ["A significant point or event, with zero duration", "The longest task in the plan", "A task that has no owner", "A budget line for travel"] },
      { question: "What is scope creep?", options: ["Uncontrolled growth of the scope without adjusting time, cost or resources", "Cutting features to meet the deadline", "A formal change request that was approved", "Moving the project to a new team"] },
      { question: "In a RACI matrix, what do the letters stand for?", options: ["Responsible, Accountable, Consulted, Informed", "Required, Approved, Checked, Invoiced", "Risk, Action, Cost, Impact", "Review, Assign, Complete, Inspect"] },
      { question: "What does a risk register record?", options: ["Identified risks with their likelihood, impact, owner and response", "The hours every team member worked", "The signatures of the project sponsors", "The final lessons learned only"] },
      { question: "How long is a Scrum sprint?", options: ["A fixed time-box of one month or less", "As long as the biggest task needs", "Exactly six months", "It ends whenever the backlog is empty"] },
      { question: "What is a work breakdown structure (WBS)?", options: ["A hierarchical breakdown of the total scope into deliverables and work packages", "A chart of who reports to whom", "A list of the project's invoices", "A schedule of team holidays"] },
    ],
  },
  {
    name: "Python",
    questions: [
      { question: "What does len([1, [2, 3], 4]) return?", options: ["3", "4", "2", "It raises a TypeError"] },
      { question: "In Python 3, what is type(3 / 2)?", options: ["float", "int", "decimal", "fraction"] },
      { question: "What is 7 // 2?", options: ["3", "3.5", "4", "1"] },
      { question: "Which literal creates a dictionary?", options: ['{"a": 1}', '["a", 1]', '("a", 1)', '{"a", 1}'] },
      { question: 'What is "ladder"[1:4]?', options: ['"add"', '"ladd"', '"adde"', '"lad"'] },
      { question: "Which keyword catches an exception raised inside a try block?", options: ["except", "catch", "rescue", "handle"] },
      { question: "What does [x * x for x in range(4)] produce?", options: ["[0, 1, 4, 9]", "[1, 4, 9, 16]", "[0, 1, 2, 3]", "[0, 2, 4, 6]"] },
      { question: "Which of these built-in types is immutable?", options: ["tuple", "list", "dict", "set"] },
      { question: "Given def f(a, b=2): return a + b, what does f(3) return?", options: ["5", "3", "6", "It raises a TypeError"] },
      { question: 'What does with open("notes.txt") as fh: guarantee?', options: ["The file is closed when the block ends, even after an error", "The file is created if it is missing", "The file is read into memory at once", "The file is locked against other programs"] },
    ],
  },
];
