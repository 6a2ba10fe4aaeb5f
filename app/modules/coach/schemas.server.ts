import { z } from "zod";
import { MESSAGE_MAX } from "./rules";

export const messageSchema = z.object({
  message: z
    .string({ required_error: "Write a message to the coach." })
    .trim()
    .min(1, "Write a message to the coach.")
    .max(MESSAGE_MAX, `Keep your message under ${MESSAGE_MAX.toLocaleString("en")} characters.`),
});
