/**
 * Integration tests against the OpenAI-compatible mock: starts it for the file, and `online()`
 * points the app's OPENAI_* settings at it for one test (cleared after each; the app reads them
 * at each call). `mock()` is the running mock (its `requests`).
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import { startOpenAiMock, type OpenAiMock } from "./openai-mock";

export function useOpenAiMock(): { mock: () => OpenAiMock; online: () => void } {
  let running: OpenAiMock | undefined;
  beforeAll(async () => {
    running = await startOpenAiMock({ port: 0 });
  });
  afterAll(async () => {
    await running?.close();
  });
  afterEach(() => {
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_TIMEOUT_MS;
  });
  const mock = () => {
    if (!running) throw new Error("the OpenAI mock is not started yet");
    return running;
  };
  return {
    mock,
    online: () => {
      process.env.OPENAI_API_KEY = "test-key";
      process.env.OPENAI_BASE_URL = mock().url;
      process.env.OPENAI_TIMEOUT_MS = "1500";
    },
  };
}
