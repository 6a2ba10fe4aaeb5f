import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../app/env.server";

const base = { SESSION_SECRET: "x".repeat(40) };
const s3 = { ...base, STORAGE_DRIVER: "s3", S3_ENDPOINT: "http://127.0.0.1:4569", S3_BUCKET: "ladder-cv", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

const problemsOf = (source: Record<string, string>): string[] => {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
};

describe("choosing where uploaded files are stored", () => {
  it("keeps files on disk unless told otherwise, with us-east-1 as the S3 region", () => {
    const env = parseEnv(base);
    expect(env.STORAGE_DRIVER).toBe("disk");
    expect(env.S3_REGION).toBe("us-east-1");
  });

  it("accepts a complete S3 configuration", () => {
    const env = parseEnv({ ...s3, S3_REGION: "eu-central-1" });
    expect(env).toMatchObject({ STORAGE_DRIVER: "s3", S3_BUCKET: "ladder-cv", S3_REGION: "eu-central-1" });
  });

  it.each(["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])("refuses to start on S3 without %s, naming it", (name) => {
    const source: Record<string, string> = { ...s3 };
    delete source[name];
    expect(problemsOf(source)).toEqual([`${name} is required when STORAGE_DRIVER is s3`]);
  });

  it("does not ask for S3 variables when files stay on disk", () => {
    expect(problemsOf({ ...base, STORAGE_DRIVER: "disk" })).toEqual([]);
  });

  it("refuses an unknown driver and an endpoint with a path, naming the variable", () => {
    expect(problemsOf({ ...base, STORAGE_DRIVER: "ftp" })).toEqual(['STORAGE_DRIVER must be disk or s3 (got "ftp")']);
    expect(problemsOf({ ...s3, S3_ENDPOINT: "http://127.0.0.1:4569/bucket" })[0]).toMatch(/^S3_ENDPOINT must be an http/);
  });
});
