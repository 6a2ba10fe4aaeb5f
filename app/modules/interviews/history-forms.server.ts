/**
 * The form of the streak-on-profile setting (decision 038): zod stays in .server modules; the
 * message is an id of app/locales/<lang>/interviewsHistory.json.
 */
import { z } from "zod";

export const streakSettingForm = z.object({
  show: z
    .enum(["on"], { errorMap: () => ({ message: "interviewsHistory.setting.badCheckbox" }) })
    .optional()
    .transform((v) => v === "on"),
});
