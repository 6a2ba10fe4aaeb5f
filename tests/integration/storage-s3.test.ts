/**
 * The S3 storage driver against s3rver on 127.0.0.1 behind the signature-checking proxy of
 * tests/support/s3.ts (s3rver 3.7.1 itself accepts any Signature V4; see there).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount, removeAccountFiles } from "../../app/modules/profile/delete-account.server";
import { applyTarget, cvForViewer, submitApplication } from "../../app/modules/jobs/applications.server";
import { cvKey } from "../../app/modules/jobs/cv";
import { randomKey, S3Error, s3Storage, StorageKeyError } from "../../app/services/storage.server";
import { createMember } from "../support/app";
import { postJob } from "../support/applications";
import { pdfBytes } from "../support/cv-files";
import { freshDatabase } from "../support/db";
import { startS3, type TestS3 } from "../support/s3";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("S3 storage (s3rver)", () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.close();
  });

  it("stores bytes, returns them with their content type, and deletes them", async () => {
    const store = s3Storage(s3.config);
    const key = randomKey("cv", "pdf");
    const bytes = new Uint8Array(Buffer.from("%PDF-1.4\n\x00\xff binary bytes kept exactly\n%%EOF"));
    await store.put(key, bytes, "application/pdf");
    const got = await store.get(key);
    expect(got?.contentType).toBe("application/pdf");
    expect(Buffer.from(got!.bytes)).toEqual(Buffer.from(bytes));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("keeps a long content type such as DOCX's", async () => {
    const store = s3Storage(s3.config);
    const key = randomKey("cv", "docx");
    await store.put(key, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), DOCX_TYPE);
    expect((await store.get(key))?.contentType).toBe(DOCX_TYPE);
    await store.delete(key);
  });

  it("answers null for a key that was never stored, and deleting it is not an error", async () => {
    const store = s3Storage(s3.config);
    const key = randomKey("cv", "pdf");
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("refuses a key the app could not have made before any request is sent", async () => {
    const store = s3Storage(s3.config);
    await expect(store.put("../etc/passwd", new Uint8Array([1]), "application/pdf")).rejects.toBeInstanceOf(StorageKeyError);
    expect(await store.get("cv-../../x")).toBeNull();
  });

  it("is refused by the server when signed with the wrong secret (the signature is really checked)", async () => {
    const good = s3Storage(s3.config);
    const bad = s3Storage({ ...s3.config, secretAccessKey: "not-the-secret" });
    const key = randomKey("cv", "pdf");
    const put = bad.put(key, new Uint8Array(Buffer.from("%PDF-1.4")), "application/pdf");
    await expect(put).rejects.toBeInstanceOf(S3Error);
    await expect(put).rejects.toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    expect(await good.get(key)).toBeNull();

    await good.put(key, new Uint8Array(Buffer.from("%PDF-1.4")), "application/pdf");
    await expect(bad.get(key)).rejects.toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    await expect(bad.delete(key)).rejects.toMatchObject({ status: 403 });
    expect(await good.get(key)).not.toBeNull();
    await good.delete(key);
  });

  it("is refused when the body is not the one that was signed", async () => {
    const key = randomKey("cv", "pdf");
    const store = s3Storage(s3.config);
    await store.put(key, new Uint8Array(Buffer.from("%PDF-1.4 original")), "application/pdf");
    const { signRequest, sha256Hex } = await import("../../app/services/sigv4");
    const url = new URL(`${s3.config.endpoint}/${s3.config.bucket}/${key}`);
    const signed = signRequest({ method: "PUT", url, headers: { "content-type": "application/pdf" }, payloadHash: sha256Hex("%PDF-1.4 original"), region: "us-east-1", credentials: s3.config, date: new Date() });
    const response = await fetch(url, { method: "PUT", headers: signed.headers, body: "%PDF-1.4 tampered" });
    expect(response.status).toBe(400);
    expect(Buffer.from((await store.get(key))!.bytes).toString()).toBe("%PDF-1.4 original");
    await store.delete(key);
  });

  it("is refused for an unknown access key", async () => {
    const stranger = s3Storage({ ...s3.config, accessKeyId: "NOBODY" });
    await expect(stranger.get(randomKey("cv", "pdf"))).rejects.toMatchObject({ status: 403, code: "InvalidAccessKeyId" });
  });

  it("keeps an application's CV in the bucket, serves it to the applicant, and account deletion removes it", async () => {
    const db = await freshDatabase("sqlite");
    try {
      const store = s3Storage(s3.config);
      const poster = await createMember(db.ctx);
      const applicant = await createMember(db.ctx, { name: "Samir Haddad" });
      const job = await postJob(db.ctx, { posterId: poster.id });
      const target = await applyTarget(db.ctx, job.feed, job.jobId);
      if (!target.ok) throw new Error("the job should take applications");
      const outcome = await submitApplication(
        db.ctx,
        { userId: applicant.id, accountEmail: applicant.email, target, input: { name: "Samir Haddad", email: "s@example.com", coverLetter: "Hi" }, cv: { bytes: new Uint8Array(pdfBytes()), kind: "pdf" } },
        store,
      );
      if (!outcome.ok) throw new Error("the application should be sent");
      const cv = await cvForViewer(db.ctx, { id: poster.id, role: "user" }, outcome.id, store);
      expect(cv).toMatchObject({ contentType: "application/pdf", filename: "cv-samir-haddad.pdf" });
      expect(Buffer.from(cv!.bytes).subarray(0, 5).toString()).toBe("%PDF-");
      const deleted = await deleteAccount(db.ctx, applicant.id);
      if (!deleted.deleted) throw new Error("the account should be deleted");
      await removeAccountFiles(deleted.fileUrls, store);
      expect(await store.get(cvKey(outcome.id, "pdf"))).toBeNull();
    } finally {
      await db.close();
    }
  });
});
