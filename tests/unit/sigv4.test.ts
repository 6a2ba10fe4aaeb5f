import { describe, expect, it } from "vitest";
import { EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from "../../app/services/sigv4";

// The examples of "Signature Calculations for the Authorization Header" in the Amazon S3 API
// reference (Signature Version 4), with their published signatures.
const credentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const date = new Date("2013-05-24T00:00:00Z");

describe("signing S3 requests with AWS Signature Version 4", () => {
  it("gives the documented signature for the GET Object example", () => {
    const signed = signRequest({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { Range: "bytes=0-9" },
      payloadHash: EMPTY_SHA256,
      region: "us-east-1",
      credentials,
      date,
    });
    expect(signed.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    expect(signed.headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("gives the documented signature for the PUT Object example (an encoded $ in the key, a body hash)", () => {
    const body = "Welcome to Amazon S3.";
    expect(sha256Hex(body)).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const signed = signRequest({
      method: "PUT",
      url: new URL("https://examplebucket.s3.amazonaws.com/test$file.text"),
      headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
      payloadHash: sha256Hex(body),
      region: "us-east-1",
      credentials,
      date,
    });
    expect(signed.canonicalRequest.split("\n")[1]).toBe("/test%24file.text");
    expect(signed.signature).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("changes the signature when the secret is different", () => {
    const sign = (secretAccessKey: string) =>
      signRequest({ method: "GET", url: new URL("http://127.0.0.1:9000/bucket/cv-1.pdf"), payloadHash: EMPTY_SHA256, region: "us-east-1", credentials: { ...credentials, secretAccessKey }, date }).signature;
    expect(sign("one")).not.toBe(sign("two"));
  });

  it("encodes a key as S3 expects, keeping the slashes of a path", () => {
    expect(uriEncode("a b/c*(d)!'", true)).toBe("a%20b/c%2A%28d%29%21%27");
    expect(uriEncode("a/b")).toBe("a%2Fb");
  });
});
