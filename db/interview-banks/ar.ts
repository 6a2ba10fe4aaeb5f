/** Placeholder (being written): the ar bank. */
import type { Bank } from "./index";

export const bank: Bank = {
  behavioral: [
    { id: 1001, text: "Placeholder behavioral question 1?", covers: ["a clear example", "the result"] },
    { id: 1002, text: "Placeholder behavioral question 2?", covers: ["a clear example", "the result"] },
    { id: 1003, text: "Placeholder behavioral question 3?", covers: ["a clear example", "the result"] },
  ],
  technical: [
    { id: 2001, text: "Placeholder technical question 1?", covers: ["a clear example", "the result"] },
    { id: 2002, text: "Placeholder technical question 2?", covers: ["a clear example", "the result"] },
    { id: 2003, text: "Placeholder technical question 3?", covers: ["a clear example", "the result"] },
  ],
  situational: [
    { id: 3001, text: "Placeholder situational question 1?", covers: ["a clear example", "the result"] },
    { id: 3002, text: "Placeholder situational question 2?", covers: ["a clear example", "the result"] },
    { id: 3003, text: "Placeholder situational question 3?", covers: ["a clear example", "the result"] },
  ],
  hr: [
    { id: 4001, text: "Placeholder hr question 1?", covers: ["a clear example", "the result"] },
    { id: 4002, text: "Placeholder hr question 2?", covers: ["a clear example", "the result"] },
    { id: 4003, text: "Placeholder hr question 3?", covers: ["a clear example", "the result"] },
  ],
  case: [
    { id: 5001, text: "Placeholder case question 1?", covers: ["a clear example", "the result"] },
    { id: 5002, text: "Placeholder case question 2?", covers: ["a clear example", "the result"] },
    { id: 5003, text: "Placeholder case question 3?", covers: ["a clear example", "the result"] },
  ],
  software: [
    { id: 6001, text: "Placeholder software question 1?", covers: ["a clear example", "the result"] },
    { id: 6002, text: "Placeholder software question 2?", covers: ["a clear example", "the result"] },
    { id: 6003, text: "Placeholder software question 3?", covers: ["a clear example", "the result"] },
  ],
  data: [
    { id: 7001, text: "Placeholder data question 1?", covers: ["a clear example", "the result"] },
    { id: 7002, text: "Placeholder data question 2?", covers: ["a clear example", "the result"] },
    { id: 7003, text: "Placeholder data question 3?", covers: ["a clear example", "the result"] },
  ],
  product: [
    { id: 8001, text: "Placeholder product question 1?", covers: ["a clear example", "the result"] },
    { id: 8002, text: "Placeholder product question 2?", covers: ["a clear example", "the result"] },
    { id: 8003, text: "Placeholder product question 3?", covers: ["a clear example", "the result"] },
  ],
  sales: [
    { id: 9001, text: "Placeholder sales question 1?", covers: ["a clear example", "the result"] },
    { id: 9002, text: "Placeholder sales question 2?", covers: ["a clear example", "the result"] },
    { id: 9003, text: "Placeholder sales question 3?", covers: ["a clear example", "the result"] },
  ],
  customer_support: [
    { id: 10001, text: "Placeholder customer_support question 1?", covers: ["a clear example", "the result"] },
    { id: 10002, text: "Placeholder customer_support question 2?", covers: ["a clear example", "the result"] },
    { id: 10003, text: "Placeholder customer_support question 3?", covers: ["a clear example", "the result"] },
  ],
};
