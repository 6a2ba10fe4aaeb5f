/** The device cookie's value (decision 055): what verifies, what does not, and the cap on accounts. */
import { describe, expect, it } from "vitest";
import { decodeDevice, DEVICE_ACCOUNTS_MAX, encodeDevice, rememberAccount, signedInBefore } from "../../app/modules/accounts/device-cookie.server";

const secret = "unit-test-secret-0123456789abcdef0123";

describe("the device cookie", () => {
  it("reads back what it wrote, and says which accounts the browser signed in to", () => {
    const device = rememberAccount(secret, rememberAccount(secret, null, "user-a"), "user-b");
    const read = decodeDevice(secret, encodeDevice(secret, device));
    expect(read).toEqual(device);
    expect(signedInBefore(secret, read, "user-a")).toBe(true);
    expect(signedInBefore(secret, read, "user-b")).toBe(true);
    expect(signedInBefore(secret, read, "user-c")).toBe(false);
    expect(signedInBefore(secret, null, "user-a")).toBe(false);
  });

  it("names no account in clear text", () => {
    const value = encodeDevice(secret, rememberAccount(secret, null, "0b6c1e1e-1111-4a4a-9999-123456789abc"));
    expect(value).not.toContain("0b6c1e1e");
  });

  it("keeps the same nonce across sign-ins, the newest account first, and at most 5 accounts", () => {
    let device = rememberAccount(secret, null, "user-0");
    const nonce = device.nonce;
    for (let i = 1; i <= DEVICE_ACCOUNTS_MAX; i++) device = rememberAccount(secret, device, `user-${i}`);
    expect(device.nonce).toBe(nonce);
    expect(device.tags).toHaveLength(DEVICE_ACCOUNTS_MAX);
    expect(signedInBefore(secret, device, "user-0")).toBe(false);
    expect(signedInBefore(secret, device, `user-${DEVICE_ACCOUNTS_MAX}`)).toBe(true);
    // Signing in again to an account already there moves it first without a duplicate.
    const again = rememberAccount(secret, device, "user-2");
    expect(again.tags).toHaveLength(DEVICE_ACCOUNTS_MAX);
    expect(new Set(again.tags).size).toBe(DEVICE_ACCOUNTS_MAX);
    expect(again.tags[0]).toBe(rememberAccount(secret, { nonce, tags: [] }, "user-2").tags[0]);
  });

  it("reads nothing from a value that is empty, malformed, too long, signed with another secret or altered", () => {
    const value = encodeDevice(secret, rememberAccount(secret, null, "user-a"));
    const altered = value.slice(0, 10) + (value[10] === "x" ? "y" : "x") + value.slice(11);
    const tooMany = encodeDevice(secret, { nonce: "n", tags: Array.from({ length: DEVICE_ACCOUNTS_MAX + 1 }, (_, i) => `t${i}`) });
    for (const bad of [null, "", "v1", "v1..", "v2.a.b.c", ".....", "x".repeat(5000), value.replace("v1", "v2"), altered, tooMany]) {
      expect(decodeDevice(secret, bad)).toBeNull();
    }
    expect(decodeDevice("another-secret-0123456789abcdef012345", value)).toBeNull();
  });
});
