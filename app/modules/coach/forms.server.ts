import { z } from "zod";
import { multiLine } from "~/lib/text-fields.server";
import { MESSAGE_MAX } from "./rules";

export const messageSchema = z.object({
  message: multiLine(
    z
      .string({ required_error: "Write a message to the coach." })
      .trim()
      .min(1, "Write a message to the coach.")
      .max(MESSAGE_MAX, `Keep your message under ${MESSAGE_MAX.toLocaleString("en")} characters.`),
  ),
});
