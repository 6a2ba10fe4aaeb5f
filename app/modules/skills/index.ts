/** What other areas may use of skills in the browser: pure rules only (decision 039). */
export { PASS_PERCENT, passes, percentOf } from "./rules";
